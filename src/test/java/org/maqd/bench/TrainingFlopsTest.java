package org.maqd.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.maqd.model.LayerSpec;
import org.maqd.model.NetworkSpec;
import org.maqd.model.NetworkTemplates;

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

    /**
     * A tiny graph counted by hand: stem conv 2 (3×3, pad 1) on [1, 4, 4]; c1 conv 2 on the stem; c2 conv 2 (no
     * Q_a) on c1; add (c2 + stem); concat (add, c1) into [4, 4, 4]; flatten; output 3.
     */
    @Test
    void aGraphCountsItsAddAndTheGradientSumsOfItsBranchesButNotItsConcat() {
        List<String> in = List.of(NetworkSpec.INPUT);
        NetworkSpec spec = NetworkSpec.graph(List.of(1, 4, 4), NetworkTemplates.DEFAULTS, List.of(
                LayerSpec.conv(2, 3, 1, 1).withId("stem").withInputs(in),
                LayerSpec.conv(2, 3, 1, 1).withId("c1").withInputs(List.of("stem")),
                LayerSpec.conv(2, 3, 1, 1).withActivation(false).withId("c2").withInputs(List.of("c1")),
                LayerSpec.of("add").withId("sum").withInputs(List.of("c2", "stem")),
                LayerSpec.of("concat").withId("cat").withInputs(List.of("sum", "c1")),
                LayerSpec.of("flatten").withId("flat").withInputs(List.of("cat")),
                LayerSpec.output(3).withId("out").withInputs(List.of("flat"))));
        long stem = 2L * 1 * 9 * 16, c1 = 2L * 2 * 9 * 16, c2 = c1, out = 64L * 3;     // MACs per sample
        long products = 2 * (stem + c1 + c2 + out) * 2 + 2 * (c1 + c2 + out);      // forward and dW everywhere, dx past the stem
        long addForward = 32;                   // one sum per element of [2, 4, 4]
        long gradientSums = 32 + 32;            // stem feeds c1 and the add; c1 feeds c2 and the concat
        assertEquals(9_312L, products + addForward + gradientSums);
        assertEquals(products + addForward + gradientSums, TrainingFlops.perSample(spec));
    }

    /** The benchmark's ResNet-8: 28 → 14 → 7 pixels over the stages 16, 32, 64; 1×1 projections into stages 2 and 3. */
    @Test
    void resnetCountsEveryConvolutionProjectionAddAndSkip() {
        long p1 = 28 * 28, p2 = 14 * 14, p3 = 7 * 7;
        long stem = 16L * 9 * p1;
        long s1 = 2 * 16L * 16 * 9 * p1;
        long s2 = 32L * 16 * 9 * p2 + 32L * 32 * 9 * p2 + 32L * 16 * p2;
        long s3 = 64L * 32 * 9 * p3 + 64L * 64 * 9 * p3 + 64L * 32 * p3;
        long out = 64L * 10;
        long macs = stem + s1 + s2 + s3 + out;
        long adds = 16 * p1 + 32 * p2 + 64 * p3;
        long skips = 16 * p1 + 16 * p1 + 32 * p2;   // the stem, s1.b1 and s2.b1 each feed two nodes
        assertEquals(2 * macs * 2 + 2 * (macs - stem) + adds + skips, TrainingFlops.perSample(TrainingBenchmark.network("resnet")));
    }
}
