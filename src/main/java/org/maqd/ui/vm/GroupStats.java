package org.maqd.ui.vm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.maqd.sweep.StudentT;

/**
 * Runs grouped by the value of one setting: per group the number of runs with a final test accuracy, their mean
 * and the half-width of the two-sided 95% confidence interval of the mean (Student t with n − 1 degrees of
 * freedom times the standard error s/√n; NaN for a single run).
 */
public final class GroupStats {
    private GroupStats() {}

    /** One group: its setting value, runs in it, runs with an accuracy, mean accuracy and 95% CI half-width. */
    public record Group(String value, List<String> runs, int n, double mean, double halfWidth) {
        /** "92.31% ± 0.84" (percentage points), "92.31% (one run)", or "–". */
        public String text() {
            if (n == 0) return "–";
            if (n == 1) return String.format(Locale.ROOT, "%.2f%% (one run: no interval)", 100 * mean);
            return String.format(Locale.ROOT, "%.2f%% ± %.2f", 100 * mean, 100 * halfWidth);
        }
    }

    /** Groups in first-seen order; runs whose accuracy is NaN count in {@code runs} but not in the statistics. */
    public static <T> List<Group> of(List<T> runs, Function<T, String> value, Function<T, String> name, Function<T, Double> accuracy) {
        Map<String, List<T>> by = new LinkedHashMap<>();
        for (T r : runs) by.computeIfAbsent(value.apply(r), k -> new ArrayList<>()).add(r);
        List<Group> out = new ArrayList<>();
        for (Map.Entry<String, List<T>> e : by.entrySet()) {
            List<String> names = new ArrayList<>();
            List<Double> xs = new ArrayList<>();
            for (T r : e.getValue()) {
                names.add(name.apply(r));
                double a = accuracy.apply(r);
                if (!Double.isNaN(a)) xs.add(a);
            }
            int n = xs.size();
            double mean = Double.NaN, half = Double.NaN;
            if (n > 0) {
                double s = 0;
                for (double x : xs) s += x;
                mean = s / n;
            }
            if (n > 1) {
                double ss = 0;
                for (double x : xs) ss += (x - mean) * (x - mean);
                half = StudentT.ci95HalfWidth(Math.sqrt(ss / (n - 1)), n);
            }
            out.add(new Group(e.getKey(), List.copyOf(names), n, mean, half));
        }
        return out;
    }
}
