package org.maqd.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A line chart's data, drawn as SVG ({@link SvgChart}) (report.pdf is the HTML page rendered, see {@link HtmlPdf}). X positions are
 * numbers; categorical axes use positions 0, 1, 2, … with {@code tickLabels}. A series may carry a band
 * (e.g. mean ± 95% CI) as {@code lo}/{@code hi} (null for none); NaN values are skipped.
 */
record Chart(String title, String xLabel, String yLabel, double[] ticks, String[] tickLabels, List<Series> series) {

    record Series(String name, double[] x, double[] y, double[] lo, double[] hi) {}

    /**
     * Data range {xmin, xmax, ymin, ymax} over the finite points and bands and the ticks, y padded by 6%; a
     * degenerate range (one point, a constant) as {@link AxisRange} makes it.
     */
    double[] bounds() {
        AxisRange.Extent x = new AxisRange.Extent(), y = new AxisRange.Extent();
        for (Series s : series) {
            for (int i = 0; i < s.x().length; i++) {
                if (!Double.isFinite(s.y()[i])) continue;
                x.add(s.x()[i]);
                y.add(s.y()[i]);
                if (s.lo() != null) y.add(s.lo()[i]);
                if (s.hi() != null) y.add(s.hi()[i]);
            }
        }
        if (ticks != null && ticks.length > 0) x.add(ticks[0]).add(ticks[ticks.length - 1]);
        AxisRange xr = x.range(0), yr = y.range(0.06);
        return new double[] {xr.lo(), xr.hi(), yr.lo(), yr.hi()};
    }

    /** About five round y tick values inside [lo, hi]. */
    static List<Double> niceTicks(double lo, double hi) {
        double span = hi - lo, raw = span / 5, mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / mag < 1.5 ? mag : raw / mag < 3 ? 2 * mag : raw / mag < 7 ? 5 * mag : 10 * mag;
        List<Double> t = new ArrayList<>();
        for (double v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) t.add(Math.abs(v) < step * 1e-9 ? 0 : v);
        return t;
    }

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e6) return Long.toString((long) v);
        String s = String.format(java.util.Locale.ROOT, "%.4g", v);
        return s.contains("e") ? s : s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
        "#7f7f7f", "#bcbd22", "#17becf"};
}
