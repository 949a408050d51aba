package org.maqd.sweep;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The one grouping and summary of results, for a sweep's summary.csv and the Runs view's groups alike: rows
 * grouped by a key in the order keys first appear, and per group the count, mean, sample standard deviation and
 * 95% confidence half-width (Student t, n − 1 degrees of freedom) of a number, NaN values left out. Hand-written
 * (30 lines) instead of a table library: the tables are tens of rows, and the library it replaces (tablesaw-core)
 * brought 45 MB of runtime jars for this one group-by.
 */
public final class Groups {
    private Groups() {}

    /** n values (NaN left out), their mean, sample standard deviation (NaN when n &lt; 2) and 95% CI half-width. */
    public record Stats(int n, double mean, double std, double ci95) {
        public static Stats of(Collection<Double> values) {
            int n = 0;
            double sum = 0;
            for (double v : values) if (!Double.isNaN(v)) { n++; sum += v; }
            double mean = n == 0 ? Double.NaN : sum / n, ss = 0;
            for (double v : values) if (!Double.isNaN(v)) ss += (v - mean) * (v - mean);
            double std = n < 2 ? Double.NaN : Math.sqrt(ss / (n - 1));
            return new Stats(n, mean, std, StudentT.ci95HalfWidth(std, n));
        }
    }

    /** Rows by key, keys in first-seen order, rows in their order. */
    public static <T, K> Map<K, List<T>> by(List<T> rows, Function<T, K> key) {
        Map<K, List<T>> out = new LinkedHashMap<>();
        for (T r : rows) out.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r);
        return out;
    }

    /** The statistics of {@code value} over {@code rows}. */
    public static <T> Stats stats(List<T> rows, Function<T, Double> value) {
        List<Double> v = new ArrayList<>(rows.size());
        for (T r : rows) v.add(value.apply(r));
        return Stats.of(v);
    }
}
