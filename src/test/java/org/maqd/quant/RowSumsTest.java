package org.maqd.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.maqd.tensor.Rng;

/** The lane-wise row sums give the bits of the reference order (WeightKernels.rowStats / reduceRow). */
class RowSumsTest {
    @BeforeEach
    void vectorsAvailable() { Assumptions.assumeTrue(RowSums.AVAILABLE, "no lane-wise row sums here"); }

    private static final int[] LENGTHS = {1, 15, 16, 17, 127, 128, 129, 256, 300, 784, 1000, 2304};

    /** Rows of many kinds: Gaussian at several scales, with offsets, zero runs, subnormals, wide ranges, ∞/NaN. */
    static List<float[]> rows(int n, long seed) {
        Rng rng = new Rng(seed);
        List<float[]> out = new ArrayList<>();
        for (double scale : new double[] {1e-30, 1e-6, 0.05, 1, 1e6}) {
            float[] a = new float[n];
            for (int i = 0; i < n; i++) a[i] = (float) (rng.nextGaussian() * scale);
            out.add(a);
            float[] b = a.clone();                                // |μ| ≫ σ
            for (int i = 0; i < n; i++) b[i] += (float) (100 * scale);
            out.add(b);
        }
        float[] zeros = new float[n];                             // whole blocks of zeros (an image's border columns)
        for (int i = n / 3; i < n; i++) zeros[i] = (float) rng.nextGaussian();
        out.add(zeros);
        out.add(new float[n]);                                     // all zero
        float[] sub = new float[n];                                // subnormals and normals together
        for (int i = 0; i < n; i++) sub[i] = i % 3 == 0 ? Float.MIN_VALUE * (i + 1) : (float) rng.nextGaussian() * 1e-36f;
        out.add(sub);
        float[] wide = new float[n];                               // exponents spanning more than the check allows
        for (int i = 0; i < n; i++) wide[i] = (float) (rng.nextGaussian() * (i % 2 == 0 ? 1e-12 : 1e6));
        out.add(wide);
        float[] cancel = new float[n];                             // partials that cancel to (near) zero
        for (int i = 0; i < n; i++) cancel[i] = (i % 2 == 0 ? 1 : -1) * (1f + (i / 2) * 0x1p-20f);
        out.add(cancel);
        for (float special : new float[] {Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, Float.MAX_VALUE}) {
            float[] s = out.get(2).clone();
            s[n / 2] = special;
            out.add(s);
        }
        return out;
    }

    @Test
    void rowStatsGivesTheReferenceBits() {
        for (int n : LENGTHS) {
            int k = 0;
            for (float[] row : rows(n, n)) {
                float[] w = new float[n + 5];
                System.arraycopy(row, 0, w, 3, n);                 // an offset row
                double[] m1 = new double[2], s1 = new double[2], m2 = new double[2], s2 = new double[2];
                WeightKernels.rowStats(w, 3, n, m1, s1, 1);
                RowSums.rowStats(w, 3, n, m2, s2, 1);
                String where = "n=" + n + " row kind " + k++;
                assertEquals(Double.doubleToRawLongBits(m1[1]), Double.doubleToRawLongBits(m2[1]), "mean " + where);
                assertEquals(Double.doubleToRawLongBits(s1[1]), Double.doubleToRawLongBits(s2[1]), "sigma " + where);
            }
        }
    }

    @Test
    void reduceRowGivesTheReferenceBits() {
        for (int n : LENGTHS) {
            List<float[]> rows = rows(n, 7L * n);
            List<float[]> stds = rows(n, 11L * n);
            for (int k = 0; k < rows.size(); k++) {
                float[] g = new float[n + 2];
                System.arraycopy(rows.get(k), 0, g, 2, n);         // g at offset 2, Ŵ at offset 5
                float[] std = new float[n + 5];
                System.arraycopy(stds.get((k + 2) % stds.size()), 0, std, 5, n);
                double[] a = new double[4], b = new double[4];
                WeightKernels.reduceRow(g, 2, std, 5, n, a, 1);
                RowSums.reduceRow(g, 2, std, 5, n, b, 1);
                String where = "n=" + n + " row kind " + k;
                assertEquals(Double.doubleToRawLongBits(a[2]), Double.doubleToRawLongBits(b[2]), "Σg " + where);
                assertEquals(Double.doubleToRawLongBits(a[3]), Double.doubleToRawLongBits(b[3]), "Σg·Ŵ " + where);
            }
        }
    }

    /**
     * The fused STE mask + row sums give the bits of steRow followed by the reference reduceRow (out of place and in
     * place), and refuse rows with a weight within DELTA of the clip edge.
     */
    @Test
    void steReduceRowGivesTheBitsOfTheTwoKernels() {
        for (int states : new int[] {2, 3, 256}) {
            double step = GaussianStep.symmetric(states);
            WeightKernels.Levels q = new WeightKernels.Levels(step, (states - 1) / 2.0, states - 1);
            float edge = (float) ((states / 2.0) * step);
            for (int n : LENGTHS) {
                List<float[]> gs = rows(n, 13L * n);
                Rng rng = new Rng(n);
                for (int k = 0; k < gs.size(); k++) {
                    float[] std = new float[n + 5];
                    for (int i = 0; i < n; i++) std[5 + i] = (float) (rng.nextGaussian() * 1.6);
                    boolean atEdge = k % 4 == 3;
                    if (atEdge) std[5 + n / 2] = k % 8 == 3 ? edge : -Math.nextUp(edge);
                    float[] g = new float[n + 2];
                    System.arraycopy(gs.get(k), 0, g, 2, n);
                    float[] ref = new float[n + 1];
                    double[] a = new double[4], b = new double[4];
                    WeightKernels.steRow(g, 2, std, ref, 1, 5, n, q);
                    WeightKernels.reduceRow(ref, 1, std, 5, n, a, 1);
                    float[] out = new float[n + 3];
                    String where = "M=" + states + " n=" + n + " row kind " + k;
                    boolean done = RowSums.steReduceRow(g, 2, std, out, 3, 5, n, q, b, 1);
                    float[] inPlace = g.clone();
                    double[] c = new double[4];
                    boolean done2 = RowSums.steReduceRow(inPlace, 2, std, inPlace, 2, 5, n, q, c, 1);
                    assertEquals(done, done2, where);
                    if (atEdge && n >= 16 && n / 2 < n - n % 16) assertFalse(done, "edge weight refused " + where);
                    if (!done) continue;
                    for (int i = 0; i < n; i++) {
                        assertEquals(Float.floatToRawIntBits(ref[1 + i]), Float.floatToRawIntBits(out[3 + i]), where + " [" + i + "]");
                        assertEquals(Float.floatToRawIntBits(ref[1 + i]), Float.floatToRawIntBits(inPlace[2 + i]), where + " [" + i + "]");
                    }
                    for (double[] d : new double[][] {b, c}) {
                        assertEquals(Double.doubleToRawLongBits(a[2]), Double.doubleToRawLongBits(d[2]), "Σg " + where);
                        assertEquals(Double.doubleToRawLongBits(a[3]), Double.doubleToRawLongBits(d[3]), "Σg·Ŵ " + where);
                    }
                }
            }
        }
    }

    @Test
    void theExactnessCheckPassesOnOrdinaryRowsAndRefusesWideOnes() {
        assertTrue(RowSums.exact(1.5f, 1e-3f, 112), "Gaussian weights of a 784-wide row");
        assertTrue(RowSums.exact(0f, Float.POSITIVE_INFINITY, 16), "all zero");
        assertTrue(RowSums.exact(1f, 0x1p-21f, 128));              // 21 binades + 7 = 28
        assertFalse(RowSums.exact(1f, 0x1p-22f, 128));             // one more binade
        assertFalse(RowSums.exact(1f, 0x1p-21f, 129));             // one more doubling of the count
        assertFalse(RowSums.exact(Float.POSITIVE_INFINITY, 1f, 16));
        assertFalse(RowSums.exact(Float.NaN, 1f, 16));
        assertFalse(RowSums.exact(1e6f, 1e-12f, 16));
    }
}
