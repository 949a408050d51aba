package org.maqd.ui;

import static org.maqd.ui.Await.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.maqd.experiment.Experiment;
import org.maqd.experiment.ExperimentIO;
import org.maqd.train.RunControl;
import org.maqd.train.TrainingListener;
import org.maqd.ui.chart.ChartPane;
import org.maqd.ui.engine.Engine;
import org.maqd.ui.engine.Trainer;
import org.maqd.ui.vm.RecentFiles;
import org.maqd.ui.vm.RunState;
import org.maqd.ui.vm.Templates;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A run, another run, another document: nothing of the previous one stays on screen (charts, layer selector,
 * messages, invalid field values); the status bar speaks to the user; Open Recent and Help work.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class StaleStateUiTest {
    @TempDir static Path dir;
    private WorkbenchApp.Window w;
    private final TestPrompts prompts = new TestPrompts();
    private final GatedTrainer trainer = new GatedTrainer();
    private Path file;

    /** Plays the scripted run, each run waiting first for the test to open its gate. */
    static final class GatedTrainer implements Trainer {
        volatile CountDownLatch gate = new CountDownLatch(0);
        @Override public boolean available() { return true; }
        @Override public Result run(Experiment e, Path b, Path r, RunControl c, List<TrainingListener> ls) {
            try {
                gate.await();
            } catch (InterruptedException ex) {
                throw new IllegalStateException(ex);
            }
            return new ScriptedTrainer(1, 10, 0).run(e, b, r, c, ls);
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        file = dir.resolve("quickstart-" + System.nanoTime() + ".json");
        Files.writeString(file, ExperimentIO.toJson(Templates.quickstart()));
        Engine std = Engine.standard();
        Engine e = new Engine(std.files(), std.analyzer(), trainer, std.quant(), std.deployer(), std.reports());
        w = WorkbenchApp.open(stage, e, file, dir.resolve("runs"), new RecentFiles(null), prompts);
    }


    private List<ChartPane> charts(FxRobot robot) {
        return robot.lookup("#charts .chart-pane").queryAllAs(ChartPane.class).stream().toList();
    }

    private void runToTheEnd(FxRobot robot) throws InterruptedException {
        var tr = w.vm().training();
        robot.interact(tr::start);
        until("the run to end", () -> tr.stateProperty().get() == RunState.FINISHED);
        robot.interact(() -> { });
    }

    @Test
    void aNewRunAndANewDocumentClearEveryChartAndTheLayerSelector(FxRobot robot) throws Exception {
        robot.clickOn("Training");
        runToTheEnd(robot);
        assertEquals(9, charts(robot).size());
        for (ChartPane p : charts(robot)) assertTrue(p.chart().hasData(), p.getId() + " has the run's data");
        @SuppressWarnings("unchecked")
        ComboBox<String> layers = robot.lookup("#layerBox").queryAs(ComboBox.class);
        assertEquals(List.of("linear1", "linear2"), layers.getItems());

        trainer.gate = new CountDownLatch(1);
        robot.interact(() -> w.vm().training().start());
        for (ChartPane p : charts(robot)) assertFalse(p.chart().hasData(), p.getId() + " still shows the previous run");
        assertTrue(layers.getItems().isEmpty(), "the layer list of the previous run");
        trainer.gate.countDown();
        until("the second run to end", () -> w.vm().training().stateProperty().get() == RunState.FINISHED);
        robot.interact(() -> { });
        for (ChartPane p : charts(robot)) assertTrue(p.chart().hasData(), p.getId());

        robot.interact(() -> w.vm().newExperiment());
        for (ChartPane p : charts(robot)) assertFalse(p.chart().hasData(), p.getId() + " shows a run of another document");
        assertTrue(layers.getItems().isEmpty());
        String[] shown = new String[1];
        robot.interact(() -> shown[0] = ((javafx.scene.control.ListCell<?>) ((javafx.scene.control.skin.ComboBoxListViewSkin<?>) layers.getSkin())
                .getDisplayNode()).getText());
        assertEquals("(after Train)", shown[0], "the emptied layer box went blank");
        boolean[] prompt = new boolean[1];
        robot.interact(() -> prompt[0] = ((javafx.scene.control.skin.ComboBoxListViewSkin<?>) layers.getSkin()).getDisplayNode()
                .getPseudoClassStates().contains(javafx.css.PseudoClass.getPseudoClass("prompt")));
        assertTrue(prompt[0], "the layer box keeps its prompt cell (placeholder colour)");
        for (ChartPane p : charts(robot)) {
            assertTrue(p.lookupAll(".menu-button").stream().allMatch(javafx.scene.Node::isDisabled), p.getId() + ": Save on an empty chart");
        }
        assertEquals("Ready", robot.lookup("#statusLabel").queryAs(Label.class).getText());
    }

    @Test
    void aRefusedSettingLeavesTheFieldAndItsMessageGoesWhenFixed(FxRobot robot) {
        robot.clickOn("Training");
        TextField epochs = robot.lookup("#setting-training-epochs").queryAs(TextField.class);
        String before = String.valueOf(w.vm().document().get().training().epochs());
        assertEquals(before, epochs.getText());
        robot.doubleClickOn(epochs).eraseText(4).write("-3").type(KeyCode.ENTER);
        assertEquals(before, robot.lookup("#setting-training-epochs").queryAs(TextField.class).getText(),
                "the field shows the experiment's value, not the refused one");
        Label msg = robot.lookup("#settingMessage").queryAs(Label.class);
        assertFalse(msg.getText().isEmpty());
        robot.interact(() -> w.vm().newExperiment());
        assertEquals("", msg.getText(), "a message about the previous document");
    }

    @Test
    void textTypedButNotCommittedIsWhatTheRunUsesAndSurvivesOtherEdits(FxRobot robot) throws Exception {
        robot.clickOn("Training");
        TextField threads = robot.lookup("#setting-threads").queryAs(TextField.class);
        robot.clickOn(threads).write("1");
        TextField epochs = robot.lookup("#setting-training-epochs").queryAs(TextField.class);
        robot.interact(() -> {
            epochs.setText("2");
            epochs.fireEvent(new javafx.event.ActionEvent());   // Enter in another field commits that field only
        });
        assertEquals(2, w.vm().document().get().training().epochs());
        assertEquals("1", robot.lookup("#setting-threads").queryAs(TextField.class).getText(),
                "the text being typed in Threads is kept");
        TextField batch = robot.lookup("#setting-training-batchSize").queryAs(TextField.class);
        robot.clickOn(batch).eraseText(batch.getText().length()).write("32");
        trainer.gate = new CountDownLatch(1);
        robot.type(KeyCode.F5);   // Train with the text still in the field, no Enter
        until("the run to start", () -> w.vm().training().stateProperty().get().active());
        assertEquals(32, w.vm().document().get().training().batchSize(), "the batch size shown is the one trained");
        assertEquals(Integer.valueOf(1), w.vm().document().get().threads());
        trainer.gate.countDown();
        until("the run to end", () -> !w.vm().training().stateProperty().get().active());
    }

    @Test
    void anUndoneSettingIsNotTrainedAndTypedTextDoesNotSurviveANewDocument(FxRobot robot) throws Exception {
        robot.clickOn("Training");
        double lr = w.vm().document().get().training().learningRate();
        TextField rate = robot.lookup("#setting-training-learningRate").queryAs(TextField.class);
        robot.interact(() -> {
            rate.setText("5e-2");
            rate.fireEvent(new javafx.event.ActionEvent());
        });
        assertEquals(0.05, w.vm().document().get().training().learningRate(), 1e-12);
        assertEquals("0.05", robot.lookup("#setting-training-learningRate").queryAs(TextField.class).getText(), "as the document holds it");
        robot.interact(() -> w.vm().document().undo());
        assertEquals(String.valueOf(lr), robot.lookup("#setting-training-learningRate").queryAs(TextField.class).getText());
        TextField batch = robot.lookup("#setting-training-batchSize").queryAs(TextField.class);
        robot.clickOn(batch).eraseText(batch.getText().length()).write("7");
        robot.interact(() -> w.vm().newExperiment());
        int fresh = w.vm().document().get().training().batchSize();
        assertEquals(String.valueOf(fresh), robot.lookup("#setting-training-batchSize").queryAs(TextField.class).getText(),
                "a new document shows its own values");
        @SuppressWarnings("unchecked") javafx.scene.control.ComboBox<String> dataset =
                robot.lookup("#setting-data-dataset").queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> dataset.getEditor().setText("blobs"));   // typed, no Enter
        trainer.gate = new CountDownLatch(1);
        robot.interact(() -> w.view().trainingView().onStart());
        until("the run to start", () -> w.vm().training().stateProperty().get().active());
        assertEquals(lr, w.vm().document().get().training().learningRate(), 1e-12, "the undone rate is not trained");
        assertEquals(fresh, w.vm().document().get().training().batchSize());
        assertEquals("blobs", w.vm().document().get().data().dataset(), "the dataset typed in the box is trained");
        trainer.gate.countDown();
        until("the run to end", () -> !w.vm().training().stateProperty().get().active());
    }

    @Test
    void f5InALayerFieldTrainsWhatWasTypedThere(FxRobot robot) throws Exception {
        robot.clickOn("Composer");
        robot.interact(() -> w.vm().composer().selectedProperty().set(1));
        TextField units = robot.lookup("#field-units").queryAs(TextField.class);
        robot.clickOn(units).eraseText(units.getText().length()).write("64");
        trainer.gate = new CountDownLatch(1);
        robot.type(KeyCode.F5);
        until("the run to start", () -> w.vm().training().stateProperty().get().active());
        assertEquals(64, w.vm().document().get().network().layers().get(1).units());
        trainer.gate.countDown();
        until("the run to end", () -> !w.vm().training().stateProperty().get().active());
    }

    @Test
    void aRefusedLayerValueLeavesThePropertySheetAndItsMessageStaysWithThatLayer(FxRobot robot) {
        robot.clickOn("Composer");
        robot.interact(() -> w.vm().composer().selectedProperty().set(1));
        TextField states = robot.lookup("#field-weightStates").queryAs(TextField.class);
        String before = states.getText();
        robot.interact(() -> {
            states.setText("1");
            states.fireEvent(new javafx.event.ActionEvent());
        });
        assertEquals(before, robot.lookup("#field-weightStates").queryAs(TextField.class).getText(),
                "the sheet shows the layer's value, not the refused one");
        // the composer's message (the Runs view has a #messageLabel too)
        Label msg = robot.lookup("#messageLabel.message").queryAs(Label.class);
        assertTrue(msg.getText().contains("Weight states"), msg.getText());
        robot.interact(() -> w.vm().composer().selectedProperty().set(2));
        assertEquals("", msg.getText(), "a message about layer 1 shown under layer 2");
    }

    @Test
    void lockedSettingsShowADrawnLockAndExplainOnTheFieldItself(FxRobot robot) {
        robot.interact(() -> w.vm().document().load(Templates.quickstart().withLocks(List.of("training.batchSize")), null));
        robot.clickOn("Training");
        TextField batch = robot.lookup("#setting-training-batchSize").queryAs(TextField.class);
        assertNotNull(batch.getTooltip(), "tooltip on the field");
        assertTrue(batch.getTooltip().getText().contains("locked"), batch.getTooltip().getText());
        assertFalse(batch.isDisabled(), "readable and hoverable");
        assertFalse(batch.isEditable());
        Labeled label = (Labeled) batch.getParent().getChildrenUnmodifiable().get(0);
        assertFalse(label.getText().contains("🔒"), "no emoji: it draws as an empty box with the installed fonts");
        Node glyph = label.getGraphic();
        assertNotNull(glyph, "a drawn padlock");
        assertTrue(glyph.getStyleClass().contains("lock-mark"));
    }

    @Test
    void theStatusBarSpeaksToTheUser(FxRobot robot) throws Exception {
        runToTheEnd(robot);
        StringBuilder bar = new StringBuilder();
        for (Node n : robot.lookup(".status-bar .label").queryAll()) bar.append(((Label) n).getText()).append(" | ");
        assertFalse(bar.toString().contains("tick gap"), bar.toString());
        assertFalse(bar.toString().contains("FX busy"), bar.toString());
        assertTrue(bar.toString().contains("samples/s"), bar.toString());
        // every label of the status bar is one the user reads (no diagnostics label waiting for its first tick)
        for (Node n : robot.lookup(".status-bar .label").queryAll())
            assertTrue(java.util.Set.of("statusLabel", "etaLabel", "throughputLabel", "experimentLabel", "dataFitLabel")
                    .contains(n.getId()), "status bar label " + n.getId());
    }

    @Test
    void aNetworkThatCannotTakeItsDataSetIsSaidWhileEditing(FxRobot robot) throws Exception {
        Label fit = robot.lookup("#dataFitLabel").queryAs(Label.class);
        until("the quickstart to be checked", () -> !fit.isVisible());
        robot.interact(() -> w.vm().document().edit("Spirals", e -> e.withData(
                new org.maqd.data.DataSpec("spirals", null, null, null, null, null, null, null, null))));
        until("the status bar to say why, before Train", () -> fit.isVisible()
                && fit.getText().contains("expects samples of shape [1, 28, 28], the dataset gives [2, 1, 1]"));
        assertEquals(RunState.IDLE, w.vm().training().stateProperty().get());
        robot.interact(() -> w.vm().document().undo());
        until("the message to go once it fits", () -> !fit.isVisible() && fit.getText().isEmpty());
    }

    @Test
    void openRecentListsTheOpenFileAndReopensIt(FxRobot robot) {
        javafx.scene.control.Menu recent = robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class)
                .getMenus().get(0).getItems().stream().filter(i -> i instanceof javafx.scene.control.Menu)
                .map(i -> (javafx.scene.control.Menu) i).findFirst().orElseThrow();
        assertFalse(recent.isDisable(), "Open Recent is enabled");
        assertTrue(recent.getItems().get(0).getText().startsWith(file.getFileName().toString()), recent.getItems().get(0).getText());
        robot.interact(() -> w.vm().newExperiment());
        assertEquals(null, w.vm().document().fileProperty().get());
        robot.interact(() -> recent.getItems().get(0).fire());
        assertEquals(file.toAbsolutePath().normalize(), w.vm().document().fileProperty().get().toAbsolutePath().normalize());
    }

    @Test
    void helpListsTheShortcutsAndAbout(FxRobot robot) {
        robot.type(KeyCode.F1);
        assertEquals(1, prompts.infos.size(), prompts.infos.toString());
        String keys = prompts.infos.get(0);
        assertTrue(keys.contains("F5") && keys.contains("Train"), keys);
        assertTrue(keys.contains("Open"), keys);
        robot.clickOn("Help").clickOn("About MaQD Workbench");
        assertTrue(prompts.infos.get(1).contains("MaQD Workbench"), prompts.infos.toString());
    }
}
