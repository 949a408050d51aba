package org.maqd.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.maqd.bench.ClusterBenchmark;
import org.maqd.bench.CoreRoundTrip;
import org.maqd.bench.FmaPeak;
import org.maqd.bench.GemmBenchmark;
import org.maqd.bench.InferenceBenchmark;
import org.maqd.bench.TrainingBenchmark;
import org.maqd.experiment.ExperimentException;
import org.maqd.experiment.ExperimentIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code maqd bench}: GEMM GFLOPS and training throughput after warm-up, median of repetitions, plus peak heap.
 * With {@code --json}, one JSON object on stdout (2-thread figures under the documented keys).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure GEMM GFLOPS, training samples/s and integer vs float inference samples/s (after warm-up, median of repetitions); "
                + "with --cluster, trials per hour of a small sweep locally and on 1, 2, 3 local worker processes, and the bytes moved per trial.")
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--json", description = "print one JSON object on stdout") boolean json;
    @Option(names = "--quick", description = "fewer repetitions (for a smoke test)") boolean quick;
    @Option(names = "--threads", description = "threads for the headline figures (default 2)") int threads = 2;
    @Option(names = "--cluster", description = "instead of the kernels: trials per hour of a small sweep run locally and on 1, 2, 3 local worker processes (loopback), and the bytes each trial puts into the cluster's maps")
    boolean cluster;
    @Option(names = "--cluster-workers", paramLabel = "N,…", split = ",", description = "with --cluster: the cluster sizes to measure (default 1,2,3)")
    List<Integer> clusterWorkers = List.of(1, 2, 3);
    @Option(names = "--only", paramLabel = "CASE", description = "run only cases whose name contains CASE (e.g. gemm, mlp_b4, cnn, resnet8, inference)") String only;

    /** The GEMM sizes (m, k, n) and the training cases (name, network, batch) measured. */
    private static final int[][] SIZES = {{256, 784, 256}, {64, 784, 256}, {1024, 1024, 1024}};
    private static final String[][] TRAINING = {{"mlp_b4", "mlp", "4"}, {"mlp_b64", "mlp", "64"}, {"mlp_b256", "mlp", "256"},
            {"cnn_b64", "cnn", "64"}, {"resnet8_b64", "resnet", "64"}};

    /** Every case name {@code --only} can select (a case runs when its name contains the given text). */
    static final List<String> CASES = java.util.stream.Stream.of(
            java.util.Arrays.stream(SIZES).map(BenchCommand::gemmKey).map(k -> "gemm_" + k),
            java.util.stream.Stream.of("fma_peak"), java.util.Arrays.stream(TRAINING).map(c -> c[0]),
            java.util.stream.Stream.of("inference")).flatMap(x -> x).toList();

    private static String gemmKey(int[] s) { return s[0] + "x" + s[1] + "x" + s[2]; }

    @Override
    public Integer call() {
        if (threads < 1) {
            System.err.println("maqd: --threads " + threads + ": expected a number of threads of at least 1");
            return MaqdCommand.BAD_INPUT;
        }
        if (!cluster && only != null && CASES.stream().noneMatch(c -> c.contains(only))) {
            System.err.println("maqd: --only " + only + ": no benchmark case has it in its name; expected part of one of: "
                    + String.join(", ", CASES));
            return MaqdCommand.BAD_INPUT;
        }
        if (cluster) return cluster();
        int warm = quick ? 200 : 1000;
        // GEMM repetitions are short (20 ms or more): take many, so the median spans 1.5 s or more rather than
        // one of a shared host's slow spells (a fraction of a second to a few seconds; see docs/kernels.md)
        int gemmReps = quick ? 3 : 75;
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Double> gemm = new LinkedHashMap<>(), gemm1 = new LinkedHashMap<>();
        for (int[] s : SIZES) {
            String key = gemmKey(s);
            if (!selected("gemm_" + key)) continue;
            gemm1.put(key, GemmBenchmark.gflops(s[0], s[1], s[2], 1, warm, gemmReps));
            gemm.put(key, GemmBenchmark.gflops(s[0], s[1], s[2], threads, warm, gemmReps));
            progress("gemm %s: %.1f GFLOPS (1 thread), %.1f GFLOPS (%d threads)", key, gemm1.get(key), gemm.get(key), threads);
        }
        out.put("gemm_gflops", gemm);
        out.put("gemm_gflops_1_thread", gemm1);
        String[][] cases = TRAINING;
        boolean training = false;
        for (String[] c : cases) training |= selected(c[0]);
        double ceiling = 0;
        if (selected("gemm") || selected("fma_peak") || training) { // the training shares are of this ceiling
            Map<String, Double> peak = new LinkedHashMap<>();
            int windows = quick ? 50 : 1000; // 1 ms windows: short enough to fall within one time slice on a busy host
            peak.put("1_thread", FmaPeak.gflops(1, 1, windows));
            peak.put(threads + "_threads", FmaPeak.gflops(threads, 1, windows));
            ceiling = peak.get(threads + "_threads");
            out.put("fma_peak_gflops", peak);
            progress("fma peak (no memory traffic): %.1f GFLOPS (1 thread), %.1f GFLOPS (%d threads)",
                    peak.get("1_thread"), ceiling, threads);
        }
        Map<String, Double> train = new LinkedHashMap<>(), gc = new LinkedHashMap<>(), gflops = new LinkedHashMap<>();
        Map<String, Double> share = new LinkedHashMap<>(), warmUp = new LinkedHashMap<>();
        Map<String, Long> gcCount = new LinkedHashMap<>(), flops = new LinkedHashMap<>();
        Map<String, List<Long>> roundTrip = new LinkedHashMap<>();   // null: not measurable (one CPU)
        Map<String, List<Double>> adjacentPeak = new LinkedHashMap<>();
        Map<String, Double> adjacentShare = new LinkedHashMap<>();
        for (String[] c : cases) {
            if (!selected(c[0])) continue;
            TrainingBenchmark.Result r = TrainingBenchmark.measure(c[1], Integer.parseInt(c[2]), threads, quick);
            train.put(c[0], r.samplesPerSecond());
            gc.put(c[0], r.gcTimeFraction());
            gcCount.put(c[0], r.gcCollections());
            flops.put(c[0], r.flopsPerSample());
            gflops.put(c[0], r.gflops());
            share.put(c[0], r.gflops() / ceiling);
            warmUp.put(c[0], r.warmUpSeconds());
            roundTrip.put(c[0], java.util.Arrays.asList(nanos(r.roundTripBeforeNanos()), nanos(r.roundTripAfterNanos())));
            adjacentPeak.put(c[0], List.of(r.peakBeforeGflops(), r.peakAfterGflops()));
            adjacentShare.put(c[0], r.shareOfAdjacentPeak());
            progress("train %s: %,.0f samples/s, %,d FLOPs/sample, %.1f GFLOPS = %.1f%% of the FMA peak, %.1f%% of the "
                    + "peak measured around it (%.0f, %.0f GFLOPS) (warm-up %.1f s; %d collections, %.2f%% of the time in "
                    + "GC; cores' round trip %.0f, %.0f ns)",
                    c[0], r.samplesPerSecond(), r.flopsPerSample(), r.gflops(), 100 * r.gflops() / ceiling,
                    100 * r.shareOfAdjacentPeak(), r.peakBeforeGflops(), r.peakAfterGflops(),
                    r.warmUpSeconds(), r.gcCollections(), 100 * r.gcTimeFraction(), r.roundTripBeforeNanos(),
                    r.roundTripAfterNanos());
        }
        if (threads > 1 && roundTrip.values().stream().flatMap(List::stream)
                .anyMatch(ns -> ns != null && CoreRoundTrip.apart(ns))) {
            progress("note: the cores' round trip exceeded %.0f ns, so the two threads most likely shared no cache (a "
                    + "host may place a VM's vCPUs apart for a while); two-thread training runs slower then, one thread "
                    + "does not (docs/kernels.md, \"The host's two placements\")", CoreRoundTrip.APART_NANOS);
        }
        out.put("train_samples_per_second", train);
        out.put("train_flops_per_sample", flops);
        out.put("train_gflops", gflops);
        out.put("train_share_of_fma_peak", share);
        out.put("train_warmup_seconds", warmUp);
        out.put("train_gc_time_fraction", gc);
        out.put("train_gc_collections", gcCount);
        out.put("train_core_round_trip_ns", roundTrip);
        out.put("train_fma_peak_gflops_around", adjacentPeak);
        out.put("train_share_of_fma_peak_around", adjacentShare);
        if (selected("inference")) {
            InferenceBenchmark.Result inf = InferenceBenchmark.quickstartMlp(threads, quick);
            out.put("int_inference_samples_per_second", inf.intSamplesPerSecond());
            out.put("float_inference_samples_per_second", inf.floatSamplesPerSecond());
            progress("inference (quickstart MLP): integer engine %,.0f samples/s, float fake-quant %,.0f samples/s (%.1fx)",
                    inf.intSamplesPerSecond(), inf.floatSamplesPerSecond(), inf.speedup());
        }
        out.put("threads", threads);
        out.put("peak_heap_mb", TrainingBenchmark.peakHeapMb());
        out.put("jdk", System.getProperty("java.version"));
        if (json) System.out.println(ExperimentIO.toJson(out).replaceAll("\\s*\\n\\s*", " "));
        return 0;
    }

    private static Long nanos(double ns) { return Double.isNaN(ns) ? null : Math.round(ns); }

    /** {@code --cluster}: see {@link ClusterBenchmark}; JSON keys {@code cluster_*}, keyed "local" and "N_workers". */
    private int cluster() {
        for (int k : clusterWorkers) {
            if (k < 1 || k > 16) throw new ExperimentException("--cluster-workers: expected numbers from 1 to 16, got " + k);
        }
        double load0 = loadAverage();
        List<ClusterBenchmark.Result> rs = ClusterBenchmark.run(clusterWorkers, quick, json ? System.err : System.out);
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Double> perHour = new LinkedHashMap<>(), secs = new LinkedHashMap<>(), start = new LinkedHashMap<>(), warm = new LinkedHashMap<>();
        Map<String, Double> cpu = new LinkedHashMap<>(), coordCpu = new LinkedHashMap<>();
        Map<String, Map<String, Double>> bytes = new LinkedHashMap<>();
        for (ClusterBenchmark.Result r : rs) {
            String key = r.workers() == 0 ? "local" : r.workers() + "_workers";
            perHour.put(key, r.trialsPerHour());
            secs.put(key, r.seconds());
            warm.put(key, r.warmSeconds());
            cpu.put(key, r.workerCpuSeconds() / r.trials());
            if (r.workers() == 0) continue;
            coordCpu.put(key, r.coordinatorCpuSeconds() / r.trials());
            start.put(key, r.startSeconds());
            Map<String, Double> b = new LinkedHashMap<>();
            b.put("task", r.bytesPerTrial("tasks"));
            b.put("checkpoints", r.bytesPerTrial("checkpoints"));
            b.put("checkpoint_puts", r.putsPerTrial("checkpoints"));
            b.put("result", r.bytesPerTrial("results"));
            b.put("total", r.totalBytesPerTrial());
            bytes.put(key, b);
        }
        out.put("cluster_trials", rs.get(0).trials());
        out.put("cluster_trials_per_hour", perHour);
        out.put("cluster_sweep_seconds", secs);
        out.put("cluster_cpu_seconds_per_trial", cpu);
        out.put("cluster_coordinator_cpu_seconds_per_trial", coordCpu);
        out.put("cluster_bytes_per_trial", bytes);
        out.put("cluster_worker_start_seconds", start);
        out.put("cluster_warmup_sweep_seconds", warm);
        out.put("load_average_before", load0);
        out.put("load_average_after", loadAverage());
        out.put("cores", Runtime.getRuntime().availableProcessors());
        out.put("jdk", System.getProperty("java.version"));
        if (json) System.out.println(ExperimentIO.toJson(out).replaceAll("\\s*\\n\\s*", " "));
        else progress("load average %.2f before, %.2f after (%d cores)", load0, loadAverage(), Runtime.getRuntime().availableProcessors());
        return 0;
    }

    private static double loadAverage() { return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(); }

    private boolean selected(String name) { return only == null || name.contains(only); }

    private void progress(String fmt, Object... args) {
        (json ? System.err : System.out).println(String.format(Locale.ROOT, fmt, args));
    }
}
