package org.maqd.ui.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maqd.ui.ScriptedTrainer;
import org.maqd.ui.engine.Engine;

/**
 * File → Export report reports on what the user means: the runs selected in the Runs view, and right after a run
 * ends here, that run (it used to keep an older selection, and after a sweep's trial was opened the new run was
 * not even listed).
 */
class ReportTargetsTest {
    @TempDir Path dir;

    private static void train(ShellViewModel shell) throws InterruptedException {
        assertTrue(shell.training().start(), String.valueOf(shell.training().errorProperty().get()));
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (shell.training().stateProperty().get() != RunState.FINISHED) {
            shell.training().sample(System.nanoTime());
            if (System.nanoTime() > end) throw new AssertionError("the run did not end");
            Thread.sleep(5);
        }
    }

    @Test
    void aRunThatEndsHereIsSelectedAndReportedEvenAfterASweepTrialWasOpened() throws Exception {
        Path runs = dir.resolve("runs");
        FakeRuns.write(runs, "a-run", "bn", 0.90);
        FakeRuns.write(runs, "scripted-run", "lbn", 0.91);   // the folder the scripted trainer names as its run
        FakeRuns.write(runs, "z-run", "bn", 0.92);
        Engine std = Engine.standard();
        Engine e = new Engine(std.files(), std.analyzer(), new ScriptedTrainer(1, 5, 0), std.quant(), std.deployer(), std.reports());
        ShellViewModel shell = new ShellViewModel(e, Templates.quickstart(), null, runs, new RecentFiles(null));
        shell.runs().refresh();
        shell.runs().selected().setAll(List.of(runs.resolve("a-run"), runs.resolve("z-run")));
        assertEquals(List.of(runs.resolve("a-run"), runs.resolve("z-run")), shell.reportTargets(), "the selection");

        train(shell);
        assertEquals(List.of(runs.resolve("scripted-run")), shell.reportTargets(), "the run just trained, not the old selection");

        Path trials = Files.createDirectories(dir.resolve("sweep").resolve("trials"));
        FakeRuns.write(trials, "norm=bn_seed=1", "bn", 0.9);
        assertNull(shell.openRun(trials.resolve("norm=bn_seed=1")));
        assertEquals(List.of(trials.resolve("norm=bn_seed=1")), shell.reportTargets(), "the trial opened");
        train(shell);
        assertEquals(runs.toAbsolutePath(), shell.runs().rootProperty().get(), "the Runs view lists the new run's folder");
        assertEquals(3, shell.runs().rows().size());
        assertEquals(List.of(runs.resolve("scripted-run")), shell.reportTargets());
    }
}
