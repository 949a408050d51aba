package org.maqd.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The embedded MNIST-10k, read from the classpath. Expected hashes computed with zcat | sha256sum. */
class EmbeddedMnistTest {
    static final String TRAIN_SHA = "5cfe343f38d26997a6bc63d8479e2996faa97f86a9b714c5fc9ec99efa359918";
    static final String TEST_SHA = "54a8c74621406edc34ac60f6c5baec31aa315d7f3b761a68cc8c558e3768fc1e";
    static final String SPLIT_SHA = "c0ac0f887fd63929a40c89dc6fa69ae63ee002fed4920d1cd86c60e59e69a466";
    static DataSplit mnist;

    @BeforeAll
    static void load() {
        mnist = Datasets.load(null, null);
    }

    @Test
    void hasTheDocumentedSizesClassesAndShape() {
        assertEquals(7996, mnist.train().size());
        assertEquals(2004, mnist.test().size());
        assertEquals(10, mnist.classes());
        assertArrayEquals(new int[] {1, 28, 28}, mnist.sampleShape());
        assertEquals("mnist-10k:train", mnist.train().name());
    }

    @Test
    void pixelsAreScaledToUnitRange() {
        float min = Float.MAX_VALUE, max = -Float.MAX_VALUE;
        double sum = 0;
        float[] x = mnist.train().x();
        for (float v : x) {
            min = Math.min(min, v);
            max = Math.max(max, v);
            sum += v;
        }
        assertEquals(0f, min);
        assertEquals(1f, max);
        assertEquals(0.13088, sum / x.length, 1e-4);
    }

    @Test
    void hashesAreStable() {
        assertEquals(TRAIN_SHA, mnist.train().sha256());
        assertEquals(TEST_SHA, mnist.test().sha256());
        assertEquals(SPLIT_SHA, mnist.sha256());
    }

    @Test
    void perClassCountsMatchTheLabelFiles() {
        assertArrayEquals(new int[] {800, 901, 792, 825, 784, 690, 811, 856, 755, 782}, mnist.train().classCounts());
        assertArrayEquals(new int[] {201, 226, 199, 207, 196, 173, 203, 214, 189, 196}, mnist.test().classCounts());
    }

    @Test
    void nameAndFormatIdxSelectTheEmbeddedSetWithLimits() {
        DataSplit s = Datasets.load(new DataSpec("mnist-10k", "idx", 100, 50, null, null, null, null, null), Path.of("nowhere"));
        assertEquals(100, s.train().size());
        assertEquals(50, s.test().size());
        assertEquals(TRAIN_SHA, s.train().sha256());
        float[] first = new float[784];
        mnist.train().copySample(99, first, 0);
        float[] cut = new float[784];
        s.train().copySample(99, cut, 0);
        assertArrayEquals(first, cut);
        assertEquals(mnist.train().label(99), s.train().label(99));
    }

    @Test
    void zeroLimitsKeepEverything() {
        DataSplit s = Datasets.embedded(0, 0);
        assertEquals(7996, s.train().size());
        assertSame(s.train(), s.train().limit(10_000));
    }

    @Test
    void summaryDescribesTheSet() {
        DatasetInfo info = DatasetInfo.of(mnist);
        assertEquals("mnist-10k", info.name());
        assertEquals(7996, info.trainSamples());
        assertEquals(2004, info.testSamples());
        assertEquals(800, info.trainPerClass()[0]);
        assertEquals(1f, info.max());
        String text = info.describe();
        assertTrue(text.contains("7996 train, 2004 test"), text);
        assertTrue(text.contains("[1, 28, 28]"), text);
        assertTrue(text.contains(SPLIT_SHA), text);
        assertTrue(text.contains("    1     901     226"), text);
    }
}
