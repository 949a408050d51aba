package org.maqd.ui.chart;

import javafx.geometry.VPos;
import javafx.scene.text.TextAlignment;
import org.maqd.report.AxisRange;
import org.maqd.report.LegendLayout;

/** A plot area inside a chart: data ranges, pixel mapping, and the axes with ticks and labels. */
final class Plot {
    static final double LEFT = 46, RIGHT = 10, TOP = 10, BOTTOM = 22;
    final double px, py, pw, ph;
    final double x0, x1, y0, y1;

    Plot(double w, double h, double x0, double x1, double y0, double y1) {
        this(LEFT, TOP, w - LEFT - RIGHT, h - TOP - BOTTOM, x0, x1, y0, y1);
    }

    /** A plot that leaves room under the tick labels for an x-axis label. */
    static Plot labelled(double w, double h, double x0, double x1, double y0, double y1) {
        return new Plot(LEFT, TOP, w - LEFT - RIGHT, h - TOP - BOTTOM - 13, x0, x1, y0, y1);
    }

    Plot(double px, double py, double pw, double ph, double x0, double x1, double y0, double y1) {
        this.px = px;
        this.py = py;
        this.pw = Math.max(1, pw);
        this.ph = Math.max(1, ph);
        // an empty or degenerate range (one point, a constant) is widened as AxisRange decides, around the value
        AxisRange xr = x1 > x0 ? new AxisRange(x0, x1) : AxisRange.of(x0, x0, 0);
        AxisRange yr = y1 > y0 ? new AxisRange(y0, y1) : AxisRange.of(y0, y0, 0);
        this.x0 = xr.lo();
        this.x1 = xr.hi();
        this.y0 = yr.lo();
        this.y1 = yr.hi();
    }

    double sx(double x) { return px + (x - x0) / (x1 - x0) * pw; }
    double sy(double y) { return py + ph - (y - y0) / (y1 - y0) * ph; }

    /** Whether an x axis counts (epochs, steps, batches): no tick at epoch 1.2 or batch 0.2. */
    static boolean countAxis(String xLabel) {
        return xLabel != null && (xLabel.equals("epoch") || xLabel.equals("step") || xLabel.startsWith("batch"));
    }

    void axes(Painter g, ChartStyle s, String xLabel) {
        g.setLineWidth(1);
        g.setFont(ChartCanvas.SMALL);
        double xs = Decimator.tickStep(x1 - x0, Math.max(2, (int) (pw / 70)));
        if (countAxis(xLabel)) xs = Math.max(1, xs);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (double t = Math.ceil(x0 / xs) * xs; t <= x1 + 1e-9 * xs; t += xs) {
            double x = Math.round(sx(t)) + 0.5;
            g.setStroke(s.grid());
            g.strokeLine(x, py, x, py + ph);
            g.setFill(s.muted());
            String label = Decimator.label(t, xs);
            // a label centred on a tick near the right end would be cut by the chart's edge: it ends at the edge instead
            double right = px + pw + RIGHT - 1;
            if (x + LegendLayout.textWidth(label, ChartCanvas.SMALL.getSize()) / 2 > right) {
                g.setTextAlign(TextAlignment.RIGHT);
                g.fillText(label, right, py + ph + 3);
                g.setTextAlign(TextAlignment.CENTER);
            } else {
                g.fillText(label, x, py + ph + 3);
            }
        }
        double ys = Decimator.tickStep(y1 - y0, Math.max(2, (int) (ph / 35)));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (double t = Math.ceil(y0 / ys) * ys; t <= y1 + 1e-9 * ys; t += ys) {
            double y = Math.round(sy(t)) + 0.5;
            g.setStroke(s.grid());
            g.strokeLine(px, y, px + pw, y);
            g.setFill(s.muted());
            g.fillText(Decimator.label(t, ys), px - 4, y);
        }
        g.setStroke(s.axis());
        g.strokeRect(px + 0.5, py + 0.5, pw, ph);
        if (xLabel != null && !xLabel.isEmpty()) {
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.TOP);
            g.setFill(s.muted());
            g.fillText(xLabel, px + pw / 2, py + ph + 16);
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BASELINE);
    }

    /** A legend entry's colour mark and the gaps around it, in pixels. */
    private static final double MARK = 22;

    /**
     * The legend's lines in a plot {@code pw} wide ({@link LegendLayout}): entries wrapped when a line is full, names
     * too long for a line cut, at most three lines and then "+N more".
     */
    static LegendLayout legendLayout(String[] names, double pw) {
        return LegendLayout.of(java.util.List.of(names), pw - 12, MARK, ChartCanvas.SMALL.getSize(), LegendLayout.MAX_LINES);
    }

    /**
     * The top of a y range [y0, y1] raised so that the plot's top {@code room} pixels (of {@code ph}) lie above y1: room
     * for a legend or a note above the data. The caller decides whether the room is affordable.
     */
    static double raisedTop(double y0, double y1, double ph, double room) { return y1 + (y1 - y0) * room / (ph - room); }

    /**
     * Whether a plot {@code ph} pixels high can give {@code room} of them to a legend or note above the data: only if the
     * data keeps at least 60 % of the height (at 0.6 of it for the room, a short chart squeezed a staircase from −3…3 into
     * a band of a −3…10 axis).
     */
    static boolean affords(double room, double ph) { return room <= 0.4 * ph; }

    /** How many rows the legend needs in a plot {@code pw} wide. */
    static int legendRows(String[] names, double pw) {
        return names.length == 0 ? 0 : legendLayout(names, pw).lineCount();
    }

    /** A corner of the plot for a legend drawn inside it. */
    enum Corner {
        TOP_LEFT, TOP_RIGHT, BOTTOM_RIGHT, BOTTOM_LEFT;

        boolean bottom() { return this == BOTTOM_LEFT || this == BOTTOM_RIGHT; }

        boolean right() { return this == TOP_RIGHT || this == BOTTOM_RIGHT; }

        /** Top-left, or bottom-right with {@code bottom} (the two corners the charts prefer). */
        static Corner of(boolean bottom) { return bottom ? BOTTOM_RIGHT : TOP_LEFT; }
    }

    /** Legend entries in a corner of the plot, wrapped onto several rows when they do not fit the plot's width. */
    void legend(Painter g, ChartStyle s, String[] names, int[] colors, Corner corner) {
        legend(g, s, names, colors, corner, Double.NaN);
    }

    /** The box {x, y, width, height} a legend in {@code corner} covers (as {@link #legend} draws it). */
    double[] legendBox(String[] names, Corner corner) {
        LegendLayout l = legendLayout(names, pw);
        double widest = l.widest(), h = l.lineCount() * LEGEND_ROW + 2;
        double x = corner.right() ? px + pw - widest - 7 : px + 3;
        double y = corner.bottom() ? py + ph - 22 - (l.lineCount() - 1) * LEGEND_ROW - 3 : py + 3;
        return new double[] {x, y, corner.right() ? widest + 7 : widest + 5, h};
    }

    /** Height of a legend drawn below the plot ({@link #legendBelow}), rows wrapped to the plot's width. */
    static double legendBelowHeight(String[] names, double pw) { return 4 + LEGEND_ROW * legendRows(names, pw); }

    /** The legend under the plot, its first row's top at {@code top}: outside the data, so it hides no curve. */
    void legendBelow(Painter g, ChartStyle s, String[] names, int[] colors, double top) {
        legend(g, s, names, colors, Corner.TOP_LEFT, top);
    }

    private static final double LEGEND_ROW = 16;

    private void legend(Painter g, ChartStyle s, String[] names, int[] colors, Corner corner, double below) {
        boolean bottom = corner.bottom();
        LegendLayout l = legendLayout(names, pw);
        int n = l.lineCount();
        double rowH = LEGEND_ROW;
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        for (int r = 0; r < n; r++) {
            java.util.List<LegendLayout.Entry> line = l.lines().get(r);
            boolean last = r == n - 1 && l.more() != null;
            double total = line.stream().mapToDouble(LegendLayout.Entry::width).sum() + (last ? l.moreWidth() : 0);
            double x = corner.right() ? px + pw - total - 2 : px + 8;
            double y = !Double.isNaN(below) ? below + r * rowH
                    : bottom ? py + ph - 22 - (n - 1 - r) * rowH : py + 6 + r * rowH;
            g.setFill(s.background().deriveColor(0, 1, 1, 0.85));
            g.fillRect(x - 5, y - 3, total, rowH + 2);
            for (LegendLayout.Entry e : line) {
                g.setFill(s.color(colors[e.index()]));
                g.fillRect(x, y + 3, 10, 3);
                g.setFill(s.text());
                g.fillText(e.text(), x + 14, y);
                x += e.width();
            }
            if (last) {
                g.setFill(s.muted());
                g.fillText(l.more(), x, y);
            }
        }
        g.setTextBaseline(VPos.BASELINE);
    }
}
