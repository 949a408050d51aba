package org.maqd.ui.chart;

import java.util.ArrayList;
import java.util.List;
import org.maqd.report.AxisRange;

/**
 * Line chart on a canvas for live series: below one point per pixel column it draws the points as a polyline;
 * above, each column's min–max range (see {@link Decimator}), so spikes stay visible at any length.
 */
public final class LineChartCanvas extends ChartCanvas {
    /** One series: points [0, n) of xs/ys, a name for the legend, a palette index, optional step drawing. */
    public record Series(String name, double[] xs, double[] ys, int n, int color, boolean steps) {
        public static Series of(String name, double[] xs, double[] ys, int color) {
            return new Series(name, xs, ys, xs.length, color, false);
        }
    }

    private List<Series> series = List.of();
    private double fixedY0 = Double.NaN, fixedY1 = Double.NaN;
    private String xLabel = "";
    private boolean legendBottom, legendBelow;
    private double[] plotArea = new double[4], legendArea = new double[4];
    private final List<double[]> verticals = new ArrayList<>();

    public void setSeries(List<Series> s) {
        series = List.copyOf(s);
        redraw();
    }

    /** Fixes the y range (e.g. 0–1 for accuracy); NaN for automatic. */
    public void setYRange(double y0, double y1) {
        fixedY0 = y0;
        fixedY1 = y1;
    }

    public void setXLabel(String l) { xLabel = l; }

    /** True when the y range is fixed by {@link #setYRange}, false when it follows the data. */
    public boolean yRangeFixed() { return !Double.isNaN(fixedY0); }

    /**
     * Prefers the bottom-right corner for the legend (for curves that rise towards the top). Where the chart cannot
     * make room above the data (a fixed range, a small chart), the legend goes to whichever corner hides the fewest
     * points, this one on a tie.
     */
    public void setLegendBottom(boolean b) { legendBottom = b; }

    /**
     * Puts the legend under the plot, outside the data (for overlays of many runs, whose curves can lie anywhere:
     * inside the plot the legend hid some of them); the plot gives up the legend's rows.
     */
    public void setLegendBelow(boolean b) { legendBelow = b; }

    /** The plot's data area as drawn last: {x, y, width, height} in chart pixels. */
    public double[] plotArea() { return plotArea.clone(); }

    /** The legend's area as drawn last ({x, y, width, height}; all 0 without a legend). */
    public double[] legendArea() { return legendArea.clone(); }

    /** The y axis's range as drawn last ({lo, hi}; the top raised when the legend got room above the data). */
    public double[] yRangeDrawn() { return yDrawn.clone(); }
    private double[] yDrawn = new double[2];

    /** Dashed vertical marker lines at these x values. */
    public void setVerticals(double... xs) {
        verticals.clear();
        verticals.add(xs.clone());
    }

    public List<Series> series() { return series; }

    @Override
    public boolean hasData() {
        for (Series s : series) if (s.n() > 0) return true;
        return false;
    }

    @Override
    protected void draw(Painter g, double w, double h, ChartStyle st) {
        AxisRange.Extent xe = new AxisRange.Extent(), ye = new AxisRange.Extent();
        for (Series s : series) {
            xe.addAll(s.xs(), s.n());
            ye.addAll(s.ys(), s.n());
        }
        // one point or a constant: AxisRange centres it, so its marker is drawn whole, not on the plot's edge
        AxisRange xr = xe.range(0), yr = Double.isNaN(fixedY0) ? ye.range(0.05) : new AxisRange(fixedY0, fixedY1);
        double x0 = xr.lo(), x1 = xr.hi(), y0 = yr.lo(), y1 = yr.hi();
        String[] names = series.stream().map(Series::name).toArray(String[]::new);
        boolean legend = series.size() > 1 || !names[0].isEmpty();
        double below = legend && legendBelow ? Plot.legendBelowHeight(names, w - Plot.LEFT - Plot.RIGHT) : 0;
        double ph = h - below;
        Plot p = xLabel.isEmpty() ? new Plot(w, ph, x0, x1, y0, y1) : Plot.labelled(w, ph, x0, x1, y0, y1);
        boolean reserved = false;
        if (legend && !legendBottom && !legendBelow && Double.isNaN(fixedY0)) {
            // room above the data for the legend rows, so they never hide the curves' peaks
            double px = 8 + Plot.legendRows(names, p.pw) * 16;
            if (Plot.affords(px, p.ph)) {
                y1 = Plot.raisedTop(y0, y1, p.ph, px);
                p = xLabel.isEmpty() ? new Plot(w, ph, x0, x1, y0, y1) : Plot.labelled(w, ph, x0, x1, y0, y1);
                reserved = true;
            }
        }
        // no room made for it (a fixed range, a small chart): the legend goes to the corner that hides the fewest
        // points, the preferred one on a tie (with only top-left and bottom-right, a short loss chart's legend lay
        // over the first steps' curve while the top-right corner was empty)
        Plot.Corner corner = Plot.Corner.of(legendBottom);
        if (legend && !legendBelow && !reserved) {
            int fewest = pointsUnder(p, p.legendBox(names, corner));
            for (Plot.Corner c : Plot.Corner.values()) {
                int n = c == corner ? fewest : pointsUnder(p, p.legendBox(names, c));
                if (n < fewest) {
                    fewest = n;
                    corner = c;
                }
            }
        }
        p.axes(g, st, xLabel);
        g.save();
        g.beginPath();
        g.rect(p.px, p.py, p.pw, p.ph);
        g.clip();
        for (double[] vs : verticals) {
            g.setStroke(st.muted());
            g.setLineDashes(4, 4);
            for (double v : vs) g.strokeLine(p.sx(v), p.py, p.sx(v), p.py + p.ph);
            g.setLineDashes();
        }
        g.setLineWidth(1.5);
        for (Series s : series) {
            g.setStroke(st.color(s.color()));
            if (s.n() > p.pw) drawDecimated(g, p, s);
            else drawPolyline(g, p, s);
        }
        g.restore();
        // markers clipped to the plot grown by their radius: a point on the plot's edge (the first epoch of a run
        // beside a longer one) shows whole, where the lines stop at the edge
        g.save();
        g.beginPath();
        g.rect(p.px - MARKER_R, p.py - MARKER_R, p.pw + 2 * MARKER_R, p.ph + 2 * MARKER_R);
        g.clip();
        for (Series s : series) {
            g.setFill(st.color(s.color()));
            if (s.n() <= p.pw) drawMarkers(g, p, s);
        }
        g.restore();
        int[] cols = series.stream().mapToInt(Series::color).toArray();
        plotArea = new double[] {p.px, p.py, p.pw, p.ph};
        yDrawn = new double[] {p.y0, p.y1};
        legendArea = new double[4];
        if (legend && legendBelow) {
            p.legendBelow(g, st, names, cols, ph + 2);
            legendArea = new double[] {p.px, ph, p.pw, below};
        } else if (legend) {
            p.legend(g, st, names, cols, corner);
            legendArea = p.legendBox(names, corner);
        }
    }

    /**
     * How many of the series' points fall in {@code box} (chart pixels); at most about 2,000 points per series are
     * looked at, evenly spaced, so a long run costs a redraw no more than a short one.
     */
    private int pointsUnder(Plot p, double[] box) {
        int n = 0;
        for (Series s : series) {
            int step = Math.max(1, s.n() / 2000);
            double px = Double.NaN, py = Double.NaN;
            for (int i = 0; i < s.n(); i += step) {
                double y = s.ys()[i];
                if (!Double.isFinite(y)) { px = Double.NaN; continue; }
                double sx = p.sx(s.xs()[i]), sy = p.sy(y);
                if (inside(box, sx, sy)) n++;
                // a line between two points can cross the box with neither point in it (an epoch curve's few points)
                else if (!Double.isNaN(px) && crosses(box, px, py, sx, sy)) n++;
                px = sx;
                py = sy;
            }
        }
        return n;
    }

    /** Whether the segment (x0, y0)–(x1, y1) passes through the box (Liang–Barsky clipping). */
    static boolean crosses(double[] box, double x0, double y0, double x1, double y1) {
        double dx = x1 - x0, dy = y1 - y0, t0 = 0, t1 = 1;
        double[] p = {-dx, dx, -dy, dy}, q = {x0 - box[0], box[0] + box[2] - x0, y0 - box[1], box[1] + box[3] - y0};
        for (int i = 0; i < 4; i++) {
            if (p[i] == 0) {
                if (q[i] < 0) return false;
            } else {
                double t = q[i] / p[i];
                if (p[i] < 0) t0 = Math.max(t0, t);
                else t1 = Math.min(t1, t);
                if (t0 > t1) return false;
            }
        }
        return true;
    }

    private static boolean inside(double[] box, double x, double y) {
        return x >= box[0] && x <= box[0] + box[2] && y >= box[1] && y <= box[1] + box[3];
    }

    private static void drawPolyline(Painter g, Plot p, Series s) {
        boolean pen = false;
        double lastY = 0;
        g.beginPath();
        for (int i = 0; i < s.n(); i++) {
            double y = s.ys()[i];
            if (!Double.isFinite(y)) { pen = false; continue; }
            double sx = p.sx(s.xs()[i]), sy = p.sy(y);
            if (!pen) g.moveTo(sx, sy);
            else if (s.steps()) { g.lineTo(sx, lastY); g.lineTo(sx, sy); }
            else g.lineTo(sx, sy);
            pen = true;
            lastY = sy;
        }
        g.stroke();
    }

    static final double MARKER_R = 2.5;

    /** Each point's marker when the series is short, and always a point with no finite neighbour (no line shows it). */
    private static void drawMarkers(Painter g, Plot p, Series s) {
        boolean dots = s.n() <= 40 && !s.steps();
        for (int i = 0; i < s.n(); i++) {
            if (!Double.isFinite(s.ys()[i])) continue;
            // a point with no finite neighbour has no line to show it: it always gets its marker
            boolean alone = (i == 0 || !Double.isFinite(s.ys()[i - 1])) && (i == s.n() - 1 || !Double.isFinite(s.ys()[i + 1]));
            if (dots || alone) g.fillOval(p.sx(s.xs()[i]) - MARKER_R, p.sy(s.ys()[i]) - MARKER_R, 2 * MARKER_R, 2 * MARKER_R);
        }
    }

    private static void drawDecimated(Painter g, Plot p, Series s) {
        int width = (int) p.pw;
        double[] mm = Decimator.minMax(s.xs(), s.ys(), s.n(), p.x0, p.x1, width);
        g.beginPath();
        boolean pen = false;
        for (int c = 0; c < width; c++) {
            if (Double.isNaN(mm[2 * c])) continue;
            double x = p.px + c * p.pw / (width - 1.0);
            if (!pen) g.moveTo(x, p.sy(mm[2 * c]));
            else g.lineTo(x, p.sy(mm[2 * c]));
            g.lineTo(x, p.sy(mm[2 * c + 1]));
            pen = true;
        }
        g.stroke();
    }

    @Override
    public String csv() {
        StringBuilder b = new StringBuilder("series,x,y\n");
        for (Series s : series)
            for (int i = 0; i < s.n(); i++) b.append(s.name()).append(',').append(s.xs()[i]).append(',').append(s.ys()[i]).append('\n');
        return b.toString();
    }
}
