package org.maqd.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FmaPeakTest {
    @Test
    void chainsComputeTheRecurrence() {
        // x ← 0.999·x + 1e-3 from x = 1e-3, in every lane of every chain, then summed over lanes and chains
        double x = 1e-3;
        for (int i = 0; i < 10; i++) x = Math.fma(0.999f, (float) x, 1e-3f);
        float expected = (float) x * FmaPeak.CHAINS * FmaPeak.S.length();
        assertEquals(expected, FmaPeak.chains(10), 1e-4f * expected);
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
