package org.maqd.ui.chart;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/** {@link Painter} onto a canvas. */
final class FxPainter implements Painter {
    private final GraphicsContext g;
    private Color stroke = Color.BLACK;

    FxPainter(GraphicsContext g) { this.g = g; }

    @Override public void setFill(Color c) { g.setFill(c); }
    @Override public void setStroke(Color c) { stroke = c; g.setStroke(c); }
    @Override public Color getStroke() { return stroke; }
    @Override public void setLineWidth(double w) { g.setLineWidth(w); }
    @Override public void setLineDashes(double... d) { g.setLineDashes(d); }
    @Override public void setGlobalAlpha(double a) { g.setGlobalAlpha(a); }
    @Override public void setTextAlign(TextAlignment a) { g.setTextAlign(a); }
    @Override public void setTextBaseline(VPos b) { g.setTextBaseline(b); }
    @Override public void setFont(Font f) { g.setFont(f); }
    @Override public void fillRect(double x, double y, double w, double h) { g.fillRect(x, y, w, h); }
    @Override public void strokeRect(double x, double y, double w, double h) { g.strokeRect(x, y, w, h); }
    @Override public void strokeLine(double x1, double y1, double x2, double y2) { g.strokeLine(x1, y1, x2, y2); }
    @Override public void fillOval(double x, double y, double w, double h) { g.fillOval(x, y, w, h); }
    @Override public void fillText(String t, double x, double y) { g.fillText(t, x, y); }
    @Override public void beginPath() { g.beginPath(); }
    @Override public void moveTo(double x, double y) { g.moveTo(x, y); }
    @Override public void lineTo(double x, double y) { g.lineTo(x, y); }
    @Override public void rect(double x, double y, double w, double h) { g.rect(x, y, w, h); }
    @Override public void stroke() { g.stroke(); }
    @Override public void clip() { g.clip(); }
    @Override public void save() { g.save(); }

    @Override
    public void restore() {
        g.restore();
        if (g.getStroke() instanceof Color c) stroke = c;
    }
}
