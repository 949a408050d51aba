package org.maqd.tensor.fast;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Per-column sums of a row-major {@code [rows, cols]} float matrix, accumulated in double down each column in
 * order of the rows (the norms' batch statistics on {@code [B, C]} data). Each column's result is the plain loop
 * {@code out[c] = 0; for r: out[c] += term(r, c)} bit for bit: the vector form widens a float vector of 16
 * columns to two double vectors and does per lane exactly the double operations of the plain loop (no fused
 * multiply-add), so only the work is shared between lanes, never an addition. The plain loops stay as the
 * reference ({@code *Plain}) and handle the columns left over after whole vectors.
 */
public final class ColumnSums {
    private ColumnSums() {}

    static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    /** Columns per vector step (0: the plain loops run everywhere). */
    static final int LANES = Reductions.LANES;

    /** {@code out[c] = Σ_r a[r·cols + c]} for c in {@code [c0, c1)}. */
    public static void sum(float[] a, int rows, int cols, int c0, int c1, double[] out) {
        sums(a, null, rows, cols, c0, c1, out);
    }

    /** {@code out[c] = Σ_r (a[r·cols + c] − mean[c])²} in double, for c in {@code [c0, c1)}. */
    public static void sumSq(float[] a, int rows, int cols, int c0, int c1, double[] mean, double[] out) {
        sums(a, mean, rows, cols, c0, c1, out);
    }

    /**
     * {@link #sum} when {@code mean} is null, else {@link #sumSq}. One method with the leftover columns written
     * out, calling nothing but the Vector API and longer than C2's FreqInlineSize, so that it is always compiled
     * as its own root (see {@link PlaneAffine}: a {@code convertShape(F2D, D, 1)} alone inlines about 15 levels
     * deep, so inside any caller it passes MaxInlineLevel and depends on C2's incremental inlining).
     */
    public static void sums(float[] a, double[] mean, int rows, int cols, int c0, int c1, double[] out) {
        int c = c0;
        if (LANES > 0 && mean == null) {
            for (; c <= c1 - LANES; c += LANES) {
                DoubleVector s0 = DoubleVector.zero(D), s1 = s0;
                for (int r = 0, i = c; r < rows; r++, i += cols) {
                    FloatVector v = FloatVector.fromArray(F, a, i);
                    s0 = s0.add((DoubleVector) v.convertShape(VectorOperators.F2D, D, 0));
                    s1 = s1.add((DoubleVector) v.convertShape(VectorOperators.F2D, D, 1));
                }
                s0.intoArray(out, c);
                s1.intoArray(out, c + LANES / 2);
            }
        } else if (LANES > 0) {
            for (; c <= c1 - LANES; c += LANES) {
                DoubleVector m0 = DoubleVector.fromArray(D, mean, c), m1 = DoubleVector.fromArray(D, mean, c + LANES / 2);
                DoubleVector s0 = DoubleVector.zero(D), s1 = s0;
                for (int r = 0, i = c; r < rows; r++, i += cols) {
                    FloatVector v = FloatVector.fromArray(F, a, i);
                    DoubleVector d0 = ((DoubleVector) v.convertShape(VectorOperators.F2D, D, 0)).sub(m0);
                    DoubleVector d1 = ((DoubleVector) v.convertShape(VectorOperators.F2D, D, 1)).sub(m1);
                    s0 = s0.add(d0.mul(d0));
                    s1 = s1.add(d1.mul(d1));
                }
                s0.intoArray(out, c);
                s1.intoArray(out, c + LANES / 2);
            }
        }
        for (; c < c1; c++) {                                   // leftover columns, each in order of the rows
            double acc = 0;
            if (mean == null) {
                for (int r = 0, i = c; r < rows; r++, i += cols) acc += a[i];
            } else {
                for (int r = 0, i = c; r < rows; r++, i += cols) {
                    double d = a[i] - mean[c];
                    acc += d * d;
                }
            }
            out[c] = acc;
        }
    }

    /**
     * {@code outA[c] = Σ_r a}, {@code outB[c] = Σ_r a·x̂} with {@code x̂ = (b − mean_c)·inv_c} computed in float
     * (products exact in double), for c in {@code [c0, c1)}; written out like {@link #sums}, for the same reason.
     * With b a norm's input x and its per-channel mean and 1/σ, x̂ is recomputed by the operations that produced
     * it in the forward ({@link PlaneAffine#normalize}): the bits of the sums over a stored x̂. Over a stored x̂
     * (or any b), pass mean 0 and inv 1: {@code (h − 0)·1 = h} exactly, −0 and NaN included.
     */
    public static void sumAndDot(float[] a, float[] b, float[] mean, float[] inv, int rows, int cols, int c0, int c1,
                                 double[] outA, double[] outB) {
        int c = c0;
        if (LANES > 0) {
            for (; c <= c1 - LANES; c += LANES) {
                DoubleVector s0 = DoubleVector.zero(D), s1 = s0, p0 = s0, p1 = s0;
                FloatVector m = FloatVector.fromArray(F, mean, c), k = FloatVector.fromArray(F, inv, c);
                for (int r = 0, i = c; r < rows; r++, i += cols) {
                    FloatVector u = FloatVector.fromArray(F, a, i), v = FloatVector.fromArray(F, b, i).sub(m).mul(k);
                    DoubleVector u0 = (DoubleVector) u.convertShape(VectorOperators.F2D, D, 0);
                    DoubleVector u1 = (DoubleVector) u.convertShape(VectorOperators.F2D, D, 1);
                    s0 = s0.add(u0);
                    s1 = s1.add(u1);
                    p0 = p0.add(u0.mul((DoubleVector) v.convertShape(VectorOperators.F2D, D, 0)));
                    p1 = p1.add(u1.mul((DoubleVector) v.convertShape(VectorOperators.F2D, D, 1)));
                }
                s0.intoArray(outA, c);
                s1.intoArray(outA, c + LANES / 2);
                p0.intoArray(outB, c);
                p1.intoArray(outB, c + LANES / 2);
            }
        }
        for (; c < c1; c++) {                                   // leftover columns, each in order of the rows
            double sa = 0, sb = 0;
            for (int r = 0, i = c; r < rows; r++, i += cols) {
                sa += a[i];
                sb += (double) a[i] * ((b[i] - mean[c]) * inv[c]);
            }
            outA[c] = sa;
            outB[c] = sb;
        }
    }

    /** Reference of {@link #sum}. */
    static void sumPlain(float[] a, int rows, int cols, int c0, int c1, double[] out) {
        for (int c = c0; c < c1; c++) out[c] = 0;
        for (int r = 0; r < rows; r++) {
            int off = r * cols;
            for (int c = c0; c < c1; c++) out[c] += a[off + c];
        }
    }

    /** Reference of {@link #sumSq}. */
    static void sumSqPlain(float[] a, int rows, int cols, int c0, int c1, double[] mean, double[] out) {
        for (int c = c0; c < c1; c++) out[c] = 0;
        for (int r = 0; r < rows; r++) {
            int off = r * cols;
            for (int c = c0; c < c1; c++) {
                double d = a[off + c] - mean[c];
                out[c] += d * d;
            }
        }
    }

    /** Reference of {@link #sumAndDot}. */
    static void sumAndDotPlain(float[] a, float[] b, int rows, int cols, int c0, int c1, double[] outA, double[] outB) {
        for (int c = c0; c < c1; c++) {
            outA[c] = 0;
            outB[c] = 0;
        }
        for (int r = 0; r < rows; r++) {
            int off = r * cols;
            for (int c = c0; c < c1; c++) {
                outA[c] += a[off + c];
                outB[c] += (double) a[off + c] * b[off + c];
            }
        }
    }
}
