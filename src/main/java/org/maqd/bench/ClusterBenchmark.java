package org.maqd.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.maqd.run.AtomicFiles;
import org.maqd.cluster.ClusterMember;
import org.maqd.cluster.ClusterSecret;
import org.maqd.cluster.ClusterTraffic;
import org.maqd.cluster.ClusterTrialRunner;
import org.maqd.experiment.ExperimentIO;
import org.maqd.sweep.SweepPlan;
import org.maqd.sweep.SweepRunner;
import org.maqd.sweep.TrialRunner;
import org.maqd.train.RunControl;

/**
 * Trials per hour of one small sweep run locally and on clusters of 1, 2, 3… worker processes on this machine
 * (separate JVMs on loopback, one shared secret, one compute thread per trial), and the bytes each trial puts into
 * the cluster's maps (counted by {@link ClusterTraffic} on the coordinator: the signed task, the zipped run folder
 * with its checkpoint after every epoch, the zipped result). Each configuration first runs a short warm-up sweep
 * of two trials per worker (or per local slot), so every JVM has compiled the kernels and the measured sweep times
 * trials, not JIT compilation or JVM start; the worker start-up and the warm-up are reported apart. The CPU
 * seconds the workers' JVMs (the local sweep's JVM for the local peer) and the coordinator used during the measured
 * sweep tell what a trial costs apart from what else the machine runs. {@code quick}
 * (a smoke test): 4 small trials and no warm-up sweeps.
 */
public final class ClusterBenchmark {
    private ClusterBenchmark() {}

    /** One configuration: workers (0 = the local sweep), the measured sweep's wall time, and traffic per trial. */
    public record Result(int workers, int trials, double seconds, double startSeconds, double warmSeconds,
                         double workerCpuSeconds, double coordinatorCpuSeconds, Map<String, ClusterTraffic.Count> traffic) {
        public double trialsPerHour() { return trials * 3600.0 / seconds; }
        public double bytesPerTrial(String map) { return traffic.containsKey(map) ? (double) traffic.get(map).bytes() / trials : 0; }
        public double putsPerTrial(String map) { return traffic.containsKey(map) ? (double) traffic.get(map).puts() / trials : 0; }
        public double totalBytesPerTrial() { return traffic.values().stream().mapToLong(ClusterTraffic.Count::bytes).sum() / (double) trials; }
    }

    /**
     * The sweep: the quickstart MLP (784-256-256-10, 3-state weights, 2-state activations, probes on) on
     * {@code trainLimit} MNIST-10k images for {@code epochs} epochs at batch 64; norms lbn, bn, ln, none × {@code seeds}.
     */
    static String sweep(String name, int trainLimit, int epochs, int seeds) {
        return """
                {"description": "cluster benchmark", "name": "%s", "seed": 0,
                 "data": {"dataset": "mnist-10k", "trainLimit": %d, "testLimit": 1000},
                 "network": {"input": [1, 28, 28], "defaults": {"weightStates": 3, "activationStates": 2, "firstWeightStates": 256, "outputWeightStates": 256},
                   "layers": [{"type": "flatten"}, {"type": "linear", "units": 256}, {"type": "linear", "units": 256}, {"type": "output", "units": 10}]},
                 "training": {"epochs": %d, "batchSize": 64},
                 "sweep": {"grid": {"network.defaults.norm": ["lbn", "bn", "ln", "none"]}, "seeds": %d}}
                """.formatted(name, trainLimit, epochs, seeds);
    }

    /** Runs the local peer (2 trials at a time, 1 thread each) and then each cluster size in {@code workerCounts}. */
    public static List<Result> run(List<Integer> workerCounts, boolean quick, PrintStream progress) {
        Path dir;
        try {
            dir = Files.createTempDirectory("maqd-cluster-bench");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder: " + e.getMessage(), e);
        }
        int seeds = quick ? 1 : 3, trainLimit = quick ? 512 : 4000, epochs = quick ? 2 : 3;
        SweepPlan plan = SweepPlan.of(ExperimentIO.parse(sweep("measured", trainLimit, epochs, seeds), "bench.json"), "bench.json", null);
        List<Result> out = new ArrayList<>();
        try {
            out.add(local(dir, plan, quick, progress));
            for (int k : workerCounts) out.add(cluster(dir, plan, k, quick, progress));
        } finally {
            deleteQuietly(dir);
        }
        return out;
    }

    private static SweepPlan warmPlan(int trials) {
        int seeds = Math.max(1, (trials + 3) / 4);
        return SweepPlan.of(ExperimentIO.parse(sweep("warm", 256, 1, seeds), "warm.json"), "warm.json", null);
    }

    private static Result local(Path dir, SweepPlan plan, boolean quick, PrintStream progress) {
        long t0 = System.nanoTime();
        if (!quick) sweep(warmPlan(4), dir.resolve("local-warm"), dir, 2, null);
        double warm = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        double cpu0 = processCpuSeconds();
        sweep(plan, dir.resolve("local"), dir, 2, null);
        Result r = new Result(0, plan.trials().size(), (System.nanoTime() - t0) / 1e9, 0, warm, processCpuSeconds() - cpu0, 0, Map.of());
        say(progress, r);
        return r;
    }

    private static Result cluster(Path dir, SweepPlan plan, int workers, boolean quick, PrintStream progress) {
        Path secretFile = dir.resolve("secret-" + workers);
        byte[] raw = new byte[24];
        new SecureRandom().nextBytes(raw);
        List<WorkerProcess> ws = new ArrayList<>();
        try {
            Files.writeString(secretFile, Base64.getEncoder().encodeToString(raw), StandardCharsets.UTF_8);
            ClusterSecret secret = ClusterSecret.read(secretFile);
            long t0 = System.nanoTime();
            for (int i = 0; i < workers; i++) {
                ws.add(WorkerProcess.start(dir, secretFile, WorkerProcess.freePort(), i == 0 ? null : ws.get(0).port, 1));
            }
            List<String> join = ws.stream().map(w -> "127.0.0.1:" + w.port).toList();
            try (ClusterMember coordinator = ClusterMember.start(secret.clusterName(), WorkerProcess.freePort(), join, "127.0.0.1", true)) {
                long end = System.nanoTime() + 120_000_000_000L;
                while (coordinator.members() < workers + 1) {
                    if (System.nanoTime() > end) throw new IllegalStateException("the cluster did not form: " + coordinator.members() + " of " + (workers + 1) + " members");
                    Thread.sleep(50);
                }
                double start = (System.nanoTime() - t0) / 1e9;
                ClusterTrialRunner runner = new ClusterTrialRunner(coordinator, secret);
                t0 = System.nanoTime();
                if (!quick) sweep(warmPlan(2 * workers), dir.resolve("cluster-warm-" + workers), dir, 0, runner);
                double warm = (System.nanoTime() - t0) / 1e9;
                try (ClusterTraffic traffic = new ClusterTraffic(coordinator)) {
                    t0 = System.nanoTime();
                    double cpu0 = processCpuSeconds(), workerCpu0 = ws.stream().mapToDouble(WorkerProcess::cpuSeconds).sum();
                    sweep(plan, dir.resolve("cluster-" + workers), dir, 0, runner);
                    double secs = (System.nanoTime() - t0) / 1e9;
                    double workerCpu = ws.stream().mapToDouble(WorkerProcess::cpuSeconds).sum() - workerCpu0;
                    double coordinatorCpu = processCpuSeconds() - cpu0;
                    long until = System.nanoTime() + 10_000_000_000L;   // listener events arrive asynchronously
                    while (traffic.counts().get("results").puts() < plan.trials().size() && System.nanoTime() < until) Thread.sleep(20);
                    Result r = new Result(workers, plan.trials().size(), secs, start, warm, workerCpu, coordinatorCpu, traffic.counts());
                    say(progress, r);
                    return r;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            ws.forEach(WorkerProcess::close);
        }
    }

    /** Runs {@code plan} into {@code out}: locally {@code parallel} at a time (1 thread each), or on {@code runner}. */
    private static void sweep(SweepPlan plan, Path out, Path base, int parallel, TrialRunner runner) {
        int atOnce = runner == null ? parallel : plan.trials().size();
        SweepRunner s = new SweepRunner(plan, new SweepRunner.Options(out, base, atOnce, runner == null ? parallel : atOnce, null),
                new RunControl(), List.of());
        if (runner != null) s.on(runner);
        SweepRunner.Outcome o = s.run();
        if (!o.complete()) throw new IllegalStateException("the benchmark sweep did not complete: " + o);
    }

    /** CPU seconds this JVM has used so far; NaN where the JVM does not tell. */
    static double processCpuSeconds() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long t = os.getProcessCpuTime();
            return t < 0 ? Double.NaN : t / 1e9;
        }
        return Double.NaN;
    }

    private static void say(PrintStream out, Result r) {
        if (out == null) return;
        if (r.workers() == 0) {
            out.printf(java.util.Locale.ROOT, "cluster bench: local (2 trials at a time, 1 thread each): %d trials in %.1f s = %,.0f trials/h, %.2f CPU s per trial (warm-up sweep %.1f s)%n",
                    r.trials(), r.seconds(), r.trialsPerHour(), r.workerCpuSeconds() / r.trials(), r.warmSeconds());
        } else {
            out.printf(java.util.Locale.ROOT, "cluster bench: %d worker(s): %d trials in %.1f s = %,.0f trials/h, %.2f worker CPU s and %.2f coordinator CPU s per trial; per trial %,.0f bytes put "
                            + "(task %,.0f, %.1f checkpoints %,.0f, result %,.0f); workers ready in %.1f s, warm-up sweep %.1f s%n",
                    r.workers(), r.trials(), r.seconds(), r.trialsPerHour(), r.workerCpuSeconds() / r.trials(),
                    r.coordinatorCpuSeconds() / r.trials(), r.totalBytesPerTrial(), r.bytesPerTrial("tasks"),
                    r.putsPerTrial("checkpoints"), r.bytesPerTrial("checkpoints"), r.bytesPerTrial("results"), r.startSeconds(), r.warmSeconds());
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            AtomicFiles.deleteTree(dir);
        } catch (java.io.UncheckedIOException e) {
            // a temporary folder: the system cleans it eventually
        }
    }
}
