package org.maqd.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** FLOPs per training sample: forward, weight gradient, and input gradients except the first weighted layer's. */
class TrainingFlopsTest {
    @Test
    void mlpCountsNoInputGradientForItsFirstLayer() {
        long w = 784L * 256 + 256L * 256 + 256L * 10;               // 268,800 weights
        long expected = 2 * w + 2 * w + 2 * (256L * 256 + 256L * 10); // forward, dW, dx of layers 2 and 3
        assertEquals(1_211_392L, expected);
        assertEquals(expected, TrainingFlops.perSample(TrainingBenchmark.network("mlp")));
    }

    @Test
    void cnnCountsEveryConvolutionAndTheOutputLayer() {
        long c1 = 32L * 1 * 9 * 28 * 28, c2 = 32L * 32 * 9 * 28 * 28, c3 = 64L * 32 * 9 * 14 * 14, c4 = 64L * 64 * 9 * 14 * 14;
        long out = 64L * 7 * 7 * 10;
        long macs = c1 + c2 + c3 + c4 + out;
        assertEquals(2 * macs + 2 * macs + 2 * (macs - c1), TrainingFlops.perSample(TrainingBenchmark.network("cnn")));
        assertEquals(109_471_488L, TrainingFlops.perSample(TrainingBenchmark.network("cnn")));
    }
}
