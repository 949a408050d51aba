package org.maqd.sweep;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.maqd.data.Batcher;
import org.maqd.run.MetricRow;
import org.maqd.run.RunFiles;
import org.maqd.run.RunFormatException;
import org.maqd.run.Summary;

/**
 * What a trial's run folder says about it: {@code pending} (no folder), {@code interrupted} (a folder without a
 * finished summary), or the summary's status (completed, diverged, stopped, failed). A completed trial is finished
 * when its model is there too; a diverged trial is finished (divergence is a result, and it would diverge again).
 * An unreadable summary counts as interrupted: the rerun resumes the trial and rewrites it.
 */
public final class TrialFolder {
    /**
     * Final numbers of a trial (NaN when unknown); steps = optimizer steps taken (epochs × batches per epoch);
     * warmupSeconds = the JIT warm-up before the clock started (NaN for summaries that predate it).
     */
    public record Numbers(String status, double testAccuracy, double testLoss, double trainAccuracy, int epochs,
                          double seconds, double samplesPerSecond, double steps, double warmupSeconds) {}

    private TrialFolder() {}

    public static String status(Path dir) {
        return status(dir, summary(dir));
    }

    private static String status(Path dir, Summary s) {
        if (!Files.isDirectory(dir)) return "pending";
        return s == null || s.status() == null ? "interrupted" : s.status();
    }

    public static boolean finished(Path dir) {
        return finished(dir, status(dir));
    }

    /** {@link #finished(Path)} for a trial whose {@link #status} is already known (one summary read). */
    public static boolean finished(Path dir, String status) {
        if (Summary.DIVERGED.equals(status)) return true;
        return Summary.COMPLETED.equals(status) && Files.isRegularFile(dir.resolve(RunFiles.MODEL_WEIGHTS))
                && Files.isRegularFile(dir.resolve(RunFiles.MODEL_JSON));
    }

    /** The trial's final numbers from summary.json (read once), falling back to the last row of metrics.csv. */
    public static Numbers numbers(Path dir) {
        Summary s = summary(dir);
        String status = status(dir, s);
        double acc = s == null ? Double.NaN : num(s.testAccuracy()), loss = s == null ? Double.NaN : num(s.testLoss());
        double train = s == null ? Double.NaN : num(s.trainAccuracy());
        double secs = s == null ? Double.NaN : s.seconds(), sps = s == null ? Double.NaN : num(s.samplesPerSecond());
        int epochs = s == null ? 0 : s.epochs();
        double steps = s == null || s.batchSize() < 1 ? Double.NaN
                : (double) epochs * Batcher.batches(s.trainSamples(), s.batchSize(), false);
        if (Double.isNaN(acc)) {
            MetricRow last = lastMetricsRow(dir);
            if (last != null) {
                epochs = last.epoch();
                train = last.trainAccuracy();
                loss = last.testLoss();
                acc = last.testAccuracy();
                sps = last.samplesPerSecond();
            }
        }
        return new Numbers(status, acc, loss, train, epochs, secs, sps, steps, s == null ? Double.NaN : num(s.warmupSeconds()));
    }

    private static MetricRow lastMetricsRow(Path dir) {
        try {
            List<MetricRow> rows = MetricRow.FILE.read(dir);
            return rows.isEmpty() ? null : rows.get(rows.size() - 1);
        } catch (RunFormatException e) {
            return null;
        }
    }

    static Summary summary(Path dir) {
        try {
            return Summary.read(dir);
        } catch (RunFormatException e) {
            return null;
        }
    }

    private static double num(Double v) { return v == null ? Double.NaN : v; }
}
