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

    /** Data range {xmin, xmax, ymin, ymax} over points and bands, padded; y spans at least 1e-6. */
    double[] bounds() {
        double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY, y0 = Double.POSITIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (int i = 0; i < s.x().length; i++) {
                if (Double.isNaN(s.y()[i])) continue;
                x0 = Math.min(x0, s.x()[i]); x1 = Math.max(x1, s.x()[i]);
                double lo = s.lo() != null && !Double.isNaN(s.lo()[i]) ? s.lo()[i] : s.y()[i];
                double hi = s.hi() != null && !Double.isNaN(s.hi()[i]) ? s.hi()[i] : s.y()[i];
                y0 = Math.min(y0, lo); y1 = Math.max(y1, hi);
            }
        }
        if (ticks != null && ticks.length > 0) { x0 = Math.min(x0, ticks[0]); x1 = Math.max(x1, ticks[ticks.length - 1]); }
        if (x0 > x1) { x0 = 0; x1 = 1; y0 = 0; y1 = 1; }
        if (x1 - x0 < 1e-12) { x0 -= 0.5; x1 += 0.5; }
        if (y1 - y0 < 1e-6) { y0 -= 0.5e-3; y1 += 0.5e-3; }
        double pad = (y1 - y0) * 0.06;
        return new double[] {x0, x1, y0 - pad, y1 + pad};
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
