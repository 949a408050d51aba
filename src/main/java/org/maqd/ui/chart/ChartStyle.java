package org.maqd.ui.chart;

import java.util.List;
import javafx.scene.paint.Color;

/** Colors of the canvas charts for one theme. */
public record ChartStyle(Color background, Color axis, Color grid, Color text, Color muted, List<Color> series,
                         Color accent, Color clip) {
    public static final ChartStyle LIGHT = new ChartStyle(Color.WHITE, Color.web("#444"), Color.web("#e4e4e4"),
            Color.web("#222"), Color.web("#777"),
            List.of(Color.web("#1f77b4"), Color.web("#d62728"), Color.web("#2ca02c"), Color.web("#ff7f0e"),
                    Color.web("#9467bd"), Color.web("#8c564b")),
            Color.web("#d62728"), Color.web("#d6272830"));
    public static final ChartStyle DARK = new ChartStyle(Color.web("#1e1f22"), Color.web("#bbb"), Color.web("#34363a"),
            Color.web("#e6e6e6"), Color.web("#999"),
            List.of(Color.web("#4ea3ff"), Color.web("#ff6b6b"), Color.web("#5ad17a"), Color.web("#ffb347"),
                    Color.web("#c49bff"), Color.web("#d9a37a")),
            Color.web("#ff6b6b"), Color.web("#ff6b6b38"));

    public Color color(int i) { return series.get(Math.floorMod(i, series.size())); }
}
