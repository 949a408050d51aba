package org.maqd.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.maqd.experiment.Experiment;
import org.maqd.experiment.ExperimentIO;
import org.maqd.ui.engine.Engine;
import org.maqd.ui.vm.RecentFiles;
import org.maqd.ui.vm.Templates;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the real window headless: compose, edit, undo, save, reopen, and the file dialogs' error paths. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class WorkbenchUiTest {
    @TempDir static Path dir;
    private WorkbenchApp.Window w;
    private final TestPrompts prompts = new TestPrompts();
    private Path file;

    @Start
    void start(Stage stage) throws Exception {
        file = dir.resolve("quickstart-" + System.nanoTime() + ".json");
        Path shipped = Path.of("experiments", "quickstart.json");
        Files.writeString(file, Files.isRegularFile(shipped) ? Files.readString(shipped)
                : ExperimentIO.toJson(Templates.quickstart()));
        w = WorkbenchApp.open(stage, Engine.standard(), file, dir.resolve("runs"), new RecentFiles(null), prompts);
    }

    private Experiment exp() { return w.vm().document().get(); }

    @Test
    void everyViewHasItsShortcutInTabOrder(FxRobot robot) {
        var tabs = w.view().tabs();
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5, KeyCode.DIGIT6};
        assertEquals(digits.length, tabs.getTabs().size(), "a shortcut for each view");
        for (int i = digits.length - 1; i >= 0; i--) {
            robot.press(KeyCode.CONTROL).type(digits[i]).release(KeyCode.CONTROL);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(i, tabs.getSelectionModel().getSelectedIndex(), "Ctrl+" + (i + 1) + " shows " + tabs.getTabs().get(i).getText());
        }
    }

    @Test
    void editALayersStatesAndNormThenUndoSaveAndReopen(FxRobot robot) throws Exception {
        assertEquals("quickstart", exp().name());
        robot.clickOn("#layer-2");
        assertEquals(2, w.vm().composer().selectedProperty().get());
        TextField states = robot.lookup("#field-weightStates").queryAs(TextField.class);
        assertEquals("3", states.getText());
        robot.doubleClickOn(states).eraseText(3).write("5").type(KeyCode.ENTER);
        assertEquals(5, exp().network().layers().get(2).weightStates());
        @SuppressWarnings("unchecked")
        ComboBox<String> norm = robot.lookup("#field-norm").queryAs(ComboBox.class);
        robot.interact(() -> norm.getSelectionModel().select("bn"));
        assertEquals("bn", exp().network().layers().get(2).norm());
        assertTrue(w.stage().getTitle().startsWith("•"), w.stage().getTitle());
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertEquals(null, exp().network().layers().get(2).norm());
        robot.press(KeyCode.CONTROL).type(KeyCode.Y).release(KeyCode.CONTROL);
        assertEquals("bn", exp().network().layers().get(2).norm());
        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        assertTrue(prompts.errors.isEmpty(), prompts.errors.toString());
        assertFalse(w.vm().document().isDirty());
        Experiment reread = ExperimentIO.read(file);
        assertEquals(5, reread.network().layers().get(2).weightStates());
        assertEquals("bn", reread.network().layers().get(2).norm());
        robot.interact(() -> w.vm().newExperiment());
        prompts.openAnswer = file;
        robot.press(KeyCode.CONTROL).type(KeyCode.O).release(KeyCode.CONTROL);
        assertEquals("bn", exp().network().layers().get(2).norm());
        assertEquals(file, w.vm().document().fileProperty().get());
        assertEquals(file.toAbsolutePath().normalize(), w.vm().recent().files().get(0));
    }

    @Test
    void paletteDeleteKeyAndShapeErrorsOnTheNode(FxRobot robot) {
        int before = exp().network().layers().size();
        robot.clickOn("#layer-0");
        robot.type(KeyCode.DELETE);
        assertEquals(before - 1, exp().network().layers().size());
        assertTrue(robot.lookup("#layer-0").queryAs(javafx.scene.Node.class).getStyleClass().contains("invalid"));
        assertTrue(robot.lookup(".node-error").tryQuery().isPresent());
        robot.clickOn("Undo");
        assertEquals(before, exp().network().layers().size());
        robot.clickOn("#layer-1");
        robot.clickOn("#palette-dropout");
        assertEquals("dropout", exp().network().layers().get(2).type());
        robot.clickOn("#palette-linear");
        assertEquals(before + 2, exp().network().layers().size(), "clicking a palette item inserts a layer (dragging one: CanvasUiTest)");
    }

    @Test
    void unsavedChangesAreNeverLostSilentlyAndBadFilesSayWhy(FxRobot robot) throws Exception {
        robot.interact(() -> w.vm().composer().setField(1, org.maqd.ui.vm.LayerField.UNITS, "300"));
        prompts.unsavedAnswer = org.maqd.ui.view.Prompts.Unsaved.CANCEL;
        robot.press(KeyCode.CONTROL).type(KeyCode.N).release(KeyCode.CONTROL);
        assertEquals(1, prompts.unsavedAsked);
        assertEquals(300, exp().network().layers().get(1).units(), "cancel keeps the edit");
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"name\": \"x\", \"netwrk\": {}}");
        prompts.unsavedAnswer = org.maqd.ui.view.Prompts.Unsaved.DISCARD;
        prompts.openAnswer = bad;
        robot.press(KeyCode.CONTROL).type(KeyCode.O).release(KeyCode.CONTROL);
        assertEquals(1, prompts.errors.size());
        assertTrue(prompts.errors.get(0).contains("bad.json") && prompts.errors.get(0).contains("netwrk"), prompts.errors.get(0));
        assertEquals(300, exp().network().layers().get(1).units(), "a failed open keeps the document");
    }

    @Test
    void lockedFieldsAreReadOnlyAndSaySo(FxRobot robot) {
        robot.interact(() -> w.vm().document().load(Templates.quickstart()
                .withLocks(java.util.List.of("network.layers.*.norm", "training.batchSize")), null));
        robot.clickOn("#layer-2");
        ComboBox<?> norm = robot.lookup("#field-norm").queryAs(ComboBox.class);
        assertTrue(norm.isDisabled());
        assertTrue(robot.lookup("locked by the experiment").tryQuery().isPresent());
        assertTrue(robot.lookup(".lock-mark").tryQuery().isPresent(), "a drawn padlock");
        robot.clickOn("Training");
        TextField batch = robot.lookup("#setting-training-batchSize").queryAs(TextField.class);
        assertFalse(batch.isEditable(), "read-only");
        assertNotNull(batch.getTooltip(), "the reason on the field itself");
        // and it looks locked, not like an input with a coloured frame: dashed border, muted text, no text cursor
        TextField seed = robot.lookup("#setting-seed").queryAs(TextField.class);
        assertTrue(seed.isEditable());
        assertEquals(javafx.scene.layout.BorderStrokeStyle.DASHED, batch.getBorder().getStrokes().get(0).getTopStyle());
        assertEquals(javafx.scene.Cursor.DEFAULT, batch.getCursor());
        javafx.scene.paint.Paint lockedText = robot.from(batch).lookup(".text").queryAs(javafx.scene.text.Text.class).getFill();
        javafx.scene.paint.Paint inputText = robot.from(seed).lookup(".text").queryAs(javafx.scene.text.Text.class).getFill();
        assertNotEquals(inputText, lockedText, "a locked value is drawn muted, unlike a value one can type over");
    }

    /** While a run is active the settings say an edit is for the next run (nothing said so). */
    @Test
    void settingsSayTheyApplyToTheNextRunWhileARunIsActive(FxRobot robot) {
        robot.clickOn("Training");
        javafx.scene.control.Label note = robot.lookup("#settingsNote").queryAs(javafx.scene.control.Label.class);
        assertEquals("", note.getText(), "nothing to say before a run");
        var state = w.vm().training().stateProperty();
        try {
            robot.interact(() -> state.set(org.maqd.ui.vm.RunState.RUNNING));
            assertTrue(note.getText().contains("apply to the next run"), note.getText());
            assertTrue(note.isVisible() && note.getScene() != null);
        } finally {
            robot.interact(() -> state.set(org.maqd.ui.vm.RunState.IDLE));
        }
        assertEquals("", note.getText());
    }
}
