package org.maqd.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RoundClipTest {
    @Test
    void roundsHalfToEven() {
        assertEquals(0, RoundClip.codeOfScaled(0.5, -10, 10));
        assertEquals(2, RoundClip.codeOfScaled(1.5, -10, 10));
        assertEquals(2, RoundClip.codeOfScaled(2.5, -10, 10));
        assertEquals(-2, RoundClip.codeOfScaled(-2.5, -10, 10));
        assertEquals(-2, RoundClip.codeOfScaled(-1.5, -10, 10));
        assertEquals(0, RoundClip.codeOfScaled(-0.5, -10, 10));
        assertEquals(3, RoundClip.codeOfScaled(2.5000001, -10, 10));
        assertEquals(2, RoundClip.codeOfScaled(2.5f, -10, 10));
        assertEquals(4, RoundClip.codeOfScaled(3.5f, -10, 10));
    }

    @Test
    void clipsToIntegerBounds() {
        assertEquals(3, RoundClip.codeOfScaled(7.2, 0, 3));
        assertEquals(0, RoundClip.codeOfScaled(-7.2, 0, 3));
        assertEquals(3, RoundClip.codeOfScaled(Double.POSITIVE_INFINITY, 0, 3));
        assertEquals(0, RoundClip.codeOfScaled(Double.NEGATIVE_INFINITY, 0, 3));
        assertEquals(-1, RoundClip.codeOfScaled(-1e30f, -1, 1));
        assertEquals(1, RoundClip.codeOfScaled(1e30f, -1, 1));
    }

    @Test
    void valueIsStepTimesCode() {
        // Q(1.3; 0.5, 0, 3) = 0.5·clip(rint(2.6), 0, 3) = 1.5
        assertEquals(3, RoundClip.code(1.3, 0.5, 0, 3));
        assertEquals(1.5, RoundClip.value(1.3, 0.5, 0, 3), 0);
        // Q(0.74; 0.5, 0, 3): 1.48 -> 1
        assertEquals(0.5, RoundClip.value(0.74, 0.5, 0, 3), 0);
        // Q(-0.9; 0.3, -1, 1): -3 clipped to -1
        assertEquals(-0.3, RoundClip.value(-0.9, 0.3, -1, 1), 1e-15);
        // 0.75/0.5 = 1.5 is a tie: rounds to 2
        assertEquals(1.0, RoundClip.value(0.75, 0.5, 0, 3), 0);
    }

    @Test
    void rejectsNaNAndBadSteps() {
        assertThrows(IllegalArgumentException.class, () -> RoundClip.codeOfScaled(Double.NaN, 0, 3));
        assertThrows(IllegalArgumentException.class, () -> RoundClip.checkStep(0, "step"));
        assertThrows(IllegalArgumentException.class, () -> RoundClip.checkStep(-1, "step"));
        assertThrows(IllegalArgumentException.class, () -> RoundClip.checkStep(Double.NaN, "step"));
        assertThrows(IllegalArgumentException.class, () -> RoundClip.checkStep(Double.POSITIVE_INFINITY, "step"));
        RoundClip.checkStep(0.1, "step");
    }
}
