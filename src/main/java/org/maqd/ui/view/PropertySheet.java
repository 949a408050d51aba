package org.maqd.ui.view;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import org.maqd.ui.vm.ComposerViewModel;
import org.maqd.ui.vm.FieldItem;
import org.maqd.ui.vm.LayerField;

/**
 * Builds the property sheet rows of the selected layer; each edit is sent to the view model. Where the panel is too
 * narrow for name, field and hint side by side (a lesson's pane beside it), each name gets its own line above its
 * field and hint; the rows stay compact instead of wrapping the hint into a column a few pixels wide.
 */
final class PropertySheet {
    /** Average width of a character of the sheet's labels, for the side-by-side estimate. */
    private static final double CHAR_WIDTH = 7;
    private static final double FIELD_WIDTH = 104;
    private final GridPane grid;
    private final ComposerViewModel vm;
    private boolean stacked;
    /** Each field's name, control and hint, as built last (re-placed, not rebuilt, when the panel's width changes). */
    private final java.util.List<javafx.scene.Node[]> rows = new java.util.ArrayList<>();

    PropertySheet(GridPane grid, ComposerViewModel vm) {
        this.grid = grid;
        this.vm = vm;
        grid.setMinWidth(0);
        grid.widthProperty().addListener((o, a, b) -> {
            if (b.doubleValue() > 0 && stack(b.doubleValue()) != stacked) {
                stacked = !stacked;
                place();   // the same controls moved: a field being typed in keeps its focus and its text
            }
        });
    }

    /** True when name, field and hint do not fit side by side in {@code width}. */
    private boolean stack(double width) {
        int name = 0, hint = 0;
        for (FieldItem f : vm.fields()) {
            name = Math.max(name, f.field().label.length() + (f.locked() ? 3 : 0));
            hint = Math.max(hint, f.hint().length());
        }
        return width < CHAR_WIDTH * (name + hint) + FIELD_WIDTH + 2 * grid.getHgap();
    }

    void rebuild() {
        grid.getChildren().clear();
        rows.clear();
        stacked = grid.getWidth() > 0 && stack(grid.getWidth());
        int index = vm.selectedProperty().get();
        if (vm.inputSelectedProperty().get()) {
            inputRow();
            return;
        }
        if (vm.fields().isEmpty()) {
            Label l = new Label(index < 0 ? "Select a layer to edit it." : "This layer has no settings.");
            l.getStyleClass().add("hint");
            grid.add(l, 0, 0, 3, 1);
            return;
        }
        for (FieldItem f : vm.fields()) {
            Label name = new Label(f.field().label);
            Control c = control(index, f);
            c.setId("field-" + f.field().key);
            c.setPrefWidth(FIELD_WIDTH);
            c.setMinWidth(FIELD_WIDTH);
            Label hint = new Label(f.hint());
            hint.setMinWidth(0);   // one line, cut with an ellipsis if need be (the tooltip and the message say it all)
            if (f.isDefault() && !f.locked()) Tooltip.install(hint, new Tooltip("Taken from the network defaults; type a value to set it for this layer only"));
            hint.getStyleClass().add(f.locked() ? "locked" : "hint");
            if (f.locked()) {
                // read-only rather than disabled: a disabled control shows no tooltip
                if (c instanceof javafx.scene.control.TextField t) t.setEditable(false);
                else c.setDisable(true);
                LockMark.mark(name, c, f.field().label + " is " + f.hint() + ": the lesson fixes it.");
                Tooltip.install(hint, name.getTooltip());
            }
            rows.add(new javafx.scene.Node[] {name, c, hint});
            grid.getChildren().addAll(name, c, hint);
        }
        place();
    }

    /** The input node's one row: its shape, edited as the network's input (a refused text shows the shape again). */
    private void inputRow() {
        Label name = new Label("Input shape");
        TextField t = new TextField(vm.inputShapeProperty().get());
        t.setId("field-input");
        t.setPrefWidth(FIELD_WIDTH);
        t.setMinWidth(FIELD_WIDTH);
        Label hint = new Label("C, H, W or features");
        hint.setMinWidth(0);
        hint.getStyleClass().add("hint");
        Tooltip.install(t, new Tooltip("The shape of one sample: channels, height, width (\"1, 28, 28\" for MNIST), "
                + "or one size for flat features (\"2\" for the toy data sets, the same as \"2, 1, 1\")"));
        if (vm.inputLocked()) {
            t.setEditable(false);
            LockMark.mark(name, t, "The input shape is locked by the experiment: the lesson fixes it.");
        } else {
            Runnable commit = () -> {
                String text = t.getText().trim();
                if (!text.equals(vm.inputShapeProperty().get()) && !vm.setInput(text)) t.setText(vm.inputShapeProperty().get());
            };
            t.setOnAction(e -> commit.run());
            t.focusedProperty().addListener((o, was, now) -> { if (!now) commit.run(); });
        }
        rows.add(new javafx.scene.Node[] {name, t, hint});
        grid.getChildren().addAll(name, t, hint);
        place();
    }

    /** Puts the caret in the input shape field, its text selected (double-click on the input node). */
    void focusInput() {
        for (javafx.scene.Node[] r : rows) {
            if (r[1] instanceof TextField t && "field-input".equals(t.getId())) {
                t.requestFocus();
                t.selectAll();
            }
        }
    }

    /** Puts each field's name, control and hint on one row, or the name above the other two when stacked. */
    private void place() {
        int row = 0;
        for (javafx.scene.Node[] r : rows) {
            ((Label) r[0]).setMinWidth(stacked ? 0 : javafx.scene.layout.Region.USE_PREF_SIZE);
            if (stacked) {
                GridPane.setConstraints(r[0], 0, row++, 2, 1);
                GridPane.setConstraints(r[1], 0, row, 1, 1);
                GridPane.setConstraints(r[2], 1, row++, 1, 1);
            } else {
                GridPane.setConstraints(r[0], 0, row, 1, 1);
                GridPane.setConstraints(r[1], 1, row, 1, 1);
                GridPane.setConstraints(r[2], 2, row++, 1, 1);
            }
        }
    }

    /** The choice that gives a layer's field back to the network's default. */
    static final String DEFAULT_CHOICE = "network default";

    private Control control(int index, FieldItem f) {
        LayerField field = f.field();
        if (field.kind == LayerField.Kind.CHOICE) {
            ComboBox<String> box = new ComboBox<>();
            box.getItems().setAll(field.choices);
            // a way back to the network's default, as an emptied text field is (once chosen, a value stayed the layer's own)
            if (field.hasDefault()) box.getItems().add(0, DEFAULT_CHOICE);
            box.setValue(f.mixed() ? null : f.value());
            if (f.mixed()) box.setPromptText("mixed");
            box.setOnAction(e -> {
                String v = box.getValue();
                if (v == null || v.equals(f.value())) return;
                boolean toDefault = DEFAULT_CHOICE.equals(v);
                // a refused value is not left in the box: it shows the layer's value, the message says why
                if (toDefault && f.isDefault() && !f.mixed() || !vm.setFieldOnSelection(field, toDefault ? "" : v))
                    box.setValue(f.mixed() ? null : f.value());
            });
            return box;
        }
        TextField t = new TextField(f.value());
        if (f.mixed()) t.setPromptText("mixed");
        if (f.isDefault()) t.getStyleClass().add("default-value");
        Runnable commit = () -> {
            String text = t.getText().trim();
            if (!text.equals(f.value()) && !((f.isDefault() || f.mixed()) && text.isEmpty())
                    && !vm.setFieldOnSelection(field, text)) t.setText(f.mixed() ? "" : f.value());
        };
        t.setOnAction(e -> commit.run());
        t.focusedProperty().addListener((o, was, now) -> { if (!now) commit.run(); });
        return t;
    }
}
