package org.maqd.ui.chart;

/**
 * Reduces a long series to at most two points per pixel column (the min and max of the y values falling in it),
 * so a line of a million points draws as fast as one of a thousand and still shows every spike.
 */
public final class Decimator {
    private Decimator() {}

    /**
     * For columns 0..width-1 spanning [x0, x1]: out[2c] = min y, out[2c+1] = max y of the points in column c
     * (NaN when none). Non-finite y values are skipped.
     */
    public static double[] minMax(double[] xs, double[] ys, int n, double x0, double x1, int width) {
        double[] out = new double[2 * width];
        java.util.Arrays.fill(out, Double.NaN);
        double span = x1 - x0;
        for (int i = 0; i < n; i++) {
            double y = ys[i];
            if (!Double.isFinite(y)) continue;
            int c = span <= 0 ? 0 : (int) ((xs[i] - x0) / span * (width - 1) + 0.5);
            if (c < 0 || c >= width) continue;
            if (Double.isNaN(out[2 * c]) || y < out[2 * c]) out[2 * c] = y;
            if (Double.isNaN(out[2 * c + 1]) || y > out[2 * c + 1]) out[2 * c + 1] = y;
        }
        return out;
    }

    /** "Nice" tick step (1, 2 or 5 × 10^k) for about {@code target} ticks over span. */
    public static double tickStep(double span, int target) {
        if (!(span > 0)) return 1;
        double raw = span / Math.max(1, target);
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double r = raw / mag;
        return (r < 1.5 ? 1 : r < 3.5 ? 2 : r < 7.5 ? 5 : 10) * mag;
    }

    /** A tick label with as many decimals as the tick step needs (no "-0", no trailing noise). */
    public static String label(double v, double step) {
        if (Math.abs(v) < step * 1e-6) v = 0;
        int decimals = 0;
        // relative to the scaled step: an absolute 1e-6 stopped at 0 decimals for steps below 1e-6
        for (double x = step; decimals < 10 && Math.abs(x - Math.rint(x)) > 1e-6 * Math.abs(x); x = step * Math.pow(10, ++decimals)) { }
        if (Math.abs(v) >= 1e5) return label(v);
        // the step alone decides the decimals, so every tick of an axis has the same format (label(v)'s three decimals
        // wrote "0.001" at four ticks of a flip-rate axis 0.0002 apart)
        if (decimals < 10) return String.format("%." + decimals + "f", v);
        return String.format("%.2e", v);
    }

    public static String label(double v) {
        double a = Math.abs(v);
        if (a != 0 && (a >= 1e5 || a < 1e-3)) return String.format("%.1e", v);
        if (a >= 100 || v == Math.rint(v)) return String.format("%.0f", v);
        return String.format(a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f", v);
    }
}
