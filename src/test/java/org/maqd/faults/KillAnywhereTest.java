package org.maqd.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maqd.experiment.ExperimentIO;
import org.maqd.experiment.RunLauncher;
import org.maqd.experiment.RunOptions;
import org.maqd.run.Summary;
import org.maqd.sweep.SweepPlan;
import org.maqd.sweep.SweepRunner;

/**
 * Runs and sweeps killed dead (a separate process halted like {@code kill -9}) at many points, then resumed, end
 * with the same bytes as an uninterrupted run (timing fields aside). Also: two identical runs give identical bytes.
 */
class KillAnywhereTest {
    @TempDir Path dir;

    static final String RUN = """
            {"name": "kill", "seed": 5, "threads": 1, "data": {"dataset": "blobs", "toySamples": 80},
             "network": {"input": [2, 1, 1], "defaults": {"weightStates": 3, "activationStates": 2},
               "layers": [{"type": "flatten"}, {"type": "linear", "units": 8}, {"type": "output", "units": 4}]},
             "training": {"epochs": 3, "batchSize": 16}, "probes": {"everySteps": 2}}
            """;
    static final String SWEEP = RUN.replace("\"name\": \"kill\"", "\"name\": \"killsweep\"")
            .replace("\"probes\": {\"everySteps\": 2}}", "\"probes\": {\"everySteps\": 2}, \"sweep\": {\"grid\": {\"training.batchSize\": [16, 32]}}}");

    /**
     * Kill points of a 3-epoch run of 4 steps per epoch: mid-epoch before the first checkpoint, mid-epoch after one,
     * right after probe rows, right after a checkpoint, after the last checkpoint, and before the model is written.
     * (Runs were also checked at every step 1..12; each process start costs seconds, so CI keeps this sample.)
     */
    static final List<String> RUN_POINTS = List.of("step:1", "step:5", "probe:5", "epoch:1", "epoch:3", "end");
    static final List<String> SWEEP_POINTS = List.of("step:2", "end", "step:14");

    static int killAt(String mode, Path exp, Path out, String point) throws Exception {
        String javaCmd = ProcessHandle.current().info().command().orElse("java");
        String heap = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-Xmx")).reduce((a, b) -> b).orElse("-Xmx1g");   // summary.json records the heap
        Process p = new ProcessBuilder(javaCmd, "--add-modules", "jdk.incubator.vector", heap, "-cp",
                System.getProperty("java.class.path"), KillableRun.class.getName(), mode, exp.toString(), out.toString(), point)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the killable process ends");
        return p.exitValue();
    }

    static RunOptions resume(Path out) { return new RunOptions(Path.of("."), out.getParent(), out, true, false, false); }

    @Test
    void runsKilledAnywhereResumeToTheSameBytes() throws Exception {
        Path exp = Files.writeString(dir.resolve("kill.json"), RUN);
        var e = ExperimentIO.read(exp);
        Path full = dir.resolve("full");
        RunLauncher.run(e, new RunOptions(Path.of("."), dir, full, false, false, false), null, List.of());
        Path again = dir.resolve("again");
        RunLauncher.run(e, new RunOptions(Path.of("."), dir, again, false, false, false), null, List.of());
        Map<String, String> expected = RunFolderBytes.of(full);
        assertEquals(expected, RunFolderBytes.of(again), "two identical runs write the same bytes (timing fields aside)");
        List<String> differ = new ArrayList<>();
        for (String point : RUN_POINTS) {
            Path out = dir.resolve("k-" + point.replace(':', '-'));
            assertEquals(137, killAt("run", exp, out, point), point);
            RunLauncher.run(e, resume(out), null, List.of());
            assertEquals(Summary.COMPLETED, Summary.read(out).status(), point);
            if (!expected.equals(RunFolderBytes.of(out))) differ.add(point);
        }
        System.out.println("kill-anywhere (runs): " + RUN_POINTS.size() + " kill points, " + (RUN_POINTS.size() - differ.size())
                + " resumed byte-identical");
        assertTrue(differ.isEmpty(), "resumed runs that differ from the uninterrupted one: " + differ);
    }

    @Test
    void sweepsKilledAnywhereResumeToTheSameBytes() throws Exception {
        Path exp = Files.writeString(dir.resolve("sweep.json"), SWEEP);
        var e = ExperimentIO.read(exp);
        Path full = dir.resolve("full");
        new SweepRunner(SweepPlan.of(e, exp.toString(), null), new SweepRunner.Options(full, Path.of("."), 1, 1, null), null, List.of()).run();
        Map<String, String> expected = RunFolderBytes.of(full);
        List<String> differ = new ArrayList<>();
        for (String point : SWEEP_POINTS) {
            Path out = dir.resolve("k-" + point.replace(':', '-'));
            assertEquals(137, killAt("sweep", exp, out, point), point);
            new SweepRunner(SweepPlan.of(e, exp.toString(), null), new SweepRunner.Options(out, Path.of("."), 1, 1, null), null, List.of()).run();
            if (!expected.equals(RunFolderBytes.of(out))) differ.add(point + " " + diff(expected, RunFolderBytes.of(out)));
        }
        System.out.println("kill-anywhere (sweeps): " + SWEEP_POINTS.size() + " kill points, " + (SWEEP_POINTS.size() - differ.size())
                + " resumed byte-identical");
        assertTrue(differ.isEmpty(), "resumed sweeps that differ from the uninterrupted one: " + differ);
    }

    static String diff(Map<String, String> a, Map<String, String> b) {
        List<String> d = new ArrayList<>();
        for (String k : a.keySet()) if (!a.get(k).equals(b.get(k))) d.add(k);
        for (String k : b.keySet()) if (!a.containsKey(k)) d.add("+" + k);
        return d.toString();
    }
}
