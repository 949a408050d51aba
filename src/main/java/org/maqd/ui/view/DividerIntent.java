package org.maqd.ui.view;

import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.input.MouseEvent;

/**
 * Keeps a split pane's dividers where they were meant to be. A split pane squeezed below its items' minimum sizes
 * moves its dividers, and it keeps those positions when it grows again: a window opened small and then enlarged
 * showed the Runs view's table in ~28% of the width instead of half. The intended positions are the ones set here
 * until the user drags a divider (a click without a move changes nothing), after which the dragged positions are; they are applied again whenever the pane's
 * length along its orientation changes (the skin still clamps them to the items' minimum sizes).
 */
final class DividerIntent {
    private final SplitPane split;
    private double[] intent;
    private double[] pressed;   // positions when a divider was pressed, until its release

    private DividerIntent(SplitPane split, double[] positions) {
        this.split = split;
        this.intent = positions.clone();
    }

    /** Sets {@code positions} on {@code split} and keeps them (or the user's dragged ones) as the pane is resized. */
    static void keep(SplitPane split, double... positions) {
        DividerIntent d = new DividerIntent(split, positions);
        split.setDividerPositions(positions);
        (split.getOrientation() == Orientation.HORIZONTAL ? split.widthProperty() : split.heightProperty())
                .addListener((o, a, b) -> Platform.runLater(d::apply));
        // a drag (the positions moved between press and release) sets the intent; a click leaves it as it was,
        // also while the pane is squeezed below its intended positions
        split.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (d.onDivider(e.getTarget())) d.pressed = split.getDividerPositions();
        });
        split.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            double[] now = split.getDividerPositions();
            if (d.onDivider(e.getTarget()) && !java.util.Arrays.equals(now, d.pressed)) d.intent = now;
            d.pressed = null;
        });
    }

    private void apply() {
        if (intent.length == split.getDividers().size()) split.setDividerPositions(intent);
    }

    private boolean onDivider(Object target) {
        for (Node n = target instanceof Node t ? t : null; n != null && n != split; n = n.getParent()) {
            if (n.getStyleClass().contains("split-pane-divider")) return isOwnDivider(n);
        }
        return false;
    }

    // a divider of this split (not of a split pane nested in one of its items)
    private boolean isOwnDivider(Node divider) {
        for (Node n = divider.getParent(); n != null; n = n.getParent()) {
            if (n instanceof SplitPane s) return s == split;
        }
        return false;
    }
}
