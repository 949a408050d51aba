package org.maqd.ui.vm;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maqd.ui.engine.Engine;

/** A training run does not start beside a local sweep in the same window (they halved each other's speed). */
class OneJobAtATimeTest {
    @Test
    void trainRefusesWhileALocalSweepRunsAndSaysWhy(@TempDir Path dir) {
        ShellViewModel shell = new ShellViewModel(Engine.standard(), Templates.quickstart(), null, dir.resolve("runs"),
                new RecentFiles(null));
        shell.sweep().runningProperty().set(true);
        assertFalse(shell.training().start());
        String why = shell.training().errorProperty().get();
        assertTrue(why.contains("sweep is running"), why);
        assertFalse(shell.training().stateProperty().get().active());
        shell.sweep().onClusterProperty().set(true);   // the toggle moved while the local sweep runs: still these cores
        assertFalse(shell.training().start(), "the sweep started here keeps these cores");
    }
}
