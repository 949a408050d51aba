package org.maqd.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The vector loops of {@link ActivationKernels} give the same bits as the scalar reference loops. */
class ActivationKernelsTest {
    private static final int[] STATES = {2, 3, 4, 16, 255, 256};
    private static final double[] STEPS = {0.5, 0.7, 1.0 / 3, 1.5957691216057308, 0.0625, 1e-6, 3.1};

    /** Random values plus exact ties (k + ½)·Δ, their float neighbours, the clip edges and special floats. */
    static float[] values(Random r, double d, int hi, int n) {
        float[] x = new float[n];
        float[] special = {0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE,
                Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 1e30f, -1e30f};
        for (int i = 0; i < n; i++) {
            int kind = r.nextInt(6);
            double k = r.nextInt(hi + 4) - 2;
            float v = switch (kind) {
                case 0 -> (float) (r.nextGaussian() * d * (hi + 1));
                case 1 -> (float) ((k + 0.5) * d);                                 // a tie (exact when Δ is dyadic)
                case 2 -> Math.nextUp((float) ((k + 0.5) * d));
                case 3 -> Math.nextDown((float) ((k + 0.5) * d));
                case 4 -> (float) (r.nextDouble() * 3 - 1.5) * (float) d + (float) (hi * d * r.nextInt(2));
                default -> special[r.nextInt(special.length)];
            };
            x[i] = v;
        }
        return x;
    }

    @Test
    void vectorForwardEqualsReferenceBitForBit() {
        Random r = new Random(7);
        for (int m : STATES) {
            for (double d : STEPS) {
                int n = 1000 + r.nextInt(40);
                float[] x = values(r, d, m - 1, n);
                float[] in1 = new float[n], y1 = new float[n], in2 = new float[n], y2 = new float[n];
                int i0 = r.nextInt(5);
                ActivationKernels.quantizeScalar(x, in1, y1, i0, n, d, m - 1);
                ActivationKernels.quantize(x, in2, y2, i0, n, d, m - 1);
                for (int i = 0; i < n; i++) {
                    int a = Float.floatToRawIntBits(y1[i]), b = Float.floatToRawIntBits(y2[i]);
                    int j = i;
                    assertEquals(a, b, () -> "M=" + m + " Δ=" + d + " x=" + x[j] + ": " + y1[j] + " vs " + y2[j]);
                    assertEquals(Float.floatToRawIntBits(in1[i]), Float.floatToRawIntBits(in2[i]));
                }
            }
        }
    }

    @Test
    void exactTiesRoundHalfToEven() {
        // Δ = 0.5: x = (k + ½)/2 is exact, so t = k + ½ is a tie and rint goes to the even neighbour
        float[] x = new float[64];
        for (int i = 0; i < x.length; i++) x[i] = (float) ((i % 8 - 1 + 0.5) * 0.5);
        float[] in = new float[64], y = new float[64];
        ActivationKernels.quantize(x, in, y, 0, 64, 0.5, 7);
        for (int i = 0; i < x.length; i++) {
            double t = i % 8 - 1 + 0.5;
            long even = Math.round(Math.floor(t)) % 2 == 0 ? (long) Math.floor(t) : (long) Math.ceil(t);
            assertEquals((float) (0.5 * Math.min(7, Math.max(0, even))), y[i], "t=" + t);
        }
    }

    @Test
    void vectorGradientEqualsReferenceBitForBit() {
        Random r = new Random(11);
        for (Surrogate s : new Surrogate[] {Surrogate.STE, Surrogate.TRIANGLE, Surrogate.SIGMOID}) {
            for (int m : STATES) {
                for (double d : STEPS) {
                    int n = 700 + r.nextInt(40);
                    float[] x = values(r, d, m - 1, n);
                    float[] g = new float[n];
                    for (int i = 0; i < n; i++) g[i] = i % 97 == 0 ? Float.NEGATIVE_INFINITY : (float) r.nextGaussian();
                    float[] g1 = new float[n], g2 = new float[n];
                    int i0 = r.nextInt(5);
                    ActivationKernels.gradScalar(s, g, x, g1, i0, n, d, m - 1);
                    ActivationKernels.grad(s, g, x, g2, i0, n, d, m - 1);
                    for (int i = 0; i < n; i++) {
                        int j = i;
                        // same bits; a NaN (an infinite gradient times a zero factor) may differ in its payload only
                        assertEquals(Float.floatToIntBits(g1[i]), Float.floatToIntBits(g2[i]),
                                () -> s.id() + " M=" + m + " Δ=" + d + " x=" + x[j] + ": " + g1[j] + " vs " + g2[j]);
                    }
                }
            }
        }
    }

    @Test
    void nanInputIsReportedByBothPaths() {
        float[] x = new float[40];
        x[17] = Float.NaN;
        float[] in = new float[40], y = new float[40];
        assertThrows(IllegalArgumentException.class, () -> ActivationKernels.quantizeScalar(x, in, y, 0, 40, 1.0, 1));
        assertThrows(IllegalArgumentException.class, () -> ActivationKernels.quantize(x, in, y, 0, 40, 1.0, 1));
        // backward of a NaN input: factor 0 in both paths
        float[] g = new float[40], g1 = new float[40], g2 = new float[40];
        java.util.Arrays.fill(g, 1f);
        ActivationKernels.gradScalar(Surrogate.TRIANGLE, g, x, g1, 0, 40, 1.0, 1);
        ActivationKernels.grad(Surrogate.TRIANGLE, g, x, g2, 0, 40, 1.0, 1);
        assertEquals(0f, g1[17]);
        assertEquals(Float.floatToRawIntBits(g1[17]), Float.floatToRawIntBits(g2[17]));
    }

    /**
     * The ste loop compares x with the float edges of −½ ≤ x/Δ ≤ hi + ½ instead of dividing: over finite x (ties,
     * their neighbours, the edges themselves, ±0, the largest floats) it runs to the end and gives the reference's
     * bits, signed zeros included; an infinite or NaN x hands the whole range back to the reference loop.
     */
    @Test
    void steLoopWithoutDivisionGivesTheReferenceBits() {
        Random r = new Random(13);
        for (int m : STATES) {
            for (double d : STEPS) {
                int n = 600 + r.nextInt(40);
                float[] x = values(r, d, m - 1, n);
                for (int i = 0; i < n; i++) if (!Float.isFinite(x[i])) x[i] = x[i] > 0 ? Float.MAX_VALUE : -Float.MAX_VALUE;
                float lo = ActivationKernels.steLow(d), hi = ActivationKernels.steHigh(d, m - 1);
                for (int i = 0; i < 24; i++) x[r.nextInt(n)] = new float[] {lo, hi, Math.nextDown(lo), Math.nextUp(hi)}[i % 4];
                float[] g = new float[n];
                for (int i = 0; i < n; i++) g[i] = (float) r.nextGaussian();
                float[] g1 = new float[n], g2 = new float[n];
                ActivationKernels.gradScalar(Surrogate.STE, g, x, g1, 0, n, d, m - 1);
                int done = ActivationKernels.steVector(g, x, g2, 0, n, lo, hi);
                assertEquals(n - n % ActivationKernels.LANES, done, "the vector loop ran to the end");
                for (int i = 0; i < done; i++) {
                    int j = i;
                    assertEquals(Float.floatToRawIntBits(g1[i]), Float.floatToRawIntBits(g2[i]),
                            () -> "M=" + m + " Δ=" + d + " x=" + x[j] + ": " + g1[j] + " vs " + g2[j]);
                }
                x[n / 2] = Float.POSITIVE_INFINITY;
                assertEquals(0, ActivationKernels.steVector(g, x, g2, 0, n, lo, hi), "an infinite x: all to the reference");
            }
        }
    }

    /**
     * Two states: y = Δ where x ≥ thr by the sign of x − thr, no compare; over finite x (the threshold and its
     * neighbours, ±0, the largest floats) the loop runs to the end with the reference's bits; a NaN or an
     * infinity hands the whole range back.
     */
    @Test
    void twoStateForwardWithoutCompareGivesTheReferenceBits() {
        Random r = new Random(17);
        for (double d : STEPS) {
            int n = 800 + r.nextInt(40);
            float[] x = values(r, d, 1, n);
            for (int i = 0; i < n; i++) if (!Float.isFinite(x[i])) x[i] = x[i] > 0 ? Float.MAX_VALUE : -Float.MAX_VALUE;
            float thr = ActivationKernels.threshold(d);
            for (int i = 0; i < 30; i++) x[r.nextInt(n)] = new float[] {thr, Math.nextDown(thr), Math.nextUp(thr)}[i % 3];
            float[] in1 = new float[n], y1 = new float[n], in2 = new float[n], y2 = new float[n];
            ActivationKernels.quantizeScalar(x, in1, y1, 0, n, d, 1);
            int done = ActivationKernels.quantizeVector(x, in2, y2, 0, n, d, 1, thr);
            assertEquals(n - n % ActivationKernels.LANES, done, "the vector loop ran to the end");
            for (int i = 0; i < done; i++) {
                int j = i;
                assertEquals(Float.floatToRawIntBits(y1[i]), Float.floatToRawIntBits(y2[i]), () -> "Δ=" + d + " x=" + x[j]);
                assertEquals(Float.floatToRawIntBits(in1[i]), Float.floatToRawIntBits(in2[i]));
            }
            x[n / 3] = Float.NEGATIVE_INFINITY;
            assertEquals(0, ActivationKernels.quantizeVector(x, in2, y2, 0, n, d, 1, thr), "an infinity: all to the reference");
        }
    }

    @Test
    void steEdgesAreTheExactFactorBoundaries() {
        for (double d : new double[] {0.5, 0.7, 1.0 / 3, 1.5957691216057308, 1e-6, 3.1, 1e30, 1e-40}) {
            for (int hi : new int[] {1, 2, 255}) {
                float lo = ActivationKernels.steLow(d), top = ActivationKernels.steHigh(d, hi);
                assertEquals(1.0, Surrogate.STE.factor(lo / d, 0, hi), "Δ=" + d);
                assertEquals(0.0, Surrogate.STE.factor(Math.nextDown(lo) / d, 0, hi), "Δ=" + d);
                assertEquals(1.0, Surrogate.STE.factor(top / d, 0, hi), "Δ=" + d);
                assertEquals(0.0, Surrogate.STE.factor(Math.nextUp(top) / d, 0, hi), "Δ=" + d);
            }
        }
    }

    @Test
    void twoStateThresholdIsTheExactCodeBoundary() {
        for (double d : new double[] {0.5, 0.7, 1.0 / 3, 1.5957691216057308, 1e-6, 3.1, 1e30, 1e-40}) {
            float t = ActivationKernels.threshold(d);
            assertEquals(1, RoundClip.codeOfScaled(t / d, 0, 1), "Δ=" + d);
            assertEquals(0, RoundClip.codeOfScaled(Math.nextDown(t) / d, 0, 1), "Δ=" + d);
        }
    }

    /** The forward and general triangle loops are own compile roots calling only the Vector API ({@code KernelBytecode}). */
    @Test
    void vectorLoopsAreTheirOwnCompileRoots() {
        org.maqd.tensor.fast.KernelBytecode.assertOwnRootsCallingOnlyTheVectorApi(ActivationKernels.class,
                "quantizeVector", "triangleVector");
    }
}
