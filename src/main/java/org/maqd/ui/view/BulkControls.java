package org.maqd.ui.view;

import javafx.scene.control.ComboBox;
import javafx.util.StringConverter;
import org.maqd.ui.vm.BulkEdit;
import org.maqd.ui.vm.LayerField;

/**
 * Binds the bulk-edit controls to {@link BulkEdit}: the value box shows the view model's value and offers the
 * chosen field's choices; it is a plain choice (not editable) for fields with fixed choices.
 */
final class BulkControls {
    private BulkControls() {}

    static void bind(BulkEdit bulk, ComboBox<BulkEdit.Scope> scope, ComboBox<LayerField> field, ComboBox<String> value) {
        scope.getItems().setAll(BulkEdit.Scope.values());
        scope.setConverter(converter(s -> s.label));
        scope.valueProperty().bindBidirectional(bulk.scopeProperty());
        field.setItems(bulk.fields());
        field.setConverter(converter(f -> f.label));
        field.valueProperty().bindBidirectional(bulk.fieldProperty());
        value.setItems(bulk.choices());
        Runnable show = () -> {
            LayerField f = bulk.fieldProperty().get();
            value.setEditable(f == null || f.kind != LayerField.Kind.CHOICE);
            String v = bulk.valueProperty().get();
            value.setValue(v == null || v.isEmpty() ? null : v);
            if (value.isEditable()) value.getEditor().setText(v == null ? "" : v);
        };
        bulk.valueProperty().addListener((o, a, b) -> show.run());
        bulk.fieldProperty().addListener((o, a, b) -> show.run());
        value.valueProperty().addListener((o, a, b) -> { if (b != null) bulk.valueProperty().set(b); });
        value.getEditor().textProperty().addListener((o, a, b) -> { if (value.isEditable()) bulk.valueProperty().set(b); });
        show.run();
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> label) {
        return new StringConverter<>() {
            @Override public String toString(T t) { return t == null ? "" : label.apply(t); }
            @Override public T fromString(String s) { return null; }
        };
    }
}
