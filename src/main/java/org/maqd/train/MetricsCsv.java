package org.maqd.train;

import java.nio.file.Path;
import java.util.List;
import org.maqd.run.MetricRow;

/**
 * Appends one {@link MetricRow} per finished epoch to the run's {@code metrics.csv}, so a killed run keeps every
 * finished epoch. On start (and resume) the rows after the checkpoint's epoch are dropped, atomically.
 */
public final class MetricsCsv implements TrainingListener {
    private final Path runDir;

    public MetricsCsv(Path runDir) { this.runDir = runDir; }

    @Override
    public void onStart(RunInfo info) {
        MetricRow.FILE.truncateAfterEpoch(runDir, info.startEpoch());
    }

    @Override
    public void onEpoch(EpochMetrics m) {
        MetricRow.FILE.append(runDir, List.of(row(m)));
    }

    public static MetricRow row(EpochMetrics m) {
        return new MetricRow(m.epoch(), m.step(), m.trainLoss(), m.trainAccuracy(), m.testLoss(), m.testAccuracy(),
                m.learningRate(), m.seconds(), m.samplesPerSecond());
    }
}
