package org.maqd.ui.vm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

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
                double sd = Math.sqrt(ss / (n - 1));
                half = tQuantile975(n - 1) * sd / Math.sqrt(n);
            }
            out.add(new Group(e.getKey(), List.copyOf(names), n, mean, half));
        }
        return out;
    }

    private static final double[] T975 = {12.706205, 4.302653, 3.182446, 2.776445, 2.570582, 2.446912, 2.364624,
            2.306004, 2.262157, 2.228139, 2.200985, 2.178813, 2.160369, 2.144787, 2.131450, 2.119905, 2.109816,
            2.100922, 2.093024, 2.085963, 2.079614, 2.073873, 2.068658, 2.063899, 2.059539, 2.055529, 2.051831,
            2.048407, 2.045230, 2.042272};

    /**
     * The 0.975 quantile of Student's t with {@code df} degrees of freedom: tabulated for 1…30, above that the
     * Cornish–Fisher expansion around the normal quantile (error below 1e-5 for df &gt; 30).
     */
    public static double tQuantile975(int df) {
        if (df < 1) throw new IllegalArgumentException("degrees of freedom must be ≥ 1, got " + df);
        if (df <= T975.length) return T975[df - 1];
        double z = 1.959963984540054, z3 = z * z * z, z5 = z3 * z * z, z7 = z5 * z * z, n = df;
        return z + (z3 + z) / (4 * n) + (5 * z5 + 16 * z3 + 3 * z) / (96 * n * n)
                + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * n * n * n);
    }
}
