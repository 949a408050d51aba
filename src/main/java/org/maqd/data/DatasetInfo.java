package org.maqd.data;

import java.util.Arrays;
import java.util.Locale;

/**
 * A summary of a data split for display ({@code maqd inspect DATA_DIR}) and provenance: sample counts, classes,
 * sample shape, per-class counts, value range and mean, and hashes.
 */
public record DatasetInfo(
        String name,
        int trainSamples,
        int testSamples,
        int classes,
        int[] sampleShape,
        int[] trainPerClass,
        int[] testPerClass,
        float min,
        float max,
        double trainMean,
        String trainSha256,
        String testSha256,
        String sha256) {

    public static DatasetInfo of(DataSplit split) {
        Dataset train = split.train(), test = split.test();
        float[] x = train.rawX();
        float min = Float.POSITIVE_INFINITY, max = Float.NEGATIVE_INFINITY;
        double sum = 0;
        for (float v : x) {
            if (v < min) min = v;
            if (v > max) max = v;
            sum += v;
        }
        for (float v : test.rawX()) {
            if (v < min) min = v;
            if (v > max) max = v;
        }
        String name = train.name().endsWith(":train") ? train.name().substring(0, train.name().length() - 6) : train.name();
        return new DatasetInfo(name, train.size(), test.size(), split.classes(), split.sampleShape(),
                train.classCounts(), test.classCounts(), min, max, x.length == 0 ? 0 : sum / x.length,
                train.sha256(), test.sha256(), split.sha256());
    }

    /** Reads a data folder (format detected from its files) and summarises it. */
    public static DatasetInfo ofFolder(java.nio.file.Path folder) {
        return of(Datasets.readFolder(folder, null, 0, 0));
    }

    /** A few lines of plain text. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append("data set      ").append(name).append('\n');
        sb.append("samples       ").append(trainSamples).append(" train, ").append(testSamples).append(" test\n");
        sb.append("sample shape  ").append(Arrays.toString(sampleShape)).append('\n');
        sb.append("classes       ").append(classes).append('\n');
        sb.append(String.format(Locale.ROOT, "values        %.4f .. %.4f, train mean %.4f%n", min, max, trainMean));
        sb.append("class   train    test\n");
        for (int c = 0; c < classes; c++) {
            sb.append(String.format(Locale.ROOT, "%5d %7d %7d%n", c, trainPerClass[c], testPerClass[c]));
        }
        sb.append("sha256 train  ").append(trainSha256).append('\n');
        sb.append("sha256 test   ").append(testSha256).append('\n');
        sb.append("sha256 split  ").append(sha256).append('\n');
        return sb.toString();
    }

    @Override public boolean equals(Object o) {
        return o instanceof DatasetInfo d && name.equals(d.name) && trainSamples == d.trainSamples
                && testSamples == d.testSamples && classes == d.classes && Arrays.equals(sampleShape, d.sampleShape)
                && Arrays.equals(trainPerClass, d.trainPerClass) && Arrays.equals(testPerClass, d.testPerClass)
                && sha256.equals(d.sha256);
    }

    @Override public int hashCode() { return sha256.hashCode(); }

    @Override public String toString() {
        return "DatasetInfo[" + name + ", " + trainSamples + "/" + testSamples + ", " + classes + " classes, "
                + Arrays.toString(sampleShape) + ", sha256 " + sha256 + "]";
    }
}
