package org.maqd.bench;

import java.util.Arrays;
import org.maqd.data.Dataset;
import org.maqd.data.Datasets;
import org.maqd.deploy.FoldedModel;
import org.maqd.deploy.Folder;
import org.maqd.deploy.IntEngine;
import org.maqd.deploy.PixelCodes;
import org.maqd.experiment.ExperimentDefaults;
import org.maqd.experiment.ExperimentIO;
import org.maqd.model.Network;
import org.maqd.model.NetworkBuilder;
import org.maqd.model.NetworkSpec;
import org.maqd.nn.Mode;
import org.maqd.tensor.Parallel;
import org.maqd.tensor.Tensor;

/**
 * Inference throughput of the quickstart MLP (784-256-256-10, 3-state hidden weights, 2-state activations, LBN,
 * 256-state first and last weights): the integer engine on the folded model vs the float fake-quant model in EVAL
 * mode (batches of 256), both over the 2,004 embedded MNIST test images, after warm-up, median of repetitions.
 * The weights are the seeded initial ones; LBN's running statistics are set by 30 training-mode forward passes
 * over MNIST training images (no weight update), so activation sparsity is that of a real input distribution.
 * Folding and input quantization happen once, outside the timed loop.
 */
public final class InferenceBenchmark {
    private InferenceBenchmark() {}

    public record Result(double intSamplesPerSecond, double floatSamplesPerSecond) {
        public double speedup() { return intSamplesPerSecond / floatSamplesPerSecond; }
    }

    public static Result quickstartMlp(int threads, boolean quick) {
        try (Parallel par = new Parallel(threads)) {
            NetworkSpec spec = ExperimentDefaults.resolve(ExperimentIO.parse(
                    "{\"network\": " + ExperimentIO.toJson(TrainingBenchmark.network("mlp")) + "}", "bench")).network();
            Network net = NetworkBuilder.build(spec, new int[] {1, 28, 28}, 10, par, 0);
            var split = Datasets.embedded(0, 0);
            calibrate(net, split.train());
            Dataset test = split.test();
            FoldedModel model = Folder.fold(net);
            IntEngine engine = new IntEngine(model);
            byte[] px = PixelCodes.of(test);
            int n = test.size(), batch = 256;
            Tensor[] batches = new Tensor[(n + batch - 1) / batch];
            for (int b = 0; b < batches.length; b++) {
                int rows = Math.min(batch, n - b * batch);
                batches[b] = Tensor.zeros(rows, 1, 28, 28);
                for (int s = 0; s < rows; s++) test.copySample(b * batch + s, batches[b].data, s * 784);
            }
            Runnable ints = () -> engine.predict(px, n, par);
            Runnable floats = () -> { for (Tensor x : batches) net.forward(x, Mode.EVAL); };
            double[] rates = measure(quick, n, ints, floats);
            return new Result(rates[0], rates[1]);
        }
    }

    private static void calibrate(Network net, Dataset train) {
        Tensor x = Tensor.zeros(64, 1, 28, 28);
        for (int pass = 0; pass < 30; pass++) {
            for (int s = 0; s < 64; s++) train.copySample((pass * 64 + s) % train.size(), x.data, s * 784);
            net.forward(x, Mode.TRAIN);
        }
    }

    /**
     * Samples per second of two passes over {@code n} samples. Warm-up: at least 20 passes of each (so the JIT has
     * compiled the vector loops even on a busy machine) and 1–2 s. Then repetitions alternate between the two, so
     * that load from other processes affects both alike; the median of each is returned.
     */
    private static double[] measure(boolean quick, int n, Runnable a, Runnable b) {
        long warmEnd = System.nanoTime() + (quick ? 1000 : 2000) * 1_000_000L;
        for (int i = 0; i < 20 || System.nanoTime() < warmEnd; i++) {
            a.run();
            b.run();
        }
        long target = (quick ? 150 : 500) * 1_000_000L;
        int pa = passes(a, target), pb = passes(b, target);
        int reps = quick ? 3 : 7;
        double[] ra = new double[reps], rb = new double[reps];
        for (int r = 0; r < reps; r++) {
            ra[r] = rate(a, pa, n);
            rb[r] = rate(b, pb, n);
        }
        Arrays.sort(ra);
        Arrays.sort(rb);
        return new double[] {ra[reps / 2], rb[reps / 2]};
    }

    /** Passes so that one repetition takes about {@code target} ns. */
    private static int passes(Runnable pass, long target) {
        long t0 = System.nanoTime();
        pass.run();
        long one = Math.max(1, System.nanoTime() - t0);
        return (int) Math.max(1, Math.min(1 << 12, target / one));
    }

    private static double rate(Runnable pass, int passes, int n) {
        long t0 = System.nanoTime();
        for (int i = 0; i < passes; i++) pass.run();
        return (double) passes * n / ((System.nanoTime() - t0) / 1e9);
    }
}
