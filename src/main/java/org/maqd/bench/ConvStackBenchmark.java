package org.maqd.bench;

import java.util.Arrays;
import org.maqd.nn.Conv2d;
import org.maqd.nn.Layer;
import org.maqd.nn.MaxPool2d;
import org.maqd.nn.Mode;
import org.maqd.nn.WeightTransform;
import org.maqd.tensor.Parallel;
import org.maqd.tensor.Rng;
import org.maqd.tensor.Tensor;

/**
 * Throughput of the convolutional part of the reference small CNN — conv 1→32, 32→32, maxpool, 32→64, 64→64,
 * maxpool (3×3, padding 1, 28×28 input) — forward plus backward, in samples per second (median repetition).
 * The classifier head, loss and optimizer are not included. Numbers move with other load on the machine.
 */
public final class ConvStackBenchmark {
    private ConvStackBenchmark() {}

    /** Median samples/s over {@code reps} timed training steps (forward + backward) after {@code warmupMs}. */
    public static double samplesPerSecond(int batch, int threads, int warmupMs, int reps) {
        if (batch < 1 || threads < 1 || reps < 1 || warmupMs < 0) {
            throw new IllegalArgumentException("need batch, threads, reps >= 1 and warmupMs >= 0; got " + batch + ", "
                    + threads + ", " + reps + ", " + warmupMs);
        }
        try (Parallel par = new Parallel(threads)) {
            Rng rng = new Rng(7);
            Layer[] layers = {
                new Conv2d(1, 32, 3, 1, 1, true, WeightTransform.IDENTITY, par, rng.split()),
                new Conv2d(32, 32, 3, 1, 1, true, WeightTransform.IDENTITY, par, rng.split()),
                new MaxPool2d(2, 2, par),
                new Conv2d(32, 64, 3, 1, 1, true, WeightTransform.IDENTITY, par, rng.split()),
                new Conv2d(64, 64, 3, 1, 1, true, WeightTransform.IDENTITY, par, rng.split()),
                new MaxPool2d(2, 2, par),
            };
            Tensor x = Tensor.zeros(batch, 1, 28, 28);
            for (int i = 0; i < x.data.length; i++) x.data[i] = rng.nextFloat();
            Tensor grad = Tensor.zeros(batch, 64, 7, 7);
            for (int i = 0; i < grad.data.length; i++) grad.data[i] = rng.nextFloat() * 0.01f;
            long warmEnd = System.nanoTime() + warmupMs * 1_000_000L;
            do {
                step(layers, x, grad);
            } while (System.nanoTime() < warmEnd);
            double[] rates = new double[reps];
            for (int r = 0; r < reps; r++) {
                long t0 = System.nanoTime();
                step(layers, x, grad);
                rates[r] = batch / ((System.nanoTime() - t0) / 1e9);
            }
            Arrays.sort(rates);
            return reps % 2 == 1 ? rates[reps / 2] : 0.5 * (rates[reps / 2 - 1] + rates[reps / 2]);
        }
    }

    private static void step(Layer[] layers, Tensor x, Tensor grad) {
        Tensor h = x;
        for (Layer l : layers) h = l.forward(h, Mode.TRAIN);
        Tensor g = grad;
        for (int i = layers.length - 1; i >= 0; i--) g = layers[i].backward(g);
    }

    public static void main(String[] args) {
        for (int threads = 1; threads <= 2; threads++) {
            System.out.printf("conv stack, batch 64, threads=%d: %.0f samples/s%n", threads, samplesPerSecond(64, threads, 2000, 15));
        }
    }
}
