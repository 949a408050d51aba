package org.maqd.ui.vm;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * The canvas camera: screen = world × zoom + pan. Zooming keeps the point under the pointer still; fitting
 * shows a box of the world centred in the visible area, never magnified beyond {@link #FIT_MAX}.
 */
public final class Viewport {
    public static final double MIN = 0.15, MAX = 3.0, FIT_MAX = 1.0;
    private final DoubleProperty zoom = new SimpleDoubleProperty(1);
    private final DoubleProperty panX = new SimpleDoubleProperty(0);
    private final DoubleProperty panY = new SimpleDoubleProperty(0);

    /** Multiplies the zoom by {@code factor} (clamped) keeping the screen point (sx, sy) over the same world point. */
    public void zoomAt(double factor, double sx, double sy) {
        double z = zoom.get(), nz = clamp(z * factor, MIN, MAX);
        double wx = (sx - panX.get()) / z, wy = (sy - panY.get()) / z;
        zoom.set(nz);
        panX.set(sx - wx * nz);
        panY.set(sy - wy * nz);
    }

    public void panBy(double dx, double dy) {
        panX.set(panX.get() + dx);
        panY.set(panY.get() + dy);
    }

    /** Shows the world box (minX, minY)–(maxX, maxY) centred in a width × height view with a margin. */
    public void fit(double minX, double minY, double maxX, double maxY, double width, double height, double margin) {
        if (width <= 0 || height <= 0) return;
        double bw = Math.max(1, maxX - minX), bh = Math.max(1, maxY - minY);
        double z = clamp(Math.min((width - 2 * margin) / bw, (height - 2 * margin) / bh), MIN, FIT_MAX);
        zoom.set(z);
        panX.set((width - bw * z) / 2 - minX * z);
        panY.set((height - bh * z) / 2 - minY * z);
    }

    public double worldX(double sx) { return (sx - panX.get()) / zoom.get(); }
    public double worldY(double sy) { return (sy - panY.get()) / zoom.get(); }

    private static double clamp(double v, double lo, double hi) { return Math.max(lo, Math.min(hi, v)); }

    public DoubleProperty zoomProperty() { return zoom; }
    public DoubleProperty panXProperty() { return panX; }
    public DoubleProperty panYProperty() { return panY; }
    public double zoom() { return zoom.get(); }
}
