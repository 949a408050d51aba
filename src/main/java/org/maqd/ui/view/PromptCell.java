package org.maqd.ui.view;

import javafx.css.PseudoClass;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;

/**
 * A combo box's button cell that shows the prompt text whenever the box has no value. JavaFX's own button cell shows
 * the prompt only until a first value is chosen: a box emptied later (the Training view's layer box after File → New)
 * went blank instead of saying "(after Train)". The prompt is drawn in the theme's placeholder colour ({@code :prompt}).
 */
final class PromptCell<T> extends ListCell<T> {
    private static final PseudoClass PROMPT = PseudoClass.getPseudoClass("prompt");
    private final ComboBox<T> box;

    private PromptCell(ComboBox<T> box) { this.box = box; }

    /** Gives {@code box} a button cell that keeps its prompt text. */
    static <T> void keep(ComboBox<T> box) { box.setButtonCell(new PromptCell<>(box)); }

    @Override
    protected void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        boolean none = empty || item == null;
        setText(none ? box.getPromptText() : box.getConverter() == null ? item.toString() : box.getConverter().toString(item));
        pseudoClassStateChanged(PROMPT, none);
    }
}
