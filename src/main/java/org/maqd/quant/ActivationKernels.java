package org.maqd.quant;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
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
 * <p>Vector code is kept in static methods with constant species that call nothing but the Vector API, so C2
 * compiles it to vector instructions instead of the allocating fallback; the forward loop is longer than C2's
 * FreqInlineSize, so it is compiled as its own root whoever calls it ({@code ActivationKernelsTest}).
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

    // ---- forward: in = x, y = Δ·clip(rint(x/Δ), 0, hi) ----

    /** Reference forward over [i0, i1). */
    static void quantizeScalar(float[] x, float[] in, float[] y, int i0, int i1, double d, int hi) {
        for (int i = i0; i < i1; i++) {
            float v = x[i];
            if (in != null) in[i] = v;
            int c = RoundClip.codeOfScaled(v / d, 0, hi);
            y[i] = (float) (d * c);
        }
    }

    /** Forward over [i0, i1): vector loop, then the reference loop for the rest. */
    static void quantize(float[] x, float[] in, float[] y, int i0, int i1, double d, int hi) {
        int i = VECTOR ? quantizeVector(x, in, y, i0, i1, d, hi, hi == 1 ? threshold(d) : 0f) : i0;
        quantizeScalar(x, in, y, i, i1, d, hi);
    }

    /**
     * Returns the first index not done (the tail, or the vector holding a NaN; for M_a = 2, the range's start
     * when it holds a NaN or an infinity). Both forms live in this one
     * method so that its bytecode exceeds C2's FreqInlineSize: it is always compiled as its own root and never
     * inlined into a caller (which differs when the quantizer runs inside a norm's pass), where the inlining
     * budget could leave Vector API calls out of line and box the vectors (docs/kernels.md, "The norm passes and
     * C2").
     * <p>M_a = 2 ({@code hi == 1}) in float lanes: x ↦ rint(x/Δ) is monotone, so code 1 holds exactly for x ≥
     * {@code thr}, the smallest float whose reference code is 1 ({@link #threshold}); y is then (float) Δ or +0.
     */
    static int quantizeVector(float[] x, float[] in, float[] y, int i0, int i1, double d, int hi, float thr) {
        int i = i0;
        if (hi == 1) {
            // y = (float) Δ where x ≥ thr, else +0: the sign of x − thr (never 0 for x < thr) spread over the lane
            // clears the level's bits, without a compare and a blend per vector (masks are costly on JDK 17)
            IntVector level = (IntVector) FloatVector.broadcast(F, (float) d).reinterpretAsInts();
            FloatVector t = FloatVector.broadcast(F, thr), finite = FloatVector.zero(F);
            for (; i <= i1 - LANES; i += LANES) {
                FloatVector xv = FloatVector.fromArray(F, x, i);
                finite = finite.add(xv.sub(xv));                       // NaN once any x is NaN or infinite
                if (in != null) xv.intoArray(in, i);
                IntVector below = ((IntVector) xv.sub(t).reinterpretAsInts()).lanewise(VectorOperators.ASHR, 31);
                level.lanewise(VectorOperators.AND_NOT, below).reinterpretAsFloats().intoArray(y, i);
            }
            return finite.compare(VectorOperators.EQ, 0f).allTrue() ? i : i0;   // else the reference redoes it all
        }
        double top = hi + 1.0, h = hi;
        for (; i <= i1 - LANES; i += LANES) {
            FloatVector xv = FloatVector.fromArray(F, x, i);
            if (xv.compare(VectorOperators.NE, xv).anyTrue()) return i;
            if (in != null) xv.intoArray(in, i);
            DoubleVector t0 = ((DoubleVector) xv.convertShape(VectorOperators.F2D, D, 0)).div(d).max(-1.0).min(top);
            DoubleVector t1 = ((DoubleVector) xv.convertShape(VectorOperators.F2D, D, 1)).div(d).max(-1.0).min(top);
            DoubleVector y0 = t0.add(MAGIC).sub(MAGIC).max(0.0).min(h).mul(d);
            DoubleVector y1 = t1.add(MAGIC).sub(MAGIC).max(0.0).min(h).mul(d);
            FloatVector f0 = (FloatVector) y0.convertShape(VectorOperators.D2F, F, 0);
            FloatVector f1 = (FloatVector) y1.convertShape(VectorOperators.D2F, F, -1);
            f0.blend(f1, UPPER).intoArray(y, i);
        }
        return i;
    }

    /** The smallest float x with clip(rint(x/Δ), 0, 1) = 1 under the reference (double) rounding. */
    static float threshold(double d) {
        float v = (float) (0.5 * d);
        while (v > 0 && RoundClip.codeOfScaled(Math.nextDown(v) / d, 0, 1) == 1) v = Math.nextDown(v);
        while (RoundClip.codeOfScaled(v / d, 0, 1) == 0) v = Math.nextUp(v);
        return v;
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
            if (s.kind() == Surrogate.Kind.TRIANGLE) {
                i = hi == 1 ? hatVector(g, x, gi, i0, i1, d) : triangleVector(g, x, gi, i0, i1, d, hi);
            } else if (s.kind() == Surrogate.Kind.STE) {
                i = steVector(g, x, gi, i0, i1, steLow(d), steHigh(d, hi));
            }
        }
        gradScalar(s, g, x, gi, i, i1, d, hi);
    }

    /**
     * The triangle factor as {@link Surrogate#factor}: k0 = floor(t − ½), k1 = k0 + 1,
     * s = [0 ≤ k0 ≤ hi−1]·(1 − ((t − k0) − ½)) + [0 ≤ k1 ≤ hi−1]·(1 + ((t − k1) − ½)); 0 for NaN.
     * t is clamped to [−1, hi + 1] first: the factor is 0 for every t ≤ −½ or ≥ hi + ½ either way.
     */
    private static int triangleVector(float[] g, float[] x, float[] gi, int i0, int i1, double d, int hi) {
        DoubleVector zero = DoubleVector.zero(D), one = DoubleVector.broadcast(D, 1.0);
        double top = hi + 1.0, last = hi - 1.0;
        int i = i0;
        for (; i <= i1 - LANES; i += LANES) {
            FloatVector xv = FloatVector.fromArray(F, x, i), gv = FloatVector.fromArray(F, g, i);
            DoubleVector t0 = ((DoubleVector) xv.convertShape(VectorOperators.F2D, D, 0)).div(d);
            DoubleVector t1 = ((DoubleVector) xv.convertShape(VectorOperators.F2D, D, 1)).div(d);
            VectorMask<Double> n0 = t0.compare(VectorOperators.EQ, t0), n1 = t1.compare(VectorOperators.EQ, t1);
            t0 = t0.max(-1.0).min(top);
            t1 = t1.max(-1.0).min(top);
            DoubleVector v0 = t0.sub(0.5), v1 = t1.sub(0.5);
            DoubleVector r0 = v0.add(MAGIC).sub(MAGIC), r1 = v1.add(MAGIC).sub(MAGIC);             // rint
            DoubleVector k00 = r0.sub(zero.blend(one, r0.compare(VectorOperators.GT, v0)));        // floor
            DoubleVector k01 = r1.sub(zero.blend(one, r1.compare(VectorOperators.GT, v1)));
            DoubleVector k10 = k00.add(1.0), k11 = k01.add(1.0);
            DoubleVector a0 = one.sub(t0.sub(k00).sub(0.5)), a1 = one.sub(t1.sub(k01).sub(0.5));
            DoubleVector b0 = one.add(t0.sub(k10).sub(0.5)), b1 = one.add(t1.sub(k11).sub(0.5));
            a0 = zero.blend(a0, k00.compare(VectorOperators.GE, 0.0).and(k00.compare(VectorOperators.LE, last)));
            a1 = zero.blend(a1, k01.compare(VectorOperators.GE, 0.0).and(k01.compare(VectorOperators.LE, last)));
            b0 = zero.blend(b0, k10.compare(VectorOperators.GE, 0.0).and(k10.compare(VectorOperators.LE, last)));
            b1 = zero.blend(b1, k11.compare(VectorOperators.GE, 0.0).and(k11.compare(VectorOperators.LE, last)));
            DoubleVector f0 = zero.blend(a0.add(b0), n0), f1 = zero.blend(a1.add(b1), n1);
            DoubleVector o0 = ((DoubleVector) gv.convertShape(VectorOperators.F2D, D, 0)).mul(f0);
            DoubleVector o1 = ((DoubleVector) gv.convertShape(VectorOperators.F2D, D, 1)).mul(f1);
            FloatVector p0 = (FloatVector) o0.convertShape(VectorOperators.D2F, F, 0);
            FloatVector p1 = (FloatVector) o1.convertShape(VectorOperators.D2F, F, -1);
            p0.blend(p1, UPPER).intoArray(gi, i);
        }
        return i;
    }

    /**
     * The triangle factor for M_a = 2 (one hat): with u = t − ½, {@link Surrogate#factor} gives 1 − u for
     * 0 ≤ u &lt; 1 and 1 + u for −1 ≤ u &lt; 0, i.e. 1 − |u| for |u| &lt; 1, and 0 otherwise (also for NaN).
     * (Kept apart from {@link #steVector}: one method holding both loops, twelve shape conversions, passed C2's
     * node cutoff and boxed its blends.)
     */
    private static int hatVector(float[] g, float[] x, float[] gi, int i0, int i1, double d) {
        DoubleVector zero = DoubleVector.zero(D), one = DoubleVector.broadcast(D, 1.0);
        int i = i0;
        for (; i <= i1 - LANES; i += LANES) {
            FloatVector xv = FloatVector.fromArray(F, x, i), gv = FloatVector.fromArray(F, g, i);
            DoubleVector u0 = ((DoubleVector) xv.convertShape(VectorOperators.F2D, D, 0)).div(d).sub(0.5).abs();
            DoubleVector u1 = ((DoubleVector) xv.convertShape(VectorOperators.F2D, D, 1)).div(d).sub(0.5).abs();
            DoubleVector f0 = zero.blend(one.sub(u0), u0.compare(VectorOperators.LT, 1.0));
            DoubleVector f1 = zero.blend(one.sub(u1), u1.compare(VectorOperators.LT, 1.0));
            DoubleVector r0 = ((DoubleVector) gv.convertShape(VectorOperators.F2D, D, 0)).mul(f0);
            DoubleVector r1 = ((DoubleVector) gv.convertShape(VectorOperators.F2D, D, 1)).mul(f1);
            FloatVector o0 = (FloatVector) r0.convertShape(VectorOperators.D2F, F, 0);
            FloatVector o1 = (FloatVector) r1.convertShape(VectorOperators.D2F, F, -1);
            o0.blend(o1, UPPER).intoArray(gi, i);
        }
        return i;
    }

    /**
     * The ste factor: 1 for −½ ≤ t ≤ hi + ½, else 0 (NaN gives 0). x ↦ t = x/Δ is monotone, so the factor is 1
     * exactly for x in the float range [{@link #steLow}, {@link #steHigh}], and the loop needs no division: the
     * sign bits of x − lo and hi − x (never 0 for x outside) spread over the lane clear the float 1, and
     * g·f is then g or a zero with g's sign, as (float)(g·factor) in double. A NaN or infinite x in the range
     * makes it return the range's start, so the reference loop redoes the range (and names a NaN).
     */
    static int steVector(float[] g, float[] x, float[] gi, int i0, int i1, float lo, float hi) {
        FloatVector lov = FloatVector.broadcast(F, lo), hiv = FloatVector.broadcast(F, hi), finite = FloatVector.zero(F);
        IntVector one = (IntVector) FloatVector.broadcast(F, 1f).reinterpretAsInts();
        int i = i0;
        for (; i <= i1 - LANES; i += LANES) {
            FloatVector xv = FloatVector.fromArray(F, x, i);
            finite = finite.add(xv.sub(xv));                           // NaN once any x is NaN or infinite
            IntVector outside = ((IntVector) xv.sub(lov).reinterpretAsInts())
                    .or((IntVector) hiv.sub(xv).reinterpretAsInts()).lanewise(VectorOperators.ASHR, 31);
            FloatVector f = (FloatVector) one.lanewise(VectorOperators.AND_NOT, outside).reinterpretAsFloats();
            FloatVector.fromArray(F, g, i).mul(f).intoArray(gi, i);
        }
        return finite.compare(VectorOperators.EQ, 0f).allTrue() ? i : i0;
    }

    /** The smallest float x with (double) x / Δ ≥ −½ (the ste factor's lower edge; x/Δ is monotone in x). */
    static float steLow(double d) {
        float v = (float) (-0.5 * d);
        while (Math.nextDown(v) / d >= -0.5) v = Math.nextDown(v);
        while (v / d < -0.5) v = Math.nextUp(v);
        return v;
    }

    /** The largest float x with (double) x / Δ ≤ hi + ½ (the ste factor's upper edge). */
    static float steHigh(double d, int hi) {
        double top = hi + 0.5;
        float v = (float) (top * d);
        while (Math.nextUp(v) / d <= top) v = Math.nextUp(v);
        while (v / d > top) v = Math.nextDown(v);
        return v;
    }
}
