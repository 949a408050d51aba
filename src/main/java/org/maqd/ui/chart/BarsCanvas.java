package org.maqd.ui.chart;

import javafx.geometry.VPos;
import javafx.scene.text.TextAlignment;

/** Occupancy bars: the fraction of values in each quantized state, labelled with the state's index and value. */
public final class BarsCanvas extends ChartCanvas {
    private double[] fractions = new double[0];
    private String[] labels = new String[0];
    private String caption = "";

    /** counts per state; labels under each bar (e.g. the level value); caption in the top-right corner. */
    public void setData(long[] counts, String[] labels, String caption) {
        long total = 0;
        for (long c : counts) total += c;
        fractions = new double[counts.length];
        for (int i = 0; i < counts.length; i++) fractions[i] = total == 0 ? 0 : (double) counts[i] / total;
        this.labels = labels == null ? new String[counts.length] : labels.clone();
        this.caption = caption == null ? "" : caption;
        redraw();
    }

    @Override
    public boolean hasData() { return fractions.length > 0; }

    @Override
    protected void draw(Painter g, double w, double h, ChartStyle s) {
        double top = yTop();
        double pw = w - Plot.LEFT - Plot.RIGHT, gap = Math.max(1, pw) / Math.max(1, fractions.length);
        // above the plot: a line for the caption, then one for the value over a bar that reaches the axis top (inside
        // the plot the caption hid the value of a tall right-hand bar, and that value was cut at the canvas' top)
        double head = (caption.isEmpty() ? 0 : CAPTION_LINE) + (gap > 26 ? VALUE_LINE : 0);
        Plot p = new Plot(Plot.LEFT, Plot.TOP + head, pw, h - Plot.TOP - head - Plot.BOTTOM, 0, fractions.length, 0, top);
        g.setStroke(s.grid());
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (int t = 0; t <= 4; t++) {
            double y = Math.round(p.sy(t * top / 4)) + 0.5;
            g.strokeLine(p.px, y, p.px + p.pw, y);
            g.setFill(s.muted());
            g.fillText(String.format("%.0f%%", 100 * t * top / 4), p.px - 4, y);
        }
        int longest = 1;
        for (String l : labels) if (l != null) longest = Math.max(longest, l.length());
        // labels no closer than their own width (a range label such as -127.5…-120.5 is wider than a bar)
        int stride = (int) Math.ceil(Math.max(40, longest * 6 + 8) / gap);
        g.setTextAlign(TextAlignment.CENTER);
        for (int i = 0; i < fractions.length; i++) {
            double x = p.px + i * gap + gap * 0.15, bw = gap * 0.7, y = p.sy(fractions[i]);
            g.setFill(s.color(i == fractions.length / 2 && fractions.length % 2 == 1 ? 4 : 0));
            g.fillRect(x, y, bw, p.py + p.ph - y);
            g.setFill(s.text());
            g.setTextBaseline(VPos.BOTTOM);
            if (gap > 26) g.fillText(String.format("%.1f%%", 100 * fractions[i]), x + bw / 2, y - 1);
            g.setTextBaseline(VPos.TOP);
            g.setFill(s.muted());
            if (labels[i] != null && (stride <= 1 || i % stride == 0 || i == fractions.length - 1 && (fractions.length - 1) % stride > stride / 2))
                g.fillText(labels[i], labelCentre(x + bw / 2, labels[i], w), p.py + p.ph + 3);
        }
        g.setStroke(s.axis());
        g.strokeRect(p.px + 0.5, p.py + 0.5, p.pw, p.ph);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.TOP);
        g.setFill(s.text());
        g.fillText(caption, p.px + p.pw, Plot.TOP - 6);
    }

    /** A label's centre moved inside the chart's width (the end bars' range labels, -127.5…-120.5, were cut off). */
    static double labelCentre(double centre, String label, double width) {
        double half = label.length() * 3.2 + 1;   // about 6.4 px a character at the chart's small font
        return Math.max(half, Math.min(width - half, centre));
    }

    static final double CAPTION_LINE = 12, VALUE_LINE = 12;

    /**
     * The y axis' top: the smallest of 4, 8, 12, 20, 40, 60, 80 and 100% at or above the tallest bar (four grid steps of
     * whole percents), so that many small shares (e.g. 32 bars of 256 states) are not flat lines at the bottom.
     */
    double yTop() {
        double max = 0;
        for (double f : fractions) max = Math.max(max, f);
        for (double t : new double[] {0.04, 0.08, 0.12, 0.2, 0.4, 0.6, 0.8}) if (max <= t) return t;
        return 1;
    }

    @Override
    public String csv() {
        StringBuilder b = new StringBuilder("state,label,fraction\n");
        for (int i = 0; i < fractions.length; i++) b.append(i).append(',').append(labels[i] == null ? "" : labels[i]).append(',').append(fractions[i]).append('\n');
        return b.toString();
    }
}
