package org.maqd.optim;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Element-wise optimizer updates on the preferred float species, with the plain loops kept as the reference.
 * Each lane performs the same float operations, in the same order and without fused multiply-adds, as the
 * plain loop ({@code sqrt} and division are correctly rounded in both), so the two give identical bits.
 */
final class UpdateKernels {
    private UpdateKernels() {}

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    /**
     * Adam over {@code [from, to)}: {@code g' = g + l2·w; m = b1·m + (1−b1)·g'; v = b2·v + (1−b2)·g'·g';
     * w = w·shrink − stepSize·m / (√v·invSqrtBc2 + eps)}, which also clears the gradient it reads ({@code g = 0}
     * after the update), saving the separate zeroing pass over every gradient before the next step. Same bits as
     * {@link #adamPlain}.
     */
    static void adamAndClear(float[] w, float[] g, float[] m, float[] v, int from, int to,
                             float b1, float b2, float l2, float shrink, float stepSize, float invSqrtBc2, float eps) {
        float c1 = 1 - b1, c2 = 1 - b2;
        FloatVector zero = FloatVector.zero(S);
        int j = from, end = from + (to - from) / L * L;
        for (; j < end; j += L) {
            FloatVector wj = FloatVector.fromArray(S, w, j);
            FloatVector gj = FloatVector.fromArray(S, g, j).add(wj.mul(l2));
            zero.intoArray(g, j);
            FloatVector mj = FloatVector.fromArray(S, m, j).mul(b1).add(gj.mul(c1));
            FloatVector vj = FloatVector.fromArray(S, v, j).mul(b2).add(gj.mul(c2).mul(gj));
            mj.intoArray(m, j);
            vj.intoArray(v, j);
            wj.mul(shrink).sub(mj.mul(stepSize).div(vj.sqrt().mul(invSqrtBc2).add(eps))).intoArray(w, j);
        }
        adamPlain(w, g, m, v, j, to, b1, b2, l2, shrink, stepSize, invSqrtBc2, eps);
        for (; j < to; j++) g[j] = 0f;
    }

    /**
     * Adam over {@code w, m, v [from, from + n)} with the gradient read at {@code g[gOff…]} (left as is): the
     * operations of {@link #adamAndClear} on a gradient that was accumulated into a cleared one, i.e.
     * {@code g' = (0 + g) + l2·w}, so the same bits as accumulating g into the zeroed gradient and running
     * {@link #adamAndClear} over it.
     */
    static void adamRow(float[] w, int from, int n, float[] g, int gOff, float[] m, float[] v,
                        float b1, float b2, float l2, float shrink, float stepSize, float invSqrtBc2, float eps) {
        float c1 = 1 - b1, c2 = 1 - b2;
        FloatVector zero = FloatVector.zero(S);
        int j = from, end = from + n / L * L, shift = gOff - from;
        for (; j < end; j += L) {
            FloatVector wj = FloatVector.fromArray(S, w, j);
            FloatVector gj = zero.add(FloatVector.fromArray(S, g, j + shift)).add(wj.mul(l2));
            FloatVector mj = FloatVector.fromArray(S, m, j).mul(b1).add(gj.mul(c1));
            FloatVector vj = FloatVector.fromArray(S, v, j).mul(b2).add(gj.mul(c2).mul(gj));
            mj.intoArray(m, j);
            vj.intoArray(v, j);
            wj.mul(shrink).sub(mj.mul(stepSize).div(vj.sqrt().mul(invSqrtBc2).add(eps))).intoArray(w, j);
        }
        for (; j < from + n; j++) {
            float gj = (0f + g[j + shift]) + l2 * w[j];
            float mj = b1 * m[j] + (1 - b1) * gj;
            float vj = b2 * v[j] + (1 - b2) * gj * gj;
            m[j] = mj;
            v[j] = vj;
            w[j] = w[j] * shrink - stepSize * mj / ((float) Math.sqrt(vj) * invSqrtBc2 + eps);
        }
    }

    /** The plain loop of {@link #adamAndClear}, without the clearing (reference and tail). */
    static void adamPlain(float[] w, float[] g, float[] m, float[] v, int from, int to,
                          float b1, float b2, float l2, float shrink, float stepSize, float invSqrtBc2, float eps) {
        for (int j = from; j < to; j++) {
            float gj = g[j] + l2 * w[j];
            float mj = b1 * m[j] + (1 - b1) * gj;
            float vj = b2 * v[j] + (1 - b2) * gj * gj;
            m[j] = mj;
            v[j] = vj;
            w[j] = w[j] * shrink - stepSize * mj / ((float) Math.sqrt(vj) * invSqrtBc2 + eps);
        }
    }

    /** SGD with momentum over {@code [from, to)}: {@code d = g + wd·w; v = mu·v + d; w −= lr·v}. */
    static void sgd(float[] w, float[] g, float[] v, int from, int to, float mu, float wd, float lr) {
        int j = from, end = from + (to - from) / L * L;
        for (; j < end; j += L) {
            FloatVector wj = FloatVector.fromArray(S, w, j);
            FloatVector vj = FloatVector.fromArray(S, v, j).mul(mu).add(FloatVector.fromArray(S, g, j).add(wj.mul(wd)));
            vj.intoArray(v, j);
            wj.sub(vj.mul(lr)).intoArray(w, j);
        }
        sgdPlain(w, g, v, j, to, mu, wd, lr);
    }

    /** The plain loop of {@link #sgd} (reference and tail). */
    static void sgdPlain(float[] w, float[] g, float[] v, int from, int to, float mu, float wd, float lr) {
        for (int j = from; j < to; j++) {
            float d = g[j] + wd * w[j];
            v[j] = mu * v[j] + d;
            w[j] -= lr * v[j];
        }
    }
}
