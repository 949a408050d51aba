package org.maqd.data;

import java.util.Arrays;
import org.maqd.tensor.Shapes;

/**
 * An immutable labelled data set held in memory. Samples are stored row-major, one after another, each of shape
 * {@code sampleShape} ([C, H, W] for images, [2, 1, 1] for the 2-D toy sets); image pixels are scaled to [0, 1].
 * {@code sha256} identifies the source data (see the reader that made it) for provenance; {@link #limit(int)}
 * keeps it, since the limit itself is part of the experiment's data spec.
 *
 * <p>The arrays are copied on the way in and out; code in this package reads them directly without copying.
 */
public final class Dataset {
    private final float[] x;
    private final int[] y;
    private final int classes;
    private final int[] sampleShape;
    private final int sampleSize;
    private final String name;
    private final String sha256;

    public Dataset(float[] x, int[] y, int classes, int[] sampleShape, String name, String sha256) {
        this(x.clone(), y.clone(), classes, sampleShape.clone(), name, sha256, true);
    }

    /**
     * Refuses, before allocation, a data file of {@code values} 8-bit values that cannot be held: more than one Java
     * array, or more than the free heap holds as bytes plus floats (5 bytes a value).
     */
    static void checkFits(String file, long values) {
        if (values > Gunzip.MAX_ARRAY) {
            throw new DataFormatException(file + ": the header announces " + values + " values, more than one Java array holds ("
                    + Gunzip.MAX_ARRAY + "); use trainLimit/testLimit or a smaller file");
        }
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (5 * values > free) {
            throw new DataFormatException(String.format(java.util.Locale.ROOT, "%s: the header announces %,d values "
                    + "(%.1f MB decoded, %.1f MB as floats), more than the %.1f MB the Java heap has free; give Java more "
                    + "memory (MAQD_JAVA_OPTS=-Xmx...) or use a smaller file", file, values, values / 1048576.0,
                    4 * values / 1048576.0, free / 1048576.0));
        }
    }

    /** Takes ownership of the arrays (no copy); for readers in this package that built them. */
    Dataset(float[] x, int[] y, int classes, int[] sampleShape, String name, String sha256, boolean owned) {
        if (classes < 1) throw new IllegalArgumentException(name + ": classes must be at least 1, got " + classes);
        if (sampleShape.length == 0) throw new IllegalArgumentException(name + ": sample shape is empty");
        this.sampleSize = Shapes.size(sampleShape);
        if ((long) y.length * sampleSize != x.length) {
            throw new IllegalArgumentException(name + ": " + y.length + " labels and sample shape "
                    + Arrays.toString(sampleShape) + " need " + (long) y.length * sampleSize
                    + " values, x has " + x.length);
        }
        for (int i = 0; i < y.length; i++) {
            if (y[i] < 0 || y[i] >= classes) {
                throw new IllegalArgumentException(name + ": label " + i + " is " + y[i]
                        + ", expected 0.." + (classes - 1));
            }
        }
        this.x = x;
        this.y = y;
        this.classes = classes;
        this.sampleShape = sampleShape;
        this.name = name;
        this.sha256 = sha256;
    }

    /** The first {@code n} samples (all of them when {@code n} is at least {@link #size()}). */
    public Dataset limit(int n) {
        if (n < 0) throw new IllegalArgumentException(name + ": limit must be non-negative, got " + n);
        if (n >= size()) return this;
        return new Dataset(Arrays.copyOf(x, n * sampleSize), Arrays.copyOf(y, n), classes, sampleShape, name, sha256, true);
    }

    public int size() { return y.length; }
    public int classes() { return classes; }
    public int[] sampleShape() { return sampleShape.clone(); }
    /** Values per sample (product of the sample shape). */
    public int sampleSize() { return sampleSize; }
    public String name() { return name; }
    public String sha256() { return sha256; }

    /** A copy of all sample values, row-major. */
    public float[] x() { return x.clone(); }
    /** A copy of all labels. */
    public int[] y() { return y.clone(); }

    public int label(int i) { return y[i]; }

    public float value(int sample, int offset) { return x[sample * sampleSize + offset]; }

    /** Copies sample {@code i} into {@code dst} starting at {@code dstOffset}. */
    public void copySample(int i, float[] dst, int dstOffset) {
        System.arraycopy(x, i * sampleSize, dst, dstOffset, sampleSize);
    }

    /** Number of samples per class, indexed by label. */
    public int[] classCounts() {
        int[] counts = new int[classes];
        for (int label : y) counts[label]++;
        return counts;
    }

    float[] rawX() { return x; }
    int[] rawY() { return y; }

    @Override public String toString() {
        return "Dataset[" + name + ", " + size() + " x " + Arrays.toString(sampleShape) + ", " + classes + " classes]";
    }
}
