package org.maqd.ui.view;

import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.SVGPath;
import javafx.util.Duration;

/**
 * The mark of a field a lesson has locked: a padlock drawn as a shape (so it renders with any installed font,
 * unlike the emoji), and the explanation as a tooltip on the field itself, where the student looks.
 */
public final class LockMark {
    private LockMark() {}

    /** A 10×12 padlock: shackle and body. */
    public static SVGPath glyph() {
        SVGPath p = new SVGPath();
        p.setContent("M2 5 V3.5 A3 3 0 0 1 8 3.5 V5 H9 A1 1 0 0 1 10 6 V11 A1 1 0 0 1 9 12 H1 A1 1 0 0 1 0 11 V6 "
                + "A1 1 0 0 1 1 5 Z M3.5 5 H6.5 V3.5 A1.5 1.5 0 0 0 3.5 3.5 Z");
        p.getStyleClass().add("lock-mark");
        return p;
    }

    /** Marks a field's label with the padlock and gives label and field the same tooltip. */
    public static void mark(Label label, Control field, String why) {
        label.setGraphic(glyph());
        label.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
        label.getStyleClass().add("locked");
        field.getStyleClass().add("locked-field");
        Tooltip t = new Tooltip(why);
        t.setShowDelay(Duration.millis(200));
        t.setWrapText(true);
        t.setMaxWidth(420);
        label.setTooltip(t);
        field.setTooltip(t);
    }
}
