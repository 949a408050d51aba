package org.maqd.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.maqd.ui.Await.until;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.maqd.train.ProbeSnapshot;
import org.maqd.ui.vm.AffineViewModel;
import org.maqd.ui.vm.LiveFeed;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The quantizer explorer's MaQD-vs-affine table shows its headers whole at 1000×700: its nine one-line headers
 * ("MaQD → 0 or flipped", "affine SQNR", …) were wider than the plots and were cut to "MaQD → 0 or flipp…",
 * "affine SQ…" — the column the affine lesson asks students to read.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.MethodName.class)   // the empty plot before the one with data
class ExplorerTableUiTest {
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

    /** Ticked before any run, the empty layer plot asked to tick the box the student had just ticked. */
    @Test
    void theEmptyLayerPlotDoesNotAskToTickTheTickedOverlay(FxRobot robot) {
        robot.clickOn("Quantizer explorer");
        CheckBox overlay = robot.lookup((CheckBox c) -> c.getText().startsWith("Overlay")).queryAs(CheckBox.class);
        if (!overlay.isSelected()) robot.clickOn(overlay);
        WaitForAsyncUtils.waitForFxEvents();
        String[] svg = new String[1];
        robot.interact(() -> svg[0] = robot.lookup("#chart-explorer-layer").queryAs(org.maqd.ui.chart.ChartPane.class).chart().svg());
        assertTrue(!svg[0].contains("tick") && svg[0].contains("press Train"), svg[0]);
    }

    @Test
    void theTablesHeadersAndNumbersAreNotCut(FxRobot robot) throws Exception {
        TestWindows.restoreSize(robot, w, 1000, 700);
        LiveFeed feed = new LiveFeed();
        feed.onProbe(new ProbeSnapshot(5, 1, List.of(ScriptedTrainer.probe(0, "linear1", 5)), 1e-4,
                List.of(ScriptedTrainer.values("linear1", 5))));
        AffineViewModel a = TestWindows.affineOverlay(robot, w, feed);
        until("the explorer's table", () -> !a.busyProperty().get() && a.table().size() == 4);
        WaitForAsyncUtils.waitForFxEvents();
        GridPane table = robot.lookup(".explorer-table").queryAs(GridPane.class);
        List<String> cut = new ArrayList<>();
        int[] labels = new int[1];
        robot.interact(() -> {
            w.scene().getRoot().layout();
            for (Node n : table.getChildren()) {
                if (!(n instanceof Label l)) continue;
                labels[0]++;
                Text shown = (Text) l.lookup(".text");
                if (shown == null || !shown.getText().equals(l.getText())) cut.add(l.getText() + " shown as " + (shown == null ? null : shown.getText()));
            }
        });
        assertTrue(labels[0] >= 9 * 5, "headers and four rows: " + labels[0]);
        assertEquals(List.of(), cut, "cut labels in the explorer's table");
    }
}
