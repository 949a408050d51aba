package org.maqd.ui.chart;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A resizable canvas chart: subclasses draw their data in {@link #draw}; {@link #redraw()} repaints. Each chart
 * can give its data as CSV (for "save data") and itself as SVG; drawing goes through a {@link Painter} so the
 * screen and the SVG come from the same code.
 */
public abstract class ChartCanvas extends Canvas {
    protected static final Font SMALL = Font.font(10.5);
    private final ObjectProperty<ChartStyle> chartStyle = new SimpleObjectProperty<>(ChartStyle.LIGHT);
    private String emptyText = "No data yet";

    protected ChartCanvas() {
        widthProperty().addListener(o -> redraw());
        heightProperty().addListener(o -> redraw());
        chartStyle.addListener(o -> redraw());
    }

    @Override public boolean isResizable() { return true; }
    @Override public double prefWidth(double h) { return 360; }
    @Override public double prefHeight(double w) { return 200; }
    @Override public double minWidth(double h) { return 120; }
    @Override public double minHeight(double w) { return 80; }
    @Override public double maxWidth(double h) { return Double.MAX_VALUE; }
    @Override public double maxHeight(double w) { return Double.MAX_VALUE; }

    @Override
    public void resize(double w, double h) {
        setWidth(w);
        setHeight(h);
    }

    public final void redraw() {
        paint(new FxPainter(getGraphicsContext2D()), getWidth(), getHeight());
        showsData.set(hasData());
    }

    private final ReadOnlyBooleanWrapper showsData = new ReadOnlyBooleanWrapper(false);

    /** Whether the chart had data when last drawn on screen (false: it shows its empty text); on the FX thread. */
    public ReadOnlyBooleanProperty showsDataProperty() { return showsData.getReadOnlyProperty(); }

    /**
     * The chart as an SVG document at its current size (600×320 when it has not been laid out): the same drawing
     * code as on screen, written as SVG elements.
     */
    public String svg() {
        double w = getWidth() >= 10 ? getWidth() : 600, h = getHeight() >= 10 ? getHeight() : 320;
        SvgPainter p = new SvgPainter(w, h);
        paint(p, w, h);
        return p.toSvg();
    }

    private void paint(Painter g, double w, double h) {
        ChartStyle s = chartStyle.get();
        g.setFill(s.background());
        g.fillRect(0, 0, w, h);
        g.setFont(SMALL);
        if (w < 10 || h < 10) return;
        if (!hasData()) {
            g.setFill(s.muted());
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(emptyText, w / 2, h / 2);
            return;
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BASELINE);
        draw(g, w, h, s);
    }

    /** False when the chart shows its empty text. */
    public abstract boolean hasData();

    protected abstract void draw(Painter g, double w, double h, ChartStyle s);

    /** The plotted data as CSV with a header line. */
    public abstract String csv();

    /** What the chart says while it has no data. */
    public String emptyText() { return emptyText; }

    public void setEmptyText(String t) {
        emptyText = t;
        redraw();
    }

    public ObjectProperty<ChartStyle> chartStyleProperty() { return chartStyle; }
}
