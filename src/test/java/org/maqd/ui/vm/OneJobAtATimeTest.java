package org.maqd.ui.vm;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maqd.ui.engine.Engine;

/** A training run and a local sweep do not run side by side in one window (they halved each other's speed). */
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

    @Test
    void aLocalSweepRefusesWhileATrainingRunIsActiveButAClusterSweepMayStart(@TempDir Path dir) throws Exception {
        ShellViewModel shell = new ShellViewModel(Engine.standard(), Templates.quickstart(), null, dir.resolve("runs"),
                new RecentFiles(null));
        Path file = dir.resolve("tiny.json");
        java.nio.file.Files.writeString(file, org.maqd.sweep.SweepFixtures.json(org.maqd.sweep.SweepFixtures.NORM_SWEEP, 1));
        SweepViewModel sweep = shell.sweep();
        assertNull(sweep.open(file));
        for (RunState s : new RunState[] {RunState.RUNNING, RunState.PAUSED, RunState.STOPPING}) {
            shell.training().stateProperty().set(s);
            assertFalse(sweep.run(), "a local sweep beside a training run that is " + s);
            String why = sweep.messageProperty().get();
            assertTrue(why.contains("training run is running"), why);
            assertFalse(sweep.runningProperty().get());
        }
        sweep.onClusterProperty().set(true);   // the cluster's cores are not these: only the secret file is missing
        assertFalse(sweep.run());
        assertTrue(sweep.messageProperty().get().contains("secret file"), sweep.messageProperty().get());
    }
}
