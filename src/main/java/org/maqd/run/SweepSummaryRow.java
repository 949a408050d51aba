package org.maqd.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One row of a sweep's {@code summary.csv}: a group of completed trials (its key columns' values), its size n, and
 * mean, standard deviation and 95% confidence half-width of the test accuracy and loss, mean train accuracy,
 * optimizer steps and seconds (NaN = an empty cell). This class is the file's one writer; reports read it through {@link CsvTable}.
 */
public record SweepSummaryRow(Map<String, String> keys, int n, double testAccuracyMean, double testAccuracyStd,
                              double testAccuracyCi95, double testLossMean, double testLossStd, double testLossCi95,
                              double trainAccuracyMean, double stepsMean, double secondsMean) {
    static final List<String> COLUMNS = List.of("n", "test_accuracy_mean", "test_accuracy_std", "test_accuracy_ci95",
            "test_loss_mean", "test_loss_std", "test_loss_ci95", "train_accuracy_mean", "steps_mean", "seconds_mean");

    /** Writes {@code sweepDir/summary.csv} atomically; {@code keyColumns} first, in order. */
    public static void write(Path sweepDir, List<String> keyColumns, List<SweepSummaryRow> rows) {
        List<String> header = new ArrayList<>(keyColumns);
        header.addAll(COLUMNS);
        List<List<String>> cells = new ArrayList<>();
        for (SweepSummaryRow r : rows) {
            List<String> c = new ArrayList<>();
            for (String k : keyColumns) c.add(r.keys().getOrDefault(k, ""));
            c.add(Integer.toString(r.n()));
            for (double v : new double[] {r.testAccuracyMean(), r.testAccuracyStd(), r.testAccuracyCi95(), r.testLossMean(),
                    r.testLossStd(), r.testLossCi95(), r.trainAccuracyMean(), r.stepsMean(), r.secondsMean()}) c.add(SweepResultRow.num(v));
            cells.add(c);
        }
        new CsvTable(header, cells).write(sweepDir.resolve(RunFiles.SWEEP_SUMMARY));
    }
}
