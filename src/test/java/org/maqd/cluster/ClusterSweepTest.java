package org.maqd.cluster;

import static org.junit.jupiter.api.Assertions.*;

import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maqd.experiment.ExperimentIO;
import org.maqd.sweep.SweepPlan;
import org.maqd.sweep.SweepRunner;
import org.maqd.sweep.Trial;
import org.maqd.sweep.TrialFolder;
import org.maqd.train.RunControl;

/**
 * Two worker JVMs on loopback run a small sweep; one is killed mid-trial after its first checkpoint; the other
 * resumes that trial, and every trial's model and numbers equal a local run of the same sweep. Members and
 * messages without the shared secret are refused.
 */
class ClusterSweepTest {
    @TempDir Path dir;
    ClusterProcesses jvms;

    @BeforeEach
    void jvms() {
        jvms = new ClusterProcesses(dir);
    }

    static final String SWEEP = """
            {"description": "cluster test", "name": "cl", "seed": 0,
             "data": {"dataset": "mnist-10k", "trainLimit": 640, "testLimit": 200},
             "network": {"input": [1, 28, 28], "defaults": {"weightStates": 3, "activationStates": 2},
               "layers": [{"type": "flatten"}, {"type": "linear", "units": 32}, {"type": "output", "units": 10}]},
             "training": {"epochs": 4, "batchSize": 32}, "probes": {"enabled": false},
             "sweep": {"grid": {"network.defaults.norm": ["lbn", "bn"]}}}
            """;

    @AfterEach
    void stopWorkers() {
        jvms.close();
    }

    @Test
    void aWorkerKilledMidTrialLosesNothingAndResultsEqualALocalSweep() throws Exception {
        Path secretFile = dir.resolve("secret");
        Files.writeString(secretFile, "test-secret-" + UUID.randomUUID());
        ClusterSecret secret = ClusterSecret.read(secretFile);
        int p1 = ClusterProcesses.freePort(), p2 = ClusterProcesses.freePort();
        List<String> log1 = new ArrayList<>(), log2 = new ArrayList<>();
        String id1 = jvms.startWorker(secretFile, p1, null, log1).split(" ")[1];
        jvms.startWorker(secretFile, p2, "127.0.0.1:" + p1, log2);
        Path sweepFile = dir.resolve("cl.json");
        Files.writeString(sweepFile, SWEEP);
        SweepPlan plan = SweepPlan.of(ExperimentIO.read(sweepFile), sweepFile.toString(), null);

        try (ClusterMember coordinator = ClusterMember.start(secret.clusterName(), ClusterProcesses.freePort(), List.of("127.0.0.1:" + p1, "127.0.0.1:" + p2), "127.0.0.1", true)) {
            // membership converges asynchronously (worker 2 may still be joining worker 1): wait for it, bounded
            long end = System.nanoTime() + 60_000_000_000L;
            while (coordinator.members() < 3 && System.nanoTime() < end) Thread.sleep(50);
            assertEquals(3, coordinator.members());
            // kill worker 1 as soon as it has checkpointed a trial (end of its first epoch)
            CountDownLatch checkpointed = new CountDownLatch(1);
            coordinator.checkpoints().addEntryListener((EntryAddedListener<String, byte[]>) e -> {
                String st = coordinator.status().get(e.getKey());
                if (st != null && st.contains(id1)) checkpointed.countDown();
            }, false);
            Path clusterDir = dir.resolve("cluster-sweep");
            SweepRunner runner = new SweepRunner(plan, new SweepRunner.Options(clusterDir, dir, plan.trials().size(), 1, null),
                    new RunControl(), List.of()).on(new ClusterTrialRunner(coordinator, secret));
            CompletableFuture<SweepRunner.Outcome> outcome = CompletableFuture.supplyAsync(runner::run);
            assertTrue(checkpointed.await(5, TimeUnit.MINUTES), "worker 1 checkpointed a trial");
            jvms.started.get(0).destroyForcibly().waitFor();
            SweepRunner.Outcome o = outcome.get(5, TimeUnit.MINUTES);
            assertTrue(o.complete(), o.toString());
            synchronized (log2) {
                assertTrue(log2.stream().anyMatch(l -> l.startsWith("worker: resuming")), "worker 2 resumed a trial: " + log2);
            }

            Path localDir = dir.resolve("local-sweep");
            assertTrue(new SweepRunner(plan, new SweepRunner.Options(localDir, dir, 1, 1, null), new RunControl(), List.of()).run().complete());
            for (Trial t : plan.trials()) {
                Path c = SweepRunner.trialDir(clusterDir, t), l = SweepRunner.trialDir(localDir, t);
                assertArrayEquals(Files.readAllBytes(l.resolve("model.safetensors")), Files.readAllBytes(c.resolve("model.safetensors")), t.id());
                TrialFolder.Numbers nc = TrialFolder.numbers(c), nl = TrialFolder.numbers(l);
                assertEquals(nl.testAccuracy(), nc.testAccuracy(), 0.0, t.id());
                assertEquals(nl.testLoss(), nc.testLoss(), 0.0, t.id());
                assertEquals(nl.epochs(), nc.epochs(), t.id());
            }
            assertEquals(Files.readString(localDir.resolve("summary.csv")).lines().count(),
                    Files.readString(clusterDir.resolve("summary.csv")).lines().count());

            // a member with another secret forms its own cluster: the join is refused
            Path other = dir.resolve("other");
            Files.writeString(other, "another-secret-" + UUID.randomUUID());
            try (ClusterMember stranger = ClusterMember.start(ClusterSecret.read(other).clusterName(), ClusterProcesses.freePort(),
                    List.of("127.0.0.1:" + p2), "127.0.0.1", true)) {
                assertEquals(1, stranger.members());
                assertEquals(2, coordinator.members(), "the cluster did not take the stranger in");
            }

            // a task signed with another secret is refused by the worker and never run
            CountDownLatch refused = new CountDownLatch(1);
            coordinator.status().addEntryListener((EntryUpdatedListener<String, String>) e -> {
                if (e.getKey().equals("forged") && e.getValue().startsWith("refused")) refused.countDown();
            }, true);
            coordinator.status().put("forged", "queued");
            coordinator.tasks().set("forged", ClusterSecret.read(other).sign(
                    TrialTask.of("forged", plan.trials().get(0).experiment(), dir).toBytes()));
            coordinator.queue().offer("forged");
            assertTrue(refused.await(2, TimeUnit.MINUTES), "the forged task was refused");
            assertFalse(coordinator.checkpoints().containsKey("forged") || coordinator.results().containsKey("forged"));
        }
    }
}
