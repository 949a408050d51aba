package org.maqd.tensor.fast;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The norms' elementwise passes on one contiguous plane {@code [from, to)} of {@code [B, C, S]} data with the
 * plane's channel constants (the spatial &gt; 1 counterpart of {@link RowAffine}): forward
 * {@code h = (x − m)·inv, y = g·h + b}, evaluation {@code h = (x − m)·inv, y = sc·x + sh}, backward
 * {@code dx = a·dy + b·h + k}. The vector forms do per lane exactly the float operations of the plain loops, in
 * the same order and without fused multiply-adds, so every element has the plain loops' bits; the plain loops
 * ({@code *Plain}) stay as the reference and finish the elements left over after whole vectors.
 */
public final class PlaneAffine {
    private PlaneAffine() {}

    static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    static final int LANES = F.length();

    /** {@code h = (x − m)·inv}, {@code out = g·h + b} over [from, to). */
    public static void normalize(float[] x, float m, float inv, float g, float b, float[] h, float[] out, int from, int to) {
        FloatVector gv = FloatVector.broadcast(F, g);       // operand order as in the plain loop (NaN payloads)
        int i = from;
        for (; i <= to - LANES; i += LANES) {
            FloatVector v = FloatVector.fromArray(F, x, i).sub(m).mul(inv);
            v.intoArray(h, i);
            gv.mul(v).add(b).intoArray(out, i);
        }
        normalizePlain(x, m, inv, g, b, h, out, i, to);
    }

    /** The reference loop of {@link #normalize}. */
    public static void normalizePlain(float[] x, float m, float inv, float g, float b, float[] h, float[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            float v = (x[i] - m) * inv;
            h[i] = v;
            out[i] = g * v + b;
        }
    }

    /** {@code h = (x − m)·inv}, {@code out = sc·x + sh} over [from, to). */
    public static void evaluate(float[] x, float m, float inv, float sc, float sh, float[] h, float[] out, int from, int to) {
        FloatVector scv = FloatVector.broadcast(F, sc);
        int i = from;
        for (; i <= to - LANES; i += LANES) {
            FloatVector xv = FloatVector.fromArray(F, x, i);
            xv.sub(m).mul(inv).intoArray(h, i);
            scv.mul(xv).add(sh).intoArray(out, i);
        }
        evaluatePlain(x, m, inv, sc, sh, h, out, i, to);
    }

    /** The reference loop of {@link #evaluate}. */
    public static void evaluatePlain(float[] x, float m, float inv, float sc, float sh, float[] h, float[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            h[i] = (x[i] - m) * inv;
            out[i] = sc * x[i] + sh;
        }
    }

    /** {@code out = a·d + b·h + k} over [from, to). */
    public static void gradient(float a, float b, float k, float[] d, float[] h, float[] out, int from, int to) {
        FloatVector av = FloatVector.broadcast(F, a), bv = FloatVector.broadcast(F, b);
        int i = from;
        for (; i <= to - LANES; i += LANES) {
            av.mul(FloatVector.fromArray(F, d, i)).add(bv.mul(FloatVector.fromArray(F, h, i))).add(k).intoArray(out, i);
        }
        gradientPlain(a, b, k, d, h, out, i, to);
    }

    /** The reference loop of {@link #gradient}. */
    public static void gradientPlain(float a, float b, float k, float[] d, float[] h, float[] out, int from, int to) {
        for (int i = from; i < to; i++) out[i] = a * d[i] + b * h[i] + k;
    }

    /**
     * {@code sums[at] = Reductions.sum(d, from, to)} and {@code dots[at] = Reductions.dot(d, h, from, to)} in one
     * pass: the same two double accumulator chains of each (and the same lane and tail order), so the same bits;
     * the four chains are independent, so the adds overlap instead of waiting on each other's latency.
     */
    public static void sumAndDot(float[] d, float[] h, int from, int to, double[] sums, double[] dots, int at) {
        final VectorSpecies<Double> dd = Reductions.D;
        final int lanes = Reductions.LANES;
        int i = from;
        double s = 0, t = 0;
        if (lanes > 0 && to - from >= lanes) {
            DoubleVector a0 = DoubleVector.zero(dd), a1 = DoubleVector.zero(dd), b0 = DoubleVector.zero(dd), b1 = DoubleVector.zero(dd);
            for (; i <= to - lanes; i += lanes) {
                FloatVector u = FloatVector.fromArray(Reductions.F, d, i), v = FloatVector.fromArray(Reductions.F, h, i);
                DoubleVector u0 = (DoubleVector) u.convertShape(VectorOperators.F2D, dd, 0);
                DoubleVector u1 = (DoubleVector) u.convertShape(VectorOperators.F2D, dd, 1);
                a0 = a0.add(u0);
                a1 = a1.add(u1);
                b0 = b0.add(u0.mul((DoubleVector) v.convertShape(VectorOperators.F2D, dd, 0)));
                b1 = b1.add(u1.mul((DoubleVector) v.convertShape(VectorOperators.F2D, dd, 1)));
            }
            s = laneSum(a0.add(a1));
            t = laneSum(b0.add(b1));
        }
        for (; i < to; i++) {
            s += d[i];
            t += (double) d[i] * h[i];
        }
        sums[at] = s;
        dots[at] = t;
    }

    /** The lanes added in order, as {@link Reductions} does. */
    private static double laneSum(DoubleVector v) {
        double s = v.lane(0);
        for (int j = 1; j < v.length(); j++) s += v.lane(j);
        return s;
    }
}
