package org.maqd.ui;

import static org.maqd.ui.Await.until;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.maqd.experiment.ExperimentIO;
import org.maqd.quant.ptq.Calibrator;
import org.maqd.train.ProbeSnapshot;
import org.maqd.ui.chart.ChartCanvas;
import org.maqd.ui.chart.ChartPane;
import org.maqd.ui.chart.LineChartCanvas;
import org.maqd.ui.chart.QuantizerPlotCanvas;
import org.maqd.ui.engine.Engine;
import org.maqd.ui.vm.AffineViewModel;
import org.maqd.ui.vm.LiveFeed;
import org.maqd.ui.vm.QuantizerViewModel;
import org.maqd.ui.vm.RecentFiles;
import org.maqd.ui.vm.Templates;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the quantizer explorer's affine mode as a student would: a live layer's weights, switch to affine,
 * drag α, change the calibration, switch to activations and watch the dynamic ranges per batch. And in MaQD mode,
 * the live layer's data is drawn with the explorer's own M and Δ.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class AffineExplorerUiTest {
    @TempDir static Path dir;
    private WorkbenchApp.Window w;

    @Start
    void start(Stage stage) throws Exception {
        Path file = dir.resolve("quickstart-" + System.nanoTime() + ".json");
        Files.writeString(file, ExperimentIO.toJson(Templates.quickstart()));
        w = WorkbenchApp.open(stage, Engine.standard(), file, dir.resolve("runs"), new RecentFiles(null), new TestPrompts());
    }


    private static ProbeSnapshot snapshot(long step) {
        return new ProbeSnapshot(step, 1, List.of(ScriptedTrainer.probe(0, "linear1", step)), 1e-4,
                List.of(ScriptedTrainer.values("linear1", step)));
    }

    private static MouseEvent mouse(javafx.scene.Node n, javafx.event.EventType<MouseEvent> type, double x, double y) {
        // the event carries scene coordinates; dispatching it to the node makes them local again
        Point2D screen = n.localToScreen(x, y), scene = n.localToScene(x, y);
        return new MouseEvent(type, scene.getX(), scene.getY(), screen.getX(), screen.getY(), MouseButton.PRIMARY, 1, false, false, false, false,
                true, false, false, false, false, false, null);
    }

    /** The explorer's affine panel over the first layer of {@code feed}, its numbers settled. */
    private AffineViewModel affineOverlay(FxRobot robot, LiveFeed feed) throws InterruptedException {
        AffineViewModel a = TestWindows.affineOverlay(robot, w, feed);
        settled(a);
        return a;
    }

    /** Waits until the explorer's worker has published the numbers for the latest inputs. */
    private void settled(AffineViewModel a) throws InterruptedException {
        WaitForAsyncUtils.waitForFxEvents();
        until("the explorer's numbers", () -> !a.busyProperty().get() && a.resultProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String numbers(FxRobot robot) {
        return robot.lookup((Label l) -> l.getText() != null && l.getText().contains("SQNR")).queryAs(Label.class).getText();
    }

    @Test
    void switchToAffineDragAlphaChangeCalibrationWatchDynamicRanges(FxRobot robot) throws Exception {
        LiveFeed feed = new LiveFeed();
        feed.onProbe(snapshot(5));
        robot.clickOn("Quantizer explorer");
        robot.interact(() -> {
            w.vm().training().feedProperty().set(feed);
            w.vm().training().selectedLayerProperty().set(0);
        });
        robot.clickOn(robot.lookup((CheckBox c) -> c.getText().startsWith("Overlay")).queryAs(CheckBox.class));
        AffineViewModel a = w.vm().quantizer().affine();
        settled(a);
        String maqdNumbers = numbers(robot);
        assertTrue(maqdNumbers.startsWith("MaQD at M = 3"), maqdNumbers);
        String source = w.vm().quantizer().sourceProperty().get();
        assertTrue(source.endsWith("last run, step 5"), "no run is active: " + source);

        robot.clickOn(robot.lookup((RadioButton r) -> r.getText().startsWith("Affine")).queryAs(RadioButton.class));
        assertTrue(a.activeProperty().get());
        settled(a);
        String minmax = numbers(robot);
        assertTrue(minmax.startsWith("S = ") && minmax.contains("Z = 0"), "symmetric weights: " + minmax);
        Calibrator.Range mm = a.resultProperty().get().methodRanges().get("minmax");
        assertEquals(mm.lo()[0], a.alphaProperty().get(), 1e-12, "α starts at the min-max range");

        QuantizerPlotCanvas plot = (QuantizerPlotCanvas) robot.lookup("#chart-explorer-layer").queryAs(ChartPane.class).chart();
        double alpha0 = a.alphaProperty().get();
        // the handle's press, drag and release as mouse events on the plot (a robot drag here arms the toolkit's
        // drag-and-drop gesture, which breaks the composer's drag-and-drop tests later in the same JVM)
        double y = plot.getHeight() / 2, x0 = plot.pixelOf(alpha0), x1 = plot.pixelOf(alpha0 / 2);
        robot.interact(() -> {
            plot.fireEvent(mouse(plot, MouseEvent.MOUSE_PRESSED, x0, y));
            plot.fireEvent(mouse(plot, MouseEvent.MOUSE_DRAGGED, (x0 + x1) / 2, y));
            plot.fireEvent(mouse(plot, MouseEvent.MOUSE_DRAGGED, x1, y));
            plot.fireEvent(mouse(plot, MouseEvent.MOUSE_RELEASED, x1, y));
        });
        settled(a);
        assertEquals(AffineViewModel.MANUAL, a.calibrationProperty().get(), "dragging α sets the range by hand");
        assertTrue(Math.abs(a.alphaProperty().get() - alpha0 / 2) < Math.abs(alpha0) * 0.1,
                "α moved to about half: " + a.alphaProperty().get() + " from " + alpha0);
        String dragged = numbers(robot);
        assertNotEquals(minmax, dragged, "S and the errors follow α");

        @SuppressWarnings("unchecked")
        ComboBox<String> cal = robot.lookup("#calibrationBox").queryAs(ComboBox.class); // the PTQ panel has "mse" too
        robot.clickOn(cal).clickOn("mse");
        settled(a);
        assertEquals("mse", a.calibrationProperty().get());
        assertEquals(a.resultProperty().get().methodRanges().get("mse").hi()[0], a.betaProperty().get(), 1e-12);
        assertNotEquals(dragged, numbers(robot));
        assertTrue(a.resultProperty().get().error().mse() <= a.resultProperty().get().maqdError().mse() * 10);

        robot.clickOn(robot.lookup((RadioButton r) -> r.getText().startsWith("Activations")).queryAs(RadioButton.class));
        settled(a);
        assertTrue(!a.dataProperty().get().weights(), "activations of the same layer");
        assertTrue(!a.symmetricProperty().get(), "activations are calibrated asymmetric");
        robot.interact(() -> feed.onProbe(snapshot(10)));
        until("a second batch from the run", () -> a.dataProperty().get().batches().size() == 2);
        settled(a);
        LineChartCanvas perBatch = (LineChartCanvas) robot.lookup((ChartPane p) -> p.chart() instanceof LineChartCanvas
                && p.isVisible() && ((LineChartCanvas) p.chart()).csv().contains("dynamic")).queryAs(ChartPane.class).chart();
        List<org.maqd.ui.vm.AffineExplorer.BatchRow> rows = a.resultProperty().get().batches();
        assertEquals(2, rows.size());
        assertNotEquals(rows.get(0).dynamicHi(), rows.get(1).dynamicHi(), "the dynamic range moves with the batch");
        assertEquals(rows.get(0).staticHi(), rows.get(1).staticHi(), "the static range stays");
        assertTrue(perBatch.csv().lines().count() > 4, perBatch.csv());
    }

    /** The x positions of the level lines the live histogram draws (its CSV lists them as "level,x,"). */
    private static double[] drawnLevels(ChartCanvas h) {
        return h.csv().lines().filter(l -> l.startsWith("level,")).mapToDouble(l -> Double.parseDouble(l.split(",")[1])).toArray();
    }

    @Test
    void liveHistogramShowsTheExplorersLevelsNotTheLayers(FxRobot robot) {
        LiveFeed feed = new LiveFeed();
        feed.onProbe(snapshot(5));
        robot.clickOn("Quantizer explorer");
        QuantizerViewModel q = w.vm().quantizer();
        robot.interact(() -> {
            w.vm().training().feedProperty().set(feed);
            w.vm().training().selectedLayerProperty().set(0);
            q.signedProperty().set(false);
            q.gaussianStepProperty().set(false);
            q.statesProperty().set(5);
            q.stepProperty().set(0.5);
        });
        robot.clickOn(robot.lookup(".check-box").match(n -> ((CheckBox) n).getText().startsWith("Overlay")).queryAs(CheckBox.class));
        ChartCanvas live = robot.lookup("#chart-explorer-layer").queryAs(ChartPane.class).chart();
        // the scripted layer itself has 2 activation states with step 1.224; the explorer asks for 5 states of 0.5
        assertArrayEquals(new double[] {0, 0.5, 1.0, 1.5, 2.0}, drawnLevels(live), 1e-9, live.csv() + w.vm().quantizer().sourceProperty().get());
        robot.interact(() -> q.statesProperty().set(3));
        assertEquals(3, drawnLevels(live).length, "the overlay follows the explorer's M");

        ChartPane pane = robot.lookup("#chart-explorer-layer").queryAs(ChartPane.class);
        assertTrue(title(pane).startsWith("Layer data · "), title(pane));
        robot.interact(() -> w.vm().newExperiment());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(live.hasData());
        assertEquals("Layer data", title(pane), "the title named the previous document's layer over an empty chart");
    }

    private static String title(ChartPane p) { return ((Label) p.lookup(".chart-title")).getText(); }

    /** In the dark theme at the headless screen's 1280×800 the layer chart's MSE/SQNR box holds its lines inside the plot. */
    @Test
    void theErrorNoteStaysInsideTheLayerPlotInTheDarkTheme(FxRobot robot) throws Exception {
        LiveFeed feed = new LiveFeed();
        feed.onProbe(snapshot(5));
        robot.interact(() -> {
            w.vm().toggleTheme();
            w.stage().setWidth(1280);
            w.stage().setHeight(800);
        });
        assertEquals("dark", w.vm().themeProperty().get());
        AffineViewModel a = affineOverlay(robot, feed);
        QuantizerPlotCanvas plot = (QuantizerPlotCanvas) robot.lookup("#chart-explorer-layer").queryAs(ChartPane.class).chart();
        String[] svg = new String[1];
        double[] width = new double[1];
        robot.interact(() -> {
            svg[0] = plot.svg();
            width[0] = plot.getWidth();
        });
        assertTrue(width[0] > 900, "a wide chart: " + width[0]);
        org.maqd.ui.chart.NoteBox box = org.maqd.ui.chart.NoteBox.of(svg[0]);
        assertTrue(box != null, "the note is drawn in a chart this size\n" + svg[0]);
        double[] area = org.maqd.ui.chart.NoteBox.plotArea(svg[0]);
        assertTrue(area[1] <= width[0], "the plot area inside the chart");
        String problem = box.problem(area[0], area[1]);
        assertTrue(problem == null, problem);
    }

    /**
     * The classifier (no activation quantizer) with activations chosen: the layer chart, its title, the header and the
     * table show nothing of its weights, the chart says why, and all come back with weights.
     */
    @Test
    void aLayerWithoutActivationsShowsNoWeightNumbersAsActivations(FxRobot robot) throws Exception {
        org.maqd.train.LayerValues v = ScriptedTrainer.values("3:output", 5);
        LiveFeed feed = new LiveFeed();
        feed.onProbe(new ProbeSnapshot(5, 1, List.of(ScriptedTrainer.probe(0, "3:output", 5)), 1e-4,
                List.of(new org.maqd.train.LayerValues("3:output", v.weights(), null))));
        AffineViewModel a = affineOverlay(robot, feed);
        ChartPane pane = robot.lookup("#chart-explorer-layer").queryAs(ChartPane.class);
        assertEquals("Layer data · weights of 3:output", title(pane));

        robot.clickOn(robot.lookup((RadioButton r) -> r.getText().startsWith("Activations")).queryAs(RadioButton.class));
        WaitForAsyncUtils.waitForFxEvents();
        String why = "3:output has no activation quantizer to show";
        assertEquals(why, w.vm().quantizer().sourceProperty().get());
        assertEquals("Layer data", title(pane), "the title named the weights over activation numbers");
        assertFalse(pane.chart().hasData());
        assertEquals(why, pane.chart().emptyText());
        assertTrue(robot.lookup((Label l) -> l.getText() != null && l.getText().startsWith("S = ")).queryAll().isEmpty(),
                "no S and Z of the weights as activations");
        assertTrue(a.table().isEmpty());

        robot.clickOn(robot.lookup((RadioButton r) -> r.getText().startsWith("Weights")).queryAs(RadioButton.class));
        settled(a);
        assertEquals("Layer data · weights of 3:output", title(pane));
        assertTrue(pane.chart().hasData());
        assertTrue(numbers(robot).startsWith("S = "), numbers(robot));
    }
}
