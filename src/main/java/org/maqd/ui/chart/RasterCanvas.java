package org.maqd.ui.chart;

import javafx.geometry.VPos;

/** A spike raster: one row per sample, one column per unit, a filled cell where the unit fired (code &gt; 0). */
public final class RasterCanvas extends ChartCanvas {
    private byte[] cells = new byte[0];
    private int rows, cols;
    private int maxCode = 1;

    public void setData(byte[] cells, int rows, int cols, int states) {
        this.cells = cells == null ? new byte[0] : cells.clone();
        this.rows = rows;
        this.cols = cols;
        this.maxCode = Math.max(1, states - 1);
        redraw();
    }

    @Override
    public boolean hasData() { return rows > 0 && cols > 0 && cells.length >= rows * cols; }

    @Override
    protected void draw(Painter g, double w, double h, ChartStyle s) {
        double left = 46, top = 8, pw = w - left - 10, ph = h - top - 22;
        double cw = pw / cols, rh = ph / rows;
        g.setFill(s.grid());
        g.fillRect(left, top, pw, ph);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int v = cells[r * cols + c] & 0xff;
                if (v == 0) continue;
                g.setGlobalAlpha(0.35 + 0.65 * v / maxCode);
                g.setFill(s.color(0));
                g.fillRect(left + c * cw, top + r * rh, Math.max(1, cw - (cw > 3 ? 1 : 0)), Math.max(1, rh - (rh > 3 ? 1 : 0)));
            }
        }
        g.setGlobalAlpha(1);
        g.setFill(s.muted());
        g.setTextBaseline(VPos.TOP);
        g.fillText(cols + " units across the layer →", left, top + ph + 4);
        g.setTextBaseline(VPos.CENTER);
        g.fillText("samples", 2, top + ph / 2);
    }

    @Override
    public String csv() {
        StringBuilder b = new StringBuilder("sample");
        for (int c = 0; c < cols; c++) b.append(",u").append(c);
        b.append('\n');
        for (int r = 0; r < rows; r++) {
            b.append(r);
            for (int c = 0; c < cols; c++) b.append(',').append(cells[r * cols + c] & 0xff);
            b.append('\n');
        }
        return b.toString();
    }
}
