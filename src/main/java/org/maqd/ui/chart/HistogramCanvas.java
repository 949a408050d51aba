package org.maqd.ui.chart;


/**
 * A histogram over [min, max] with the quantization levels drawn as vertical lines and everything outside the
 * clip range shaded: latent weights snapping onto their states show as peaks on the lines.
 */
public final class HistogramCanvas extends ChartCanvas {
    private float[] bins = new float[0];
    private double min, max;
    private double[] levels = new double[0];
    private double clipLo = Double.NaN, clipHi = Double.NaN;
    private String xLabel = "";
    private double barsTop, noteBottom;

    /** As drawn last, in chart pixels: the top of the tallest bar and the bottom of the levels note (0 without one). */
    public double[] barsTopAndNoteBottom() { return new double[] {barsTop, noteBottom}; }

    public void setData(float[] bins, double min, double max, double[] levels, double clipLo, double clipHi) {
        this.bins = bins == null ? new float[0] : bins.clone();
        this.min = min;
        this.max = max;
        this.levels = levels == null ? new double[0] : levels.clone();
        this.clipLo = clipLo;
        this.clipHi = clipHi;
        redraw();
    }

    public void setXLabel(String l) { xLabel = l; }

    @Override
    public boolean hasData() { return bins.length > 0 && max > min; }

    @Override
    protected void draw(Painter g, double w, double h, ChartStyle s) {
        double top = 0;
        for (float b : bins) top = Math.max(top, b);
        double yTop = top <= 0 ? 1 : top * 1.08;
        Plot p = xLabel.isEmpty() ? new Plot(w, h, min, max, 0, yTop) : Plot.labelled(w, h, min, max, 0, yTop);
        boolean dense = levels.length > 1 && p.sx(levels[1]) - p.sx(levels[0]) < 5;
        if (dense && p.ph > 60) {   // a line of room above the bars for the note that stands in for the levels
            yTop = Plot.raisedTop(0, yTop, p.ph, 18);
            p = xLabel.isEmpty() ? new Plot(w, h, min, max, 0, yTop) : Plot.labelled(w, h, min, max, 0, yTop);
        }
        if (!Double.isNaN(clipLo)) {
            g.setFill(s.clip());
            double a = p.sx(Math.max(min, clipLo)), b = p.sx(Math.min(max, clipHi));
            if (a > p.px) g.fillRect(p.px, p.py, a - p.px, p.ph);
            if (b < p.px + p.pw) g.fillRect(b, p.py, p.px + p.pw - b, p.ph);
        }
        p.axes(g, s, xLabel);
        double bw = p.pw / bins.length;
        g.setFill(s.color(0));
        barsTop = p.py + p.ph;
        noteBottom = 0;
        for (int i = 0; i < bins.length; i++) {
            double y = p.sy(bins[i]);
            barsTop = Math.min(barsTop, y);
            g.fillRect(p.px + i * bw, y, Math.max(1, bw - (bw > 3 ? 1 : 0)), p.py + p.ph - y);
        }
        g.setStroke(s.accent());
        g.setLineWidth(1.5);
        if (dense) {
            g.setFill(s.text());
            g.setTextAlign(javafx.scene.text.TextAlignment.RIGHT);
            g.setTextBaseline(javafx.geometry.VPos.TOP);
            g.fillText(levels.length + " levels: too dense to draw", p.px + p.pw - 4, p.py + 4);
            noteBottom = p.py + 4 + 13;
            return;
        }
        for (double l : levels) {
            if (l < min || l > max) continue;
            double x = p.sx(l);
            g.strokeLine(x, p.py, x, p.py + p.ph);
        }
    }

    @Override
    public String csv() {
        StringBuilder b = new StringBuilder("bin_low,bin_high,count\n");
        double step = (max - min) / Math.max(1, bins.length);
        for (int i = 0; i < bins.length; i++) b.append(min + i * step).append(',').append(min + (i + 1) * step).append(',').append(bins[i]).append('\n');
        for (double l : levels) b.append("level,").append(l).append(",\n");
        return b.toString();
    }
}
