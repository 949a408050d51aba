package org.maqd.ui.vm;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.UnaryOperator;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.maqd.experiment.Experiment;
import org.maqd.ui.engine.ExperimentFiles;

/**
 * The open experiment: its current state, the file it came from, whether it has unsaved changes, the undo stack
 * and the classroom locks. Every change goes through {@link #edit}, so every change can be undone.
 */
public final class ExperimentDocument {
    private final ExperimentFiles files;
    private final ReadOnlyObjectWrapper<Experiment> experiment = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<LockRules> locks = new ReadOnlyObjectWrapper<>(new LockRules(null));
    private final UndoStack<Experiment> history = new UndoStack<>();
    private final javafx.beans.property.ReadOnlyIntegerWrapper loads = new javafx.beans.property.ReadOnlyIntegerWrapper();
    private Experiment saved;

    public ExperimentDocument(ExperimentFiles files, Experiment initial, Path source) {
        this.files = files;
        load(initial, source);
    }

    /** Replaces the document (new or opened file); clears history and marks it saved. */
    public void load(Experiment e, Path source) {
        history.clear();
        saved = e;
        file.set(source);
        set(e);
        loads.set(loads.get() + 1);
    }

    public void open(Path path) {
        load(files.read(path), path);
    }

    /** Applies an edit; returns false (and records nothing) when it changes nothing. */
    public boolean edit(String label, UnaryOperator<Experiment> change) {
        Experiment before = experiment.get();
        Experiment after = change.apply(before);
        if (Objects.equals(before, after)) return false;
        history.push(new UndoStack.Edit<>(label, before, after));
        set(after);
        return true;
    }

    public void undo() {
        UndoStack.Edit<Experiment> e = history.undo();
        if (e != null) set(e.before());
    }

    public void redo() {
        UndoStack.Edit<Experiment> e = history.redo();
        if (e != null) set(e.after());
    }

    public void save() {
        if (file.get() == null) throw new IllegalStateException("the experiment has no file yet: use Save As");
        saveAs(file.get());
    }

    /**
     * Writes the document to {@code path}, which becomes its file. An untitled document takes the file's name
     * (without {@code .json}), so its runs are named after it rather than "…-untitled".
     */
    public void saveAs(Path path) {
        Experiment e = experiment.get();
        if (e.name() == null || e.name().isBlank() || UNTITLED.equals(e.name())) {
            String stem = path.getFileName().toString().replaceFirst("(?i)\\.json$", "");
            e = e.withName(stem);
        }
        files.write(e, path);
        if (e != experiment.get()) experiment.set(e);
        file.set(path);
        saved = experiment.get();
        updateDirty();
    }

    /** The name File → New gives a document. */
    public static final String UNTITLED = "untitled";

    private void set(Experiment e) {
        if (locks.get() == null || !Objects.equals(e.locks(), experiment.get() == null ? null : experiment.get().locks()))
            locks.set(new LockRules(e.locks()));
        experiment.set(e);
        updateDirty();
    }

    private void updateDirty() { dirty.set(!Objects.equals(saved, experiment.get())); }

    public Experiment get() { return experiment.get(); }
    public ReadOnlyObjectProperty<Experiment> experimentProperty() { return experiment.getReadOnlyProperty(); }
    public ObjectProperty<Path> fileProperty() { return file; }
    public ReadOnlyBooleanProperty dirtyProperty() { return dirty.getReadOnlyProperty(); }
    public boolean isDirty() { return dirty.get(); }
    public LockRules locks() { return locks.get(); }
    public ReadOnlyObjectProperty<LockRules> locksProperty() { return locks.getReadOnlyProperty(); }
    public UndoStack<Experiment> history() { return history; }
    /** Counts documents loaded (new or opened), so views can react to a fresh document. */
    public javafx.beans.property.ReadOnlyIntegerProperty loadsProperty() { return loads.getReadOnlyProperty(); }
    public ExperimentFiles files() { return files; }
}
