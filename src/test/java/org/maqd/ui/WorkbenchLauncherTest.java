package org.maqd.ui;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkbenchLauncherTest {
    @TempDir Path lib;

    @Test
    void saysWhatIsMissingBeforeTryingToOpenAWindow() throws Exception {
        String noDisplay = WorkbenchLauncher.toolkitProblem("Linux", null, "", null, List.of(lib));
        assertTrue(noDisplay.contains("no display"), noDisplay);
        String noGtk = WorkbenchLauncher.toolkitProblem("Linux", ":0", null, null, List.of(lib));
        assertTrue(noGtk.contains("GTK 3"), noGtk);
        Files.createFile(lib.resolve("libgtk-3.so.0"));
        assertNull(WorkbenchLauncher.toolkitProblem("Linux", ":0", null, null, List.of(lib)));
        assertNull(WorkbenchLauncher.toolkitProblem("Linux", null, "wayland-0", null, List.of(lib)));
        assertNull(WorkbenchLauncher.toolkitProblem("Windows 11", null, null, null, List.of()));
        assertNull(WorkbenchLauncher.toolkitProblem("Linux", null, null, "Monocle", List.of()), "headless Monocle needs no display");
        assertTrue(WorkbenchLauncher.GTK_FIX.contains("apt-get install -y libgtk-3-0 libgl1 libxtst6 libxxf86vm1"));
        assertTrue(WorkbenchLauncher.DISPLAY_FIX.contains("./maqd run experiments/quickstart.json"));
    }
}
