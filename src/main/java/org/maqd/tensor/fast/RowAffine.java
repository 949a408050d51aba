package org.maqd.tensor.fast;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The norms' elementwise passes on row-major {@code [rows, cols]} data with per-column (per-channel) constants:
 * the forward {@code h = (x − m_c)·inv_c, y = g_c·h + b_c} and the backward {@code dx = a_c·dy + b_c·h + k_c}.
 * The vector forms do per lane exactly the float operations of the plain loops, in the same order and without
 * fused multiply-adds, so every element has the plain loops' bits; the plain loops stay as the reference
 * ({@code *Plain}) and handle the columns left over after whole vectors.
 */
public final class RowAffine {
    private RowAffine() {}

    static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    /** Columns per vector step. */
    static final int LANES = F.length();

    /** Rows [r0, r1): {@code h = (x − mean)·inv}, {@code out = g·h + b}, constants indexed by column. */
    public static void normalize(float[] x, float[] mean, float[] inv, float[] g, float[] b, float[] h, float[] out,
                                 int r0, int r1, int cols) {
        int vc = cols / LANES * LANES;
        for (int r = r0; r < r1; r++) {
            int o = r * cols;
            for (int c = 0; c < vc; c += LANES) {
                FloatVector v = FloatVector.fromArray(F, x, o + c).sub(FloatVector.fromArray(F, mean, c))
                        .mul(FloatVector.fromArray(F, inv, c));
                v.intoArray(h, o + c);
                FloatVector.fromArray(F, g, c).mul(v).add(FloatVector.fromArray(F, b, c)).intoArray(out, o + c);
            }
            for (int c = vc; c < cols; c++) {
                float v = (x[o + c] - mean[c]) * inv[c];
                h[o + c] = v;
                out[o + c] = g[c] * v + b[c];
            }
        }
    }

    /** The reference loop of {@link #normalize}. */
    public static void normalizePlain(float[] x, float[] mean, float[] inv, float[] g, float[] b, float[] h, float[] out,
                                      int r0, int r1, int cols) {
        for (int r = r0; r < r1; r++) {
            for (int c = 0, o = r * cols; c < cols; c++) {
                float v = (x[o + c] - mean[c]) * inv[c];
                h[o + c] = v;
                out[o + c] = g[c] * v + b[c];
            }
        }
    }

    /** Rows [r0, r1): {@code out = a·d + b·h + k}, constants indexed by column. */
    public static void gradient(float[] a, float[] b, float[] k, float[] d, float[] h, float[] out,
                                int r0, int r1, int cols) {
        int vc = cols / LANES * LANES;
        for (int r = r0; r < r1; r++) {
            int o = r * cols;
            for (int c = 0; c < vc; c += LANES) {
                FloatVector.fromArray(F, a, c).mul(FloatVector.fromArray(F, d, o + c))
                        .add(FloatVector.fromArray(F, b, c).mul(FloatVector.fromArray(F, h, o + c)))
                        .add(FloatVector.fromArray(F, k, c)).intoArray(out, o + c);
            }
            for (int c = vc; c < cols; c++) out[o + c] = a[c] * d[o + c] + b[c] * h[o + c] + k[c];
        }
    }

    /** The reference loop of {@link #gradient}. */
    public static void gradientPlain(float[] a, float[] b, float[] k, float[] d, float[] h, float[] out,
                                     int r0, int r1, int cols) {
        for (int r = r0; r < r1; r++) {
            for (int c = 0, o = r * cols; c < cols; c++) out[o + c] = a[c] * d[o + c] + b[c] * h[o + c] + k[c];
        }
    }
}
