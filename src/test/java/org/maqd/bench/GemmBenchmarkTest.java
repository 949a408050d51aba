package org.maqd.bench;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GemmBenchmarkTest {
    @Test
    void measuresAPositiveFiniteRate() {
        double g = GemmBenchmark.gflops(33, 40, 70, 2, 0, 3);
        assertTrue(g > 0 && Double.isFinite(g), "gflops " + g);
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> GemmBenchmark.gflops(0, 1, 1, 1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> GemmBenchmark.gflops(1, 1, 1, 0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> GemmBenchmark.gflops(1, 1, 1, 1, 0, 0));
    }
}
