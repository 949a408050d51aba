package org.maqd.tensor.fast;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Contiguous float reductions accumulated in double, with a fixed summation order (so results do not depend
 * on threads, JIT tier or call site):
 * <ul>
 *   <li>the range is read in float vectors of {@link #LANES} elements from {@code from}; each widens to two
 *       double vectors (lower and upper half) added lane-wise into two double accumulators;</li>
 *   <li>the accumulators are added lane-wise, then the lanes are summed left to right;</li>
 *   <li>the remaining elements (fewer than {@link #LANES}) are added one by one, left to right.</li>
 * </ul>
 * Products a·b of two floats are exact in double, so only the additions round. The species is the engine's
 * float species (one float shape everywhere keeps C2's Vector API profiles monomorphic).
 */
public final class Reductions {
    private Reductions() {}

    static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    /** Floats per step of the vector loop (0 when the vector loop is not used on this platform). */
    public static final int LANES = F.length() == 2 * D.length() && D.length() >= 2 ? F.length() : 0;

    /** Σ x[from..to). */
    public static double sum(float[] x, int from, int to) {
        int i = from;
        double s = 0;
        if (LANES > 0 && to - from >= LANES) {
            DoubleVector a0 = DoubleVector.zero(D), a1 = DoubleVector.zero(D);
            for (; i <= to - LANES; i += LANES) {
                FloatVector v = FloatVector.fromArray(F, x, i);
                a0 = a0.add((DoubleVector) v.convertShape(VectorOperators.F2D, D, 0));
                a1 = a1.add((DoubleVector) v.convertShape(VectorOperators.F2D, D, 1));
            }
            DoubleVector acc = a0.add(a1);               // lanes left to right, written out: no vector
            s = acc.lane(0);                             // crosses a call (see PlaneAffine)
            for (int j = 1; j < D.length(); j++) s += acc.lane(j);
        }
        for (; i < to; i++) s += x[i];
        return s;
    }

    /** Σ (x − m)² over [from, to). */
    public static double sumSq(float[] x, int from, int to, double m) {
        int i = from;
        double s = 0;
        if (LANES > 0 && to - from >= LANES) {
            DoubleVector a0 = DoubleVector.zero(D), a1 = DoubleVector.zero(D);
            for (; i <= to - LANES; i += LANES) {
                FloatVector v = FloatVector.fromArray(F, x, i);
                DoubleVector d0 = ((DoubleVector) v.convertShape(VectorOperators.F2D, D, 0)).sub(m);
                DoubleVector d1 = ((DoubleVector) v.convertShape(VectorOperators.F2D, D, 1)).sub(m);
                a0 = a0.add(d0.mul(d0));
                a1 = a1.add(d1.mul(d1));
            }
            DoubleVector acc = a0.add(a1);               // lanes left to right, written out: no vector
            s = acc.lane(0);                             // crosses a call (see PlaneAffine)
            for (int j = 1; j < D.length(); j++) s += acc.lane(j);
        }
        for (; i < to; i++) {
            double d = x[i] - m;
            s += d * d;
        }
        return s;
    }

    /** Σ a·b over [from, to). */
    public static double dot(float[] a, float[] b, int from, int to) {
        int i = from;
        double s = 0;
        if (LANES > 0 && to - from >= LANES) {
            DoubleVector a0 = DoubleVector.zero(D), a1 = DoubleVector.zero(D);
            for (; i <= to - LANES; i += LANES) {
                FloatVector u = FloatVector.fromArray(F, a, i), v = FloatVector.fromArray(F, b, i);
                DoubleVector p0 = ((DoubleVector) u.convertShape(VectorOperators.F2D, D, 0))
                        .mul((DoubleVector) v.convertShape(VectorOperators.F2D, D, 0));
                DoubleVector p1 = ((DoubleVector) u.convertShape(VectorOperators.F2D, D, 1))
                        .mul((DoubleVector) v.convertShape(VectorOperators.F2D, D, 1));
                a0 = a0.add(p0);
                a1 = a1.add(p1);
            }
            DoubleVector acc = a0.add(a1);               // lanes left to right, written out: no vector
            s = acc.lane(0);                             // crosses a call (see PlaneAffine)
            for (int j = 1; j < D.length(); j++) s += acc.lane(j);
        }
        for (; i < to; i++) s += (double) a[i] * b[i];
        return s;
    }

    /** Elements per check of {@link #firstNonFinite}'s vector loop (four accumulators of one vector each). */
    static final int FINITE_BLOCK = 256;

    /**
     * Index of the first NaN or infinite element of {@code x}, or −1: the index {@link #firstNonFinitePlain}
     * returns. Blocks of {@link #FINITE_BLOCK} elements are scanned as Σ x·0 (±0 for finite x, NaN for an
     * infinity or a NaN, and a NaN stays NaN through the sum); the first block that yields NaN, and the tail, are
     * searched element by element. About 3 vector operations per 16 floats, where the plain loop's early exit keeps
     * C2 from vectorizing it (it read every weight and gradient one by one twice per training step).
     */
    public static int firstNonFinite(float[] x) { return firstNonFinite(x, 0, x.length); }

    /** As {@link #firstNonFinite(float[])} over {@code x[from, to)}: the first such index, or −1. */
    public static int firstNonFinite(float[] x, int from, int to) {
        int i = from;
        if (LANES > 0) {
            FloatVector zero = FloatVector.zero(F);
            for (; i <= to - FINITE_BLOCK; i += FINITE_BLOCK) {
                FloatVector a0 = zero, a1 = zero, a2 = zero, a3 = zero;
                for (int j = i; j < i + FINITE_BLOCK; j += 4 * LANES) {
                    a0 = FloatVector.fromArray(F, x, j).fma(zero, a0);
                    a1 = FloatVector.fromArray(F, x, j + LANES).fma(zero, a1);
                    a2 = FloatVector.fromArray(F, x, j + 2 * LANES).fma(zero, a2);
                    a3 = FloatVector.fromArray(F, x, j + 3 * LANES).fma(zero, a3);
                }
                FloatVector a = a0.add(a1).add(a2).add(a3);
                if (a.compare(VectorOperators.NE, a).anyTrue()) break;   // this block holds it
            }
        }
        for (; i < to; i++) if (!Float.isFinite(x[i])) return i;
        return -1;
    }

    /** The plain loop of {@link #firstNonFinite} (the reference). */
    public static int firstNonFinitePlain(float[] x) {
        for (int i = 0; i < x.length; i++) if (!Float.isFinite(x[i])) return i;
        return -1;
    }

    /**
     * The lanes of {@code v} summed left to right in double. Use instead of {@code reduceLanes(ADD)}, whose order
     * is unspecified and differs between the compiled intrinsic and the interpreter (results would depend on
     * JIT timing, so on the run and the thread count). A vector passed to a method: where C2 does not inline
     * the call (node-count cutoff, an earlier big compile of this method), the vector, and any vector a loop
     * carries across the call, is allocated as an object (see {@link PlaneAffine}); kernels that must not
     * allocate write the lane loop out in place, as {@link #sum} does.
     */
    public static double laneSum(FloatVector v) {
        double s = v.lane(0);
        for (int j = 1; j < v.length(); j++) s += v.lane(j);
        return s;
    }

    /** The lanes of {@code v} summed left to right in float (fixed order, see {@link #laneSum}). */
    public static float laneSumFloat(FloatVector v) {
        float s = v.lane(0);
        for (int j = 1; j < v.length(); j++) s += v.lane(j);
        return s;
    }
}
