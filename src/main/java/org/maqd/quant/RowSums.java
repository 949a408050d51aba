package org.maqd.quant;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The row sums of the weight pipeline ({@link WeightKernels#rowStats}, {@link WeightKernels#reduceRow}) without
 * their serial lane sums, giving the same bits.
 * <p>
 * Those kernels form float partial sums over blocks of {@link WeightKernels#BLOCK} weights and add the partials'
 * lanes one after the other in double: 16 dependent double additions per 128 weights, which bounded the loop
 * (the vector work per block is a handful of instructions). Here the partials' lanes are instead added
 * lane-wise into double vectors and the lanes combined at the end of the row. That is a different order, and yet
 * the same number whenever every sum formed along the way is exact, which holds when all the addends are floats
 * whose exponents span little: with {@code e_max}, {@code e_min} the largest and smallest exponent of a nonzero
 * partial and N partials per row, every addend is a multiple of {@code 2^(e_min − 23)} and every partial sum of
 * them, in any order, is smaller than {@code N·2^(e_max + 1)}; if {@code (e_max − e_min) + ⌈log₂N⌉ ≤ 28} each such
 * sum has at most 52 significant bits and is exact in double, so every order gives the exact sum. The kernels
 * track the largest and the smallest nonzero |partial| on the way (lane-wise max/min: order-free) and check this
 * at the end of the row; otherwise (a row spanning more binades, an infinity or a NaN) the row is summed again in
 * the reference order. On trained weights and gradients the check passes on almost every row.
 * <p>
 * Every vector is reduced to scalars before the kernels call anything: on JDK 17 a vector still live across a call
 * C2 did not inline is boxed, and whether {@link #exact} or the tail's scalar STE is inlined depends on compile
 * order (the MLP step allocated 4 KB to 1 MB per step on an AVX2 host when {@code exact} was not, after other
 * models had trained in the same JVM); and each kernel widens floats to doubles ({@code convertShape}, about 130
 * inlined Vector API methods each) at most four times, which keeps its compile below that cutoff.
 */
final class RowSums {
    private RowSums() {}

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final int SL = S.length();
    /** True where the lane-wise form runs: float vectors widen to exactly two double vectors. */
    static final boolean AVAILABLE = WeightKernels.AVAILABLE && SL == 2 * D.length();
    private static final int BLOCK = WeightKernels.BLOCK;
    private static final float INF = Float.POSITIVE_INFINITY;

    /**
     * True when every partial sum of {@code count} floats with largest magnitude {@code max} and smallest nonzero
     * magnitude {@code minNonzero} (∞ if all are zero) is exact in double, in any order (see the class comment).
     */
    static boolean exact(float max, float minNonzero, int count) {
        if (!(max < INF)) return false;                  // ∞ or NaN: the reference order decides
        if (minNonzero == INF) return true;              // all zero
        int log = 32 - Integer.numberOfLeadingZeros(Math.max(1, count) - 1);
        return Math.getExponent(max) - Math.getExponent(minNonzero) + log <= 28;
    }

    /** Same results as {@link WeightKernels#rowStats}. */
    static void rowStats(float[] w, int base, int n, double[] mean, double[] sigma, int r) {
        if (!AVAILABLE) { WeightKernels.rowStats(w, base, n, mean, sigma, r); return; }
        float k = w[base];
        FloatVector kv = FloatVector.broadcast(S, k), zero = FloatVector.zero(S), inf = FloatVector.broadcast(S, INF);
        DoubleVector s0 = DoubleVector.zero(D), s1 = s0, q0 = s0, q1 = s0;
        FloatVector sMax = zero, sMin = inf, qMax = zero, qMin = inf;
        int i = base, vecEnd = base + n - n % SL, count = 0;
        // one block at a time (a loop over two blocks at once, 1.1x faster on its own, widened twelve times per
        // compile and pushed C2 past its node-count cutoff, where its vectors were boxed: see the class comment)
        while (i < vecEnd) {
            int blockEnd = Math.min(vecEnd, i + BLOCK);
            FloatVector sv = zero, qv = zero;
            for (; i < blockEnd; i += SL) {
                FloatVector d = FloatVector.fromArray(S, w, i).sub(kv);
                sv = sv.add(d);
                qv = d.fma(d, qv);
            }
            s0 = s0.add((DoubleVector) sv.convertShape(VectorOperators.F2D, D, 0));
            s1 = s1.add((DoubleVector) sv.convertShape(VectorOperators.F2D, D, 1));
            q0 = q0.add((DoubleVector) qv.convertShape(VectorOperators.F2D, D, 0));
            q1 = q1.add((DoubleVector) qv.convertShape(VectorOperators.F2D, D, 1));
            FloatVector sa = sv.abs(), qa = qv.abs();
            sMax = sMax.max(sa);
            sMin = sMin.min(sa.blend(inf, sa.compare(VectorOperators.EQ, 0f)));
            qMax = qMax.max(qa);
            qMin = qMin.min(qa.blend(inf, qa.compare(VectorOperators.EQ, 0f)));
            count += SL;
        }
        // every vector reduced to scalars before any call (see the class comment)
        float sHi = sMax.reduceLanes(VectorOperators.MAX), sLo = sMin.reduceLanes(VectorOperators.MIN);
        float qHi = qMax.reduceLanes(VectorOperators.MAX), qLo = qMin.reduceLanes(VectorOperators.MIN);
        double s = s0.add(s1).reduceLanes(VectorOperators.ADD), q = q0.add(q1).reduceLanes(VectorOperators.ADD);
        if (!exact(sHi, sLo, count) || !exact(qHi, qLo, count)) {
            WeightKernels.rowStats(w, base, n, mean, sigma, r);
            return;
        }
        for (; i < base + n; i++) { double d = w[i] - k; s += d; q += d * d; }
        double m = s / n;
        mean[r] = k + m;
        sigma[r] = Math.sqrt(Math.max(0, q / n - m * m) + WeightStandardization.EPS);
    }

    /**
     * Same results as {@link WeightKernels#reduceRow}, with g read at {@code g[gOff + j]} and Ŵ at
     * {@code std[base + j]} for j in [0, n): Σg into {@code sums[2r]}, Σg·Ŵ into {@code sums[2r+1]}.
     */
    static void reduceRow(float[] g, int gOff, float[] std, int base, int n, double[] sums, int r) {
        if (!AVAILABLE) { WeightKernels.reduceRow(g, gOff, std, base, n, sums, r); return; }
        FloatVector zero = FloatVector.zero(S), inf = FloatVector.broadcast(S, INF);
        DoubleVector s0 = DoubleVector.zero(D), s1 = s0, w0 = s0, w1 = s0;
        FloatVector sMax = zero, sMin = inf, wMax = zero, wMin = inf;
        int shift = gOff - base, i = base, vecEnd = base + n - n % SL, count = 0;
        while (i < vecEnd) {
            int blockEnd = Math.min(vecEnd, i + BLOCK);
            FloatVector sv = zero, wv = zero;
            for (; i < blockEnd; i += SL) {
                FloatVector gv = FloatVector.fromArray(S, g, i + shift);
                sv = sv.add(gv);
                wv = gv.fma(FloatVector.fromArray(S, std, i), wv);
            }
            s0 = s0.add((DoubleVector) sv.convertShape(VectorOperators.F2D, D, 0));
            s1 = s1.add((DoubleVector) sv.convertShape(VectorOperators.F2D, D, 1));
            w0 = w0.add((DoubleVector) wv.convertShape(VectorOperators.F2D, D, 0));
            w1 = w1.add((DoubleVector) wv.convertShape(VectorOperators.F2D, D, 1));
            FloatVector sa = sv.abs(), wa = wv.abs();
            sMax = sMax.max(sa);
            sMin = sMin.min(sa.blend(inf, sa.compare(VectorOperators.EQ, 0f)));
            wMax = wMax.max(wa);
            wMin = wMin.min(wa.blend(inf, wa.compare(VectorOperators.EQ, 0f)));
            count += SL;
        }
        float sHi = sMax.reduceLanes(VectorOperators.MAX), sLo = sMin.reduceLanes(VectorOperators.MIN);
        float wHi = wMax.reduceLanes(VectorOperators.MAX), wLo = wMin.reduceLanes(VectorOperators.MIN);
        double s = s0.add(s1).reduceLanes(VectorOperators.ADD), sw = w0.add(w1).reduceLanes(VectorOperators.ADD);
        if (!exact(sHi, sLo, count) || !exact(wHi, wLo, count)) {
            WeightKernels.reduceRow(g, gOff, std, base, n, sums, r);
            return;
        }
        for (; i < base + n; i++) { s += g[i + shift]; sw += (double) g[i + shift] * std[i]; }
        sums[2 * r] = s;
        sums[2 * r + 1] = sw;
    }

    /**
     * The STE mask of {@link WeightKernels#steRow} and the row sums of {@link #reduceRow} over its output in one
     * pass: {@code out[outOff + j] = g[gOff + j]·[|Ŵ|/Δ ≤ (hi + 1)/2]} for Ŵ at {@code std[base + j]}, then
     * Σout into {@code sums[2r]} and Σout·Ŵ into {@code sums[2r+1]}, the same bits as those two kernels in turn.
     * Returns false, having written part of {@code out}, at the first vector with a lane within
     * {@link WeightKernels.Levels#DELTA} of the boundary (where steRow decides in double): the caller then runs
     * the two kernels. Where the sums are not exact in any order, {@link WeightKernels#reduceRow} sums the
     * masked row again in the reference order.
     */
    static boolean steReduceRow(float[] g, int gOff, float[] std, float[] out, int outOff, int base, int n,
                                WeightKernels.Levels q, double[] sums, int r) {
        if (!AVAILABLE) return false;
        FloatVector zero = FloatVector.zero(S), inf = FloatVector.broadcast(S, INF);
        FloatVector inv = FloatVector.broadcast(S, q.inv), h = FloatVector.broadcast(S, q.halfRange);
        DoubleVector s0 = DoubleVector.zero(D), s1 = s0, w0 = s0, w1 = s0;
        FloatVector sMax = zero, sMin = inf, wMax = zero, wMin = inf;
        int gShift = gOff - base, oShift = outOff - base, i = base, vecEnd = base + n - n % SL, count = 0;
        while (i < vecEnd) {
            int blockEnd = Math.min(vecEnd, i + BLOCK);
            FloatVector sv = zero, wv = zero;
            for (; i < blockEnd; i += SL) {
                FloatVector z = FloatVector.fromArray(S, std, i);
                FloatVector a = z.abs().mul(inv);
                if (!a.sub(h).abs().compare(VectorOperators.GE, WeightKernels.Levels.DELTA).allTrue()) return false;
                FloatVector gv = FloatVector.fromArray(S, g, i + gShift).blend(zero, a.compare(VectorOperators.GT, h));
                gv.intoArray(out, i + oShift);
                sv = sv.add(gv);
                wv = gv.fma(z, wv);
            }
            s0 = s0.add((DoubleVector) sv.convertShape(VectorOperators.F2D, D, 0));
            s1 = s1.add((DoubleVector) sv.convertShape(VectorOperators.F2D, D, 1));
            w0 = w0.add((DoubleVector) wv.convertShape(VectorOperators.F2D, D, 0));
            w1 = w1.add((DoubleVector) wv.convertShape(VectorOperators.F2D, D, 1));
            FloatVector sa = sv.abs(), wa = wv.abs();
            sMax = sMax.max(sa);
            sMin = sMin.min(sa.blend(inf, sa.compare(VectorOperators.EQ, 0f)));
            wMax = wMax.max(wa);
            wMin = wMin.min(wa.blend(inf, wa.compare(VectorOperators.EQ, 0f)));
            count += SL;
        }
        float sHi = sMax.reduceLanes(VectorOperators.MAX), sLo = sMin.reduceLanes(VectorOperators.MIN);
        float wHi = wMax.reduceLanes(VectorOperators.MAX), wLo = wMin.reduceLanes(VectorOperators.MIN);
        double s = s0.add(s1).reduceLanes(VectorOperators.ADD), sw = w0.add(w1).reduceLanes(VectorOperators.ADD);
        for (int j = vecEnd; j < base + n; j++) out[j + oShift] = WeightKernels.steScalar(g[j + gShift], std[j], q);
        if (!exact(sHi, sLo, count) || !exact(wHi, wLo, count)) {
            WeightKernels.reduceRow(out, outOff, std, base, n, sums, r);
            return true;
        }
        for (int j = vecEnd; j < base + n; j++) { s += out[j + oShift]; sw += (double) out[j + oShift] * std[j]; }
        sums[2 * r] = s;
        sums[2 * r + 1] = sw;
        return true;
    }
}
