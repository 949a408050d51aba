package org.maqd.ui.chart;

import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * What the charts draw with: the subset of a canvas GraphicsContext they use, so the same drawing code renders
 * to the screen ({@link FxPainter}) and to SVG text ({@link SvgPainter}).
 */
public interface Painter {
    void setFill(Color c);
    void setStroke(Color c);
    Color getStroke();
    void setLineWidth(double w);
    /** Dash lengths; none for a solid line. */
    void setLineDashes(double... dashes);
    void setGlobalAlpha(double a);
    void setTextAlign(TextAlignment a);
    void setTextBaseline(VPos b);
    void setFont(Font f);

    void fillRect(double x, double y, double w, double h);
    void strokeRect(double x, double y, double w, double h);
    void strokeLine(double x1, double y1, double x2, double y2);
    void fillOval(double x, double y, double w, double h);
    void fillText(String text, double x, double y);

    void beginPath();
    void moveTo(double x, double y);
    void lineTo(double x, double y);
    void rect(double x, double y, double w, double h);
    /** Strokes the current path. */
    void stroke();
    /** Clips everything after it (until {@link #restore}) to the current path. */
    void clip();
    void save();
    void restore();
}
