package org.maqd.deploy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Exact folding of one block's output channel into integer thresholds (method.md §9).
 *
 * <p>With integer accumulator {@code acc}, the block's value before Q_a divided by Δ_a is, in real arithmetic,
 * <pre>  t(acc) = (p·acc + r) / (den·Δ_a)</pre>
 * where {@code p = a_c·Δ_w'·Δ_in,num}, {@code r = (a_c·bias_c + b_c)·den} ({@code a_c, b_c} the folded norm's
 * inference scale and shift, Δ_w' the weight scale, Δ_in = Δ_in,num/den the input step; den = 255 for 8-bit
 * pixels, 1 otherwise). Q_a's code is {@code clip(rint(t), 0, M_a − 1)} with round-half-to-even, so
 * code ≥ j ⟺ t > j − ½, or t = j − ½ and j is even. Each threshold is found with exact decimal arithmetic
 * on the stored float/double parameters, ties included:
 * <ul>
 *   <li>p &gt; 0 (direction +1): pass ⟺ acc ≥ t_j, t_j = ⌊q/p⌋ + 1, or q/p itself when it is an integer and j
 *       is even (q = (j − ½)·Δ_a·den − r);</li>
 *   <li>p &lt; 0 (direction −1): pass ⟺ −acc ≥ t_j, the mirror image;</li>
 *   <li>p = 0 (γ = 0): the code is a constant; every threshold is "always" or "never".</li>
 * </ul>
 * The output code is then the number of thresholds that {@code direction·acc} reaches. Thresholds are clamped
 * to [−bound, bound + 1] where |acc| ≤ bound, which changes no count and keeps them in int32.
 */
public final class Thresholds {
    private Thresholds() {}

    /** One channel: its direction (+1 or −1) and M_a − 1 ascending thresholds. */
    public record Channel(int direction, int[] thresholds) {}

    public static Channel fold(BigDecimal p, BigDecimal r, BigDecimal stepA, long den, int states, long bound) {
        int n = states - 1;
        int[] t = new int[n];
        int sign = p.signum();
        BigDecimal d = BigDecimal.valueOf(den);
        for (int j = 1; j <= n; j++) {
            BigDecimal half = BigDecimal.valueOf(j).subtract(BigDecimal.valueOf(0.5));
            BigDecimal q = half.multiply(stepA).multiply(d).subtract(r);
            boolean even = j % 2 == 0;
            long thr;
            if (sign == 0) {
                boolean pass = q.signum() < 0 || (q.signum() == 0 && even);
                thr = pass ? -bound : bound + 1;
            } else if (sign > 0) {
                BigInteger f = q.divide(p, 0, RoundingMode.FLOOR).toBigInteger();
                boolean exact = p.multiply(new BigDecimal(f)).compareTo(q) == 0;
                thr = clamp(exact && even ? f : f.add(BigInteger.ONE), bound);
            } else {
                BigInteger c = q.divide(p, 0, RoundingMode.CEILING).toBigInteger();
                boolean exact = p.multiply(new BigDecimal(c)).compareTo(q) == 0;
                BigInteger u = exact && even ? c : c.subtract(BigInteger.ONE);   // pass ⟺ acc ≤ u
                thr = clamp(u.negate(), bound);
            }
            t[j - 1] = (int) thr;
        }
        return new Channel(sign < 0 ? -1 : 1, t);
    }

    private static long clamp(BigInteger v, long bound) {
        if (v.compareTo(BigInteger.valueOf(-bound)) < 0) return -bound;
        if (v.compareTo(BigInteger.valueOf(bound + 1)) > 0) return bound + 1;
        return v.longValueExact();
    }

    /** The code a channel gives for an accumulator value: the number of thresholds reached. */
    public static int code(Channel c, long acc) {
        long v = c.direction() * acc;
        int k = 0;
        for (int t : c.thresholds()) {
            if (v >= t) k++;
            else break;
        }
        return k;
    }

    /**
     * Fixed-point class scores for the output layer: {@code score_c = m_c·acc_c + o_c} in int64 with
     * {@code m_c = rint(p_c·2^F)}, {@code o_c = rint(r_c·2^F)}, F the largest shift with
     * {@code max|m|·bound + max|o| ≤ 2^62}. Each score is within (bound + 1)/2 of 2^F·(p_c·acc_c + r_c), so the
     * integer argmax equals the exact one whenever the top two exact logits differ by more than
     * {@link OutputScale#margin()} (logit units).
     */
    public record OutputScale(long[] multipliers, long[] offsets, int shift, double margin) {}

    public static OutputScale output(BigDecimal[] p, BigDecimal[] r, long den, long bound) {
        double maxP = 0, maxR = 0;
        for (int c = 0; c < p.length; c++) {
            maxP = Math.max(maxP, Math.abs(p[c].doubleValue()));
            maxR = Math.max(maxR, Math.abs(r[c].doubleValue()));
        }
        double worst = maxP * bound + maxR;
        int shift = worst == 0 ? 0 : (int) Math.floor(Math.log(Math.scalb(1.0, 62) / worst) / Math.log(2)) - 1;
        shift = Math.max(-1000, Math.min(1000, shift));
        long[] m = new long[p.length], o = new long[p.length];
        for (int c = 0; c < p.length; c++) {
            m[c] = scaled(p[c], shift);
            o[c] = scaled(r[c], shift);
        }
        double margin = (bound + 1) / Math.scalb((double) den, shift);
        return new OutputScale(m, o, shift, margin);
    }

    private static long scaled(BigDecimal v, int shift) {
        BigDecimal two = BigDecimal.valueOf(2);
        BigDecimal s = shift >= 0 ? v.multiply(two.pow(shift)) : v.divide(two.pow(-shift));
        return s.setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    }
}
