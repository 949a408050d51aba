package org.maqd.tensor.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Reductions} follow their documented summation order exactly and agree with plain sums. */
class ReductionsTest {
    /** The documented order written as plain scalar code: op(i) is the double term of element i. */
    interface Term { double at(int i); }

    static double documentedOrder(int from, int to, Term op) {
        int lanes = Reductions.LANES, i = from;
        double s = 0;
        if (lanes > 0 && to - from >= lanes) {
            int half = lanes / 2;
            double[] a0 = new double[half], a1 = new double[half];
            for (; i <= to - lanes; i += lanes) {
                for (int j = 0; j < half; j++) {
                    a0[j] += op.at(i + j);
                    a1[j] += op.at(i + half + j);
                }
            }
            s = a0[0] + a1[0];
            for (int j = 1; j < half; j++) s += a0[j] + a1[j];
        }
        for (; i < to; i++) s += op.at(i);
        return s;
    }

    @Test
    void sumsFollowTheDocumentedOrderBitForBit() {
        Random r = new Random(3);
        for (int n : new int[] {0, 1, 7, 15, 16, 17, 31, 33, 196, 784, 1001}) {
            float[] x = new float[n + 5], y = new float[n + 5];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) (r.nextGaussian() * Math.pow(10, r.nextInt(7) - 3));
                y[i] = (float) r.nextGaussian();
            }
            int from = r.nextInt(4), to = from + n;
            double m = 0.37;
            assertEquals(documentedOrder(from, to, i -> x[i]), Reductions.sum(x, from, to), 0.0, "sum n=" + n);
            assertEquals(documentedOrder(from, to, i -> (x[i] - m) * (x[i] - m)), Reductions.sumSq(x, from, to, m), 0.0,
                    "sumSq n=" + n);
            assertEquals(documentedOrder(from, to, i -> (double) x[i] * y[i]), Reductions.dot(x, y, from, to), 0.0,
                    "dot n=" + n);
        }
    }

    @Test
    void agreeWithPlainSums() {
        Random r = new Random(4);
        float[] x = new float[999], y = new float[999];
        double s = 0, q = 0, d = 0;
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
            y[i] = (float) r.nextGaussian();
        }
        for (int i = 2; i < 990; i++) {
            s += x[i];
            q += (x[i] + 1.5) * (x[i] + 1.5);
            d += (double) x[i] * y[i];
        }
        assertEquals(s, Reductions.sum(x, 2, 990), 1e-12);
        assertEquals(q, Reductions.sumSq(x, 2, 990, -1.5), 1e-10);
        assertEquals(d, Reductions.dot(x, y, 2, 990), 1e-12);
        // integers sum exactly
        float[] ones = new float[100];
        java.util.Arrays.fill(ones, 1f);
        assertEquals(100.0, Reductions.sum(ones, 0, 100), 0.0);
    }

    @Test
    void firstNonFiniteFindsTheFirstNaNOrInfinityAsThePlainLoop() {
        Random r = new Random(11);
        float[] bad = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.intBitsToFloat(0x7fc00001)};
        for (int n : new int[] {0, 1, 15, 16, 255, 256, 257, 1000, 4096, 268_800}) {
            for (int trial = 0; trial < 12; trial++) {
                float[] x = new float[n];
                for (int i = 0; i < n; i++) {
                    // finite extremes must not trigger it: ±MAX_VALUE, subnormals, ±0
                    int kind = r.nextInt(8);
                    x[i] = kind == 0 ? Float.MAX_VALUE : kind == 1 ? -Float.MAX_VALUE : kind == 2 ? Float.MIN_VALUE
                            : kind == 3 ? -0f : (float) (r.nextGaussian() * 1e30);
                }
                int planted = n == 0 || trial == 0 ? 0 : 1 + r.nextInt(3);
                for (int k = 0; k < planted; k++) x[r.nextInt(n)] = bad[r.nextInt(bad.length)];
                if (trial == 1 && n > 0) x[n - 1] = Float.NaN;                  // in the tail or the last block
                assertEquals(Reductions.firstNonFinitePlain(x), Reductions.firstNonFinite(x), "n=" + n + " trial " + trial);
            }
        }
    }
}
