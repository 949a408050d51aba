package org.maqd.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.maqd.tensor.Parallel;
import org.maqd.tensor.Rng;
import org.maqd.tensor.Tensor;
import org.maqd.tensor.ref.RefKernels;

/** The small-batch products of {@link Linear} against the reference GEMM, and for one or two threads. */
class SmallBatchKernelsTest {
    static void close(float[] ref, float[] got, int k, String what) {
        for (int i = 0; i < ref.length; i++) {
            assertEquals(ref[i], got[i], 1e-5 * Math.sqrt(k) * Math.max(1, Math.abs(ref[i])), what + " [" + i + "]");
        }
    }

    @Test
    void allThreeProductsMatchTheReference() {
        Rng rng = new Rng(4);
        int[][] shapes = {{784, 256}, {256, 10}, {17, 3}, {33, 65}, {1, 1}, {64, 16}};
        for (int[] s : shapes) {
            int in = s[0], out = s[1];
            for (int b = 1; b <= SmallBatchKernels.MAX_BATCH; b++) {
                float[] x = GradCheck.random(rng, b, in).data, w = GradCheck.random(rng, out, in).data;
                float[] gy = GradCheck.random(rng, b, out).data;
                SmallBatchKernels k = new SmallBatchKernels(Parallel.serial());
                String what = "b=" + b + " in=" + in + " out=" + out;

                float[] y = new float[b * out], ref = new float[b * out];
                java.util.Arrays.fill(y, Float.NaN);                 // overwritten, not accumulated
                k.forward(b, in, out, x, w, y);
                RefKernels.gemm(false, true, b, out, in, x, 0, w, 0, ref, 0, false);
                close(ref, y, in, "forward " + what);

                float[] dx = new float[b * in], refDx = new float[b * in];
                java.util.Arrays.fill(dx, Float.NaN);
                k.inputGrad(b, in, out, gy, w, dx);
                RefKernels.gemm(false, false, b, in, out, gy, 0, w, 0, refDx, 0, false);
                close(refDx, dx, out, "dx " + what);

                float[] dw = new float[out * in], refDw = new float[out * in];
                java.util.Arrays.fill(dw, Float.NaN);
                k.weightGrad(b, in, out, gy, x, dw);
                RefKernels.gemm(true, false, out, in, b, gy, 0, x, 0, refDw, 0, false);
                close(refDw, dw, b, "dW " + what);
            }
        }
    }

    /**
     * dx sums W's rows by the weight transform's chunks: each chunk's FMA chain from 0, the chunks added in order.
     * The vector kernel, the plain reference and the per-chunk parts added by {@code inputGradSum} (the fused
     * backward's route) give the same bits, for one or two threads.
     */
    @Test
    void inputGradientIsTheChunksChainsAddedInOrderBitForBit() {
        Rng rng = new Rng(9);
        int[][] shapes = {{256, 256}, {784, 256}, {256, 10}, {17, 300}, {40, 33}, {1000, 9}, {3000, 20}, {9000, 3}};
        try (Parallel two = new Parallel(2)) {
            for (int[] s : shapes) {
                int in = s[0], out = s[1], chunks = SmallBatchKernels.rowChunks(in, out);
                for (int b = 1; b <= SmallBatchKernels.MAX_BATCH; b++) {
                    String what = "b=" + b + " in=" + in + " out=" + out + " chunks=" + chunks;
                    float[] w = GradCheck.random(rng, out, in).data, gy = GradCheck.random(rng, b, out).data;
                    float[] plain = new float[b * in];
                    SmallBatchKernels.inputGradPlain(b, in, out, gy, w, plain);
                    for (Parallel par : new Parallel[] {Parallel.serial(), two}) {
                        float[] dx = new float[b * in];
                        java.util.Arrays.fill(dx, Float.NaN);
                        new SmallBatchKernels(par).inputGrad(b, in, out, gy, w, dx);
                        assertArrayEquals(plain, dx, "kernel " + what + " threads=" + par.threads());
                    }
                    int grain = SmallBatchKernels.partRows(in);
                    float[] parts = new float[chunks * b * in], summed = new float[b * in];
                    // the parts in any order: only their sum is ordered
                    for (int c = chunks - 1; c >= 0; c--) {
                        SmallBatchKernels.inputGradPartial(b, in, out, gy, w, parts, c * b * in, c * grain,
                                Math.min(out, (c + 1) * grain));
                    }
                    SmallBatchKernels.inputGradSum(b, in, chunks, parts, summed);
                    assertArrayEquals(plain, summed, "parts " + what);
                }
            }
        }
        assertEquals(8, SmallBatchKernels.rowChunks(256, 256), "the 256×256 layer: 8 chunks of 32 rows");
        assertTrue(SmallBatchKernels.fusedParts(256, 256), "its parts are formed by the fused backward");
        assertEquals(8, SmallBatchKernels.partRows(3000), "a part holds at least 8 rows (the transform's chunk: 2)");
        assertFalse(SmallBatchKernels.fusedParts(3000, 20), "parts that are not the transform's chunks: unfused");
        assertFalse(SmallBatchKernels.fusedParts(784, 256), "26 parts: the caller's sum would stream too much");
    }

    @Test
    void identicalForOneOrTwoThreads() {
        Rng rng = new Rng(5);
        int b = 5, in = 784, out = 256;
        float[] x = GradCheck.random(rng, b, in).data, w = GradCheck.random(rng, out, in).data;
        float[] gy = GradCheck.random(rng, b, out).data;
        float[][] r1 = run(Parallel.serial(), b, in, out, x, w, gy);
        try (Parallel p2 = new Parallel(2)) {
            float[][] r2 = run(p2, b, in, out, x, w, gy);
            for (int i = 0; i < 3; i++) assertArrayEquals(r1[i], r2[i]);
        }
    }

    static float[][] run(Parallel par, int b, int in, int out, float[] x, float[] w, float[] gy) {
        SmallBatchKernels k = new SmallBatchKernels(par);
        float[] y = new float[b * out], dx = new float[b * in], dw = new float[out * in];
        k.forward(b, in, out, x, w, y);
        k.inputGrad(b, in, out, gy, w, dx);
        k.weightGrad(b, in, out, gy, x, dw);
        return new float[][] {y, dx, dw};
    }

    @Test
    void linearUsesThemForSmallBatchesWithTheSameResultsAsTheGemmPath() {
        Rng rng = new Rng(6);
        Linear l = new Linear(100, 30, true, null, Parallel.serial(), rng);
        int b = SmallBatchKernels.MAX_BATCH;
        Tensor x = GradCheck.random(rng, b, 100);
        // the same rows inside a batch big enough for the GEMM path
        Tensor big = Tensor.zeros(b + 8, 100);
        System.arraycopy(x.data, 0, big.data, 0, x.data.length);
        float[] ySmall = l.forward(x, Mode.TRAIN).data.clone();
        float[] yBig = l.forward(big, Mode.TRAIN).data;
        for (int i = 0; i < ySmall.length; i++) assertEquals(yBig[i], ySmall[i], 1e-5, "y[" + i + "]");
    }

    @Test
    void smallBatchGradientsMatchFiniteDifferences() {
        Rng rng = new Rng(7);
        Linear l = new Linear(37, 19, true, null, Parallel.serial(), rng);
        GradCheck.check(l, GradCheck.random(rng, 3, 37), Mode.TRAIN, 1e-2, 2e-3, 9);
    }

    /** Every element of dW is the chain fma(x[b−1], gy[b−1], … fma(x[0], gy[0], 0)) in float, bit for bit (b = 4 has its own loop). */
    @Test
    void weightGradientRowsAreTheFmaChainBitForBit() {
        Rng rng = new Rng(8);
        int[][] shapes = {{784, 256}, {256, 10}, {17, 3}, {33, 5}};
        for (int[] s : shapes) {
            int in = s[0], out = s[1];
            for (int b = 1; b <= SmallBatchKernels.MAX_BATCH; b++) {
                float[] x = GradCheck.random(rng, b, in).data, gy = GradCheck.random(rng, b, out).data;
                x[0] = 0f;
                gy[0] = -1f;   // −0 products: the chain starts from +0
                float[] dw = new float[out * in + 3];
                for (int o = 0; o < out; o++) {
                    SmallBatchKernels.weightGradRow(b, in, out, gy, x, o, dw, 3 + o * in);
                    for (int i = 0; i < in; i++) {
                        float e = 0f;
                        for (int r = 0; r < b; r++) e = Math.fma(x[r * in + i], gy[r * out + o], e);
                        assertEquals(Float.floatToRawIntBits(e), Float.floatToRawIntBits(dw[3 + o * in + i]),
                                "b=" + b + " in=" + in + " o=" + o + " i=" + i);
                    }
                }
            }
        }
    }

    /** Outputs computed two at a time (batch 4) are bit for bit those computed one at a time. */
    @Test
    void outputsInPairsEqualOutputsOneByOne() {
        Rng rng = new Rng(9);
        for (int[] s : new int[][] {{784, 256}, {256, 10}, {17, 3}, {33, 5}}) {
            int in = s[0], out = s[1], b = 4;
            float[] x = GradCheck.random(rng, b, in).data, w = GradCheck.random(rng, out, in).data;
            float[] pairs = new float[b * out], single = new float[b * out];
            SmallBatchKernels.forwardOutputs(b, in, out, x, w, pairs, 0, out);
            for (int o = 0; o < out; o++) SmallBatchKernels.forwardOutputs(b, in, out, x, w, single, o, o + 1);
            assertArrayEquals(single, pairs, "in=" + in + " out=" + out);
        }
    }

    /**
     * Every output is the documented chain: per lane p an fma chain over i ≡ p (mod L) below the last whole
     * vector, the lanes added left to right in float, then the tail's fma chain (bit for bit, one and two outputs
     * at a time, batches 1 to 8).
     */
    @Test
    void forwardOutputsAreTheLaneChainsBitForBit() {
        int lanes = jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.length();
        Rng rng = new Rng(10);
        for (int[] s : new int[][] {{784, 6}, {256, 3}, {40, 2}, {7, 2}}) {
            int in = s[0], out = s[1], end = in - in % lanes;
            for (int b = 1; b <= SmallBatchKernels.MAX_BATCH; b++) {
                float[] x = GradCheck.random(rng, b, in).data, w = GradCheck.random(rng, out, in).data;
                float[] y = new float[b * out];
                SmallBatchKernels.forwardOutputs(b, in, out, x, w, y, 0, out);
                for (int r = 0; r < b; r++) {
                    for (int o = 0; o < out; o++) {
                        float[] acc = new float[lanes];
                        for (int i = 0; i < end; i++) acc[i % lanes] = Math.fma(x[r * in + i], w[o * in + i], acc[i % lanes]);
                        float e = acc[0];
                        for (int p = 1; p < lanes; p++) e += acc[p];
                        for (int i = end; i < in; i++) e = Math.fma(x[r * in + i], w[o * in + i], e);
                        assertEquals(Float.floatToRawIntBits(e), Float.floatToRawIntBits(y[r * out + o]),
                                "b=" + b + " in=" + in + " r=" + r + " o=" + o);
                    }
                }
            }
        }
    }
}
