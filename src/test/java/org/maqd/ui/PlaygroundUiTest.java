package org.maqd.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.maqd.ui.Await.until;

import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.maqd.ui.vm.PlaygroundViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The playground as a user walks it: one Train/Pause button, an explicit Restart. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class PlaygroundUiTest {
    @TempDir static Path dir;
    private WorkbenchApp.Window w;

    @Start
    void start(Stage stage) throws Exception {
        w = TestWindows.quickstartFile(stage, dir);
    }

    @AfterEach
    void stopPlayground(FxRobot robot) {
        robot.interact(() -> w.vm().playground().stop());
    }

    private PlaygroundViewModel openPlayground(FxRobot robot) {
        robot.interact(() -> select(robot, "Playground"));
        return w.vm().playground();
    }

    private static void select(FxRobot robot, String tab) {
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> t.getText().equals(tab)).findFirst().orElseThrow());
    }

    private static long steps(PlaygroundViewModel vm) {
        var f = vm.frame();
        return f == null ? -1 : f.steps();
    }

    /** Pressing the button while it trains pauses (it used to restart at step 0); only ↺ Restart starts over. */
    @Test
    void theTrainButtonPausesAndResumesAndOnlyRestartStartsOver(FxRobot robot) throws Exception {
        PlaygroundViewModel vm = openPlayground(robot);
        Button train = robot.lookup("#playgroundTrain").queryAs(Button.class);
        assertEquals("▶ Train", train.getText());
        robot.clickOn(train);
        until("100 steps", () -> steps(vm) >= 100);
        assertEquals("❚❚ Pause", train.getText(), "while training, the button offers Pause");
        robot.clickOn(train);
        assertFalse(vm.runningProperty().get(), "the second press pauses, not restarts");
        assertEquals("▶ Resume", train.getText());
        long at = steps(vm);
        assertTrue(at >= 100, "the regions of step " + at + " stay on screen");
        Thread.sleep(300);
        assertEquals(at, steps(vm), "paused: no step is taken");
        Button restart = robot.lookup("#playgroundRestart").queryAs(Button.class);
        assertFalse(restart.isDisabled());
        robot.clickOn(train);
        until("steps past the pause", () -> steps(vm) > at);
        assertTrue(vm.runningProperty().get());
        robot.clickOn(restart);
        assertTrue(steps(vm) < at, "↺ Restart starts over: step " + steps(vm));
        assertTrue(vm.runningProperty().get(), "and trains");
        robot.interact(() -> vm.weightStatesProperty().set(8));
        assertTrue(vm.runningProperty().get(), "a new number of states while training trains it from step 0");
        robot.clickOn(train);
        robot.interact(() -> vm.weightStatesProperty().set(2));
        assertEquals("▶ Train", train.getText(), "the paused 8-state networks are not resumed under 2 states");
        assertTrue(restart.isDisabled(), "nothing to restart");
    }

    /**
     * Leaving the tab pauses the playground (it trained on, 26,870 steps later, beside real runs); coming back
     * resumes it, as the user left it training.
     */
    @Test
    void leavingTheTabPausesTrainingAndComingBackResumesIt(FxRobot robot) throws Exception {
        PlaygroundViewModel vm = openPlayground(robot);
        robot.clickOn("#playgroundTrain");
        until("50 steps", () -> steps(vm) >= 50);
        robot.interact(() -> select(robot, "Training"));
        Thread.sleep(200); // the step under way may still land
        long at = steps(vm);
        Thread.sleep(500);
        assertEquals(at, steps(vm), "no step while the tab is away");
        assertFalse(vm.runningProperty().get());
        robot.interact(() -> select(robot, "Playground"));
        until("steps past the pause", () -> steps(vm) > at);
        assertTrue(steps(vm) > at, "resumed from the same step, not restarted");
    }

    /** While the playground trains, the status bar says so, not the last run's "Run completed …"; paused, it is the run's again. */
    @Test
    void theStatusBarSaysThePlaygroundTrains(FxRobot robot) throws Exception {
        PlaygroundViewModel vm = openPlayground(robot);
        Label status = robot.lookup("#statusLabel").queryAs(Label.class);
        String before = status.getText();
        robot.interact(() -> vm.datasetProperty().set("circles"));
        robot.clickOn("#playgroundTrain");
        until("a frame", () -> steps(vm) >= 0);
        robot.interact(() -> { });
        assertEquals("Playground: training 3-state and float networks on circles", status.getText());
        robot.clickOn("#playgroundTrain");
        assertEquals(before, status.getText(), "paused: the run's status again");
    }

    /**
     * The caption is true to the network: it called the float first layer "standardized and rounded", which is
     * why that layer is neither.
     */
    @Test
    void theCaptionSaysWhatTheFirstLayerIs(FxRobot robot) {
        openPlayground(robot);
        String caption = robot.lookup("#playground .label").queryAllAs(Label.class).stream().map(Label::getText)
                .filter(t -> t != null && t.startsWith("Left:")).findFirst().orElseThrow();
        var first = PlaygroundViewModel.experiment("spirals", 3).network().layers().get(1);
        assertEquals(Boolean.FALSE, first.weightStandardization());
        assertFalse(caption.contains("standardiz"), "the first layer is not standardized: " + caption);
        assertTrue(caption.contains("first layer") && caption.contains("float weights (only " + 2 * first.units() + " of them"),
                "its 2 × " + first.units() + " float weights: " + caption);
        assertTrue(caption.contains("rounded to " + first.activationStates() + " levels"), "both networks' activations: " + caption);
    }
}
