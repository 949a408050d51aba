package org.maqd.quant;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Element loops of {@link ActivationQuantizer} for M_a ≥ 2: a plain scalar version (the reference) and a
 * Vector API version that gives the same bits.
 *
 * <p>The vector version computes in double lanes exactly what the reference computes in scalar doubles:
 * {@code t = x/Δ} (IEEE division of the widened float), round-half-to-even by the magic number
 * {@code (t + 1.5·2^52) − 1.5·2^52} (exact for |t| &lt; 2^51; t is first clamped to [−1, M_a], which leaves the
 * clipped code unchanged), {@code y = (float)(Δ·code)}; backward {@code gradIn = (float)(gradOut · f(t))} with
 * the ste or triangle factor of method.md §6 written as the same sequence of double operations as
 * {@link Surrogate#factor(double, int, int)}. The sigmoid surrogate and the tails shorter than a vector run
 * the scalar loop. A NaN input stops the vector loop so that the scalar loop reports it.
 *
 * <p>Vector code is kept in small static methods with constant species, so C2 compiles it to vector
 * instructions instead of the allocating fallback.
 */
final class ActivationKernels {
    private ActivationKernels() {}

    /**
     * Float lanes as elsewhere in the engine (a second float shape would make C2's type profiles of the shared
     * FloatVector methods polymorphic and push the GEMM kernels onto the slow non-intrinsified path); each float
     * vector is processed as two double vectors of the same shape.
     */
    static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    static final int LANES = F.length();
    /** Vector loops only where a double vector holds at least 4 lanes (AVX2 and up). */
    static final boolean VECTOR = D.length() >= 4 && LANES == 2 * D.length();
    /** The float lanes filled from the second double half. */
    static final VectorMask<Float> UPPER = VectorMask.fromLong(F, VECTOR ? (-1L << D.length()) & ((1L << LANES) - 1) : 0L);
    /** 1.5·2^52: adding and subtracting it rounds a double with |t| &lt; 2^51 to an integer, ties to even. */
    static final double MAGIC = 6755399441055744.0;

    private static DoubleVector lower(FloatVector v) {
        return (DoubleVector) v.convertShape(VectorOperators.F2D, D, 0);
    }

    private static DoubleVector upper(FloatVector v) {
        return (DoubleVector) v.convertShape(VectorOperators.F2D, D, 1);
    }

    /** (float) of both halves, back in one float vector. */
    private static FloatVector join(DoubleVector lo, DoubleVector hi) {
        FloatVector a = (FloatVector) lo.convertShape(VectorOperators.D2F, F, 0);
        FloatVector b = (FloatVector) hi.convertShape(VectorOperators.D2F, F, -1);
        return a.blend(b, UPPER);
    }

    // ---- forward: in = x, y = Δ·clip(rint(x/Δ), 0, hi) ----

    /** Reference forward over [i0, i1). */
    static void quantizeScalar(float[] x, float[] in, float[] y, int i0, int i1, double d, int hi) {
        for (int i = i0; i < i1; i++) {
            float v = x[i];
            in[i] = v;
            int c = RoundClip.codeOfScaled(v / d, 0, hi);
            y[i] = (float) (d * c);
        }
    }

    /** Forward over [i0, i1): vector loop, then the reference loop for the rest. */
    static void quantize(float[] x, float[] in, float[] y, int i0, int i1, double d, int hi) {
        int i = VECTOR ? quantizeVector(x, in, y, i0, i1, d, hi) : i0;
        quantizeScalar(x, in, y, i, i1, d, hi);
    }

    /** Returns the first index not done (the tail, or the vector holding a NaN). */
    private static int quantizeVector(float[] x, float[] in, float[] y, int i0, int i1, double d, int hi) {
        int i = i0;
        for (; i <= i1 - LANES; i += LANES) {
            FloatVector xv = FloatVector.fromArray(F, x, i);
            if (xv.compare(VectorOperators.NE, xv).anyTrue()) return i;
            xv.intoArray(in, i);
            join(level(lower(xv), d, hi), level(upper(xv), d, hi)).intoArray(y, i);
        }
        return i;
    }

    /** Δ·clip(rint(x/Δ), 0, hi) for x widened to double. */
    private static DoubleVector level(DoubleVector x, double d, int hi) {
        DoubleVector t = x.div(d).max(-1.0).min(hi + 1.0);
        return t.add(MAGIC).sub(MAGIC).max(0.0).min((double) hi).mul(d);
    }

    // ---- backward: gi = g · surrogate'(x/Δ) ----

    /** Reference backward over [i0, i1). */
    static void gradScalar(Surrogate s, float[] g, float[] x, float[] gi, int i0, int i1, double d, int hi) {
        for (int i = i0; i < i1; i++) gi[i] = (float) (g[i] * s.factor(x[i] / d, 0, hi));
    }

    /** Backward over [i0, i1): vector loop for ste and triangle, then the reference loop for the rest. */
    static void grad(Surrogate s, float[] g, float[] x, float[] gi, int i0, int i1, double d, int hi) {
        int i = i0;
        if (VECTOR) {
            if (s.kind() == Surrogate.Kind.TRIANGLE) i = triangleVector(g, x, gi, i0, i1, d, hi);
            else if (s.kind() == Surrogate.Kind.STE) i = steVector(g, x, gi, i0, i1, d, hi);
        }
        gradScalar(s, g, x, gi, i, i1, d, hi);
    }

    /**
     * The triangle factor as {@link Surrogate#factor}: k0 = floor(t − ½), k1 = k0 + 1,
     * s = [0 ≤ k0 ≤ hi−1]·(1 − ((t − k0) − ½)) + [0 ≤ k1 ≤ hi−1]·(1 + ((t − k1) − ½)); 0 for NaN.
     * t is clamped to [−1, hi + 1] first: the factor is 0 for every t ≤ −½ or ≥ hi + ½ either way.
     */
    private static int triangleVector(float[] g, float[] x, float[] gi, int i0, int i1, double d, int hi) {
        int i = i0;
        for (; i <= i1 - LANES; i += LANES) {
            FloatVector xv = FloatVector.fromArray(F, x, i), gv = FloatVector.fromArray(F, g, i);
            DoubleVector lo = lower(gv).mul(triangle(lower(xv), d, hi));
            DoubleVector up = upper(gv).mul(triangle(upper(xv), d, hi));
            join(lo, up).intoArray(gi, i);
        }
        return i;
    }

    private static DoubleVector triangle(DoubleVector x, double d, int hi) {
        DoubleVector zero = DoubleVector.zero(D), one = DoubleVector.broadcast(D, 1.0);
        DoubleVector t = x.div(d);
        VectorMask<Double> num = t.compare(VectorOperators.EQ, t);
        t = t.max(-1.0).min(hi + 1.0);
        DoubleVector v = t.sub(0.5);
        DoubleVector r = v.add(MAGIC).sub(MAGIC);                               // rint(v)
        DoubleVector k0 = r.sub(zero.blend(one, r.compare(VectorOperators.GT, v)));   // floor(v)
        DoubleVector k1 = k0.add(1.0);
        DoubleVector a = one.sub(t.sub(k0).sub(0.5));
        DoubleVector b = one.add(t.sub(k1).sub(0.5));
        double last = hi - 1.0;
        VectorMask<Double> in0 = k0.compare(VectorOperators.GE, 0.0).and(k0.compare(VectorOperators.LE, last));
        VectorMask<Double> in1 = k1.compare(VectorOperators.GE, 0.0).and(k1.compare(VectorOperators.LE, last));
        DoubleVector f = zero.blend(a, in0).add(zero.blend(b, in1));
        return zero.blend(f, num);
    }

    /** The ste factor: 1 for −½ ≤ t ≤ hi + ½, else 0 (NaN gives 0). */
    private static int steVector(float[] g, float[] x, float[] gi, int i0, int i1, double d, int hi) {
        int i = i0;
        for (; i <= i1 - LANES; i += LANES) {
            FloatVector xv = FloatVector.fromArray(F, x, i), gv = FloatVector.fromArray(F, g, i);
            DoubleVector lo = lower(gv).mul(ste(lower(xv), d, hi));
            DoubleVector up = upper(gv).mul(ste(upper(xv), d, hi));
            join(lo, up).intoArray(gi, i);
        }
        return i;
    }

    private static DoubleVector ste(DoubleVector x, double d, int hi) {
        DoubleVector t = x.div(d);
        VectorMask<Double> inside = t.compare(VectorOperators.GE, -0.5).and(t.compare(VectorOperators.LE, hi + 0.5));
        return DoubleVector.zero(D).blend(DoubleVector.broadcast(D, 1.0), inside);
    }
}
