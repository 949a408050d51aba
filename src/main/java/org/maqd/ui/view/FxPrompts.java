package org.maqd.ui.view;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Prompts as JavaFX dialogs owned by the workbench window. */
public final class FxPrompts implements Prompts {
    private final Window owner;

    public FxPrompts(Window owner) { this.owner = owner; }

    @Override
    public Path chooseOpen(Path dir) {
        File f = chooser(dir, null).showOpenDialog(owner);
        return f == null ? null : f.toPath();
    }

    @Override
    public Path chooseSave(Path dir, String name) {
        File f = chooser(dir, name).showSaveDialog(owner);
        return f == null ? null : f.toPath();
    }

    private static FileChooser chooser(Path dir, String name) {
        FileChooser fc = new FileChooser();
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Experiment files", "*.json"));
        if (dir != null && Files.isDirectory(dir)) fc.setInitialDirectory(dir.toFile());
        if (name != null) fc.setInitialFileName(name);
        return fc;
    }

    @Override
    public void error(String title, String message) { show(Alert.AlertType.ERROR, title, message); }

    @Override
    public void info(String title, String message) { show(Alert.AlertType.INFORMATION, title, message); }

    private void show(Alert.AlertType type, String title, String message) {
        Alert a = new Alert(type);
        a.initOwner(owner);
        a.setTitle(title);
        a.setHeaderText(title);
        Label l = new Label(message);
        l.setWrapText(true);
        l.setMaxWidth(520);
        a.getDialogPane().setContent(l);
        a.showAndWait();
    }

    @Override
    public Unsaved unsavedChanges(String name) {
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Discard changes", ButtonBar.ButtonData.NO);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "“" + name + "” has unsaved changes. Save them first?",
                save, discard, ButtonType.CANCEL);
        a.initOwner(owner);
        a.setHeaderText("Unsaved changes");
        ButtonType r = a.showAndWait().orElse(ButtonType.CANCEL);
        return r == save ? Unsaved.SAVE : r == discard ? Unsaved.DISCARD : Unsaved.CANCEL;
    }
}
