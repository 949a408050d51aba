package org.maqd.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class CoreRoundTripTest {
    @Test
    void measuresAPositiveRoundTripBetweenTwoThreads() {
        Assumptions.assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "one CPU: not measurable");
        double ns = CoreRoundTrip.nanos(2_000);
        assertTrue(ns > 0 && ns < CoreRoundTrip.MAX_NANOS, "round trip " + ns + " ns");
    }

    @Test
    void stopsAtItsTimeLimitWhateverTheTripsAsked() {
        Assumptions.assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "one CPU: not measurable");
        long t0 = System.nanoTime();
        double ns = CoreRoundTrip.nanos(CoreRoundTrip.MAX_TRIPS);   // 2 million exchanges: longer than the limit
        long took = System.nanoTime() - t0;
        assertTrue(took < CoreRoundTrip.MAX_NANOS + 1_000_000_000L, "took " + took / 1e6 + " ms");
        assertTrue(ns > 0, "median of the exchanges done: " + ns);
    }

    @Test
    void callsCoresApartAboveItsThresholdOnly() {
        assertTrue(CoreRoundTrip.apart(CoreRoundTrip.APART_NANOS + 1));
        assertFalse(CoreRoundTrip.apart(CoreRoundTrip.APART_NANOS));
        assertFalse(CoreRoundTrip.apart(100));
        assertFalse(CoreRoundTrip.apart(Double.NaN), "not measured is not apart");
    }

    @Test
    void rejectsTripCountsOutsideItsRange() {
        assertThrows(IllegalArgumentException.class, () -> CoreRoundTrip.nanos(0));
        assertThrows(IllegalArgumentException.class, () -> CoreRoundTrip.nanos(CoreRoundTrip.MAX_TRIPS + 1));
    }
}
