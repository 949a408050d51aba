package org.maqd.ui.vm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.maqd.sweep.Groups;

/**
 * Runs grouped by the value of one setting: per group the number of runs with a final test accuracy, their mean
 * and the half-width of the two-sided 95% confidence interval of the mean (Student t with n − 1 degrees of
 * freedom times the standard error s/√n; NaN for a single run), computed by the sweeps' own grouping
 * ({@link Groups}), so the Runs view and summary.csv agree.
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
        List<Group> out = new ArrayList<>();
        for (Map.Entry<String, List<T>> e : Groups.by(runs, value).entrySet()) {
            Groups.Stats s = Groups.stats(e.getValue(), accuracy);
            out.add(new Group(e.getKey(), e.getValue().stream().map(name).toList(), s.n(), s.mean(), s.ci95()));
        }
        return out;
    }
}
