package org.maqd.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.geometry.Bounds;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.maqd.ui.chart.ChartPane;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Training view's charts share the window's space: from 900×600 to 1280×800 (the headless screen's size, so
 * no size here overflows it) the chart grid grows with the window and leaves no band empty below or beside it.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ChartsFillUiTest {
    /** At most this many pixels of the chart area may stay empty below or right of the charts. */
    static final double SLACK = 24;
    @TempDir static Path dir;
    private WorkbenchApp.Window w;

    @Start
    void start(Stage stage) throws Exception {
        w = TestWindows.quickstartFile(stage, dir);
    }

    /**
     * Back to the size the window opened at. Monocle's headless painter keeps the pixel buffer of the smallest size
     * a scene had and fails to paint it larger, so the scene leaves the window while it grows (a new peer paints it).
     */
    @AfterEach
    void restoreSize(FxRobot robot) {
        TestWindows.restoreOpenedSize(robot, w);
    }

    /** [chart grid height, empty px below the lowest chart, empty px right of the rightmost chart] at this size. */
    private double[] measure(FxRobot robot, double wd, double ht) {
        robot.interact(() -> {
            w.stage().setWidth(wd);
            w.stage().setHeight(ht);
        });
        robot.interact(() -> w.scene().getRoot().layout());
        double[] out = new double[3];
        robot.interact(() -> {
            ScrollPane scroll = robot.lookup("#chartScroll").queryAs(ScrollPane.class);
            Bounds view = scroll.localToScene(scroll.getLayoutBounds());
            double lowest = 0, rightmost = 0, top = Double.MAX_VALUE;
            for (ChartPane p : robot.lookup("#charts .chart-pane").queryAllAs(ChartPane.class)) {
                Bounds b = p.localToScene(p.getLayoutBounds());
                lowest = Math.max(lowest, b.getMaxY());
                rightmost = Math.max(rightmost, b.getMaxX());
                top = Math.min(top, b.getMinY());
            }
            out[0] = lowest - top;
            out[1] = view.getMaxY() - lowest;
            out[2] = view.getMaxX() - rightmost;
        });
        return out;
    }

    @Test
    void theChartsGrowWithTheWindowAndFillIt(FxRobot robot) {
        robot.clickOn("Training");
        // the larger size first: the window opens at 1280×800 (the headless screen) and only shrinks
        double[] large = measure(robot, 1280, 800), small = measure(robot, 900, 600);
        String seen = String.format("900×600: grid %.0f px, %.0f below, %.0f right; 1280×800: grid %.0f px, %.0f below, "
                + "%.0f right", small[0], small[1], small[2], large[0], large[1], large[2]);
        assertTrue(large[0] - small[0] >= 60, "the chart grid does not grow with the window (" + seen + ")");
        assertTrue(large[1] < SLACK && large[1] > -SLACK, "empty band below the charts (" + seen + ")");
        assertTrue(large[2] < SLACK && large[2] >= 0, "empty band right of the charts (" + seen + ")");
        assertTrue(small[2] < SLACK && small[2] >= 0, "the charts do not fit the width at 900×600 (" + seen + ")");
    }
}
