package org.maqd.deploy;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.maqd.tensor.Rng;

/** The vector inner loops against the plain reference loops, every length 0…40 and offsets, c = 1 and c > 1. */
class DenseKernelsTest {
    @Test
    void vectorLoopsEqualPlainLoops() {
        Rng rng = new Rng(3);
        short[] w16 = new short[200];
        byte[] w8 = new byte[200];
        for (int i = 0; i < 200; i++) {
            w16[i] = (short) (rng.nextInt(511) - 255);
            w8[i] = (byte) (rng.nextInt(255) - 127);
        }
        for (int n = 0; n <= 40; n++) {
            for (int base : new int[] {0, 3, 17}) {
                for (int c : new int[] {1, 2, 255}) {
                    int[] a = new int[n], b = new int[n], x = new int[n], y = new int[n];
                    for (int i = 0; i < n; i++) a[i] = b[i] = x[i] = y[i] = rng.nextInt(1000) - 500;
                    DenseKernels.addScaled(a, w16, base, c, n);
                    DenseKernels.addScaledPlain(b, w16, base, c, n);
                    DenseKernels.addScaled(x, w8, base, c, n);
                    DenseKernels.addScaledPlain(y, w8, base, c, n);
                    assertArrayEquals(b, a, "int16 n=" + n + " base=" + base + " c=" + c);
                    assertArrayEquals(y, x, "int8 n=" + n + " base=" + base + " c=" + c);
                }
            }
        }
    }

    /** A block with the given weights [oc, k] (dense: a 1×k "image", one output position). */
    static IntBlock block(int oc, int k, int weightStates, int inStates, short[] w, int outStates, Rng rng) {
        int n = Math.max(0, outStates - 1);
        byte[] dir = new byte[oc];
        int[] thr = new int[oc * n];
        for (int o = 0; o < oc; o++) {
            dir[o] = (byte) (rng.nextInt(2) == 0 ? 1 : -1);
            int t = rng.nextInt(400) - 200;
            for (int j = 0; j < n; j++) thr[o * n + j] = t += rng.nextInt(50);
        }
        return new IntBlock(0, "linear", new int[] {k, 1, 1}, new int[] {oc, 1, 1}, 1, 1, 1, 0, weightStates, inStates,
                new byte[w.length], w, 1L << 30, outStates, dir, thr, new long[oc], new long[oc], 0, 0,
                new double[oc], new double[oc]);
    }

    /** Odd integers 2k − (M − 1) for even M, k − (M − 1)/2 for odd M. */
    static short[] weights(int oc, int k, int states, Rng rng) {
        short[] w = new short[oc * k];
        for (int i = 0; i < w.length; i++) {
            int code = rng.nextInt(states);
            w[i] = (short) (states % 2 == 0 ? 2 * code - (states - 1) : code - (states - 1) / 2);
        }
        return w;
    }

    @Test
    void compactRowsHoldTheWeightsExactly() {
        Rng rng = new Rng(5);
        for (int states : new int[] {2, 3, 4, 15, 16, 255, 256, 257, 1024}) {
            int oc = 21, k = 9;
            short[] w = weights(oc, k, states, rng);
            DenseRows r = new DenseRows(block(oc, k, states, 256, w, 2, rng), DenseKernels.LANES);
            assertEquals(0, r.stride % DenseKernels.LANES);
            assertTrue(r.stride >= oc);
            assertEquals(states <= 256, r.w8 != null, "int8 rows for " + states + " states");
            assertEquals(states % 2 == 0 && states <= 256, r.plusCodeSum, "half codes for " + states + " states");
            for (int o = 0; o < oc; o++) for (int j = 0; j < k; j++) assertEquals(w[o * k + j], r.weight(j, o), states + " states");
        }
    }

    @Test
    void nonzeroGatherEqualsThePlainLoop() {
        Rng rng = new Rng(6);
        for (int k : new int[] {0, 1, 7, 8, 9, 63, 64, 65, 784}) {
            for (int off : new int[] {0, 3}) {
                byte[] in = new byte[off + k];
                for (int i = 0; i < in.length; i++) in[i] = (byte) (rng.nextInt(3) == 0 ? rng.nextInt(256) : 0);
                if (k > 5) in[off + k - 1] = (byte) 0x80;   // high bit alone
                int[] i1 = new int[k], c1 = new int[k], i2 = new int[k], c2 = new int[k];
                int n1 = DenseKernels.nonzeros(in, off, k, 48, i1, c1), n2 = DenseKernels.nonzerosPlain(in, off, k, 48, i2, c2);
                assertEquals(n2, n1, "k=" + k);
                assertArrayEquals(java.util.Arrays.copyOf(i2, n2), java.util.Arrays.copyOf(i1, n1));
                assertArrayEquals(java.util.Arrays.copyOf(c2, n2), java.util.Arrays.copyOf(c1, n1));
            }
        }
    }

    @Test
    void rowAccumulationsEqualPlainSums() {
        assumeTrue(DenseKernels.VECTOR, "the whole-row vector loops need 8 or more int lanes");
        Rng rng = new Rng(4);
        for (int states : new int[] {2, 3, 256, 1024}) {
            for (int oc : new int[] {1, 10, 15, 16, 17, 63, 64, 65, 256, 300}) {
                for (int inStates : new int[] {2, 256}) {
                    int k = 50;
                    short[] w = weights(oc, k, states, rng);
                    DenseRows r = new DenseRows(block(oc, k, states, inStates, w, 2, rng), DenseKernels.LANES);
                    byte[] in = new byte[k];
                    for (int j = 0; j < k; j++) in[j] = (byte) (rng.nextInt(3) == 0 ? 0 : 1 + rng.nextInt(inStates - 1));
                    int[] index = new int[k], code = new int[k];
                    int nnz = DenseKernels.nonzeros(in, 0, k, r.stride, index, code);
                    int[] acc = new int[r.stride], ref = new int[oc];
                    java.util.Arrays.fill(acc, 12345);                     // overwritten, not added to
                    if (r.w8 == null) DenseKernels.accumulate(acc, r.w16, r.stride, index, code, nnz);
                    else if (inStates == 2) DenseKernels.addRows(acc, r.w8, r.stride, index, nnz);
                    else DenseKernels.accumulate(acc, r.w8, r.stride, index, code, nnz);
                    int codeSum = 0;
                    for (int t = 0; t < nnz; t++) codeSum += code[t];
                    for (int o = 0; o < oc; o++) acc[o] = r.scale * acc[o] + (r.plusCodeSum ? codeSum : 0);
                    DenseKernels.accumulatePlain(ref, r, index, code, nnz);
                    assertArrayEquals(ref, java.util.Arrays.copyOf(acc, oc), states + " states, oc=" + oc + ", " + inStates + "-state input");
                    // and the plain definition itself: Σ_j code_j·w[o, j]
                    for (int o = 0; o < oc; o++) {
                        int s = 0;
                        for (int j = 0; j < k; j++) s += (in[j] & 0xFF) * w[o * k + j];
                        assertEquals(s, ref[o]);
                    }
                }
            }
        }
    }

    @Test
    void vectorThresholdsEqualPlainCounts() {
        assumeTrue(DenseKernels.VECTOR, "the whole-row vector loops need 8 or more int lanes");
        Rng rng = new Rng(8);
        for (int outStates : new int[] {2, 3, 4, 16}) {
            for (int oc : new int[] {1, 16, 17, 64, 100}) {
                DenseRows r = new DenseRows(block(oc, 3, 3, 2, weights(oc, 3, 3, rng), outStates, rng), DenseKernels.LANES);
                int[] acc = new int[r.stride];
                for (int o = 0; o < oc; o++) acc[o] = rng.nextInt(700) - 350;
                acc[0] = r.direction[0] * r.thresholds[0];                 // exactly on a threshold: passes
                byte[] fast = new byte[r.stride], ref = new byte[oc];
                DenseKernels.threshold(acc, r.direction, r.thresholds, outStates - 1, r.stride, fast);
                DenseKernels.thresholdPlain(acc, r.direction, r.thresholds, outStates - 1, r.stride, oc, ref);
                assertArrayEquals(ref, java.util.Arrays.copyOf(fast, oc), outStates + " states, oc=" + oc);
                assertEquals(1, ref[0] > 0 ? 1 : 0, "a value equal to the threshold reaches it");
                for (int o = oc; o < r.stride; o++) assertEquals(0, fast[o], "padded output " + o);
            }
        }
    }
}
