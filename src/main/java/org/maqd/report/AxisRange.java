package org.maqd.report;

/**
 * The range an axis shows for some values: the one place that decides what a degenerate range becomes, for the
 * report's SVG charts and the window's charts alike. Values that are not finite (NaN, ±∞) are not part of it; no
 * finite value gives [0, 1]; values all equal (one point, a constant) give a range centred on them, 10% of their
 * size wide (1 wide around 0), so the point is drawn in the middle rather than on an edge; then {@code pad} of the
 * width is added at each end.
 */
public record AxisRange(double lo, double hi) {
    /** The range of no values. */
    public static final AxisRange EMPTY = new AxisRange(0, 1);

    /** The range for values spanning [min, max] (as {@link Extent} finds them), padded by {@code pad} of its width at each end. */
    public static AxisRange of(double min, double max, double pad) {
        if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) return EMPTY;
        double lo = min, hi = max;
        double c = (min + max) / 2;
        if (hi - lo <= 1e-9 * Math.max(1, Math.abs(c))) {   // all equal, up to rounding
            double half = c == 0 ? 0.5 : Math.abs(c) * 0.05;
            lo = c - half;
            hi = c + half;
        }
        double p = (hi - lo) * pad;
        return new AxisRange(lo - p, hi + p);
    }

    /** The range of the finite values among {@code values[0, n)}. */
    public static AxisRange of(double[] values, int n, double pad) { return new Extent().addAll(values, n).range(pad); }

    public double width() { return hi - lo; }

    /** The smallest and largest finite value added so far. */
    public static final class Extent {
        private double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;

        /** Adds {@code v} when it is finite. */
        public Extent add(double v) {
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            return this;
        }

        public Extent addAll(double[] values, int n) {
            for (int i = 0; i < n; i++) add(values[i]);
            return this;
        }

        /** True while no finite value was added. */
        public boolean isEmpty() { return min > max; }

        public AxisRange range(double pad) { return AxisRange.of(min, max, pad); }
    }
}
