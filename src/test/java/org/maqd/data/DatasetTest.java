package org.maqd.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DatasetTest {
    static Dataset small() {
        float[] x = new float[5 * 4];
        for (int i = 0; i < x.length; i++) x[i] = i;
        return new Dataset(x, new int[] {0, 1, 2, 1, 0}, 3, new int[] {1, 2, 2}, "small", "abc");
    }

    @Test
    void isImmutableFromOutside() {
        float[] x = new float[4];
        int[] y = {1};
        int[] shape = {1, 2, 2};
        Dataset d = new Dataset(x, y, 2, shape, "d", "h");
        x[0] = 9;
        y[0] = 0;
        shape[0] = 5;
        d.x()[1] = 9;
        d.sampleShape()[1] = 9;
        assertEquals(0f, d.value(0, 0));
        assertEquals(0f, d.value(0, 1));
        assertEquals(1, d.label(0));
        assertArrayEquals(new int[] {1, 2, 2}, d.sampleShape());
    }

    @Test
    void limitKeepsFirstSamplesAndProvenance() {
        Dataset d = small().limit(2);
        assertEquals(2, d.size());
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5, 6, 7}, d.x());
        assertArrayEquals(new int[] {0, 1}, d.y());
        assertEquals("abc", d.sha256());
        assertEquals(5, small().limit(9).size());
        assertEquals(0, small().limit(0).size());
        assertThrows(IllegalArgumentException.class, () -> small().limit(-1));
    }

    @Test
    void classCountsAndCopySample() {
        Dataset d = small();
        assertArrayEquals(new int[] {2, 2, 1}, d.classCounts());
        float[] dst = new float[6];
        d.copySample(3, dst, 1);
        assertArrayEquals(new float[] {0, 12, 13, 14, 15, 0}, dst);
        assertEquals(4, d.sampleSize());
    }

    @Test
    void inconsistentConstructionIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Dataset(new float[7], new int[2], 2, new int[] {1, 2, 2}, "d", "h"));
        assertThrows(IllegalArgumentException.class, () -> new Dataset(new float[4], new int[] {2}, 2, new int[] {1, 2, 2}, "d", "h"));
        assertThrows(IllegalArgumentException.class, () -> new Dataset(new float[4], new int[] {0}, 0, new int[] {1, 2, 2}, "d", "h"));
    }

    @Test
    void splitRequiresMatchingShapesAndClasses() {
        Dataset a = small();
        Dataset b = new Dataset(new float[3], new int[] {0}, 3, new int[] {3, 1, 1}, "b", "h");
        DataFormatException e = assertThrows(DataFormatException.class, () -> new DataSplit(a, b));
        assertEquals(true, e.getMessage().contains("[1, 2, 2]") && e.getMessage().contains("[3, 1, 1]"));
        Dataset c = new Dataset(new float[4], new int[] {0}, 4, new int[] {1, 2, 2}, "c", "h");
        assertThrows(DataFormatException.class, () -> new DataSplit(a, c));
    }
}
