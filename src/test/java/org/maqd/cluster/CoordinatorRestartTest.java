package org.maqd.cluster;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maqd.experiment.ExperimentIO;
import org.maqd.run.CsvTable;
import org.maqd.run.Summary;
import org.maqd.sweep.SweepPlan;
import org.maqd.sweep.SweepRunner;
import org.maqd.sweep.Trial;
import org.maqd.sweep.TrialFolder;
import org.maqd.train.RunControl;

/**
 * A cluster sweep whose coordinator process is killed mid-sweep (SIGKILL: no shutdown hook, no goodbye to the
 * cluster) and started again picks the sweep up where it was: trials already in the sweep folder are not run
 * again, the trial that finished while no coordinator ran is collected from the cluster, the one still running is
 * waited for (not queued a second time), and the sweep folder equals a local run of the same sweep, timing aside.
 */
class CoordinatorRestartTest {
    @TempDir Path dir;
    ClusterProcesses jvms;

    static final String SWEEP = """
            {"description": "coordinator restart test", "name": "cr", "seed": 0,
             "data": {"dataset": "mnist-10k", "trainLimit": 1280, "testLimit": 200},
             "network": {"input": [1, 28, 28], "defaults": {"weightStates": 3, "activationStates": 2},
               "layers": [{"type": "flatten"}, {"type": "linear", "units": 32}, {"type": "output", "units": 10}]},
             "training": {"epochs": 4, "batchSize": 32}, "probes": {"enabled": false},
             "sweep": {"grid": {"network.defaults.norm": ["lbn", "bn", "ln", "none"]}}}
            """;

    @BeforeEach
    void jvms() {
        jvms = new ClusterProcesses(dir);
    }

    @AfterEach
    void stop() {
        jvms.close();
    }

    @Test
    void aKilledCoordinatorRestartedPicksUpWhereItWas() throws Exception {
        Path secretFile = dir.resolve("secret");
        Files.writeString(secretFile, "test-secret-" + UUID.randomUUID());
        ClusterSecret secret = ClusterSecret.read(secretFile);
        int port = ClusterProcesses.freePort();
        List<String> log = new ArrayList<>();
        jvms.startWorker(secretFile, port, null, log);
        Path sweepFile = dir.resolve("cr.json");
        Files.writeString(sweepFile, SWEEP);
        SweepPlan plan = SweepPlan.of(ExperimentIO.read(sweepFile), sweepFile.toString(), null);
        int total = plan.trials().size();
        Path clusterDir = dir.resolve("cluster-sweep");

        Process first = jvms.start(List.of("sweep", sweepFile.toString(), "--cluster", "127.0.0.1:" + port,
                "--secret-file", secretFile.toString(), "--bind", "127.0.0.1", "--out", clusterDir.toString(),
                "--threads", "1"), dir.resolve("coordinator-1.log"));
        await(() -> !finished(plan, clusterDir).isEmpty() || !first.isAlive(), "the first trial in the sweep folder");
        assertTrue(first.isAlive(), "the first coordinator was still running: " + Files.readString(dir.resolve("coordinator-1.log")));
        first.destroyForcibly().waitFor();
        Map<String, byte[]> before = new TreeMap<>();
        for (Trial t : finished(plan, clusterDir)) before.put(t.id(), Files.readAllBytes(SweepRunner.trialDir(clusterDir, t).resolve("summary.json")));
        assertTrue(before.size() < total - 1, "killed mid-sweep with at least two trials to go: " + before.keySet());

        // with no coordinator, the worker finishes the trial it holds and goes on with the queue
        await(() -> lines(log, "worker: finished ") > before.size(), "a trial finished while no coordinator ran");
        long doneAtRestart = lines(log, "worker: finished ");
        try (ClusterMember coordinator = ClusterMember.start(secret.clusterName(), ClusterProcesses.freePort(),
                List.of("127.0.0.1:" + port), "127.0.0.1", true)) {
            SweepRunner.Outcome o = new SweepRunner(plan, new SweepRunner.Options(clusterDir, dir, total, 1, null),
                    new RunControl(), List.of()).on(new ClusterTrialRunner(coordinator, secret)).run();
            assertTrue(o.complete(), o.toString());
            assertEquals(before.size(), o.skipped(), "the trials in the sweep folder are skipped: " + o);
            System.out.println("restart: " + before.size() + " trial(s) in the sweep folder, " + (doneAtRestart - before.size())
                    + " finished in the cluster meanwhile, " + (total - doneAtRestart) + " queued or running");
        }
        for (var e : before.entrySet()) {
            Path now = clusterDir.resolve("trials").resolve(e.getKey()).resolve("summary.json");
            assertArrayEquals(e.getValue(), Files.readAllBytes(now), e.getKey() + " was not run or written again");
        }
        synchronized (log) {
            for (Trial t : plan.trials()) {
                String key = ClusterTrialRunner.key(t);
                long runs = log.stream().filter(l -> l.equals("worker: running " + key) || l.equals("worker: resuming " + key)).count();
                assertEquals(1, runs, t.id() + " ran once on the worker (never queued twice): " + log);
            }
        }

        Path localDir = dir.resolve("local-sweep");
        assertTrue(new SweepRunner(plan, new SweepRunner.Options(localDir, dir, 1, 1, null), new RunControl(), List.of()).run().complete());
        for (Trial t : plan.trials()) {
            assertEquals(files(SweepRunner.trialDir(localDir, t)), files(SweepRunner.trialDir(clusterDir, t)), t.id());
        }
        List<String> timing = List.of("seconds", "samples_per_second", "warmup_seconds", "seconds_mean");
        for (String table : List.of("results.csv", "summary.csv")) {
            assertEquals(CsvTable.read(localDir.resolve(table)).without(timing).text(),
                    CsvTable.read(clusterDir.resolve(table)).without(timing).text(), table);
        }
    }

    private static List<Trial> finished(SweepPlan plan, Path sweepDir) {
        return plan.trials().stream().filter(t -> TrialFolder.finished(SweepRunner.trialDir(sweepDir, t))).toList();
    }

    private static long lines(List<String> log, String prefix) {
        synchronized (log) {
            return log.stream().filter(l -> l.startsWith(prefix)).count();
        }
    }

    /** Bounded: turns a hang into a failure. */
    private static void await(BooleanSupplier done, String what) throws InterruptedException {
        long end = System.nanoTime() + 300_000_000_000L;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) fail("timed out waiting for " + what);
            Thread.sleep(20);
        }
    }

    /**
     * Every file of a trial folder: its bytes (hex digest), metrics.csv without its timing columns, summary.json
     * without its timing fields and the JVM's heap limit (the worker's JVM has its own).
     */
    private static Map<String, String> files(Path trial) throws Exception {
        Map<String, String> m = new LinkedHashMap<>();
        List<Path> all;
        try (Stream<Path> s = Files.walk(trial)) {
            all = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path p : all) {
            String rel = trial.relativize(p).toString().replace('\\', '/');
            if (rel.equals("summary.json")) {
                ObjectNode n = (ObjectNode) ExperimentIO.MAPPER.readTree(Files.readString(p));
                n.remove(Summary.TIMING_FIELDS);
                n.remove("max_heap_mb");
                m.put(rel, n.toString());
            } else if (rel.equals("metrics.csv")) {
                m.put(rel, CsvTable.parse(Files.readString(p), rel).without(List.of("seconds", "samples_per_second")).text());
            } else {
                m.put(rel, java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        }
        return m;
    }
}
