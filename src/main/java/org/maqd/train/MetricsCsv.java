package org.maqd.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes {@code metrics.csv}: one row per epoch, flushed as soon as the epoch ends, so a killed run keeps every
 * finished epoch. On resume, rows after the checkpoint's epoch are dropped first.
 */
public final class MetricsCsv implements TrainingListener {
    public static final String HEADER = "epoch,step,train_loss,train_accuracy,test_loss,test_accuracy,learning_rate,seconds,samples_per_second";
    /** Columns that depend on the machine's speed, not on the numbers computed. */
    public static final List<String> TIMING_COLUMNS = List.of("seconds", "samples_per_second");

    private final Path file;

    public MetricsCsv(Path file) { this.file = file; }

    @Override
    public void onStart(RunInfo info) {
        truncateAfterEpoch(file, HEADER, info.startEpoch());
    }

    @Override
    public void onEpoch(EpochMetrics m) {
        append(file, String.format(Locale.ROOT, "%d,%d,%s,%s,%s,%s,%s,%.3f,%.1f", m.epoch(), m.step(),
                num(m.trainLoss()), num(m.trainAccuracy()), num(m.testLoss()), num(m.testAccuracy()),
                num(m.learningRate()), m.seconds(), m.samplesPerSecond()));
    }

    /** Full-precision, locale-independent number text (identical runs give identical files). */
    public static String num(double v) { return Double.toString(v); }

    /** Keeps the header and the rows whose first column (epoch) is ≤ {@code epoch}; creates the file if needed. */
    static void truncateAfterEpoch(Path file, String header, int epoch) {
        try {
            List<String> keep = new ArrayList<>();
            keep.add(header);
            if (Files.exists(file) && epoch > 0) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 1; i < lines.size(); i++) {
                    String line = lines.get(i);
                    int comma = line.indexOf(',');
                    if (comma <= 0) continue;
                    try {
                        if (Integer.parseInt(line.substring(0, comma)) <= epoch) keep.add(line);
                    } catch (NumberFormatException ignored) {
                        // a torn last line from a killed run: dropped
                    }
                }
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, keep, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static void append(Path file, String line) {
        try {
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
