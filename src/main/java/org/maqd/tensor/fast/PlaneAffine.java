package org.maqd.tensor.fast;

import jdk.incubator.vector.FloatVector;
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
}
