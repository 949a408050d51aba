package org.maqd.ui.chart;

import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * A rows × time heatmap (e.g. layers × sample points of SQNR in dB) with row labels, a highlighted row and a
 * color scale from the smallest to the largest finite value (one colour, the scale's middle, when they are equal).
 * Non-finite values (a layer without that quantizer) are grid-coloured cells, outside the scale.
 */
public final class HeatmapCanvas extends ChartCanvas {
    private double[][] values = new double[0][];
    private String[] rows = new String[0];
    private double[] times = new double[0];
    private int highlight = -1;
    private String unit = "";

    /** values[row][col]; times[col] label the columns (steps). */
    public void setData(double[][] values, String[] rows, double[] times, String unit) {
        this.values = values;
        this.rows = rows;
        this.times = times;
        this.unit = unit;
        redraw();
    }

    public void setHighlight(int row) {
        highlight = row;
        redraw();
    }

    @Override
    public boolean hasData() { return values.length > 0 && values[0].length > 0; }

    @Override
    protected void draw(Painter g, double w, double h, ChartStyle s) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double[] r : values) for (double v : r) if (Double.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
        if (!(hi >= lo)) { lo = 0; hi = 1; }
        double left = 70, right = 54, top = 8, bottom = 22;
        Plot p = new Plot(left, top, w - left - right, h - top - bottom, times[0], times[times.length - 1], 0, rows.length);
        int cols = values[0].length;
        double cw = p.pw / cols, rh = p.ph / rows.length;
        for (int r = 0; r < values.length; r++) {
            for (int c = 0; c < cols; c++) {
                double v = values[r][c];
                g.setFill(Double.isFinite(v) ? color(position(v, lo, hi)) : s.grid());
                g.fillRect(p.px + c * cw, p.py + r * rh, Math.ceil(cw), Math.ceil(rh));
            }
        }
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (int r = 0; r < rows.length; r++) {
            g.setFill(r == highlight ? s.accent() : s.muted());
            g.fillText(rows[r], p.px - 4, p.py + (r + 0.5) * rh);
        }
        if (highlight >= 0 && highlight < rows.length) {
            g.setStroke(s.accent());
            g.setLineWidth(2);
            g.strokeRect(p.px, p.py + highlight * rh, p.pw, rh);
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFill(s.muted());
        g.fillText("step " + Decimator.label(times[0]), p.px, p.py + p.ph + 3);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(Decimator.label(times[times.length - 1]), p.px + p.pw, p.py + p.ph + 3);
        double sx = w - right + 10;
        g.setTextAlign(TextAlignment.LEFT);
        if (flat(lo, hi)) {
            // one value: one swatch of the colour every cell has, labelled once at its middle
            g.setFill(color(position(lo, lo, hi)));
            g.fillRect(sx, p.py, 10, p.ph);
            g.setFill(s.text());
            g.setTextBaseline(VPos.CENTER);
            g.fillText(Decimator.label(lo), sx + 12, p.py + p.ph / 2);
        } else {
            for (int i = 0; i < 50; i++) {
                g.setFill(color(1 - i / 49.0));
                g.fillRect(sx, p.py + i * p.ph / 50, 10, p.ph / 50 + 1);
            }
            String[] ends = endLabels(lo, hi);
            g.setFill(s.text());
            g.fillText(ends[1], sx + 12, p.py);
            g.setTextBaseline(VPos.BOTTOM);
            g.fillText(ends[0], sx + 12, p.py + p.ph);
        }
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(unit, sx - 6, p.py + p.ph + 18);
    }

    /**
     * Whether [lo, hi] is too narrow to colour: equal values (up to float noise, a millionth of their size). Such a
     * range stretched over the whole scale painted equal values half dark blue, half bright yellow.
     */
    static boolean flat(double lo, double hi) {
        return !(hi - lo > 1e-6 * Math.max(1, Math.max(Math.abs(lo), Math.abs(hi))));
    }

    /** Where {@code v} lies on the colour scale over [lo, hi], 0…1; the middle for a {@link #flat} range. */
    static double position(double v, double lo, double hi) { return flat(lo, hi) ? 0.5 : (v - lo) / (hi - lo); }

    /**
     * The scale's ends {lo, hi} as text, with the decimals it takes to tell them apart: "41.0" at both ends of a
     * 40.96…41.03 scale said the values were equal while the cells were coloured from one end to the other.
     */
    static String[] endLabels(double lo, double hi) {
        String a = Decimator.label(lo), b = Decimator.label(hi);
        if (!a.equals(b)) return new String[] {a, b};
        double step = Decimator.tickStep(hi - lo, 1);
        return new String[] {Decimator.label(lo, step), Decimator.label(hi, step)};
    }

    /** A perceptual dark-blue → teal → yellow ramp. */
    static Color color(double t) {
        t = Math.max(0, Math.min(1, t));
        return Color.hsb(250 - 190 * t, 0.75 - 0.1 * t, 0.35 + 0.6 * t);
    }

    @Override
    public String csv() {
        StringBuilder b = new StringBuilder("row");
        for (double t : times) b.append(',').append(t);
        b.append('\n');
        for (int r = 0; r < values.length; r++) {
            b.append(rows[r]);
            for (double v : values[r]) b.append(',').append(v);
            b.append('\n');
        }
        return b.toString();
    }
}
