package org.maqd.model;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The training memory estimate refuses networks that cannot fit before anything is allocated. */
class MemoryEstimateTest {
    static final long GB = 1L << 30;

    static NetworkSpec mlp(int... hidden) {
        List<LayerSpec> layers = new ArrayList<>();
        layers.add(LayerSpec.of("flatten"));
        for (int h : hidden) layers.add(LayerSpec.linear(h));
        layers.add(LayerSpec.output(10));
        return NetworkResolver.resolve(new NetworkSpec(List.of(1, 28, 28), null, layers));
    }

    @Test
    void sizesAreWrittenOneWayTheCompactFormDropsDecimalsOnly() {
        assertEquals("512 B", MemoryEstimate.human(512));
        assertEquals("18.0 kB", MemoryEstimate.human(18_432));
        assertEquals("18 kB", MemoryEstimate.human(18_432, true));
        assertEquals("197.3 kB", MemoryEstimate.human(202_000));
        assertEquals("197 kB", MemoryEstimate.human(202_000, true));
        assertEquals("2.5 MB", MemoryEstimate.human(2_621_440, true));
        assertEquals("1.0 GB", MemoryEstimate.human(1L << 30));
    }

    @Test
    void aLayerAMillionWideIsRefusedNamingItAndTheEstimate() {
        SpecException e = assertThrows(SpecException.class, () -> MemoryEstimate.check(mlp(1_000_000), 64, 1, 2 * GB));
        String m = e.getMessage();
        assertTrue(m.startsWith("network.layers[1] (linear): "), m);
        assertTrue(m.contains("786,000,000 parameters"), m);
        assertTrue(m.contains("GB of memory") && m.contains("batch size 64") && m.contains("2.0 GB"), m);
        assertEquals(1, m.lines().count(), m);
    }

    @Test
    void twoHundredLayersOf4096AreRefusedNamingTheLargestLayer() {
        int[] hidden = new int[200];
        java.util.Arrays.fill(hidden, 4096);
        MemoryEstimate.Estimate est = MemoryEstimate.of(mlp(hidden), 64, 1);
        assertTrue(est.bytes() > 200L * 4096 * 4096 * 4, "at least the weights: " + est.bytes());
        SpecException e = assertThrows(SpecException.class, () -> MemoryEstimate.check(mlp(hidden), 64, 1, 8 * GB));
        assertTrue(e.getMessage().startsWith("network.layers[2] (linear): the network needs at least about "), e.getMessage());
    }

    @Test
    void aLayerBeyondOneJavaArrayIsRefusedWhateverTheHeap() {
        SpecException e = assertThrows(SpecException.class, () -> MemoryEstimate.check(mlp(3_000_000), 1, 1, Long.MAX_VALUE));
        assertTrue(e.getMessage().contains("more than one Java array can hold"), e.getMessage());
    }

    @Test
    void theQuickstartNetworkFitsAndCopiesAndBatchScaleTheEstimate() {
        assertDoesNotThrow(() -> MemoryEstimate.check(mlp(256, 256), 64, 2, GB / 4));
        MemoryEstimate.Estimate one = MemoryEstimate.of(mlp(256, 256), 64, 1);
        assertEquals(2 * one.bytes(), MemoryEstimate.of(mlp(256, 256), 64, 2).bytes());
        assertTrue(MemoryEstimate.of(mlp(256, 256), 128, 1).bytes() > one.bytes());
        assertEquals("network.layers[1]", one.largest().where());
    }
}
