package org.maqd.norm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.maqd.norm.NormTestSupport.gaussian;
import static org.maqd.norm.NormTestSupport.make;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.maqd.nn.Mode;
import org.maqd.tensor.Parallel;
import org.maqd.tensor.Rng;
import org.maqd.tensor.Tensor;

/** The properties method.md §7 asks of LBN: batch independence at inference, pooled statistics, batch size 1. */
class LayerBatchNormTest {

    private static LayerBatchNorm trained(Rng rng, int channels, int[] shape) {
        LayerBatchNorm n = (LayerBatchNorm) make("lbn", channels, 1, Parallel.serial(), rng);
        for (int i = 0; i < 5; i++) n.forward(gaussian(rng, 2.0, 0.5, shape), Mode.TRAIN);
        return n;
    }

    /** Copies sample {@code from} of {@code src} into sample {@code to} of {@code dst}. */
    private static void copySample(Tensor src, int from, Tensor dst, int to) {
        int per = src.perItem();
        System.arraycopy(src.data, from * per, dst.data, to * per, per);
    }

    @Test
    void atInferenceASampleIsIndependentOfItsBatchCompanions() {
        Rng rng = new Rng(1);
        LayerBatchNorm n = trained(rng, 6, new int[] {4, 6, 3, 3});
        Tensor probe = gaussian(rng, 1.5, 0.2, 1, 6, 3, 3);
        Tensor a = gaussian(rng, 1.0, 0.0, 3, 6, 3, 3);
        Tensor b = gaussian(rng, 5.0, -3.0, 5, 6, 3, 3);
        copySample(probe, 0, a, 1);
        copySample(probe, 0, b, 4);
        int per = probe.size();
        float[] alone = n.forward(probe, Mode.EVAL).data.clone();
        float[] inA = Arrays.copyOfRange(n.forward(a, Mode.EVAL).data, per, 2 * per);
        float[] inB = Arrays.copyOfRange(n.forward(b, Mode.EVAL).data, 4 * per, 5 * per);
        assertArrayEquals(alone, inA, "eval output must not depend on the batch (companions A)");
        assertArrayEquals(alone, inB, "eval output must not depend on the batch (companions B)");

        // The same comparison in training mode does depend on the batch: the test can tell the difference.
        float[] trainA = Arrays.copyOfRange(n.forward(a, Mode.TRAIN).data, per, 2 * per);
        float[] trainB = Arrays.copyOfRange(n.forward(b, Mode.TRAIN).data, 4 * per, 5 * per);
        assertFalse(Arrays.equals(trainA, trainB), "training statistics come from the batch");
    }

    @Test
    void evaluationIsExactlyTheFoldedPerChannelAffineMap() {
        Rng rng = new Rng(2);
        for (String kind : new String[] {"lbn", "bn"}) {
            FoldableNorm n = (FoldableNorm) make(kind, 5, 1, Parallel.serial(), rng);
            for (int i = 0; i < 3; i++) n.forward(gaussian(rng, 3.0, 1.0, 4, 5, 2, 3), Mode.TRAIN);
            float[] scale = n.inferenceScale(), shift = n.inferenceShift();
            Tensor x = gaussian(rng, 2.0, 0.0, 3, 5, 2, 3);
            float[] y = n.forward(x, Mode.EVAL).data;
            for (int i = 0; i < x.size(); i++) {
                int c = (i / 6) % 5;
                assertEquals(scale[c] * x.data[i] + shift[c], y[i], 0f, kind + " element " + i);
            }
            // The folded map is γ/sqrt(σ²_r + ε) and β − scale·μ_r.
            float[] rm = n.runningMean(), rv = n.runningVar();
            for (int c = 0; c < 5; c++) {
                int k = kind.equals("lbn") ? 0 : c;
                double s = n.weight().value.data[c] / Math.sqrt(rv[k] + 1e-5);
                assertEquals(s, scale[c], 1e-6 * Math.abs(s));
                assertEquals(n.bias().value.data[c] - s * rm[k], shift[c], 1e-6);
            }
        }
    }

    @Test
    void trainingStatisticsEqualBatchNormPooledOverAllChannels() {
        Rng rng = new Rng(3);
        int[] shape = {4, 6, 5, 3};
        Tensor x = gaussian(rng, 2.0, 0.8, shape);
        LayerBatchNorm lbn = new LayerBatchNorm(6, Parallel.serial());
        BatchNorm pooled = new BatchNorm(1, Parallel.serial());       // all channels become one channel
        float[] yl = lbn.forward(x, Mode.TRAIN).data.clone();
        float[] yb = pooled.forward(x.view(4, 1, 6 * 5, 3), Mode.TRAIN).data.clone();
        assertEquals(pooled.batchMean()[0], lbn.batchMean()[0], 1e-6);
        assertEquals(pooled.batchVar()[0], lbn.batchVar()[0], 1e-6);
        assertEquals(pooled.runningMean()[0], lbn.runningMean()[0], 1e-6);
        assertEquals(pooled.runningVar()[0], lbn.runningVar()[0], 1e-6);
        for (int i = 0; i < yl.length; i++) assertEquals(yb[i], yl[i], 1e-6, "output " + i);

        // With non-trivial γ/β the outputs differ exactly by the per-channel affine map.
        float[] g = lbn.weight().value.data, b = lbn.bias().value.data;
        for (int c = 0; c < 6; c++) {
            g[c] = 0.5f + c;
            b[c] = 0.1f * c - 0.2f;
        }
        float[] ya = lbn.forward(x, Mode.TRAIN).data;
        for (int i = 0; i < ya.length; i++) {
            int c = (i / 15) % 6;
            assertEquals(g[c] * yb[i] + b[c], ya[i], 1e-5, "affine output " + i);
        }
        // And BN on the original layout has different (per-channel) statistics.
        BatchNorm perChannel = new BatchNorm(6, Parallel.serial());
        perChannel.forward(x, Mode.TRAIN);
        assertEquals(6, perChannel.batchMean().length);
    }

    @Test
    void lbnWorksAtBatchSizeOne() {
        Rng rng = new Rng(4);
        for (int[] shape : new int[][] {{1, 256}, {1, 8, 4, 4}}) {
            LayerBatchNorm n = new LayerBatchNorm(shape[1], Parallel.serial());
            Tensor x = gaussian(rng, 3.0, 2.0, shape);
            float[] y = n.forward(x, Mode.TRAIN).data;
            double mean = 0, sq = 0;
            for (float v : y) {
                assertTrue(Float.isFinite(v));
                mean += v;
            }
            mean /= y.length;
            for (float v : y) sq += (v - mean) * (v - mean);
            assertEquals(0.0, mean, 1e-5, "normalised mean " + Arrays.toString(shape));
            assertEquals(1.0, sq / y.length, 1e-3, "normalised variance " + Arrays.toString(shape));
            float[] dx = n.backward(gaussian(rng, 1.0, 0.0, shape)).data;
            double norm = 0;
            for (float v : dx) {
                assertTrue(Float.isFinite(v));
                norm += v * v;
            }
            assertTrue(norm > 1e-3, "the input gradient carries signal at batch 1");
            assertTrue(n.runningVar()[0] != 1f, "running variance moved at batch 1");
        }
    }

    /**
     * BN on a [1, C] input: each channel's statistic covers one element, so x − μ = 0 and σ² = 0. The layer does
     * not throw; the output is exactly β (it carries no information about x), the input gradient is 0 (up to
     * float rounding),
     * the running mean moves towards x, and the running variance (undefined unbiased estimate) stays unchanged.
     */
    @Test
    void bnAtBatchSizeOneOnFeatureVectorsDegeneratesWithoutCrashing() {
        Rng rng = new Rng(6);
        BatchNorm n = (BatchNorm) make("bn", 16, 1, Parallel.serial(), rng);
        Tensor x = gaussian(rng, 2.0, 1.0, 1, 16);
        float[] y = n.forward(x, Mode.TRAIN).data;
        assertArrayEquals(n.bias().value.data, y, "output collapses to β");
        float[] dx = n.backward(gaussian(rng, 1.0, 0.0, 1, 16)).data;
        // Mathematically 0; in float the two terms γ·dy/σ and −mean(γ·dy)/σ (each ~300, since 1/sqrt(ε) ≈ 316)
        // cancel up to rounding.
        for (float v : dx) assertEquals(0f, v, 1e-4f, "no gradient reaches the input");
        float[] rv = n.runningVar();
        for (int c = 0; c < 16; c++) {
            assertEquals(1f, rv[c], 0f, "running variance unchanged");
            assertEquals(0.1f * x.data[c], n.runningMean()[c], 1e-6f, "running mean moved");
            assertEquals(0f, n.batchVar()[c], 0f);
        }
        // With spatial extent, batch 1 is merely noisy, not degenerate.
        float[] y4 = n.forward(gaussian(rng, 2.0, 1.0, 1, 16, 3, 3), Mode.TRAIN).data;
        for (float v : y4) assertTrue(Float.isFinite(v));
    }

    @Test
    void runningStatisticBuffersHaveTheDocumentedNamesAndShapes() {
        LayerBatchNorm lbn = new LayerBatchNorm(4, null);
        BatchNorm bn = new BatchNorm(4, null);
        assertEquals("running_mean", lbn.buffers().get(0).name());
        assertEquals("running_var", lbn.buffers().get(1).name());
        assertEquals("num_batches_tracked", lbn.buffers().get(2).name());
        assertArrayEquals(new int[] {1}, lbn.buffers().get(0).value().shape());
        assertArrayEquals(new int[] {1}, lbn.buffers().get(1).value().shape());
        assertArrayEquals(new int[] {4}, bn.buffers().get(0).value().shape());
        assertArrayEquals(new int[] {4}, bn.buffers().get(1).value().shape());
        assertArrayEquals(new float[] {0f}, lbn.runningMean());
        assertArrayEquals(new float[] {1f}, lbn.runningVar());
        Tensor x = gaussian(new Rng(7), 1.0, 0.0, 2, 4);
        lbn.forward(x, Mode.TRAIN);
        lbn.forward(x, Mode.TRAIN);
        lbn.forward(x, Mode.EVAL);
        assertEquals(2, lbn.batchesTracked(), "only training batches are tracked");
        float[] rm = lbn.runningMean();
        lbn.forward(x, Mode.EVAL);
        assertArrayEquals(rm, lbn.runningMean(), "evaluation leaves the running estimates alone");
    }
}
