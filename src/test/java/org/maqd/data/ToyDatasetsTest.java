package org.maqd.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ToyDatasetsTest {
    static final String[] NAMES = {"spirals", "spirals-5", "blobs", "blobs-3", "xor", "circles"};

    @Test
    void sameSeedGivesIdenticalSets() {
        for (String n : NAMES) {
            DataSplit a = ToyDatasets.generate(n, 300, -1, 7), b = ToyDatasets.generate(n, 300, -1, 7);
            assertArrayEquals(a.train().x(), b.train().x(), n);
            assertArrayEquals(a.test().y(), b.test().y(), n);
            assertEquals(a.sha256(), b.sha256(), n);
        }
    }

    @Test
    void differentSeedsGiveDifferentSets() {
        for (String n : NAMES) {
            DataSplit a = ToyDatasets.generate(n, 300, -1, 7), b = ToyDatasets.generate(n, 300, -1, 8);
            assertFalse(java.util.Arrays.equals(a.train().x(), b.train().x()), n);
            assertNotEquals(a.sha256(), b.sha256(), n);
        }
    }

    @Test
    void shapesSplitSizesAndBalancedClasses() {
        DataSplit s = ToyDatasets.generate("spirals-5", 1000, -1, 1);
        assertArrayEquals(new int[] {2, 1, 1}, s.sampleShape());
        assertEquals(5, s.classes());
        assertEquals(800, s.train().size());
        assertEquals(200, s.test().size());
        int[] train = s.train().classCounts(), test = s.test().classCounts();
        for (int c = 0; c < 5; c++) {
            assertEquals(200, train[c] + test[c]);
            assertTrue(train[c] > 120 && train[c] < 190, "class " + c + " has " + train[c]);
        }
        assertEquals(3, ToyDatasets.generate("spirals", 90, -1, 1).classes());
        assertEquals(4, ToyDatasets.generate("blobs", 90, -1, 1).classes());
        assertEquals(ToyDatasets.DEFAULT_SAMPLES * 4 / 5, ToyDatasets.generate("xor", 0, -1, 1).train().size());
    }

    @Test
    void trainAndTestAreDisjoint() {
        DataSplit s = ToyDatasets.generate("circles", 500, 0.1, 3);
        Set<Long> seen = new HashSet<>();
        float[] tr = s.train().x(), te = s.test().x();
        for (int i = 0; i < tr.length; i += 2) seen.add(key(tr[i], tr[i + 1]));
        for (int i = 0; i < te.length; i += 2) assertFalse(seen.contains(key(te[i], te[i + 1])));
        assertEquals(400, seen.size());
    }

    private static long key(float a, float b) {
        return ((long) Float.floatToIntBits(a) << 32) | (Float.floatToIntBits(b) & 0xffffffffL);
    }

    @Test
    void noiselessGeometryMatchesTheDefinitions() {
        DataSplit xor = ToyDatasets.xor(400, 0, 5);
        for (Dataset d : new Dataset[] {xor.train(), xor.test()}) {
            for (int i = 0; i < d.size(); i++) {
                float u = d.value(i, 0), v = d.value(i, 1);
                assertEquals(d.label(i) == 0, u * v > 0, "point " + i);
                assertTrue(Math.abs(u) <= 1 && Math.abs(v) <= 1);
            }
        }
        DataSplit circles = ToyDatasets.circles(200, 0, 5);
        Dataset d = circles.train();
        for (int i = 0; i < d.size(); i++) {
            double r = Math.hypot(d.value(i, 0), d.value(i, 1));
            assertEquals(d.label(i) == 0 ? 0.5 : 1.0, r, 1e-5);
        }
        DataSplit blobs = ToyDatasets.blobs(4, 100, 0, 5);
        for (int i = 0; i < blobs.train().size(); i++) {
            double a = 2 * Math.PI * blobs.train().label(i) / 4;
            assertEquals(0.7 * Math.cos(a), blobs.train().value(i, 0), 1e-6);
            assertEquals(0.7 * Math.sin(a), blobs.train().value(i, 1), 1e-6);
        }
        DataSplit spirals = ToyDatasets.spirals(3, 300, 0, 5);
        for (int i = 0; i < spirals.train().size(); i++) {
            double r = Math.hypot(spirals.train().value(i, 0), spirals.train().value(i, 1));
            assertTrue(r >= 0.05 - 1e-6 && r <= 1 + 1e-6, "radius " + r);
        }
    }

    @Test
    void noiseSpreadsPoints() {
        DataSplit quiet = ToyDatasets.blobs(2, 400, 0.01, 5), loud = ToyDatasets.blobs(2, 400, 0.3, 5);
        assertTrue(spread(loud.train()) > 10 * spread(quiet.train()));
    }

    private static double spread(Dataset d) {
        double s = 0;
        for (int i = 0; i < d.size(); i++) {
            double a = 2 * Math.PI * d.label(i) / 2;
            s += Math.hypot(d.value(i, 0) - 0.7 * Math.cos(a), d.value(i, 1) - 0.7 * Math.sin(a));
        }
        return s / d.size();
    }

    @Test
    void namesAreRecognised() {
        assertTrue(ToyDatasets.isToyName("Spirals-7"));
        assertTrue(ToyDatasets.isToyName("circles"));
        assertFalse(ToyDatasets.isToyName("mnist-10k"));
        assertFalse(ToyDatasets.isToyName("./spirals-data"));
        assertFalse(ToyDatasets.isToyName("blobs-data"));
        assertTrue(ToyDatasets.isToyName("xor-3"));
        assertEquals("spirals-7:train", ToyDatasets.generate("Spirals-7", 70, -1, 0).train().name());
    }
}
