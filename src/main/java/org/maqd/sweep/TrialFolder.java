package org.maqd.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.maqd.experiment.ExperimentIO;

/**
 * What a trial's run folder says about it: {@code pending} (no folder), {@code interrupted} (a folder without
 * summary), or the summary's status (completed, diverged, stopped, failed). Completed and diverged trials are
 * finished: a rerun of the sweep skips them (divergence is a result, and it would diverge again).
 */
public final class TrialFolder {
    /** Final numbers of a trial (NaN when unknown). */
    public record Numbers(String status, double testAccuracy, double testLoss, double trainAccuracy, int epochs,
                          double seconds, double samplesPerSecond) {}

    private TrialFolder() {}

    public static String status(Path dir) {
        if (!Files.isDirectory(dir)) return "pending";
        JsonNode s = summary(dir);
        if (s == null) return "interrupted";
        JsonNode st = s.get("status");
        return st == null || st.isNull() ? "interrupted" : st.asText();
    }

    public static boolean finished(Path dir) {
        String s = status(dir);
        return s.equals("completed") || s.equals("diverged");
    }

    public static boolean hasCheckpoint(Path dir) {
        return Files.isDirectory(dir.resolve("checkpoint")) || Files.isDirectory(dir.resolve("checkpoint.old"));
    }

    /** The trial's final numbers from summary.json, falling back to the last row of metrics.csv. */
    public static Numbers numbers(Path dir) {
        String status = status(dir);
        JsonNode s = summary(dir);
        double acc = num(s, "test_accuracy"), loss = num(s, "test_loss"), train = num(s, "train_accuracy");
        double secs = num(s, "seconds"), sps = num(s, "samples_per_second");
        int epochs = s == null || s.get("epochs") == null ? 0 : s.get("epochs").asInt();
        if (Double.isNaN(acc)) {
            String[] last = lastMetricsRow(dir);
            if (last != null) {
                // epoch,step,train_loss,train_accuracy,test_loss,test_accuracy,learning_rate,seconds,samples_per_second
                epochs = Integer.parseInt(last[0]);
                train = Double.parseDouble(last[3]);
                loss = Double.parseDouble(last[4]);
                acc = Double.parseDouble(last[5]);
                sps = Double.parseDouble(last[8]);
            }
        }
        return new Numbers(status, acc, loss, train, epochs, secs, sps);
    }

    private static String[] lastMetricsRow(Path dir) {
        Path f = dir.resolve("metrics.csv");
        try {
            if (!Files.exists(f)) return null;
            List<String> lines = Files.readAllLines(f);
            for (int i = lines.size() - 1; i >= 1; i--) {
                String[] c = lines.get(i).split(",", -1);
                if (c.length == 9) return c;
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    static JsonNode summary(Path dir) {
        Path f = dir.resolve("summary.json");
        if (!Files.exists(f)) return null;
        try {
            return ExperimentIO.MAPPER.readTree(Files.readString(f));
        } catch (IOException e) {
            return null;
        }
    }

    private static double num(JsonNode s, String k) {
        JsonNode v = s == null ? null : s.get(k);
        return v == null || !v.isNumber() ? Double.NaN : v.asDouble();
    }
}
