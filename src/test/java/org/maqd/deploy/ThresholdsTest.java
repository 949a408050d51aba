package org.maqd.deploy;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.maqd.quant.RoundClip;
import org.maqd.tensor.Rng;

/** Threshold folding against Q_a's round-half-even, exhaustively over accumulators, ties and signs included. */
class ThresholdsTest {
    static BigDecimal d(double v) { return new BigDecimal(v); }

    /** All dyadic parameters, so the double reference t = (p·acc + r)/(den·Δ_a) has exact ties. */
    @Test
    void countingThresholdsEqualsRoundClipForEveryAccumulator() {
        double[] ps = {0.5, -0.5, 0.25, -0.75, 1.5, -3, 0, 0.125};
        double[] rs = {0, -2, 1.25, 0.5, -0.75, 3};
        double[] steps = {1, 0.5, 0.75, 2};
        long[] dens = {1, 4, 255};
        int[] states = {2, 3, 4, 5, 16};
        long bound = 300;
        int checked = 0, ties = 0;
        for (double p : ps) for (double r : rs) for (double st : steps) for (long den : dens) for (int m : states) {
            Thresholds.Channel ch = Thresholds.fold(d(p), d(r), d(st), den, m, bound);
            assertEquals(p < 0 ? -1 : 1, ch.direction());
            for (long acc = -bound; acc <= bound; acc++) {
                double t = (p * acc + r) / (den * st);
                if (t - Math.floor(t) == 0.5) ties++;
                int want = RoundClip.codeOfScaled(t, 0, m - 1);
                assertEquals(want, Thresholds.code(ch, acc), () -> "p=" + p + " r=" + r + " Δ=" + st + " den=" + den + " M=" + m);
                checked++;
            }
            for (int j = 1; j < ch.thresholds().length; j++) assertTrue(ch.thresholds()[j - 1] <= ch.thresholds()[j]);
        }
        assertTrue(ties > 10_000, "ties exercised: " + ties);
        assertTrue(checked > 1_000_000);
    }

    @Test
    void tiesRoundHalfToEven() {
        // t = acc/2: 0.5 → 0, 1.5 → 2, 2.5 → 2, 3.5 → 3 (clip), and mirrored for γ < 0
        Thresholds.Channel pos = Thresholds.fold(d(0.5), d(0), d(1), 1, 4, 100);
        assertArrayEquals(new int[] {2, 3, 6}, pos.thresholds());
        assertEquals(0, Thresholds.code(pos, 1));
        assertEquals(2, Thresholds.code(pos, 3));
        assertEquals(2, Thresholds.code(pos, 5));
        assertEquals(3, Thresholds.code(pos, 7));
        Thresholds.Channel neg = Thresholds.fold(d(-0.5), d(0), d(1), 1, 4, 100);
        assertEquals(-1, neg.direction());
        assertEquals(0, Thresholds.code(neg, -1));
        assertEquals(2, Thresholds.code(neg, -3));
        assertEquals(2, Thresholds.code(neg, -5));
        assertEquals(3, Thresholds.code(neg, -100));
    }

    @Test
    void zeroScaleGivesAConstantCodeAndClampedThresholds() {
        Thresholds.Channel c = Thresholds.fold(d(0), d(1.5), d(1), 1, 4, 50);   // rint(1.5) = 2 for every acc
        assertArrayEquals(new int[] {-50, -50, 51}, c.thresholds());
        for (long acc = -50; acc <= 50; acc++) assertEquals(2, Thresholds.code(c, acc));
    }

    /** The fixed-point argmax equals the exact argmax whenever the top two exact logits differ by more than the margin. */
    @Test
    void outputScoresKeepTheExactArgmax() {
        Rng rng = new Rng(5);
        int classes = 10;
        long bound = 65_280;
        long den = 255;
        for (int trial = 0; trial < 200; trial++) {
            BigDecimal[] p = new BigDecimal[classes], r = new BigDecimal[classes];
            for (int c = 0; c < classes; c++) {
                p[c] = d((rng.nextFloat() - 0.3f) * 0.01f);
                r[c] = d((rng.nextFloat() - 0.5f) * 3f);
            }
            Thresholds.OutputScale s = Thresholds.output(p, r, den, bound);
            assertTrue(s.margin() < 1e-9, "margin " + s.margin());
            for (int k = 0; k < 50; k++) {
                long[] acc = new long[classes];
                int exact = 0, fixed = 0;
                BigDecimal best = null;
                long bestScore = Long.MIN_VALUE;
                for (int c = 0; c < classes; c++) {
                    acc[c] = rng.nextInt((int) (2 * bound + 1)) - bound;
                    BigDecimal v = p[c].multiply(BigDecimal.valueOf(acc[c])).add(r[c]);
                    if (best == null || v.compareTo(best) > 0) { best = v; exact = c; }
                    long sc = Math.multiplyExact(s.multipliers()[c], acc[c]);
                    sc = Math.addExact(sc, s.offsets()[c]);
                    if (sc > bestScore) { bestScore = sc; fixed = c; }
                }
                assertEquals(exact, fixed);
            }
        }
    }
}
