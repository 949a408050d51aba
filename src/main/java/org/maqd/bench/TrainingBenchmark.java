package org.maqd.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import java.util.List;
import org.maqd.experiment.ExperimentDefaults;
import org.maqd.experiment.ExperimentIO;
import org.maqd.train.TrainingSpec;
import org.maqd.model.LayerSpec;
import org.maqd.model.Network;
import org.maqd.model.NetworkBuilder;
import org.maqd.model.NetworkSpec;
import org.maqd.model.NetworkTemplates;
import org.maqd.model.QuantDefaults;
import org.maqd.nn.Mode;
import org.maqd.nn.SoftmaxCrossEntropy;
import org.maqd.optim.Optimizer;
import org.maqd.tensor.Parallel;
import org.maqd.tensor.Rng;
import org.maqd.tensor.Tensor;
import org.maqd.train.Optimizers;

/**
 * Training throughput of the quickstart networks, the small CNN and a ResNet-8 (method.md §8 defaults: 3-state hidden weights, 2-state
 * activations, LBN, 256-state first and last weights; Adam): full steps (forward, loss, backward, optimizer) on
 * random MNIST-shaped batches, after warm-up, median of timed repetitions.
 */
public final class TrainingBenchmark {
    private TrainingBenchmark() {}

    /**
     * The benchmark's networks on [1, 28, 28] inputs with 10 classes: "mlp" (784-256-256-10), "cnn" (conv 32-32,
     * pool, conv 64-64, pool, classifier) and "resnet" (the ResNet-8 template of {@link NetworkTemplates}: a 3×3
     * stem of 16 channels, one residual block in each of three stages of 16, 32 and 64 channels, global average
     * pooling, classifier), all with the method's defaults above.
     */
    public static NetworkSpec network(String kind) {
        QuantDefaults d = new QuantDefaults(3, 2, "lbn", null, true, null, null, null, null, null, null, null, 256, 256);
        if (kind.equals("resnet")) return NetworkTemplates.resnet(List.of(1, 28, 28), 10, 8, 16, true).withDefaults(d);
        List<LayerSpec> layers = switch (kind) {
            case "mlp" -> List.of(LayerSpec.of("flatten"), LayerSpec.linear(256), LayerSpec.linear(256), LayerSpec.output(10));
            case "cnn" -> List.of(LayerSpec.conv(32, 3, 1, 1), LayerSpec.conv(32, 3, 1, 1), LayerSpec.of("maxpool").withKernel(2),
                    LayerSpec.conv(64, 3, 1, 1), LayerSpec.conv(64, 3, 1, 1), LayerSpec.of("maxpool").withKernel(2),
                    LayerSpec.of("flatten"), LayerSpec.output(10));
            default -> throw new IllegalArgumentException("unknown benchmark network " + kind);
        };
        return new NetworkSpec(List.of(1, 28, 28), d, layers);
    }

    /**
     * One measured case: the median samples/s over the timed repetitions, the share of those repetitions' wall
     * time the JVM reported as spent in garbage collection (whole milliseconds; pauses, for G1), the number
     * of collections during them (the steady-state step allocates next to nothing), the FLOPs one sample's step
     * runs in matrix products ({@link TrainingFlops}), how long the warm-up took, and the cores' round trip
     * ({@link CoreRoundTrip}) and the FMA ceiling ({@link FmaPeak}, as many threads as the step) right before and
     * right after the timed repetitions: on a host whose rate changes from one minute to the next (docs/kernels.md,
     * "A second host"), the ceiling measured at the start of a run need not be the one the case ran under.
     */
    public record Result(double samplesPerSecond, double gcTimeFraction, long gcCollections, long flopsPerSample,
                         double warmUpSeconds, double roundTripBeforeNanos, double roundTripAfterNanos,
                         double peakBeforeGflops, double peakAfterGflops) {
        /** Achieved GFLOPS in the step's matrix products. */
        public double gflops() { return samplesPerSecond * flopsPerSample / 1e9; }

        /** Share of the higher of the two ceilings measured around the timed repetitions. */
        public double shareOfAdjacentPeak() { return gflops() / Math.max(peakBeforeGflops, peakAfterGflops); }
    }

    public static double samplesPerSecond(String kind, int batch, int threads, boolean quick) {
        return measure(kind, batch, threads, quick).samplesPerSecond();
    }

    public static Result measure(String kind, int batch, int threads, boolean quick) {
        try (Parallel par = new Parallel(threads)) {
            NetworkSpec spec = ExperimentDefaults.resolve(ExperimentIO.parse(
                    "{\"network\": " + ExperimentIO.toJson(network(kind)) + "}", "bench")).network();
            Network net = NetworkBuilder.build(spec, new int[] {1, 28, 28}, 10, par, 0);
            TrainingSpec t = new TrainingSpec("adam", 1e-3, 0.9, 0.0, 0.9, 0.999, "constant", 0.0, 1, 1.0, 1, batch);
            Optimizer opt = Optimizers.create(t, net.paramList(), par);
            Rng rng = new Rng(1);
            Tensor x = Tensor.zeros(batch, 1, 28, 28);
            for (int i = 0; i < x.size(); i++) x.data[i] = rng.nextFloat();
            int[] y = new int[batch];
            for (int i = 0; i < batch; i++) y[i] = rng.nextInt(10);
            SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy();
            double warm = warmUp(net, opt, ce, x, y, quick);
            long targetNanos = (quick ? 150 : 600) * 1_000_000L;
            int steps = 1;
            while (true) { // calibrate so one repetition takes about targetNanos; doubles as warm-up
                long t0 = System.nanoTime();
                for (int s = 0; s < steps; s++) step(net, opt, ce, x, y);
                if (System.nanoTime() - t0 > targetNanos / 2 || steps > 1 << 16) break;
                steps *= 2;
            }
            int reps = quick ? 3 : 7;
            double[] rates = new double[reps];
            double roundTrip0 = CoreRoundTrip.nanos(ROUND_TRIPS), peak0 = FmaPeak.gflops(threads, 1, peakWindows(quick));
            long gc0 = gcMillis(), count0 = gcCount(), wall0 = System.nanoTime();
            for (int r = 0; r < reps; r++) {
                long t0 = System.nanoTime();
                for (int s = 0; s < steps; s++) step(net, opt, ce, x, y);
                rates[r] = (double) steps * batch / ((System.nanoTime() - t0) / 1e9);
            }
            double gcFraction = (gcMillis() - gc0) * 1e6 / Math.max(1, System.nanoTime() - wall0);
            double roundTrip1 = CoreRoundTrip.nanos(ROUND_TRIPS), peak1 = FmaPeak.gflops(threads, 1, peakWindows(quick));
            Arrays.sort(rates);
            return new Result(rates[reps / 2], gcFraction, gcCount() - count0, TrainingFlops.perSample(spec), warm,
                    roundTrip0, roundTrip1, peak0, peak1);
        }
    }

    /**
     * Runs steps until the JIT has compiled the kernels, and returns the seconds it took: the Vector API code is
     * very slow until C2 has compiled it (seconds at first, longer on a busy host), so warm-up is measured in
     * time, not steps. Stops once, over windows of 250 ms, the step rate has not improved by 10% for three
     * windows and the JIT's total compilation time has not grown for four (1 s: on a busy host the compiler
     * threads can wait half a second for a CPU with work queued), after at least 1 s and at most 60 s, or 0.5 s
     * and 8 s with {@code quick}; where the JVM does not report compilation time, the rate alone decides.
     */
    private static double warmUp(Network net, Optimizer opt, SoftmaxCrossEntropy ce, Tensor x, int[] y, boolean quick) {
        long start = System.nanoTime(), min = (quick ? 500 : 1000) * 1_000_000L, max = (quick ? 8000 : 60000) * 1_000_000L;
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        boolean jitTimed = jit != null && jit.isCompilationTimeMonitoringSupported();
        long compiled = jitTimed ? jit.getTotalCompilationTime() : 0;
        double best = 0;
        int flat = 0, quiet = 0;
        while (System.nanoTime() - start < max) {
            long t0 = System.nanoTime();
            int n = 0;
            do { step(net, opt, ce, x, y); n++; } while (System.nanoTime() - t0 < 250_000_000L);
            double rate = n / ((System.nanoTime() - t0) / 1e9);
            flat = rate > 1.1 * best ? 0 : flat + 1;
            best = Math.max(best, rate);
            long now = jitTimed ? jit.getTotalCompilationTime() : compiled;
            quiet = now == compiled ? quiet + 1 : 0;
            compiled = now;
            if (flat >= 3 && (!jitTimed || quiet >= 4) && System.nanoTime() - start >= min) break;
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** 1 ms windows of the ceiling measured around a case's timed repetitions: 0.3 s (0.05 s with quick). */
    static int peakWindows(boolean quick) { return quick ? 50 : 300; }

    /** Exchanges per round-trip measurement: about 10 ms at 400 ns, twice that counting the unrecorded ones. */
    static final int ROUND_TRIPS = 20_000;

    private static void step(Network net, Optimizer opt, SoftmaxCrossEntropy ce, Tensor x, int[] y) {
        net.zeroGrad();
        ce.forward(net.forward(x, Mode.TRAIN), y);
        opt.prepare(1e-3);
        net.backward(ce.backward());
        opt.step(1e-3);
    }

    /** Milliseconds all collectors of this JVM have spent collecting so far. */
    static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    /** Collections all collectors of this JVM have run so far. */
    static long gcCount() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionCount());
        }
        return total;
    }

    public static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) peak += p.getPeakUsage().getUsed();
        }
        return peak >> 20;
    }
}
