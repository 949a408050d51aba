package org.maqd.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FmaPeakTest {
    @Test
    void chainsComputeTheRecurrence() {
        // x ← A·B + x from x = START, in every lane of every chain, then summed over lanes and chains
        float x = FmaPeak.START;
        for (int i = 0; i < 10; i++) x = Math.fma(FmaPeak.A, FmaPeak.B, x);
        float expected = x * FmaPeak.CHAINS * FmaPeak.S.length();
        assertEquals(expected, FmaPeak.chains(10), 1e-4f * expected);
        assertTrue(Float.isFinite(FmaPeak.chains(1_000_000)), "the chains stay finite however long they run");
    }

    @Test
    void measuresAPositiveFiniteRate() {
        double g = FmaPeak.gflops(2, 1, 1);
        assertTrue(g > 0 && Double.isFinite(g), "gflops " + g);
    }

    @Test
    void quantileIndexIsTheNinetiethPercentileOfSortedRates() {
        assertEquals(0, FmaPeak.quantileIndex(1));
        assertEquals(9, FmaPeak.quantileIndex(11));
        assertEquals(89, FmaPeak.quantileIndex(100));
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> FmaPeak.gflops(0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> FmaPeak.gflops(1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> FmaPeak.gflops(1, 1, 0));
    }
}
