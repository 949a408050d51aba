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
