package org.maqd.run;

import java.util.List;

/**
 * One row of {@code ptq.csv}: one post-training quantization evaluation of the run's float model (activation
 * calibration method, states, weight calibration, test accuracy and loss, the float model's test accuracy).
 */
public record PtqRow(String method, int states, String weightCalibration, boolean perChannel, double testAccuracy,
                     double testLoss, double floatTestAccuracy, double seconds, double samplesPerSecond) {
    /** The one reader and writer of {@code ptq.csv}. */
    public static final RowFile<PtqRow> FILE = new RowFile<>(RunFiles.PTQ, PtqRow.class, null);
    public static final List<String> TIMING_COLUMNS = MetricRow.TIMING_COLUMNS;
}
