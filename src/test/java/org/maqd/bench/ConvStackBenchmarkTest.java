package org.maqd.bench;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConvStackBenchmarkTest {
    @Test
    void measuresAPositiveFiniteRate() {
        double s = ConvStackBenchmark.samplesPerSecond(2, 2, 0, 1);
        assertTrue(s > 0 && Double.isFinite(s), "samples/s " + s);
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> ConvStackBenchmark.samplesPerSecond(0, 1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> ConvStackBenchmark.samplesPerSecond(1, 1, -1, 1));
    }
}
