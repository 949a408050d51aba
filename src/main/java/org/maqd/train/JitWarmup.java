package org.maqd.train;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.maqd.model.LayerSpec;
import org.maqd.model.Network;
import org.maqd.model.NetworkBuilder;
import org.maqd.model.NetworkSpec;
import org.maqd.nn.Mode;
import org.maqd.nn.SoftmaxCrossEntropy;
import org.maqd.optim.Optimizer;
import org.maqd.tensor.Parallel;
import org.maqd.tensor.Rng;
import org.maqd.tensor.Tensor;

/**
 * Warms the JIT before a run's clock starts. The Vector API kernels run tens of times slower until C2 has
 * compiled them, which made a run's first epoch ~30× slower than the rest and a sweep's first trials much slower
 * than the later ones. This trains throwaway copies of the run's network (same layers, optimizer and probes; their
 * own weights and random batches): first a {@link #narrow} one on batches of {@link #SMALL_BATCH}, which reaches
 * the compile thresholds within seconds even interpreted (at most {@link #NARROW_SECONDS}), then one of the real
 * size on the run's batch size; each until it runs compiled: at least {@link #MIN_STEPS} steps, the median of the
 * last {@link #WINDOW} step times within {@link #SETTLED} × the fastest, and no JIT compilation finished for
 * {@link #QUIET_SECONDS} (step times alone also settle while code is still interpreted or at C1) or
 * {@link #ENOUGH_STEPS} steps (the compiler may be busy with other code); at most {@link #MAX_SECONDS} in all.
 * Once the kernels are compiled (a later trial in the same JVM) this takes a few times {@link #MIN_STEPS} steps. It shares
 * nothing with the run but the thread pool and compiled code, so the run's numbers are the same with or without
 * it. {@code -Dmaqd.warmup=false} turns it off (to measure what it buys).
 */
public final class JitWarmup {
    static final int MIN_STEPS = 12, WINDOW = 6, PROBE_EVERY = 4, ENOUGH_STEPS = 400, SMALL_BATCH = 8;
    static final int NARROW_UNITS = 64, NARROW_CHANNELS = 32;
    static final double SETTLED = 1.3, QUIET_SECONDS = 0.5, NARROW_SECONDS = 20, MAX_SECONDS = 30;
    private static final long SEED = 0x5EED_0F_3A2L;

    /** What the warm-up did. */
    public record Result(int steps, double seconds, double firstStepSeconds, double settledStepSeconds) {}

    private JitWarmup() {}

    public static boolean enabled() {
        return !"false".equalsIgnoreCase(System.getProperty("maqd.warmup", "true"));
    }

    /**
     * Trains a throwaway network built from {@code spec} on random batches of {@code batchSize} samples of
     * {@code sampleShape}, with {@code training}'s optimizer and, when {@code probes} are on, probe snapshots.
     */
    public static Result warm(NetworkSpec spec, int[] sampleShape, int classes, TrainingSpec training, int batchSize,
                              ProbeSpec probes, Parallel par) {
        return warm(spec, sampleShape, classes, training, batchSize, probes, par, () -> false);
    }

    /** As above, ending early (after the step under way) once {@code stop} says so: a run stopped in its warm-up. */
    public static Result warm(NetworkSpec spec, int[] sampleShape, int classes, TrainingSpec training, int batchSize,
                              ProbeSpec probes, Parallel par, java.util.function.BooleanSupplier stop) {
        long t0 = System.nanoTime();
        Network narrow = narrow(spec, sampleShape, classes, par);
        if (narrow != null) {
            train(narrow, sampleShape, classes, training, Math.min(batchSize, SMALL_BATCH), probes, par, t0, NARROW_SECONDS, stop);
        }
        Network net = NetworkBuilder.build(spec, sampleShape, classes, par, SEED);
        double[] t = train(net, sampleShape, classes, training, batchSize, probes, par, t0, MAX_SECONDS, stop);
        return new Result((int) t[0], (System.nanoTime() - t0) / 1e9, t[1], t[2]);
    }

    /**
     * The network with hidden layers at most {@link #NARROW_UNITS} wide (convolutions {@link #NARROW_CHANNELS}):
     * the same kernels and code paths on problems small enough that even interpreted code reaches the compile
     * thresholds within a second or two; a graph keeps its nodes and wires. Null when the narrowed spec does not
     * build (e.g. group counts).
     */
    static Network narrow(NetworkSpec spec, int[] sampleShape, int classes, Parallel par) {
        List<LayerSpec> layers = new ArrayList<>();
        for (LayerSpec l : spec.all()) {
            LayerSpec n = l;
            if (!org.maqd.model.LayerKinds.isOutput(l.type()) && l.units() != null) n = n.withUnits(Math.min(l.units(), NARROW_UNITS));
            if (l.channels() != null) n = n.withChannels(Math.min(l.channels(), NARROW_CHANNELS));
            layers.add(n);
        }
        try {
            return NetworkBuilder.build(spec.isGraph() ? spec.withNodes(layers) : spec.withLayers(layers), sampleShape, classes, par, SEED);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Trains {@code net} on random batches until it runs compiled (see the class comment) or {@code maxSeconds}
     * after {@code t0}: {steps, first step seconds, settled step seconds}.
     */
    private static double[] train(Network net, int[] sampleShape, int classes, TrainingSpec training, int batchSize,
                                  ProbeSpec probes, Parallel par, long t0, double maxSeconds, java.util.function.BooleanSupplier stop) {
        Optimizer opt = Optimizers.create(training, net.paramList(), par);
        ProbeCollector probe = probes != null && probes.enabled() ? new ProbeCollector(net, probes) : null;
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
        Rng rng = new Rng(SEED);
        Tensor x = batch(sampleShape, batchSize, rng);
        int[] labels = new int[batchSize];
        for (int i = 0; i < batchSize; i++) labels[i] = rng.nextInt(classes);
        double[] times = new double[1 << 16];
        double best = Double.POSITIVE_INFINITY;
        int steps = 0;
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        boolean jitTimed = jit != null && jit.isCompilationTimeMonitoringSupported();
        long lastCompileMillis = jitTimed ? jit.getTotalCompilationTime() : 0, quietSince = System.nanoTime();
        while (steps < times.length && !stop.getAsBoolean()) {
            long s0 = System.nanoTime();
            net.reseed(SEED, steps);
            net.zeroGrad();
            loss.forward(net.forward(x, Mode.TRAIN), labels);
            opt.prepare(training.learningRate() * 1e-3);
            net.backward(loss.backward());
            opt.step(training.learningRate() * 1e-3);
            net.forward(x, Mode.EVAL);
            times[steps] = (System.nanoTime() - s0) / 1e9;
            if (probe != null && steps % PROBE_EVERY == 0) probe.sample(steps, 1, x);
            best = Math.min(best, times[steps]);
            steps++;
            long now = System.nanoTime();
            if (jitTimed && jit.getTotalCompilationTime() != lastCompileMillis) {
                lastCompileMillis = jit.getTotalCompilationTime();
                quietSince = now;
            }
            boolean jitQuiet = (now - quietSince) / 1e9 >= QUIET_SECONDS;
            if (steps >= MIN_STEPS && (jitQuiet || steps >= ENOUGH_STEPS) && median(times, steps - WINDOW, steps) <= SETTLED * best) break;
            if ((now - t0) / 1e9 > maxSeconds) break;
        }
        return new double[] {steps, times[0], median(times, steps - Math.min(WINDOW, steps), steps)};
    }

    private static Tensor batch(int[] sampleShape, int n, Rng rng) {
        int[] shape = new int[sampleShape.length + 1];
        shape[0] = n;
        System.arraycopy(sampleShape, 0, shape, 1, sampleShape.length);
        Tensor x = Tensor.zeros(shape);
        for (int i = 0; i < x.data.length; i++) x.data[i] = rng.nextFloat();
        return x;
    }

    static double median(double[] v, int from, int to) {
        if (to <= from) return Double.NaN;   // no step (stopped before the first)
        double[] w = java.util.Arrays.copyOfRange(v, from, to);
        java.util.Arrays.sort(w);
        return w[w.length / 2];
    }
}
