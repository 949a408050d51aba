package org.maqd.ui.vm;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maqd.sweep.SweepFixtures;
import org.maqd.sweep.TrialRunner;
import org.maqd.sweep.TrialState;
import org.maqd.ui.engine.SweepCluster;

/**
 * The Sweep view model on a cluster: trials are queued, then shown running on the worker that took them, then done
 * or failed; a cluster run needs the secret file; the grouped table counts only the trials that finished.
 */
class SweepViewModelTest {
    @TempDir Path dir;

    /** UI executor that queues work for the test thread, like the FX thread would run it. */
    final LinkedBlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();

    void drainUntil(java.util.function.BooleanSupplier done) throws InterruptedException {
        while (!done.getAsBoolean()) {
            Runnable r = ui.poll(120, TimeUnit.SECONDS);
            assertNotNull(r, "the view model went quiet before the condition held");
            r.run();
        }
    }

    @Test
    void aClusterSweepShowsWhereEachTrialRunsAndWhichFailed() throws Exception {
        Path file = dir.resolve("tiny.json");
        Files.writeString(file, SweepFixtures.json(SweepFixtures.NORM_SWEEP, 1));
        List<String> connected = new ArrayList<>();
        CountDownLatch closed = new CountDownLatch(1);
        SweepCluster cluster = (addresses, secret) -> {
            connected.add(addresses + " " + secret.getFileName());
            TrialRunner worker = new TrialRunner() {
                @Override public boolean local() { return false; }
                @Override public org.maqd.experiment.RunResult run(org.maqd.sweep.Trial t, org.maqd.experiment.Experiment e,
                        org.maqd.experiment.RunOptions o, org.maqd.train.RunControl c, List<org.maqd.train.TrainingListener> ls) {
                    for (var l : ls) if (l instanceof TrialState.Placement p) p.placed("10.0.0.7:5701");
                    if (t.id().equals("norm=bn_seed=4")) throw new IllegalStateException("trial norm=bn_seed=4 failed on 10.0.0.7:5701: out of memory");
                    return TrialRunner.LOCAL.run(t, e, o, c, ls);
                }
            };
            return new SweepCluster.Session() {
                @Override public TrialRunner runner() { return worker; }
                @Override public void close() { closed.countDown(); }
            };
        };
        SweepViewModel vm = new SweepViewModel(dir.resolve("runs"), cluster);
        vm.setUiExecutor(ui::add);
        assertNull(vm.open(file));
        List<String> seen = new ArrayList<>();
        for (var t : vm.trials()) t.stateProperty().addListener((o, a, b) -> seen.add(t.id() + " " + b + " " + t.whereProperty().get()));

        vm.onClusterProperty().set(true);
        vm.addressesProperty().set("10.0.0.7:5701, 10.0.0.8:5701");
        assertFalse(vm.run(), "no secret file yet");
        assertTrue(vm.messageProperty().get().contains("secret file"), vm.messageProperty().get());
        vm.secretFileProperty().set(dir.resolve("cluster.secret"));
        assertTrue(vm.run());
        drainUntil(() -> !vm.runningProperty().get());
        assertTrue(closed.await(10, TimeUnit.SECONDS), "the coordinator left the cluster when the sweep ended");
        assertEquals(List.of("[10.0.0.7:5701, 10.0.0.8:5701] cluster.secret"), connected);

        for (var t : vm.trials()) {
            assertTrue(seen.contains(t.id() + " running 10.0.0.7:5701"), seen.toString());
            String end = t.id().equals("norm=bn_seed=4") ? "failed" : "done";
            assertEquals(end, t.stateProperty().get(), t.id());
        }
        assertTrue(vm.trial("norm=bn_seed=4").detailProperty().get().contains("out of memory"));
        assertEquals("1 trial(s) failed.", vm.messageProperty().get());
        drainUntil(() -> vm.groups().size() == 2);
        assertEquals(List.of("2", "1"), vm.groups().stream().map(r -> r.get(1)).toList(), "lbn: 2 seeds, bn: 1 (one failed)");
    }

    @Test
    void aFileWithoutASweepIsRefusedWithItsName() throws Exception {
        Path file = dir.resolve("plain.json");
        Files.writeString(file, SweepFixtures.json(SweepFixtures.NORM_SWEEP, 1).replaceAll(",\\s*\"sweep\": \\{.*\\}\\}", "}"));
        SweepViewModel vm = new SweepViewModel(dir, null);
        String err = vm.open(file);
        assertNotNull(err);
        assertTrue(err.contains("plain.json") && err.contains("sweep"), err);
        assertTrue(vm.trials().isEmpty());
    }

    /** The "where" column went blank when a trial finished: it says where the trial ran until it is queued again. */
    @Test
    void aFinishedTrialKeepsWhereItRan() {
        SweepViewModel.TrialItem it = new SweepViewModel.TrialItem(new org.maqd.sweep.Trial("t1", java.util.Map.of(), 1, null,
                java.util.Map.of(), false), dir.resolve("t1"), java.util.List.of());
        it.apply(org.maqd.sweep.TrialState.running("10.0.0.7:5701"));
        it.apply(org.maqd.sweep.TrialState.done("completed"));
        assertEquals("10.0.0.7:5701", it.whereProperty().get());
        assertEquals("done", it.stateProperty().get());
        it.apply(org.maqd.sweep.TrialState.queued());
        assertEquals("", it.whereProperty().get());
        it.apply(org.maqd.sweep.TrialState.running(org.maqd.sweep.TrialState.THIS_MACHINE));
        it.apply(org.maqd.sweep.TrialState.failed("out of memory"));
        assertEquals("this machine", it.whereProperty().get());
    }
}
