package org.maqd.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of a sweep's {@code summary.csv}: a group of completed trials (its key columns' values), its size n, and
 * mean, standard deviation and 95% confidence half-width of the test accuracy and loss, mean train accuracy,
 * optimizer steps and seconds (NaN = an empty cell). This class is the file's one reader and writer.
 */
public record SweepSummaryRow(Map<String, String> keys, int n, double testAccuracyMean, double testAccuracyStd,
                              double testAccuracyCi95, double testLossMean, double testLossStd, double testLossCi95,
                              double trainAccuracyMean, double stepsMean, double secondsMean) {
    static final List<String> COLUMNS = List.of("n", "test_accuracy_mean", "test_accuracy_std", "test_accuracy_ci95",
            "test_loss_mean", "test_loss_std", "test_loss_ci95", "train_accuracy_mean", "steps_mean", "seconds_mean");

    /** Writes {@code sweepDir/summary.csv} atomically; {@code keyColumns} first, in order. */
    public static void write(Path sweepDir, List<String> keyColumns, List<SweepSummaryRow> rows) {
        List<List<String>> cells = new ArrayList<>();
        for (SweepSummaryRow r : rows) cells.add(r.cells(keyColumns));
        new CsvTable(header(keyColumns), cells).write(sweepDir.resolve(RunFiles.SWEEP_SUMMARY));
    }

    /** The file's header for these group columns: the group columns, then {@link #COLUMNS}. */
    public static List<String> header(List<String> keyColumns) {
        List<String> header = new ArrayList<>(keyColumns);
        header.addAll(COLUMNS);
        return header;
    }

    /** This row's cells as the file writes them, in {@link #header} order. */
    public List<String> cells(List<String> keyColumns) {
        List<String> c = new ArrayList<>();
        for (String k : keyColumns) c.add(keys.getOrDefault(k, ""));
        c.add(Integer.toString(n));
        for (double v : numbers()) c.add(SweepResultRow.num(v));
        return c;
    }

    private double[] numbers() {
        return new double[] {testAccuracyMean, testAccuracyStd, testAccuracyCi95, testLossMean, testLossStd,
                testLossCi95, trainAccuracyMean, stepsMean, secondsMean};
    }

    /**
     * Reads {@code sweepDir/summary.csv} (empty when absent): the columns before {@code n} are the group columns,
     * in order, as the keys of each row.
     */
    public static List<SweepSummaryRow> read(Path sweepDir) {
        Path f = sweepDir.resolve(RunFiles.SWEEP_SUMMARY);
        CsvTable t = CsvTable.read(f);
        if (t.header().isEmpty()) return List.of();
        int n = t.column("n");
        if (n < 0 || !t.header().subList(n, t.header().size()).equals(COLUMNS)) {
            throw new RunFormatException(f + ": header: expected the group columns, then " + String.join(",", COLUMNS)
                    + "; found " + String.join(",", t.header()));
        }
        List<SweepSummaryRow> out = new ArrayList<>();
        for (int i = 0; i < t.rows().size(); i++) {
            List<String> r = t.rows().get(i);
            String where = f + ", line " + (i + 2);
            Map<String, String> keys = new LinkedHashMap<>();
            for (int k = 0; k < n; k++) keys.put(t.header().get(k), r.get(k));
            double[] v = new double[COLUMNS.size()];
            for (int c = 0; c < v.length; c++) v[c] = SweepResultRow.parse(where, COLUMNS.get(c), r.get(n + c));
            if (Double.isNaN(v[0]) || v[0] != Math.rint(v[0]) || v[0] < 0) {
                throw new RunFormatException(where + ", column n: expected a whole number of trials, found '" + r.get(n) + "'");
            }
            out.add(new SweepSummaryRow(keys, (int) v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9]));
        }
        return out;
    }
}
