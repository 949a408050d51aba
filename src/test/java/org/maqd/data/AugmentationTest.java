package org.maqd.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AugmentationTest {
    /** 2 channels of 3x4: value c*100 + i*10 + j. */
    static float[] image() {
        float[] x = new float[24];
        for (int c = 0; c < 2; c++) for (int i = 0; i < 3; i++) for (int j = 0; j < 4; j++) x[c * 12 + i * 4 + j] = c * 100 + i * 10 + j;
        return x;
    }

    @Test
    void shiftMovesPixelsAndFillsZeros() {
        float[] out = new float[24];
        Augmentation.shift(image(), 0, out, 0, 2, 3, 4, 1, -1, false);
        // row i takes source row i+1, column j takes source column j-1
        assertArrayEquals(new float[] {0, 10, 11, 12, 0, 20, 21, 22, 0, 0, 0, 0}, Arrays.copyOf(out, 12));
        assertEquals(110, out[12 + 1]);
    }

    @Test
    void mirrorReversesRows() {
        float[] out = new float[24];
        Augmentation.shift(image(), 0, out, 0, 2, 3, 4, 0, 0, true);
        assertArrayEquals(new float[] {3, 2, 1, 0, 13, 12, 11, 10, 23, 22, 21, 20}, Arrays.copyOf(out, 12));
        Augmentation.shift(image(), 0, out, 0, 2, 3, 4, 0, 0, false);
        assertArrayEquals(image(), out);
    }

    @Test
    void augmentedBatchesAreReproducibleShapePreservingAndVaried() {
        Dataset d = Datasets.embedded(200, 10).train();
        Augmentation aug = new Augmentation(3, true);
        Batcher a = Batcher.forTraining(d, 50, 11, aug), b = Batcher.forTraining(d, 50, 11, aug);
        Batcher plain = Batcher.forTraining(d, 50, 11, null);
        a.startEpoch(1);
        b.startEpoch(1);
        plain.startEpoch(1);
        Batch ba = a.next(), bb = b.next(), bp = plain.next();
        assertArrayEquals(ba.x().data, bb.x().data);
        assertArrayEquals(bp.x().shape(), ba.x().shape());
        assertArrayEquals(bp.samples(), ba.samples());
        assertFalse(Arrays.equals(bp.x().data, ba.x().data));
        int changed = 0;
        for (int i = 0; i < 50; i++) {
            float sa = 0, sp = 0;
            for (int k = 0; k < 784; k++) {
                float va = ba.x().data[i * 784 + k];
                assertTrue(va >= 0 && va <= 1);
                sa += va;
                sp += bp.x().data[i * 784 + k];
            }
            assertTrue(sa <= sp + 1e-3f, "a crop with zero padding cannot add ink");
            if (!Arrays.equals(Arrays.copyOfRange(ba.x().data, i * 784, i * 784 + 784), Arrays.copyOfRange(bp.x().data, i * 784, i * 784 + 784))) changed++;
        }
        assertTrue(changed > 35, changed + " of 50 samples changed");
        a.startEpoch(2);
        b.startEpoch(1);
        assertFalse(Arrays.equals(a.next().x().data, b.next().x().data));
    }

    @Test
    void augmentationStreamIsIndependentOfTheDataOrder() {
        Dataset d = DatasetTestImages.constant(16);
        Augmentation aug = new Augmentation(2, true);
        Batcher shuffledA = Batcher.forTraining(d, 8, 5, aug);
        Batcher sequential = new Batcher(d, 8, false, false, 5, aug);
        shuffledA.startEpoch(3);
        sequential.startEpoch(3);
        // all samples are identical, so only the augmentation draws decide the output
        assertArrayEquals(shuffledA.next().x().data, sequential.next().x().data);
        // batch 1 of epoch 3 draws from Rng.derive(seed, "augment", 3 * 1_000_003 + 1), three draws per sample
        Batch second = shuffledA.next();
        org.maqd.tensor.Rng rng = org.maqd.tensor.Rng.derive(5, "augment", 3 * 1_000_003L + 1);
        float[] expected = new float[8 * 36];
        float[] src = d.x();
        for (int i = 0; i < 8; i++) aug.apply(rng, src, second.samples()[i] * 36, expected, i * 36, 1, 6, 6);
        assertArrayEquals(expected, second.x().data);
    }

    @Test
    void fromDataSpecDefaultsAndValidation() {
        DataSpec on = new DataSpec("mnist-10k", null, null, null, true, null, null, null, null);
        DataSpec off = new DataSpec("mnist-10k", null, null, null, false, 2, true, null, null);
        assertSame(Augmentation.NONE, Augmentation.from(off, new int[] {1, 28, 28}));
        assertEquals(new Augmentation(3, false), Augmentation.from(on, new int[] {1, 28, 28}));
        assertEquals(new Augmentation(4, true), Augmentation.from(on, new int[] {3, 32, 32}));
        DataSpec custom = new DataSpec("x", null, null, null, true, 2, true, null, null);
        assertEquals(new Augmentation(2, true), Augmentation.from(custom, new int[] {1, 28, 28}));
        DataSpec tooBig = new DataSpec("x", null, null, null, true, 28, null, null, null);
        assertTrue(assertThrows(DataFormatException.class, () -> Augmentation.from(tooBig, new int[] {1, 28, 28}))
                .getMessage().contains("data.cropPadding"));
        assertTrue(assertThrows(DataFormatException.class, () -> Augmentation.from(on, new int[] {2, 1, 1}))
                .getMessage().contains("data.augment"));
        assertSame(Augmentation.NONE, Augmentation.from(null, new int[] {1, 28, 28}));
    }
}
