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
        Alert a = message(type, title, message);
        a.initOwner(owner);
        a.showAndWait();
    }

    /** Width of every message dialog's text: long messages wrap (or scroll) inside it, the buttons stay on screen. */
    static final double TEXT_WIDTH = 520;

    /** A message dialog whose width is bounded whatever the message: wrapped text, a scrolling box when long. */
    static Alert message(Alert.AlertType type, String title, String message) {
        Alert a = new Alert(type);
        a.setTitle(title);
        a.setHeaderText(title);
        javafx.scene.control.Control body;
        if (message.length() > 600 || message.lines().count() > 12) {
            javafx.scene.control.TextArea t = new javafx.scene.control.TextArea(message);
            t.setEditable(false);
            t.setWrapText(true);
            t.setPrefRowCount(12);
            body = t;
        } else {
            Label l = new Label(message);
            l.setWrapText(true);
            l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            body = l;
        }
        body.setPrefWidth(TEXT_WIDTH);
        body.setMaxWidth(TEXT_WIDTH);
        body.getStyleClass().add("dialog-message");
        a.getDialogPane().setContent(body);
        a.getDialogPane().setMaxWidth(TEXT_WIDTH + 120);
        a.setResizable(true);
        return a;
    }

    @Override
    public void filesWritten(String title, String what, java.util.List<Path> files) {
        Alert a = written(title, what, files);
        a.initOwner(owner);
        a.showAndWait();
    }

    /** Widest a path field grows to fit its path before it scrolls (then it shows the end: the file's name). */
    static final double PATH_WIDTH = 900;

    /**
     * "Report written:" and each file as a read-only, selectable field holding its whole path on one line (a
     * wrapped label broke paths mid-name); the field is as wide as the path, up to {@link #PATH_WIDTH}.
     */
    static Alert written(String title, String what, java.util.List<Path> files) {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.setTitle(title);
        a.setHeaderText(title);
        Label l = new Label(what);
        l.setWrapText(true);
        l.getStyleClass().add("dialog-message");
        javafx.scene.layout.VBox body = new javafx.scene.layout.VBox(6, l);
        for (Path f : files) {
            String p = f.toAbsolutePath().toString();
            javafx.scene.control.TextField t = new javafx.scene.control.TextField(p);
            t.setEditable(false);
            t.getStyleClass().add("path-field");
            javafx.scene.text.Text probe = new javafx.scene.text.Text(p);
            probe.setFont(t.getFont());
            t.setPrefWidth(Math.min(PATH_WIDTH, Math.max(TEXT_WIDTH, probe.getLayoutBounds().getWidth() + 24)));
            t.setTooltip(new javafx.scene.control.Tooltip(p));
            t.positionCaret(p.length());
            body.getChildren().add(t);
        }
        a.getDialogPane().setContent(body);
        a.setResizable(true);
        return a;
    }

    @Override
    public Unsaved unsavedChanges(String name) {
        Alert a = unsaved(name);
        a.initOwner(owner);
        ButtonType r = a.showAndWait().orElse(ButtonType.CANCEL);
        return r.getButtonData() == ButtonBar.ButtonData.YES ? Unsaved.SAVE
                : r.getButtonData() == ButtonBar.ButtonData.NO ? Unsaved.DISCARD : Unsaved.CANCEL;
    }

    /**
     * "Unsaved changes": Save, Discard, Cancel. Enter (the default button) cancels: saving over a file (a shipped
     * lesson, say) must be a deliberate click, and Esc cancels too.
     */
    static Alert unsaved(String name) {
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Discard changes", ButtonBar.ButtonData.NO);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "“" + name + "” has unsaved changes. Save them first?",
                save, discard, ButtonType.CANCEL);
        a.setHeaderText("Unsaved changes");
        ((javafx.scene.control.Button) a.getDialogPane().lookupButton(save)).setDefaultButton(false);
        ((javafx.scene.control.Button) a.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        return a;
    }
}
