package org.maqd.ui.view;

import javafx.collections.ListChangeListener;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * Table columns no narrower than their header text: a table that fits its width (constrained policy) squeezed
 * "Test accuracy" to "Test a…" in a narrow pane; with these minimum widths it scrolls sideways instead.
 */
final class Columns {
    private Columns() {}

    /** Room beside the header text (or a header label's, as a column with a header tooltip has): padding, sort arrow. */
    private static final double PADDING = 30;

    static <S> void keepHeadersReadable(TableView<S> table) {
        table.getColumns().forEach(Columns::fit);
        table.getColumns().addListener((ListChangeListener<TableColumn<S, ?>>) c -> table.getColumns().forEach(Columns::fit));
    }

    /**
     * Lets the table's columns fill its width as the constrained resize policy does, shrinking each from its
     * preferred width towards its minimum width; when even the minimum widths do not fit, the columns keep those and
     * the table scrolls sideways. The constrained policy never shows a horizontal scroll bar: in a narrow pane the
     * last columns (the Runs view's "Test accuracy ± 95% CI", the PTQ table's "vs float") lay outside the table with
     * no way to reach them. Call after the columns are set and their minimum widths are final.
     */
    static <S> void fitOrScroll(TableView<S> table) {
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        java.util.Map<TableColumn<S, ?>, Double> preferred = new java.util.IdentityHashMap<>();
        Runnable fit = () -> fitWidths(table, preferred);
        table.widthProperty().addListener((o, a, b) -> fit.run());
        table.getColumns().addListener((ListChangeListener<TableColumn<S, ?>>) c -> fit.run());
        // the vertical scroll bar takes its width from the columns when rows overflow the table's height
        table.skinProperty().addListener((o, a, b) -> javafx.application.Platform.runLater(() -> {
            for (javafx.scene.Node n : table.lookupAll(".scroll-bar")) {
                if (n instanceof javafx.scene.control.ScrollBar bar && bar.getOrientation() == javafx.geometry.Orientation.VERTICAL)
                    bar.visibleProperty().addListener((o2, a2, b2) -> fit.run());
            }
            fit.run();
        }));
        fit.run();
    }

    private static <S> void fitWidths(TableView<S> table, java.util.Map<TableColumn<S, ?>, Double> preferred) {
        var columns = table.getVisibleLeafColumns();
        if (columns.isEmpty() || table.getWidth() <= 0) return;
        double bar = 0;
        for (javafx.scene.Node n : table.lookupAll(".scroll-bar")) {
            if (n instanceof javafx.scene.control.ScrollBar b && b.getOrientation() == javafx.geometry.Orientation.VERTICAL
                    && b.isVisible()) bar = Math.max(bar, b.getWidth());
        }
        double room = Math.floor(table.getWidth() - table.snappedLeftInset() - table.snappedRightInset() - bar) - 1;
        double pref = 0, min = 0;
        for (TableColumn<S, ?> c : columns) {
            pref += preferred.computeIfAbsent(c, TableColumn::getPrefWidth);
            min += c.getMinWidth();
        }
        for (TableColumn<S, ?> c : columns) {
            double p = preferred.get(c), w;
            if (room >= pref) w = p * room / pref;
            else if (room <= min) w = c.getMinWidth();
            else w = p - (p - c.getMinWidth()) * (pref - room) / (pref - min);
            c.setPrefWidth(Math.floor(Math.max(c.getMinWidth(), Math.min(c.getMaxWidth(), w))));
        }
    }

    private static void fit(TableColumn<?, ?> c) {
        String name = c.getText() != null || !(c.getGraphic() instanceof javafx.scene.control.Labeled l) ? c.getText() : l.getText();
        if (name == null || name.isEmpty()) return;
        Font base = Font.getDefault();
        Text probe = new Text(name);
        probe.setFont(Font.font(base.getFamily(), FontWeight.BOLD, base.getSize()));
        double w = Math.ceil(probe.getLayoutBounds().getWidth()) + PADDING;
        if (c.getMinWidth() < w) c.setMinWidth(w);
        if (c.getPrefWidth() < w) c.setPrefWidth(w);
    }
}
