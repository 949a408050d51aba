package org.maqd.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
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
 * At the window's minimum size (900×600) nothing a user needs is cut: every chart title of the Training view shows its
 * whole text (no "Quantization e…"), the main toolbar's buttons all sit in the toolbar, none in its "»" overflow, and
 * the Runs view's post-training quantization options show their labels and choices whole, and so do the composer
 * palette's layer buttons.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class SmallWindowUiTest {
    @TempDir static Path dir;
    private WorkbenchApp.Window w;

    @Start
    void start(Stage stage) throws Exception {
        w = TestWindows.quickstartFile(stage, dir);
    }

    /** Back to the opening size; the scene leaves the window while it grows (see ChartsFillUiTest#restoreSize). */
    @AfterEach
    void restoreSize(FxRobot robot) {
        TestWindows.restoreOpenedSize(robot, w);
    }

    private void minimumSize(FxRobot robot) {
        robot.interact(() -> {
            w.stage().setWidth(900);
            w.stage().setHeight(600);
        });
        robot.interact(() -> w.scene().getRoot().layout());
    }

    @Test
    void everyChartTitleShowsItsWholeTextAt900x600(FxRobot robot) {
        robot.clickOn("Training");
        // the title the quickstart's histogram has once a run probed its layers (its widest title)
        robot.interact(() -> robot.lookup("#chart-latent-weights").queryAs(ChartPane.class).setTitle("Latent weights · 2:linear"));
        minimumSize(robot);
        List<String> cut = new ArrayList<>();
        int[] seen = {0};
        robot.interact(() -> {
            for (Label title : robot.lookup("#charts .chart-title").queryAllAs(Label.class)) {
                seen[0]++;
                drawnWhole(title, cut);
            }
        });
        assertEquals(9, seen[0], "the Training view has nine chart titles");
        assertTrue(cut.isEmpty(), "chart titles cut at 900×600: " + cut);
    }

    @Test
    void theMainToolbarKeepsItsButtonsAt900x600(FxRobot robot) {
        minimumSize(robot);
        List<String> hidden = new ArrayList<>();
        robot.interact(() -> {
            double sceneWidth = w.scene().getWidth();
            for (String id : List.of("#newButton", "#openButton", "#saveButton", "#undoButton", "#redoButton", "#runButton",
                    "#pauseButton", "#stopButton")) {
                Button b = robot.lookup(id).queryAs(Button.class);
                Bounds at = b == null || b.getScene() == null ? null : b.localToScene(b.getLayoutBounds());
                if (at == null || !b.isVisible() || at.getMaxX() > sceneWidth || at.getWidth() <= 0)
                    hidden.add(b == null ? id : b.getText());
            }
            for (Node n : w.scene().getRoot().lookupAll(".tool-bar-overflow-button"))
                if (n.isVisible() && n.getParent() != null && n.getParent().isVisible()) hidden.add("» overflow shown");
        });
        assertTrue(hidden.isEmpty(), "toolbar buttons not shown at 900×600: " + hidden);
    }

    /** The Sweep view's bar was one row wider than the window: "Open swee…", "no sweep op…", "This machi…", "Clust…". */
    @Test
    void theSweepBarShowsEveryButtonAndLabelWholeAt900x600(FxRobot robot) {
        robot.clickOn("Sweep");
        minimumSize(robot);
        List<String> cut = new ArrayList<>();
        int[] seen = {0};
        robot.interact(() -> {
            double sceneWidth = w.scene().getWidth();
            Node top = robot.lookup("#sweepView").queryAs(javafx.scene.layout.BorderPane.class).getTop();
            for (Node n : top.lookupAll("*")) {
                if (!(n instanceof javafx.scene.control.Labeled l) || l.getText() == null || l.getText().isEmpty()) continue;
                seen[0]++;
                Text shown = (Text) l.lookup(".text");
                String drawn = shown == null ? "" : shown.getText();
                Bounds at = l.localToScene(l.getLayoutBounds());
                if (!l.getText().equals(drawn) || at.getMaxX() > sceneWidth) cut.add("'" + l.getText() + "' drawn as '" + drawn + "'");
            }
        });
        assertTrue(seen[0] >= 9, "the bar's buttons and labels: " + seen[0]);
        assertTrue(cut.isEmpty(), "Sweep bar cut at 900×600: " + cut);
    }

    @Test
    void thePtqOptionsShowEveryLabelAndChoiceWholeAt900x600(FxRobot robot) {
        robot.clickOn("Runs");
        minimumSize(robot);
        List<String> cut = new ArrayList<>();
        int[] seen = {0};
        robot.interact(() -> {
            Node options = robot.lookup("#ptqOptions").query();
            List<Node> texts = new ArrayList<>(options.lookupAll(".label"));
            texts.addAll(options.lookupAll(".combo-box .list-cell"));
            for (Node n : texts) {
                if (!(n instanceof javafx.scene.control.Labeled l) || l.getText() == null || l.getText().isEmpty() || !l.isVisible()) continue;
                seen[0]++;
                drawnWhole(l, cut);
            }
        });
        assertTrue(seen[0] >= 8, "the option labels and choices were found: " + seen[0]);
        assertTrue(cut.isEmpty(), "PTQ panel text cut at 900×600: " + cut);
    }

    @Test
    void everyPaletteButtonShowsItsWholeNameAt900x600(FxRobot robot) {
        robot.clickOn("Composer");
        minimumSize(robot);
        List<String> cut = new ArrayList<>();
        int[] seen = {0};
        robot.interact(() -> {
            for (Node n : robot.lookup("#palette").query().lookupAll(".palette-item")) {
                seen[0]++;
                drawnWhole((Button) n, cut);
            }
        });
        assertTrue(seen[0] >= 10, "the palette's buttons were found: " + seen[0]);
        assertTrue(cut.isEmpty(), "palette buttons cut at 900×600: " + cut);
    }

    /**
     * The Runs view's tables at 900×600: every column header drawn whole (they read "Test …", "Deploy…", "St…", "vs f…"),
     * and the PTQ panel's note wraps whole ("…is not a float run: PTQ quantizes a float …" was cut).
     */
    @Test
    void theRunsTablesHeadersAndThePtqNoteAreWholeAt900x600(FxRobot robot) {
        robot.clickOn("Runs");
        String note = "quickstart-mlp_2026-12-04T10-15-30 is not a float run: PTQ quantizes a float model (weightStates 0, activationStates 0).";
        robot.interact(() -> w.vm().ptq().messageProperty().set(note));
        minimumSize(robot);
        List<String> cut = new ArrayList<>();
        int[] headers = {0};
        robot.interact(() -> {
            Node runs = w.view().tabs().getTabs().stream().filter(t -> "Runs".equals(t.getText())).findFirst().orElseThrow().getContent();
            for (Node n : runs.lookupAll(".column-header .label")) {
                Label l = (Label) n;
                if (l.getText() == null || l.getText().isEmpty() || !l.isVisible()) continue;
                headers[0]++;
                drawnWhole(l, cut);
            }
            Label msg = (Label) w.scene().lookup("#ptqMessage");
            Text shown = (Text) msg.lookup(".text");
            if (shown == null || !note.equals(shown.getText())) cut.add("PTQ note drawn as '" + (shown == null ? null : shown.getText()) + "'");
        });
        assertTrue(headers[0] >= 10, "the runs, group and PTQ tables' headers: " + headers[0]);
        assertTrue(cut.isEmpty(), "cut at 900×600: " + cut);
    }

    /** The composer's cost table at 900×600 shows rows, not only its header (at least three rows of the quickstart). */
    @Test
    void theCostTableShowsRowsAt900x600(FxRobot robot) {
        robot.clickOn("Composer");
        minimumSize(robot);
        double[] h = new double[2];
        robot.interact(() -> {
            javafx.scene.control.TableView<?> t = (javafx.scene.control.TableView<?>) w.scene().lookup("#costTable");
            Node header = t.lookup(".column-header-background");
            h[0] = t.getHeight();
            h[1] = header == null ? 0 : header.getLayoutBounds().getHeight();
        });
        assertTrue(h[0] - h[1] >= 3 * 22, "cost table " + h[0] + " px high with a " + h[1] + " px header: room for under three rows");
    }

    /** Adds "'text' drawn as '…'" to {@code cut} when the control draws less than its whole text (an ellipsis). */
    private static void drawnWhole(javafx.scene.control.Labeled l, List<String> cut) {
        Text shown = (Text) l.lookup(".text");
        String drawn = shown == null ? "" : shown.getText();
        if (!l.getText().equals(drawn)) cut.add("'" + l.getText() + "' drawn as '" + drawn + "'");
    }
}
