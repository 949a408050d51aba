package org.maqd.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Runs view gives the runs table 42% of the width beside the grouped table and the PTQ panel, also after the
 * window was small: the split used to keep the divider positions it was squeezed into at 900×600, so a window
 * opened small and then enlarged showed the runs table in ~28% of the width.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class RunsLayoutUiTest {
    @TempDir static Path dir;
    private WorkbenchApp.Window w;

    @Start
    void start(Stage stage) throws Exception {
        w = TestWindows.quickstartFile(stage, dir);
    }

    @AfterEach
    void restoreSize(FxRobot robot) {
        TestWindows.restoreOpenedSize(robot, w);
    }

    /** The size the assertions expect: the window may come from an earlier test class at any size (900×600 too). */
    static final double WIDTH = 1280, HEIGHT = 800;

    private void large(FxRobot robot) {
        TestWindows.restoreSize(robot, w, WIDTH, HEIGHT);
        robot.interact(() -> w.scene().getRoot().layout());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Width of the runs table as a share of the split that holds it. */
    private double tableShare(FxRobot robot) {
        double[] share = new double[1];
        robot.interact(() -> {
            Node table = robot.lookup("#table").query();
            SplitPane split = (SplitPane) table.getParent().getParent();
            share[0] = table.getLayoutBounds().getWidth() / split.getWidth();
        });
        return share[0];
    }

    @Test
    void theRunsTableTakesHalfTheWidthAfterTheWindowWasSmall(FxRobot robot) {
        large(robot);
        robot.clickOn("Runs");
        robot.interact(() -> w.scene().getRoot().layout());
        double opened = tableShare(robot);
        robot.interact(() -> {
            w.stage().setWidth(900);
            w.stage().setHeight(600);
        });
        robot.interact(() -> w.scene().getRoot().layout());
        double small = tableShare(robot);
        large(robot);
        double grown = tableShare(robot);
        assertTrue(opened > 0.37 && opened < 0.47, "runs table share at " + WIDTH + "×" + HEIGHT + ": " + opened);
        assertTrue(small > 0.25, "runs table share at 900×600 (the PTQ options claim their width): " + small);
        assertTrue(grown > 0.37 && grown < 0.47, "runs table share back at " + WIDTH + "×" + HEIGHT + ": " + grown);
    }

    @Test
    void aDividerTheUserDraggedStaysWhereTheUserPutIt(FxRobot robot) {
        large(robot);
        robot.clickOn("Runs");
        robot.interact(() -> w.scene().getRoot().layout());
        SplitPane split = (SplitPane) robot.lookup("#table").query().getParent().getParent();
        Node divider = split.lookupAll(".split-pane-divider").stream().filter(n -> n.getParent() == split).findFirst().orElseThrow();
        double before = tableShare(robot);
        robot.interact(() -> {   // what a drag of the divider leaves behind: press, a new position, release
            Event.fireEvent(divider, mouse(MouseEvent.MOUSE_PRESSED));
            split.setDividerPosition(0, 0.35);
            Event.fireEvent(divider, mouse(MouseEvent.MOUSE_RELEASED));
            w.scene().getRoot().layout();
        });
        double dragged = tableShare(robot);
        robot.interact(() -> w.stage().setWidth(WIDTH - 100));
        robot.interact(() -> w.scene().getRoot().layout());
        WaitForAsyncUtils.waitForFxEvents();
        double resized = tableShare(robot);
        assertTrue(dragged < before - 0.05, "the drag moved the divider: " + before + " → " + dragged);
        assertTrue(Math.abs(resized - dragged) < 0.02, "the dragged position is kept on resize: " + dragged + " → " + resized);
    }

    @Test
    void aClickOnASqueezedDividerDoesNotMakeTheSqueezeStick(FxRobot robot) {
        large(robot);
        robot.clickOn("Runs");
        robot.interact(() -> {
            w.stage().setWidth(900);
            w.stage().setHeight(600);
        });
        robot.interact(() -> w.scene().getRoot().layout());
        WaitForAsyncUtils.waitForFxEvents();
        SplitPane split = (SplitPane) robot.lookup("#table").query().getParent().getParent();
        Node divider = split.lookupAll(".split-pane-divider").stream().filter(n -> n.getParent() == split).findFirst().orElseThrow();
        robot.interact(() -> {   // press and release without moving
            Event.fireEvent(divider, mouse(MouseEvent.MOUSE_PRESSED));
            Event.fireEvent(divider, mouse(MouseEvent.MOUSE_RELEASED));
        });
        large(robot);
        double grown = tableShare(robot);
        assertTrue(grown > 0.37 && grown < 0.47, "runs table share back at " + WIDTH + "×" + HEIGHT + " after a click: " + grown);
    }

    private static MouseEvent mouse(javafx.event.EventType<MouseEvent> type) {
        return new MouseEvent(type, 0, 0, 0, 0, MouseButton.PRIMARY, 1,
                false, false, false, false, false, false, false, false, false, false, null);
    }
}
