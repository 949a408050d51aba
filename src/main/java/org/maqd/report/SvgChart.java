package org.maqd.report;

import java.util.List;
import java.util.Locale;

/** Inline SVG for line charts (with optional bands) and histograms with a quantization grid. No scripts, no links. */
final class SvgChart {
    static final int W = 640, H = 340, L = 64, R = 150, T = 34, B = 50;
    /** A line chart's right margin: its legend is under the plot ({@link LegendLayout}), not beside it. */
    static final int R_LINE = 24;
    /** Legend text size and line height, and its top below the plot's frame (under the x-axis label). */
    static final double LEGEND_FONT = 11;
    static final int LEGEND_ROW = 16, LEGEND_TOP = H + 4;

    private SvgChart() {}

    static String line(Chart c) {
        double[] b = c.bounds();
        // categories (norms, surrogates) have no order between them: error bars at each, no line or band joining them
        boolean categories = categorical(c.tickLabels());
        if (categories) {
            // half a category of room at each end, so the first and last error bars clear the axes
            int n = c.tickLabels().length;
            double pad = 0.5 * (n > 1 ? (b[1] - b[0]) / (n - 1) : 1);
            b = new double[] {b[0] - pad, b[1] + pad, b[2], b[3]};
        }
        List<Chart.Series> ss = c.series();
        LegendLayout legend = LegendLayout.of(ss.stream().map(Chart.Series::name).toList(), W - L - R_LINE, 26, LEGEND_FONT, LegendLayout.MAX_LINES);
        StringBuilder sb = open(c.title(), LEGEND_TOP + legend.lineCount() * LEGEND_ROW + 6);
        axes(sb, b, c.xLabel(), c.yLabel(), R_LINE);
        // x ticks
        if (c.ticks() != null) {
            for (int i = 0; i < c.ticks().length; i++) {
                double x = px(c.ticks()[i], b, R_LINE);
                sb.append(f("<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#999\"/>", x, H - B, x, H - B + 4));
                sb.append(f("<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s</text>", x, H - B + 16,
                        Html.esc(c.tickLabels() == null ? Chart.fmt(c.ticks()[i]) : c.tickLabels()[i])));
            }
        }
        for (int k = 0; k < ss.size(); k++) {   // all bands first, so that no band hides another series' line
            Chart.Series s = ss.get(k);
            if (s.lo() == null || s.hi() == null) continue;
            if (categories) {
                String color = Chart.COLORS[k % Chart.COLORS.length];
                for (int i = 0; i < s.x().length; i++) {
                    if (Double.isNaN(s.lo()[i]) || Double.isNaN(s.hi()[i])) continue;
                    double x = px(s.x()[i], b, R_LINE), lo = py(s.lo()[i], b), hi = py(s.hi()[i], b);
                    sb.append(f("<path class=\"errorbar\" d=\"M%.1f,%.1fV%.1fM%.1f,%.1fh8M%.1f,%.1fh8\" stroke=\"%s\" fill=\"none\"/>",
                            x, lo, hi, x - 4, lo, x - 4, hi, color));
                }
                continue;
            }
            StringBuilder up = new StringBuilder(), down = new StringBuilder();
            int n = 0;
            for (int i = 0; i < s.x().length; i++) {
                if (Double.isNaN(s.lo()[i]) || Double.isNaN(s.hi()[i])) continue;
                up.append(f("%.1f,%.1f ", px(s.x()[i], b, R_LINE), py(s.hi()[i], b)));
                down.insert(0, f("%.1f,%.1f ", px(s.x()[i], b, R_LINE), py(s.lo()[i], b)));
                n++;
            }
            if (n >= 2) sb.append(f("<polygon class=\"band\" points=\"%s%s\" fill=\"%s\" fill-opacity=\"0.5\" stroke=\"none\"/>",
                    up, down, tint(Chart.COLORS[k % Chart.COLORS.length])));
        }
        for (int k = 0; k < ss.size(); k++) {
            Chart.Series s = ss.get(k);
            String color = Chart.COLORS[k % Chart.COLORS.length];
            StringBuilder pts = new StringBuilder();
            for (int i = 0; i < s.x().length; i++) {
                if (Double.isNaN(s.y()[i])) continue;
                pts.append(f("%.1f,%.1f ", px(s.x()[i], b, R_LINE), py(s.y()[i], b)));
            }
            if (!categories) sb.append(f("<polyline class=\"series\" points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>", pts.toString().trim(), color));
            int points = 0, last = -1;
            for (int i = 0; i < s.y().length; i++) if (!Double.isNaN(s.y()[i])) { points++; last = i; }
            if (points == 1 && s.x().length > 1) {   // a single value (e.g. the float model): a reference line across
                double y = py(s.y()[last], b);
                sb.append(f("<line class=\"reference\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\" stroke-dasharray=\"6 4\"/>", L, y, W - R_LINE, y, color));
            }
            for (int i = 0; i < s.x().length; i++) {
                if (Double.isNaN(s.y()[i])) continue;
                sb.append(f("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\"><title>%s: %s</title></circle>",
                        px(s.x()[i], b, R_LINE), py(s.y()[i], b), color, Html.esc(s.name()), Chart.fmt(s.y()[i])));
            }
        }
        legend(sb, legend);
        return sb.append("</svg>\n").toString();
    }

    /**
     * A histogram of {@code counts} over [min, max] with vertical lines at {@code levels} (the quantization
     * grid) and dashed lines at {@code clip} (the clip range), each drawn when inside the range.
     */
    static String histogram(String title, double[] counts, double min, double max, double[] levels, double[] clip) {
        double top = 0;
        for (double v : counts) top = Math.max(top, v);
        if (top <= 0) top = 1;
        AxisRange xr = AxisRange.of(min, max, 0);
        double[] b = {xr.lo(), xr.hi(), 0, top * 1.05};
        StringBuilder sb = open(title, H);
        axes(sb, b, "standardized latent weight", "count", R);
        for (double t : Chart.niceTicks(b[0], b[1])) {
            double x = px(t, b, R);
            sb.append(f("<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s</text>", x, H - B + 16, Chart.fmt(t)));
        }
        double bw = (W - L - R) / (double) counts.length;
        for (int i = 0; i < counts.length; i++) {
            double y = py(counts[i], b);
            sb.append(f("<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#6baed6\"/>", L + i * bw,
                    y, Math.max(bw - 0.5, 0.5), H - B - y));
        }
        for (double v : levels) {
            if (v < b[0] || v > b[1]) continue;
            sb.append(f("<line class=\"level\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#d62728\" stroke-width=\"1.5\"/>", px(v, b, R), T, px(v, b, R), H - B));
        }
        for (double v : clip) {
            if (v < b[0] || v > b[1]) continue;
            sb.append(f("<line class=\"clip\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#333\" stroke-dasharray=\"4 3\"/>", px(v, b, R), T, px(v, b, R), H - B));
        }
        sb.append(f("<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#d62728\">levels</text>", W - R + 10, T + 14));
        sb.append(f("<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#333\">- - clip range</text>", W - R + 10, T + 30));
        return sb.append("</svg>\n").toString();
    }

    /**
     * The legend under a line chart, in {@link LegendLayout}'s lines: a colour mark and the name per entry, "+N more"
     * last when not all fit (every point keeps its series' name as a tooltip).
     */
    private static void legend(StringBuilder sb, LegendLayout legend) {
        for (int r = 0; r < legend.lineCount(); r++) {
            double x = L;
            int y = LEGEND_TOP + r * LEGEND_ROW + 8;
            for (LegendLayout.Entry e : legend.lines().get(r)) {
                String color = Chart.COLORS[e.index() % Chart.COLORS.length];
                sb.append(f("<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" stroke-width=\"3\"/>", x, y, x + 16, y, color));
                sb.append(f("<text class=\"legend\" x=\"%.1f\" y=\"%d\" font-size=\"11\">%s</text>", x + 20, y + 4, Html.esc(e.text())));
                x += e.width();
            }
            if (r == legend.lineCount() - 1 && legend.more() != null)
                sb.append(f("<text class=\"legend-more\" x=\"%.1f\" y=\"%d\" font-size=\"11\" fill=\"#555\">%s</text>", x, y + 4, Html.esc(legend.more())));
        }
    }

    private static StringBuilder open(String title, int height) {
        StringBuilder sb = new StringBuilder();
        sb.append(f("<svg class=\"chart\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\">", W, height, W, height));
        sb.append("<title>").append(Html.esc(title)).append("</title>");
        sb.append(f("<text x=\"%d\" y=\"20\" font-size=\"13\" font-weight=\"bold\">%s</text>", L, Html.esc(title)));
        return sb;
    }

    private static void axes(StringBuilder sb, double[] b, String xLabel, String yLabel, int right) {
        for (double t : Chart.niceTicks(b[2], b[3])) {
            double y = py(t, b);
            sb.append(f("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>", L, y, W - right, y));
            sb.append(f("<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%s</text>", L - 6, y + 4, Chart.fmt(t)));
        }
        sb.append(f("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>", L, T, W - L - right, H - T - B));
        sb.append(f("<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\">%s</text>", (L + W - right) / 2, H - 12, Html.esc(xLabel)));
        sb.append(f("<text x=\"14\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\" transform=\"rotate(-90 14 %d)\">%s</text>",
                (T + H - B) / 2, (T + H - B) / 2, Html.esc(yLabel)));
    }

    static double px(double x, double[] b, int right) { return L + (x - b[0]) / (b[1] - b[0]) * (W - L - right); }
    static double py(double y, double[] b) { return H - B - (y - b[2]) / (b[3] - b[2]) * (H - T - B); }

    /** The color mixed 75% with white: a light band that keeps lines readable on top of it. */
    static String tint(String hex) {
        java.awt.Color c = java.awt.Color.decode(hex);
        return f("#%02x%02x%02x", mix(c.getRed()), mix(c.getGreen()), mix(c.getBlue()));
    }

    private static int mix(int v) { return (int) Math.round(v * 0.25 + 255 * 0.75); }

    /** True when some tick label is not a number: the x axis holds categories, not a scale. */
    static boolean categorical(String[] tickLabels) {
        if (tickLabels == null || tickLabels.length == 0) return false;
        for (String t : tickLabels) if (Double.isNaN(Numbers.num(t))) return true;
        return false;
    }

    private static String f(String fmt, Object... a) { return String.format(Locale.ROOT, fmt, a); }
}
