package org.maqd.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.maqd.tensor.Rng;

class BatcherTest {
    /** n samples of shape [1, 2, 3]; sample i holds values i*10 + k; label i % 4. */
    static Dataset numbered(int n) {
        float[] x = new float[n * 6];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 4;
            for (int k = 0; k < 6; k++) x[i * 6 + k] = i * 10 + k;
        }
        return new Dataset(x, y, 4, new int[] {1, 2, 3}, "numbered", "h");
    }

    private static List<int[]> epoch(Batcher b, int epoch) {
        List<int[]> out = new ArrayList<>();
        b.startEpoch(epoch);
        while (b.hasNext()) out.add(b.next().samples().clone());
        return out;
    }

    @Test
    void everySampleOncePerEpochWithPartialLastBatchKept() {
        Dataset d = numbered(23);
        Batcher b = Batcher.forTraining(d, 5, 42, null);
        assertEquals(5, b.batchesPerEpoch());
        for (int e = 0; e < 3; e++) {
            b.startEpoch(e);
            int[] seen = new int[23];
            int batches = 0;
            while (b.hasNext()) {
                Batch batch = b.next();
                assertEquals(batches, batch.index());
                assertEquals(e, batch.epoch());
                assertEquals(batches < 4 ? 5 : 3, batch.size());
                assertArrayEquals(new int[] {batch.size(), 1, 2, 3}, batch.x().shape());
                for (int i = 0; i < batch.size(); i++) {
                    int s = batch.samples()[i];
                    seen[s]++;
                    assertEquals(d.label(s), batch.labels()[i]);
                    for (int k = 0; k < 6; k++) assertEquals(s * 10 + k, batch.x().data[i * 6 + k]);
                }
                batches++;
            }
            assertEquals(5, batches);
            for (int c : seen) assertEquals(1, c);
        }
    }

    @Test
    void dropLastSkipsThePartialBatch() {
        Batcher b = new Batcher(numbered(23), 5, true, true, 42, null);
        assertEquals(4, b.batchesPerEpoch());
        assertEquals(20, b.samplesPerEpoch());
        List<int[]> batches = epoch(b, 0);
        assertEquals(4, batches.size());
        for (int[] s : batches) assertEquals(5, s.length);
    }

    @Test
    void shuffleIsReproducibleDiffersAcrossEpochsAndFollowsTheDataOrderStream() {
        Batcher a = Batcher.forTraining(numbered(50), 8, 7, null), b = Batcher.forTraining(numbered(50), 8, 7, null);
        String e0 = flatten(epoch(a, 0)), e1 = flatten(epoch(a, 1));
        assertEquals(e0, flatten(epoch(b, 0)));
        assertEquals(e1, flatten(epoch(b, 1)));
        assertNotEquals(e0, e1);
        assertNotEquals(e0, flatten(epoch(Batcher.forTraining(numbered(50), 8, 8, null), 0)));
        int[] expected = new int[50];
        for (int i = 0; i < 50; i++) expected[i] = i;
        Rng.derive(7, "data-order", 1).shuffle(expected);
        assertArrayEquals(expected, EpochOrder.of(50, 7, 1, true));
        assertEquals(Arrays.toString(expected).replaceAll("[\\[\\] ]", ""), e1);
    }

    private static String flatten(List<int[]> batches) {
        StringBuilder sb = new StringBuilder();
        for (int[] s : batches) for (int v : s) sb.append(sb.length() == 0 ? "" : ",").append(v);
        return sb.toString();
    }

    @Test
    void evaluationOrderIsSequential() {
        List<int[]> batches = epoch(Batcher.forEvaluation(numbered(7), 3), 0);
        assertArrayEquals(new int[] {0, 1, 2}, batches.get(0));
        assertArrayEquals(new int[] {6}, batches.get(2));
    }

    @Test
    void resumingMidEpochGivesTheSameBatches() {
        Augmentation aug = new Augmentation(1, true);
        Dataset d = numbered(40);
        Batcher full = Batcher.forTraining(d, 6, 3, aug), resumed = Batcher.forTraining(d, 6, 3, aug);
        full.startEpoch(2);
        List<float[]> xs = new ArrayList<>();
        while (full.hasNext()) xs.add(full.next().x().data.clone());
        resumed.startEpoch(2, 4);
        for (int i = 4; i < xs.size(); i++) assertArrayEquals(xs.get(i), resumed.next().x().data.clone(), "batch " + i);
        assertFalse(resumed.hasNext());
    }

    @Test
    void buffersAreReusedAndSteadyStateDoesNotAllocate() {
        Batcher b = Batcher.forTraining(numbered(1000), 64, 1, null);
        b.startEpoch(0);
        assertSame(b.next(), b.next());
        long plain = allocatedPerEpoch(b, 20);
        assertTrue(plain < 64, "allocated " + plain + " bytes per epoch of 16 batches");
    }

    @Test
    void augmentedBatchesAllocateOnlyTheirRandomStream() {
        Batcher b = Batcher.forTraining(numbered(1000), 64, 1, new Augmentation(1, true));
        long perEpoch = allocatedPerEpoch(b, 20);
        // one Rng (24 bytes) per batch from Rng.derive; a batch buffer alone would be 64 * 6 * 4 bytes
        assertTrue(perEpoch < 16 * 48, "allocated " + perEpoch + " bytes per epoch of 16 batches");
    }

    /** Bytes allocated by this thread per epoch, measured after warm-up epochs. */
    private static long allocatedPerEpoch(Batcher b, int epochs) {
        for (int e = 0; e < 30; e++) { // warm up: compile the hot path
            b.startEpoch(e);
            while (b.hasNext()) b.next();
        }
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(tid);
        for (int e = 30; e < 30 + epochs; e++) {
            b.startEpoch(e);
            while (b.hasNext()) b.next();
        }
        return (mx.getThreadAllocatedBytes(tid) - before) / epochs;
    }

    @Test
    void misuseIsRejected() {
        Batcher b = Batcher.forTraining(numbered(10), 4, 1, null);
        assertThrows(IllegalStateException.class, b::next);
        b.startEpoch(0);
        while (b.hasNext()) b.next();
        assertThrows(IllegalStateException.class, b::next);
        assertThrows(IllegalArgumentException.class, () -> b.startEpoch(0, 4));
        assertThrows(IllegalArgumentException.class, () -> Batcher.forTraining(numbered(10), 0, 1, null));
        assertThrows(IllegalArgumentException.class,
                () -> Batcher.forTraining(ToyDatasets.xor(20, 0, 1).train(), 4, 1, new Augmentation(0, false)).startEpoch(-1));
    }

    @Test
    void batchesOfTheEmbeddedSetHaveImageShape() {
        Dataset mnist = Datasets.embedded(300, 10).train();
        Batcher b = Batcher.forTraining(mnist, 128, 5, new Augmentation(3, false));
        b.startEpoch(0);
        Batch batch = b.next();
        assertArrayEquals(new int[] {128, 1, 28, 28}, batch.x().shape());
        assertTrue(b.hasNext());
        b.next();
        Batch last = b.next();
        assertArrayEquals(new int[] {44, 1, 28, 28}, last.x().shape());
        assertEquals(44, last.labels().length);
    }
}
