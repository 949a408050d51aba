package org.maqd.ui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.maqd.experiment.ExperimentIO;
import org.maqd.ui.TestPrompts;
import org.maqd.ui.WorkbenchApp;
import org.maqd.ui.engine.Engine;
import org.maqd.ui.vm.FakeRuns;
import org.maqd.ui.vm.RecentFiles;
import org.maqd.ui.vm.Templates;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The runs view with three runs: readable selection in the dark theme, labels, tooltips, an auto-ranged overlay. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class RunsViewUiTest {
    @TempDir static Path dir;
    private WorkbenchApp.Window w;
    private final TestPrompts prompts = new TestPrompts();
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path runs = dir.resolve("runs-" + System.nanoTime());
        FakeRuns.write(runs, "2026-11-21-a", "lbn", 0.95);
        FakeRuns.write(runs, "2026-11-21-b", "bn", 0.93);
        FakeRuns.write(runs, "2026-11-21-c", "bn", 0.94);
        // run c's hidden layer has 4 states where a's and b's have 3
        org.maqd.run.LayerProbeRow.FILE.write(runs.resolve("2026-11-21-c"), java.util.List.of(
                org.maqd.run.RunFixtures.probe(1, 10, 0, "1:linear", 256), org.maqd.run.RunFixtures.probe(1, 10, 1, "2:linear", 4),
                org.maqd.run.RunFixtures.probe(1, 10, 2, "3:output", 2)));
        Path file = dir.resolve("q.json");
        Files.writeString(file, ExperimentIO.toJson(Templates.quickstart()));
        w = WorkbenchApp.open(stage, Engine.standard(), file, runs, new RecentFiles(null), prompts);
    }

    static double luminance(Color c) {
        double[] v = {c.getRed(), c.getGreen(), c.getBlue()};
        for (int i = 0; i < 3; i++) v[i] = v[i] <= 0.03928 ? v[i] / 12.92 : Math.pow((v[i] + 0.055) / 1.055, 2.4);
        return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
    }

    static double contrast(Color a, Color b) {
        double la = luminance(a), lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    @Test
    void selectedRowsStayReadableInTheDarkThemeWhenTheTableLosesFocus(FxRobot robot) {
        robot.interact(() -> w.vm().toggleTheme());
        robot.clickOn("Runs");
        TableView<?> table = robot.lookup("#table").queryAs(TableView.class);
        robot.clickOn(robot.lookup("#table .table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
        robot.clickOn("#refreshButton");
        assertFalse(table.isFocused());
        robot.interact(() -> table.getSelectionModel().select(0));
        IndexedCell<?> row = robot.lookup("#table .table-row-cell").match(n -> ((IndexedCell<?>) n).isSelected())
                .queryAs(IndexedCell.class);
        var fills = row.getBackground().getFills();
        Color bg = (Color) fills.get(fills.size() - 1).getFill();
        int cells = 0;
        for (TableCell<?, ?> cell : robot.from(row).lookup(".table-cell").queryAllAs(TableCell.class)) {
            if (cell.getText() == null || cell.getText().isEmpty()) continue;
            Color fg = (Color) cell.getTextFill();
            cells++;
            assertTrue(contrast(bg, fg) >= 4.5, "selected row, cell \"" + cell.getText() + "\": text " + fg + " on " + bg
                    + ", contrast " + contrast(bg, fg));
        }
        assertTrue(cells >= 4, "the row's cells with text: " + cells);
    }

    @Test
    void atTheMinimumWindowSizeNoButtonIsCutToAnEllipsis(FxRobot robot) {
        robot.clickOn("Runs");
        robot.interact(() -> {
            stage.setWidth(stage.getMinWidth());
            stage.setHeight(stage.getMinHeight());
            // what verifying or exporting says beside the buttons: long, it must not squeeze them
            w.vm().runs().deployMessageProperty().set("Verified 2026-11-21-a: the integer model agrees with the float model "
                    + "on 10,000 of 10,000 test samples; certificate.json written; packed model 218.6 kB");
        });
        robot.interact(() -> { });
        assertEquals(900, stage.getWidth(), 1);
        var buttons = robot.lookup(".runs .button").queryAllAs(javafx.scene.control.Button.class);
        assertTrue(buttons.size() >= 5, "buttons: " + buttons.size());
        for (javafx.scene.control.Button b : buttons) {
            if (!b.isVisible() || b.getText() == null || b.getText().isEmpty()) continue;
            String shown = robot.from(b).lookup(".text").queryAs(javafx.scene.text.Text.class).getText();
            assertEquals(b.getText(), shown, "the button reads in full at 900×600");
        }
    }

    @Test
    void runsHaveLabelsTooltipsAndAnAutoRangedOverlay(FxRobot robot) {
        robot.clickOn("Runs");
        robot.interact(() -> w.view().runsView().selectAll());
        assertFalse(w.view().runsView().accuracyOverlay().yRangeFixed(), "the accuracy overlay follows the data");
        var names = w.view().runsView().accuracyOverlay().series().stream().map(s -> s.name()).distinct().count();
        assertEquals(3, names, "three runs, three legend names");
        TableCell<?, ?> differs = robot.lookup("#table .table-cell").match(n -> n instanceof TableCell<?, ?> c
                && "norm=bn".equals(c.getText())).queryAs(TableCell.class);
        assertNotNull(differs.getTooltip(), "the full differences on hover");
    }

    /** A teacher selects the runs to compare, looks at another tab, comes back: the selection is still there. */
    @Test
    void theSelectionSurvivesOtherTabsAndRefresh(FxRobot robot) {
        robot.clickOn("Runs");
        robot.interact(() -> w.view().runsView().selectAll());
        assertEquals(3, w.view().runsView().selectedRuns().size());
        robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.DIGIT1).release(javafx.scene.input.KeyCode.CONTROL);
        robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.DIGIT4).release(javafx.scene.input.KeyCode.CONTROL);
        assertEquals("Runs", w.view().tabs().getSelectionModel().getSelectedItem().getText());
        assertEquals(3, w.view().runsView().selectedRuns().size(), "the tab shown again keeps the three runs");
        robot.interact(() -> w.vm().runs().refresh());
        assertEquals(3, w.view().runsView().selectedRuns().size(), "Refresh keeps them too");
        assertEquals(3, w.view().runsView().accuracyOverlay().series().stream().map(x -> x.name()).distinct().count(),
                "and the overlay still draws all three");
        assertEquals(3, w.vm().reportTargets().size(), "File → Export report compares the three");
    }

    @Test
    void exportReportOnASelectionComparesTheRuns(FxRobot robot) throws Exception {
        robot.clickOn("Runs");
        robot.interact(() -> w.view().runsView().selectAll());
        robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.R).release(javafx.scene.input.KeyCode.CONTROL);
        long end = System.nanoTime() + 120_000_000_000L;
        while (prompts.infos.isEmpty() && prompts.errors.isEmpty() && System.nanoTime() < end) Thread.sleep(20);
        assertTrue(prompts.errors.isEmpty(), prompts.errors.toString());
        assertEquals(1, prompts.infos.size(), "one report for the selection");
        Path html = Path.of(prompts.infos.get(0).replaceAll("(?s).*Report written:\\s+(\\S+report\\.html).*", "$1"));
        assertTrue(html.getParent().getParent().getFileName().toString().equals("comparisons"), html.toString());
        String page = Files.readString(html);
        assertTrue(page.contains("Comparison of 3 runs"), "one report comparing the three runs");
        assertTrue(Files.size(html.resolveSibling("report.pdf")) > 1000, "and its PDF");
    }

    /** The histogram's layer box kept the first selection's "2:linear (3 states)" over a 4-state run's histogram. */
    @Test
    void theHistogramLayerSaysTheSelectedRunsStates(FxRobot robot) {
        robot.clickOn("Runs");
        TableView<?> table = robot.lookup("#table").queryAs(TableView.class);
        java.util.function.IntFunction<String> select = k -> {
            String[] shown = new String[1];
            robot.interact(() -> {
                table.getSelectionModel().clearSelection();
                for (int i = 0; i < table.getItems().size(); i++) {
                    String name = ((org.maqd.ui.vm.RunsViewModel.Row) table.getItems().get(i)).run().name();
                    if ((k & 1) != 0 && name.endsWith("-a") || (k & 2) != 0 && name.endsWith("-c")) table.getSelectionModel().select(i);
                }
            });
            robot.interact(() -> {
                javafx.scene.control.ComboBox<?> box = robot.lookup("#histogramLayer").queryAs(javafx.scene.control.ComboBox.class);
                shown[0] = box.getButtonCell().getText();
            });
            return shown[0];
        };
        assertEquals("2:linear (3 states)", select.apply(1));
        assertEquals("2:linear (4 states)", select.apply(2));
        assertEquals("2:linear (3 / 4 states)", select.apply(3));
        assertEquals("2:linear (3 states)", select.apply(1));
    }

    @Test
    void theOverlayLegendLiesOutsideTheCurves(FxRobot robot) {
        robot.clickOn("Runs");
        robot.interact(() -> w.view().runsView().selectAll());
        robot.interact(() -> w.view().runsView().accuracyOverlay().redraw());
        double[] plot = w.view().runsView().accuracyOverlay().plotArea(), legend = w.view().runsView().accuracyOverlay().legendArea();
        assertTrue(legend[2] > 0 && legend[3] > 0, "a legend for three runs");
        boolean overlap = legend[0] < plot[0] + plot[2] && plot[0] < legend[0] + legend[2]
                && legend[1] < plot[1] + plot[3] && plot[1] < legend[1] + legend[3];
        assertFalse(overlap, "legend " + java.util.Arrays.toString(legend) + " covers the plot " + java.util.Arrays.toString(plot));
        double h = w.view().runsView().accuracyOverlay().getHeight();
        assertTrue(legend[1] + legend[3] <= h + 0.5, "the legend fits the chart");
    }
}
