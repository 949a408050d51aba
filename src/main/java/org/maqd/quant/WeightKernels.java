package org.maqd.quant;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import org.maqd.tensor.fast.Reductions;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API row kernels of the weight pipeline (weight standardization, weight quantization, STE backward),
 * on the preferred float species only (the GEMM kernels use it too: mixing vector shapes in one program makes
 * C2 give up intrinsics in the shared Vector API code, and then every operation allocates). The plain row bodies
 * of {@link WeightStandardization} and {@link WeightQuantizer} stay the reference:
 * <ul>
 *   <li>row statistics: one read pass, float partial sums over blocks of {@link #BLOCK} weights (shifted by the
 *       row's first weight, which keeps the variance free of cancellation when |μ| ≫ σ), added in double;</li>
 *   <li>Ŵ = ((w − μ_hi) − μ_lo)·(1/σ) in float (μ split into two floats): within a few float ulps of the plain
 *       double formula;</li>
 *   <li>codes, levels and the STE mask are exactly those of the plain double path for the given Ŵ (see
 *       {@link Levels});</li>
 *   <li>WS backward: row sums as the statistics, output pass in float.</li>
 * </ul>
 * Rounding to the nearest integer, ties to even, is the exact magic-number form {@code (t + 1.5·2²³) − 1.5·2²³}
 * on t already clipped to [0, hi]. Used where the preferred species has at least 256 bits ({@link #AVAILABLE}).
 */
final class WeightKernels {
    private WeightKernels() {}

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> I = VectorSpecies.of(int.class, S.vectorShape());
    /** Lanes per vector. */
    private static final int SL = S.length();
    /** True where the kernels run (preferred vectors of at least 256 bits: 8 or 16 lanes). */
    static final boolean AVAILABLE = S.vectorBitSize() >= 256;
    private static final VectorSpecies<Byte> B = AVAILABLE
            ? VectorSpecies.of(byte.class, VectorShape.forBitSize(S.vectorBitSize() / 4)) : ByteVector.SPECIES_64;
    /** Weights per float partial sum of the row reductions. */
    static final int BLOCK = 8 * 16;
    private static final float FMAGIC = 0x1.8p23f;

    /**
     * μ and σ = sqrt(var + ε_w) of {@code w[base, base+n)} into {@code mean[r]}, {@code sigma[r]}: one pass
     * accumulating the sum and sum of squares of {@code w − w[base]}.
     */
    static void rowStats(float[] w, int base, int n, double[] mean, double[] sigma, int r) {
        float k = w[base];
        FloatVector kv = FloatVector.broadcast(S, k);
        double s = 0, q = 0;
        int i = base, vecEnd = base + n - n % SL;
        while (i < vecEnd) {
            int blockEnd = Math.min(vecEnd, i + BLOCK);
            FloatVector sv = FloatVector.zero(S), qv = sv;
            for (; i < blockEnd; i += SL) {
                FloatVector d = FloatVector.fromArray(S, w, i).sub(kv);
                sv = sv.add(d);
                qv = d.fma(d, qv);
            }
            s += Reductions.laneSum(sv);
            q += Reductions.laneSum(qv);
        }
        for (; i < base + n; i++) { double d = w[i] - k; s += d; q += d * d; }
        double m = s / n;
        mean[r] = k + m;
        sigma[r] = Math.sqrt(Math.max(0, q / n - m * m) + WeightStandardization.EPS);
    }

    /** Ŵ = ((w − μ_hi) − μ_lo)·inv in float over {@code [base, base+n)}. */
    static void standardizeRow(float[] w, float[] out, int base, int n, double mu, double inv) {
        float hi = (float) mu, lo = (float) (mu - hi), in = (float) inv;
        FloatVector hv = FloatVector.broadcast(S, hi), lv = FloatVector.broadcast(S, lo), iv = FloatVector.broadcast(S, in);
        int i = base, vecEnd = base + n - n % SL;
        for (; i < vecEnd; i += SL) FloatVector.fromArray(S, w, i).sub(hv).sub(lv).mul(iv).intoArray(out, i);
        for (; i < base + n; i++) out[i] = (w[i] - hi - lo) * in;
    }

    /**
     * Standardize + quantize of one row in one pass: Ŵ as {@link #standardizeRow} (same float operations), then
     * the levels of the float Ŵ as {@link #quantizeRow} (the codes are not written: {@link #quantizeRow} derives
     * them from Ŵ when asked for). Returns false if some Ŵ/Δ was NaN, so the caller can rerun the row on the
     * plain path, which reports it.
     */
    static boolean standardizeQuantizeRow(float[] w, float[] std, float[] wq, int base, int n, double mu, double inv,
                                          Levels q) {
        float hi = (float) mu, lo = (float) (mu - hi), in = (float) inv;
        int end = base + n - n % SL;
        for (int i = base; i < end; ) {
            i = standardizeQuantizeBlocks(w, std, wq, i, end, hi, lo, in, q);
            if (i < end) {   // Ŵ of this block is stored; a code near a tie (or a NaN): this block in double
                for (int j = i; j < i + SL; j++) if (!quantizeScalar(std[j], null, wq, j, q)) return false;
                i += SL;
            }
        }
        boolean ok = true;
        for (int j = end; j < base + n; j++) {
            std[j] = (w[j] - hi - lo) * in;
            ok &= quantizeScalar(std[j], null, wq, j, q);
        }
        return ok;
    }

    // as quantizeBlocks without the codes, with Ŵ computed (and stored) from w on the way
    private static int standardizeQuantizeBlocks(float[] w, float[] std, float[] wq, int i, int end,
                                                 float muHi, float muLo, float invSigma, Levels q) {
        FloatVector hv = FloatVector.broadcast(S, muHi), lv = FloatVector.broadcast(S, muLo);
        FloatVector iv = FloatVector.broadcast(S, invSigma);
        FloatVector inv = FloatVector.broadcast(S, q.inv), off = FloatVector.broadcast(S, q.offF);
        FloatVector hi = FloatVector.broadcast(S, q.hiF), zero = FloatVector.zero(S);
        FloatVector sHi = FloatVector.broadcast(S, q.sHi), sLo = FloatVector.broadcast(S, q.sLo);
        for (; i < end; i += SL) {
            FloatVector z = FloatVector.fromArray(S, w, i).sub(hv).sub(lv).mul(iv);
            z.intoArray(std, i);
            FloatVector t = z.fma(inv, off);
            FloatVector tc = t.blend(zero, t.compare(VectorOperators.LT, zero)).blend(hi, t.compare(VectorOperators.GT, hi));
            FloatVector m = tc.add(FMAGIC);
            FloatVector k = m.sub(FMAGIC);
            if (!tc.sub(k).abs().compare(VectorOperators.LE, 0.5f - Levels.DELTA).allTrue()) return i;
            FloatVector x = k.sub(off);
            x.fma(sHi, x.mul(sLo)).intoArray(wq, i);
        }
        return end;
    }

    /**
     * The constants of one weight quantizer for {@link #quantizeRow} and {@link #steRow}. The float forms are
     * used only where they provably give the double path's result: a code is computed in float from
     * {@code t' = fma(Ŵ, 1/Δ, off)}, which is within 1e-4 of the exact {@code t = Ŵ/Δ + off} wherever t is in
     * the clip range, so a code is recomputed in double exactly when t' falls within {@link #DELTA} of a
     * half-integer (about 1 in 5000 weights); levels are {@code fma(s_hi, k − off, s_lo·(k − off))} with
     * {@code Δ ≈ s_hi + s_lo}, checked against {@code (float)(Δ·(k − off))} for every code when built
     * ({@link #exact}).
     */
    static final class Levels {
        static final float DELTA = 1e-4f;
        final double step, off;
        final int hi;
        final float inv, offF, hiF, sHi, sLo, halfRange;
        final boolean exact;

        Levels(double step, double off, int hi) {
            this.step = step;
            this.off = off;
            this.hi = hi;
            inv = (float) (1.0 / step);
            offF = (float) off;
            hiF = hi;
            sHi = (float) step;
            sLo = (float) (step - sHi);
            halfRange = (float) (hi + 1) / 2f;
            boolean ok = hi < (1 << 20) && offF == off;
            for (int k = 0; ok && k <= hi; k++) {
                float x = k - offF;
                ok = Math.fma(sHi, x, sLo * x) == (float) (step * (k - off));
            }
            exact = ok;
        }
    }


    /**
     * Quantize only: from Ŵ in {@code src}, {@code k = clip(rint(Ŵ/Δ + off), 0, hi)} into {@code codes} and
     * {@code W_q = (float)(Δ·(k − off))} into {@code wq}, exactly as the plain double path. Returns false if
     * some Ŵ was NaN (codes then unspecified).
     */
    static boolean quantizeRow(float[] src, byte[] codes, float[] wq, int base, int n, Levels q) {
        int end = base + n - (n % SL);
        for (int i = base; i < end; ) {
            i = quantizeBlocks(src, codes, wq, i, end, q);
            if (i < end) {   // a block with a code near a tie (or a NaN): this block in double
                for (int j = i; j < i + SL; j++) if (!quantizeScalar(src[j], codes, wq, j, q)) return false;
                i += SL;
            }
        }
        boolean ok = true;
        for (int j = end; j < base + n; j++) ok &= quantizeScalar(src[j], codes, wq, j, q);
        return ok;
    }

    /**
     * Quantizes whole vectors from {@code i} until {@code end} or the first block with a lane whose float t'
     * is within {@link Levels#DELTA} of a half-integer (or NaN); returns that block's start (unwritten) or end.
     */
    private static int quantizeBlocks(float[] src, byte[] codes, float[] wq, int i, int end, Levels q) {
        FloatVector inv = FloatVector.broadcast(S, q.inv), off = FloatVector.broadcast(S, q.offF);
        FloatVector hi = FloatVector.broadcast(S, q.hiF), zero = FloatVector.zero(S);
        FloatVector sHi = FloatVector.broadcast(S, q.sHi), sLo = FloatVector.broadcast(S, q.sLo);
        IntVector low = IntVector.broadcast(I, 0xFF);
        for (; i < end; i += SL) {
            FloatVector t = FloatVector.fromArray(S, src, i).fma(inv, off);
            // clip before rounding (same code: 0 and hi are integers), so |t| is small for the magic number
            FloatVector tc = t.blend(zero, t.compare(VectorOperators.LT, zero)).blend(hi, t.compare(VectorOperators.GT, hi));
            FloatVector m = tc.add(FMAGIC);            // round to integer, ties to even: k in the low bits
            FloatVector k = m.sub(FMAGIC);
            if (!tc.sub(k).abs().compare(VectorOperators.LE, 0.5f - Levels.DELTA).allTrue()) return i;
            FloatVector x = k.sub(off);
            x.fma(sHi, x.mul(sLo)).intoArray(wq, i);
            ((ByteVector) m.reinterpretAsInts().and(low).convertShape(VectorOperators.I2B, B, 0)).intoArray(codes, i);
        }
        return end;
    }

    private static boolean quantizeScalar(float z, byte[] codes, float[] wq, int i, Levels q) {
        double t = z / q.step + q.off;
        if (t != t) return false;
        int c = RoundClip.codeOfScaled(t, 0, q.hi);
        if (codes != null) codes[i] = (byte) c;
        wq[i] = (float) (q.step * (c - q.off));
        return true;
    }

    /**
     * STE backward of the quantizer for one row: {@code gp = (float)(g · [−½ ≤ Ŵ/Δ + off ≤ hi + ½])}, as the
     * plain path. In float, {@code |Ŵ|·(1/Δ)} is compared with the half-range {@code (hi + 1)/2} (within 2e-5
     * of the exact comparison); blocks with a lane within {@link Levels#DELTA} of the boundary are recomputed
     * in double.
     */
    static void steRow(float[] g, float[] std, float[] gp, int base, int n, Levels q) {
        steRow(g, std, gp, base, base, n, q);
    }

    /** As {@link #steRow(float[], float[], float[], int, int, Levels)}, writing {@code gp[gpOff + j]}. */
    static void steRow(float[] g, float[] std, float[] gp, int gpOff, int base, int n, Levels q) {
        steRow(g, base, std, gp, gpOff, base, n, q);
    }

    /**
     * As {@link #steRow(float[], float[], float[], int, int, Levels)}, reading g at {@code g[gOff + j]} and
     * writing {@code gp[gpOff + j]} (in place when both are the same row).
     */
    static void steRow(float[] g, int gOff, float[] std, float[] gp, int gpOff, int base, int n, Levels q) {
        int end = base + n - n % SL, gShift = gOff - base, shift = gpOff - base;
        for (int i = base; i < end; ) {
            i = steBlocks(g, gShift, std, gp, shift, i, end, q);
            if (i < end) {
                for (int j = i; j < i + SL; j++) gp[j + shift] = steScalar(g[j + gShift], std[j], q);
                i += SL;
            }
        }
        for (int j = end; j < base + n; j++) gp[j + shift] = steScalar(g[j + gShift], std[j], q);
    }

    private static int steBlocks(float[] g, int gShift, float[] std, float[] gp, int shift, int i, int end, Levels q) {
        FloatVector inv = FloatVector.broadcast(S, q.inv), h = FloatVector.broadcast(S, q.halfRange);
        FloatVector zero = FloatVector.zero(S);
        for (; i < end; i += SL) {
            FloatVector a = FloatVector.fromArray(S, std, i).abs().mul(inv);
            if (!a.sub(h).abs().compare(VectorOperators.GE, Levels.DELTA).allTrue()) return i;
            FloatVector.fromArray(S, g, i + gShift).blend(zero, a.compare(VectorOperators.GT, h)).intoArray(gp, i + shift);
        }
        return end;
    }

    static float steScalar(float g, float z, Levels q) {
        double t = z / q.step + q.off;
        return (float) (g * ((t >= -0.5 && t <= q.hi + 0.5) ? 1.0 : 0.0));
    }

    /**
     * Row sums {@code Σ g}, {@code Σ g·Ŵ} (float blocks added in double, lanes left to right: the reference order
     * of {@link RowSums#reduceRow}) into {@code sums[2r]}, {@code sums[2r+1]}, g read at {@code g[gOff + j]} and Ŵ
     * at {@code std[base + j]}.
     */
    static void reduceRow(float[] g, int gOff, float[] std, int base, int n, double[] sums, int r) {
        double s = 0, sw = 0;
        int shift = gOff - base, i = base, vecEnd = base + n - n % SL;
        while (i < vecEnd) {
            int blockEnd = Math.min(vecEnd, i + BLOCK);
            FloatVector sv = FloatVector.zero(S), wv = sv;
            for (; i < blockEnd; i += SL) {
                FloatVector gv = FloatVector.fromArray(S, g, i + shift);
                sv = sv.add(gv);
                wv = gv.fma(FloatVector.fromArray(S, std, i), wv);
            }
            s += Reductions.laneSum(sv);
            sw += Reductions.laneSum(wv);
        }
        for (; i < base + n; i++) { s += g[i + shift]; sw += (double) g[i + shift] * std[i]; }
        sums[2 * r] = s;
        sums[2 * r + 1] = sw;
    }

    /**
     * WS backward output pass in place: {@code g[gOff + j] = (g[gOff + j] − mg − Ŵ·mgw)·inv}, each element the
     * value {@link #wsBackwardRow} adds to its output.
     */
    static void wsBackwardRowInPlace(float[] g, int gOff, float[] std, int base, int n, double mg, double mgw, double inv) {
        float m = (float) mg, mw = (float) -mgw, in = (float) inv;
        FloatVector mv = FloatVector.broadcast(S, m), mwv = FloatVector.broadcast(S, mw), iv = FloatVector.broadcast(S, in);
        int shift = gOff - base, i = base, vecEnd = base + n - n % SL;
        for (; i < vecEnd; i += SL) {
            FloatVector.fromArray(S, std, i).fma(mwv, FloatVector.fromArray(S, g, i + shift).sub(mv)).mul(iv)
                    .intoArray(g, i + shift);
        }
        for (; i < base + n; i++) g[i + shift] = Math.fma(std[i], mw, g[i + shift] - m) * in;
    }

    /** WS backward output pass: {@code out[base + j] += (g[gOff + j] − mg − Ŵ·mgw)·inv} in float. */
    static void wsBackwardRow(float[] g, int gOff, float[] std, float[] out, int base, int n, double mg, double mgw,
                              double inv) {
        float m = (float) mg, mw = (float) -mgw, in = (float) inv;
        FloatVector mv = FloatVector.broadcast(S, m), mwv = FloatVector.broadcast(S, mw), iv = FloatVector.broadcast(S, in);
        int shift = gOff - base, i = base, vecEnd = base + n - n % SL;
        for (; i < vecEnd; i += SL) {
            FloatVector d = FloatVector.fromArray(S, std, i).fma(mwv, FloatVector.fromArray(S, g, i + shift).sub(mv)).mul(iv);
            FloatVector.fromArray(S, out, i).add(d).intoArray(out, i);
        }
        for (; i < base + n; i++) out[i] += Math.fma(std[i], mw, g[i + shift] - m) * in;
    }
}
