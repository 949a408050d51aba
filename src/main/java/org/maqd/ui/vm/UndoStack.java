package org.maqd.ui.vm;

import java.util.ArrayDeque;
import java.util.Deque;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Undo/redo of whole-document states: every edit records the state before and after (experiments are immutable
 * records, so a snapshot is cheap and exact).
 */
public final class UndoStack<T> {
    /** One edit: what it was called, the state before and after. */
    public record Edit<T>(String label, T before, T after) {}

    private final Deque<Edit<T>> undo = new ArrayDeque<>();
    private final Deque<Edit<T>> redo = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper undoLabel = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper redoLabel = new ReadOnlyStringWrapper("");

    public void push(Edit<T> e) {
        undo.push(e);
        redo.clear();
        update();
    }

    /** The edit undone (its {@code before} is the state to restore), or null. */
    public Edit<T> undo() {
        if (undo.isEmpty()) return null;
        Edit<T> e = undo.pop();
        redo.push(e);
        update();
        return e;
    }

    /** The edit redone (its {@code after} is the state to restore), or null. */
    public Edit<T> redo() {
        if (redo.isEmpty()) return null;
        Edit<T> e = redo.pop();
        undo.push(e);
        update();
        return e;
    }

    public void clear() {
        undo.clear();
        redo.clear();
        update();
    }

    public int size() { return undo.size(); }

    private void update() {
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
        undoLabel.set(undo.isEmpty() ? "" : undo.peek().label());
        redoLabel.set(redo.isEmpty() ? "" : redo.peek().label());
    }

    public ReadOnlyBooleanProperty canUndoProperty() { return canUndo.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty canRedoProperty() { return canRedo.getReadOnlyProperty(); }
    public ReadOnlyStringProperty undoLabelProperty() { return undoLabel.getReadOnlyProperty(); }
    public ReadOnlyStringProperty redoLabelProperty() { return redoLabel.getReadOnlyProperty(); }
}
