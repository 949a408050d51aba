package org.maqd.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.maqd.nn.Mode;
import org.maqd.tensor.Rng;
import org.maqd.tensor.Tensor;

/** The vectorized weight kernels against the plain double path (the reference). */
class WeightKernelsTest {
    @BeforeEach
    void vectorsAvailable() { Assumptions.assumeTrue(WeightKernels.AVAILABLE, "no 256-bit vectors here"); }

    /** Ŵ values at, and one float ulp either side of, every tie t = k + ½ of the quantizer, plus random ones. */
    static float[] tieHeavy(double step, int states, long seed, int randoms) {
        double off = (states - 1) / 2.0;
        float[] a = new float[states * 6 + 8 + randoms];
        int i = 0;
        for (int k = -1; k < states; k++) {
            float z = (float) ((k + 0.5 - off) * step);
            a[i++] = z;
            a[i++] = Math.nextUp(z);
            a[i++] = Math.nextDown(z);
            float c = (float) ((k - off) * step);      // a level itself
            a[i++] = c;
            if (i >= states * 6) break;
        }
        a[i++] = Float.POSITIVE_INFINITY;
        a[i++] = Float.NEGATIVE_INFINITY;
        a[i++] = 1e30f;
        a[i++] = -1e30f;
        a[i++] = 0f;
        a[i++] = -0f;
        Rng rng = new Rng(seed);
        while (i < a.length) a[i++] = (float) (rng.nextGaussian() * 1.5);
        return a;
    }

    static int plainCode(float z, double step, int states) {
        return RoundClip.codeOfScaled(z / step + (states - 1) / 2.0, 0, states - 1);
    }

    @Test
    void quantizeRowGivesThePlainCodesAndLevelsExactly() {
        int checked = 0;
        for (int states : new int[] {2, 3, 4, 5, 7, 16, 255, 256}) {
            for (double step : new double[] {GaussianStep.symmetric(states), 0.1, 2.0 / (states - 1), 1.0 / 3, 0.037}) {
                WeightKernels.Levels q = new WeightKernels.Levels(step, (states - 1) / 2.0, states - 1);
                if (!q.exact) continue;                   // such quantizers take the plain path
                float[] z = tieHeavy(step, states, states * 31L, 301);
                byte[] codes = new byte[z.length];
                float[] wq = new float[z.length];
                assertTrue(WeightKernels.quantizeRow(z, codes, wq, 0, z.length, q));
                for (int i = 0; i < z.length; i++) {
                    int c = plainCode(z[i], step, states);
                    String where = "M=" + states + " Δ=" + step + " Ŵ=" + z[i];
                    assertEquals(c, codes[i] & 0xFF, "code " + where);
                    assertEquals((float) (step * (c - (states - 1) / 2.0)), wq[i], 0f, "level " + where);
                }
                checked++;
            }
        }
        assertTrue(checked >= 30, "quantizers checked: " + checked);
    }

    @Test
    void quantizeRowWorksOnAnOffsetRangeAndReportsNaN() {
        double step = GaussianStep.symmetric(3);
        WeightKernels.Levels q = new WeightKernels.Levels(step, 1, 2);
        float[] z = tieHeavy(step, 3, 5, 100);
        byte[] codes = new byte[z.length];
        float[] wq = new float[z.length];
        codes[0] = 99;
        assertTrue(WeightKernels.quantizeRow(z, codes, wq, 1, z.length - 1, q));
        assertEquals(99, codes[0], "outside the range: untouched");
        for (int i = 1; i < z.length; i++) assertEquals(plainCode(z[i], step, 3), codes[i]);
        z[40] = Float.NaN;
        assertFalse(WeightKernels.quantizeRow(z, codes, wq, 0, z.length, q));
    }

    @Test
    void fusedStandardizeQuantizeEqualsTheTwoPasses() {
        for (int states : new int[] {2, 3, 256}) {
            WeightKernels.Levels q = new WeightKernels.Levels(GaussianStep.symmetric(states), (states - 1) / 2.0, states - 1);
            for (int n : new int[] {1, 15, 16, 17, 100, 784}) {
                float[] w = WeightStandardizationTest.randn(n + states, n, 0.05);
                double[] mean = new double[1], sigma = new double[1];
                WeightKernels.rowStats(w, 0, n, mean, sigma, 0);
                float[] std1 = new float[n], std2 = new float[n], wq1 = new float[n], wq2 = new float[n];
                byte[] c1 = new byte[n], c2 = new byte[n];
                java.util.Arrays.fill(wq1, Float.NaN);
                assertTrue(WeightKernels.standardizeQuantizeRow(w, std1, wq1, 0, n, mean[0], 1 / sigma[0], q));
                float[] wq3 = new float[n];
                assertTrue(WeightKernels.quantizeRow(std1, c1, wq3, 0, n, q));   // the codes, derived when asked for
                org.junit.jupiter.api.Assertions.assertArrayEquals(wq3, wq1, "W_q again M=" + states + " n=" + n);
                WeightKernels.standardizeRow(w, std2, 0, n, mean[0], 1 / sigma[0]);
                assertTrue(WeightKernels.quantizeRow(std2, c2, wq2, 0, n, q));
                org.junit.jupiter.api.Assertions.assertArrayEquals(std2, std1, "Ŵ M=" + states + " n=" + n);
                org.junit.jupiter.api.Assertions.assertArrayEquals(c2, c1, "codes M=" + states + " n=" + n);
                org.junit.jupiter.api.Assertions.assertArrayEquals(wq2, wq1, "W_q M=" + states + " n=" + n);
            }
        }
    }

    /**
     * The fused kernel over Ŵ at and next to every half-integer t inside and outside [0, hi] and far in the tails
     * (mean 0 and 1/σ 1 make Ŵ = w exactly): W_q is Δ·(plain code − off) for every weight, also with a step so
     * small that |t| passes 2²³.
     */
    @Test
    void fusedStandardizeQuantizeRoundsTiesAndTailsAsThePlainCode() {
        for (int states : new int[] {2, 3, 4, 16, 256}) {
            for (double step : new double[] {GaussianStep.symmetric(states), 1e-7}) {
                double off = (states - 1) / 2.0;
                WeightKernels.Levels q = new WeightKernels.Levels(step, off, states - 1);
                float[] ties = tieHeavy(step, states, 17, 300);
                float[] w = new float[ties.length + 64];
                int n = 0;
                for (float z : ties) if (Float.isFinite(z) && Math.abs(z) < 1e6f) w[n++] = z;
                for (int k = -40; k < 24; k++) w[n++] = (float) ((k + 0.5 - off) * step);   // half-integers far out
                w = java.util.Arrays.copyOf(w, n);
                float[] std = new float[n], wq = new float[n];
                assertTrue(WeightKernels.standardizeQuantizeRow(w, std, wq, 0, n, 0.0, 1.0, q), "M=" + states);
                for (int i = 0; i < n; i++) {
                    assertEquals(w[i], std[i], 0f, "Ŵ = w for mean 0 and 1/σ 1");
                    float want = (float) (step * (plainCode(w[i], step, states) - off));
                    assertEquals(want, wq[i], 0f, "M=" + states + " step=" + step + " Ŵ=" + w[i]);
                }
            }
        }
    }

    @Test
    void steRowGivesThePlainMaskExactly() {
        for (int states : new int[] {2, 3, 4, 256}) {
            double step = GaussianStep.symmetric(states), off = (states - 1) / 2.0;
            WeightKernels.Levels q = new WeightKernels.Levels(step, off, states - 1);
            float edge = (float) ((states / 2.0) * step);  // |Ŵ| at the clip range's boundary
            float[] z = tieHeavy(step, states, 7, 200);
            z[0] = edge; z[1] = -edge; z[2] = Math.nextUp(edge); z[3] = Math.nextDown(-edge);
            z[4] = Math.nextDown(edge); z[5] = Math.nextUp(-edge);
            float[] g = UpdateGrads.of(z.length, 8);
            float[] gp = new float[z.length];
            WeightKernels.steRow(g, z, gp, 0, z.length, q);
            for (int i = 0; i < z.length; i++) {
                double f = Surrogate.STE.factor(z[i] / step + off, 0, states - 1);
                assertEquals((float) (g[i] * f), gp[i], 0f, "M=" + states + " Ŵ=" + z[i]);
            }
        }
    }

    /** Small helper for gradients. */
    static final class UpdateGrads {
        static float[] of(int n, long seed) {
            Rng rng = new Rng(seed);
            float[] g = new float[n];
            for (int i = 0; i < n; i++) g[i] = (float) rng.nextGaussian();
            return g;
        }
    }

    @Test
    void standardizationMatchesThePlainPathClosely() {
        int rows = 5, n = 787;                           // a tail after the vectors, several stat blocks
        for (double shift : new double[] {0, 3.0, 100.0}) {
            float[] w = WeightStandardizationTest.randn(21, rows * n, 0.05);
            for (int i = 0; i < w.length; i++) w[i] += (float) shift;
            float[] g = UpdateGrads.of(rows * n, 22);
            WeightStandardization fast = new WeightStandardization(null, true), plain = new WeightStandardization(null, false);
            assertTrue(fast.fast());
            Tensor a = fast.forward(Tensor.of(w, rows, n)), b = plain.forward(Tensor.of(w, rows, n));
            for (int r = 0; r < rows; r++) {
                assertEquals(plain.mean(r), fast.mean(r), 1e-7 * Math.max(1, Math.abs(shift)), "μ shift " + shift);
                assertEquals(plain.sigma(r), fast.sigma(r), 2e-5 * plain.sigma(r), "σ shift " + shift);
            }
            double tol = shift > 10 ? 2e-3 : 2e-5;       // |μ|/σ = 2000: float w itself carries 1e-4 relative
            for (int i = 0; i < w.length; i++) assertEquals(b.data[i], a.data[i], tol, "Ŵ[" + i + "] shift " + shift);
            float[] ga = new float[w.length], gb = new float[w.length];
            fast.backward(g, ga);
            plain.backward(g, gb);
            for (int i = 0; i < w.length; i++) {
                assertEquals(gb[i], ga[i], 1e-4 * Math.max(1, Math.abs(gb[i])), "dW[" + i + "] shift " + shift);
            }
        }
    }

    @Test
    void quantizerMatchesThePlainPath() {
        int rows = 40, n = 333;
        for (int states : new int[] {2, 3, 256}) {
            for (Surrogate s : new Surrogate[] {Surrogate.STE, Surrogate.TRIANGLE}) {
                for (boolean standardize : new boolean[] {true, false}) {
                    WeightQuantizer.Config cfg = new WeightQuantizer.Config(states, standardize, "gaussian", 0, s);
                    float[] w = WeightStandardizationTest.randn(states, rows * n, standardize ? 0.05 : 1.0);
                    float[] g = UpdateGrads.of(rows * n, 9);
                    WeightQuantizer fast = new WeightQuantizer(cfg, null, true), plain = new WeightQuantizer(cfg, null, false);
                    Tensor qa = fast.forward(Tensor.of(w, rows, n), Mode.TRAIN), qb = plain.forward(Tensor.of(w, rows, n), Mode.TRAIN);
                    String what = "M=" + states + " " + s.id() + " ws=" + standardize;
                    int differ = 0;
                    for (int i = 0; i < w.length; i++) {
                        float za = fast.standardized().data[i], zb = plain.standardized().data[i];
                        if (!standardize) assertEquals(zb, za, 0f, what);
                        assertEquals(zb, za, 2e-5, what);
                        // codes agree with the plain rule applied to the fast path's own Ŵ, exactly
                        assertEquals(plainCode(za, fast.step(), states), fast.code(i), what);
                        assertEquals((float) fast.level(fast.code(i)), qa.data[i], 0f, what);
                        if (fast.code(i) != plain.code(i)) differ++;
                    }
                    assertTrue(differ <= 2, what + ": " + differ + " codes differ (ties within float rounding)");
                    Tensor gla = Tensor.zeros(rows, n), glb = Tensor.zeros(rows, n);
                    fast.backward(Tensor.of(g, rows, n), gla);
                    plain.backward(Tensor.of(g, rows, n), glb);
                    double maxDiff = 0;
                    for (int i = 0; i < w.length; i++) maxDiff = Math.max(maxDiff, Math.abs(gla.data[i] - glb.data[i]));
                    double scale = 0;
                    for (float v : glb.data) scale = Math.max(scale, Math.abs(v));
                    assertTrue(maxDiff <= 1e-4 * Math.max(1, scale), what + ": backward differs by " + maxDiff);
                }
            }
        }
    }

    @Test
    void fastPathReportsNaNWeightsLikeThePlainPath() {
        float[] w = WeightStandardizationTest.randn(3, 4 * 64, 0.1);
        w[70] = Float.NaN;
        WeightQuantizer q = new WeightQuantizer(WeightQuantizer.Config.gaussian(3), null, true);
        assertThrows(IllegalArgumentException.class, () -> q.forward(Tensor.of(w, 4, 64), Mode.TRAIN));
        WeightQuantizer r = new WeightQuantizer(new WeightQuantizer.Config(3, false, "gaussian", 0, null), null, true);
        assertThrows(IllegalArgumentException.class, () -> r.forward(Tensor.of(w, 4, 64), Mode.TRAIN));
    }

    @Test
    void levelsAreCheckedForEveryCode() {
        int exact = 0;
        for (int states = 2; states <= 256; states++) {
            WeightKernels.Levels q = new WeightKernels.Levels(GaussianStep.symmetric(states), (states - 1) / 2.0, states - 1);
            if (!q.exact) continue;
            exact++;
            for (int k = 0; k < states; k++) {
                float x = k - q.offF;
                assertEquals((float) (q.step * (k - q.off)), Math.fma(q.sHi, x, q.sLo * x), 0f);
            }
        }
        assertTrue(exact >= 200, "gaussian quantizers on the fast path: " + exact + " of 255");
    }
}
