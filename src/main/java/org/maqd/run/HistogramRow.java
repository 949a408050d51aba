package org.maqd.run;

/**
 * One row of {@code histograms.csv}: the histogram of one layer's latent weights ({@code kind} "weight") or
 * activations ("activation") at one probe point, {@code counts} over equal bins from {@code min} to {@code max}.
 */
public record HistogramRow(int epoch, long step, int layer, String kind, double min, double max, long[] counts) {
    /** The one reader and writer of {@code histograms.csv}. */
    public static final RowFile<HistogramRow> FILE = new RowFile<>(RunFiles.HISTOGRAMS, HistogramRow.class, HistogramRow::epoch);

    /** True for a latent-weight histogram. */
    public boolean ofWeights() { return "weight".equals(kind); }
}
