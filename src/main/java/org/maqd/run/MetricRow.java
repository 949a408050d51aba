package org.maqd.run;

import java.util.List;

/** One row of {@code metrics.csv}: the numbers of one finished epoch. */
public record MetricRow(int epoch, long step, double trainLoss, double trainAccuracy, double testLoss,
                        double testAccuracy, double learningRate, double seconds, double samplesPerSecond) {
    /** The one reader and writer of {@code metrics.csv}. */
    public static final RowFile<MetricRow> FILE = new RowFile<>(RunFiles.METRICS, MetricRow.class, MetricRow::epoch);
    /** Columns that depend on the machine's speed, not on the numbers computed. */
    public static final List<String> TIMING_COLUMNS = List.of("seconds", "samples_per_second");
}
