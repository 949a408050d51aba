package org.maqd.ui;

import static org.maqd.ui.Await.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.maqd.experiment.ExperimentIO;
import org.maqd.ui.chart.ChartPane;
import org.maqd.ui.engine.Engine;
import org.maqd.ui.vm.LiveFeed;
import org.maqd.ui.vm.RecentFiles;
import org.maqd.ui.vm.RunState;
import org.maqd.ui.vm.Templates;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Trains the quickstart for real from the window on a 512-sample subset: the charts receive data, pause holds
 * the run, stop ends it, the run appears in the runs table. Prints the longest FX-thread gap seen while training.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class TrainingUiTest {
    @TempDir static Path dir;
    private WorkbenchApp.Window w;
    private final TestPrompts prompts = new TestPrompts();

    @Start
    void start(Stage stage) throws Exception {
        Path file = dir.resolve("quickstart.json");
        Path shipped = Path.of("experiments", "quickstart.json");
        Files.writeString(file, Files.isRegularFile(shipped) ? Files.readString(shipped) : ExperimentIO.toJson(Templates.quickstart()));
        w = WorkbenchApp.open(stage, Engine.standard(), file, dir.resolve("runs"), new RecentFiles(null), prompts);
    }


    private String csv(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(ChartPane.class).chart().csv();
    }

    @Test
    void trainOnASubsetWatchChartsPauseStop(FxRobot robot) throws Exception {
        robot.clickOn("Training");
        TextField limit = robot.lookup("#setting-data-trainLimit").queryAs(TextField.class);
        assertEquals("", limit.getText(), "the quickstart trains on every sample");
        assertEquals("all", limit.getPromptText(), "and the empty field says so");
        assertEquals("all cores", robot.lookup("#setting-threads").queryAs(TextField.class).getPromptText());
        robot.clickOn(limit).write("512").type(KeyCode.ENTER);
        TextField epochs = robot.lookup("#setting-training-epochs").queryAs(TextField.class);
        // far more epochs than the test lets it run: the run must still be running when Stop is pressed (with 30
        // epochs a run that skipped its JIT warm-up finished before Stop and the status said "completed")
        robot.doubleClickOn(epochs).eraseText(4).write("3000").type(KeyCode.ENTER);
        assertEquals(512, w.vm().document().get().data().trainLimit());
        assertEquals(3000, w.vm().document().get().training().epochs());
        robot.interact(() -> w.vm().training().setSetting(org.maqd.ui.vm.TrainingSettings.THREADS, System.getProperty("ui.threads", "")));
        long pressed = System.nanoTime();
        robot.type(KeyCode.F5);
        var tr = w.vm().training();
        until("the first point in the loss chart", () -> robot.lookup("#chart-loss").queryAs(ChartPane.class).chart().hasData());
        System.out.printf("[measure] Train pressed → first chart point: %d ms%n", (System.nanoTime() - pressed) / 1_000_000);
        until("the run to start", () -> tr.stateProperty().get() == RunState.RUNNING);
        until("two probe snapshots", () -> tr.feedProperty().get() != null && tr.feedProperty().get().probes.size() >= 2
                && tr.feedProperty().get().epochs.size() >= 1);
        // the charts take the feed at the UI's sampling rate: wait for the tick that draws the first epoch
        until("the loss chart to have data", () -> csv(robot, "#chart-loss").lines().count() > 5);
        until("the accuracy chart to have the test curve", () -> csv(robot, "#chart-accuracy").contains("test"));
        assertTrue(csv(robot, "#chart-latent-weights").lines().count() > 10, "weight histogram has data");
        assertTrue(csv(robot, "#chart-weight-states").lines().count() >= 3, "occupancy bars have data");
        assertTrue(csv(robot, "#chart-quantization-error").lines().count() >= 3, "heatmap has rows");
        assertTrue(csv(robot, "#chart-activation-states").lines().count() >= 3);
        int layer = tr.selectedLayerProperty().get();
        assertEquals(3, tr.feedProperty().get().probes.last().layers().get(layer).weightStates(),
                "the charts start on the ternary layer");
        robot.clickOn("#chart-latent-weights .toggle-button");
        assertTrue(robot.lookup(".chart-help").queryAll().stream().anyMatch(javafx.scene.Node::isVisible));
        Path png = dir.resolve("weights.png");
        robot.interact(() -> {
            try {
                robot.lookup("#chart-latent-weights").queryAs(ChartPane.class).savePng(png);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertTrue(Files.size(png) > 1000);
        // the image holds the chart under its title, not the bare plot
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        ChartPane weights = robot.lookup("#chart-latent-weights").queryAs(ChartPane.class);
        assertTrue(img.getHeight() > weights.chart().getHeight() + 10, img.getHeight() + " px: no room for the title above the "
                + weights.chart().getHeight() + " px chart");
        assertTrue(robot.lookup("#chart-latent-weights .toggle-button").query().isVisible(), "the buttons are back");
        Path svg = dir.resolve("weights.svg"), lossSvg = dir.resolve("loss.svg");
        robot.interact(() -> {
            try {
                robot.lookup("#chart-latent-weights").queryAs(ChartPane.class).saveSvg(svg);
                robot.lookup("#chart-loss").queryAs(ChartPane.class).saveSvg(lossSvg);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        org.w3c.dom.Document hist = org.maqd.ui.chart.SvgPainterTest.parse(Files.readString(svg));
        assertTrue(hist.getElementsByTagName("rect").getLength() > 32, "one rect per histogram bin");
        assertTrue(hist.getElementsByTagName("line").getLength() >= 3 + 4, "level lines and axis ticks");
        org.w3c.dom.Document loss = org.maqd.ui.chart.SvgPainterTest.parse(Files.readString(lossSvg));
        assertTrue(loss.getElementsByTagName("path").getLength() >= 1, "the loss curve");
        assertTrue(loss.getElementsByTagName("text").getLength() >= 4, "tick labels");

        robot.type(KeyCode.F6);
        assertEquals(RunState.PAUSED, tr.stateProperty().get());
        Thread.sleep(400);
        LiveFeed f = tr.feedProperty().get();
        int n = f.stepLoss.size();
        Thread.sleep(500);
        assertTrue(f.stepLoss.size() <= n + 1, "no steps while paused");
        robot.type(KeyCode.F6);
        assertEquals(RunState.RUNNING, tr.stateProperty().get());
        until("more steps after resume", () -> f.stepLoss.size() > n + 3);
        robot.press(KeyCode.SHIFT).type(KeyCode.F5).release(KeyCode.SHIFT);
        until("the run to end", () -> tr.stateProperty().get() == RunState.FINISHED);
        Label statusLabel = robot.lookup("#statusLabel").queryAs(Label.class);
        long t0 = System.nanoTime();
        until("the status to say stopped", () -> statusLabel.getText().contains("stopped"));
        System.out.println("[measure] status updated " + (System.nanoTime() - t0) / 1_000_000 + " ms after FINISHED");
        String gap = w.view().trainingView().pulseTextProperty().get();
        System.out.println("[measure] " + gap + " while training; " + robot.lookup("#throughputLabel").queryAs(Label.class).getText());
        java.util.List<Double> d = new java.util.ArrayList<>(w.view().trainingView().updateDurations());
        System.out.println("[measure] first UI updates (ms): " + d.subList(0, Math.min(8, d.size())));
        java.util.Collections.sort(d);
        System.out.printf("[measure] FX thread CPU between ticks: max %.1f ms%n", w.view().trainingView().maxFxCpuMs());
        System.out.printf("[measure] %d UI updates: median %.1f ms, p99 %.1f ms, max %.1f ms%n", d.size(),
                d.get(d.size() / 2), d.get((int) (d.size() * 0.99)), d.get(d.size() - 1));
        assertTrue(prompts.errors.isEmpty(), prompts.errors.toString());
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT4).release(KeyCode.CONTROL);
        until("the runs view", () -> w.view().tabs().getSelectionModel().getSelectedIndex() == 3);
        until("the run in the table", () -> w.vm().runs().rows().size() == 1);

        // deployment: verify the integer model of the run just trained and see its badge
        var runs = w.vm().runs();
        assertEquals("not verified", runs.rows().get(0).deployment());
        javafx.scene.control.TableView<?> table = robot.lookup("#table").queryAs(javafx.scene.control.TableView.class);
        robot.clickOn(robot.lookup("#table .table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
        assertEquals(0, table.getSelectionModel().getSelectedIndex());
        javafx.scene.control.Button verify = robot.lookup("#verifyButton").queryButton();
        assertTrue(!verify.isDisabled() && verify.isVisible(), "Verify is enabled for the selected run");
        robot.clickOn(verify);
        until("verification to start", () -> runs.busyProperty().get() || !runs.deployMessageProperty().get().isEmpty());
        until("verification to end", () -> !runs.busyProperty().get());
        until("the table to show the result", () -> !runs.rows().get(0).deployment().equals("not verified"));
        System.out.println("[measure] " + runs.deployMessageProperty().get());
        assertTrue(runs.rows().get(0).deployment().startsWith("integer-only ✓"), runs.rows().get(0).deployment());
        assertTrue(Files.isRegularFile(runs.rows().get(0).run().dir().resolve("certificate.json")));
        until("the badge in the table", () -> robot.lookup(".table-cell.badge-pass").tryQuery().isPresent());
        String badge = robot.lookup(".table-cell.badge-pass").queryAs(javafx.scene.control.Labeled.class).getText();
        assertTrue(badge.matches("integer-only ✓ \\d+\\.\\d% identical"), badge);

        // File → Export report for the selected run
        robot.press(KeyCode.CONTROL).type(KeyCode.R).release(KeyCode.CONTROL);
        until("the report", () -> !prompts.infos.isEmpty() || !prompts.errors.isEmpty());
        assertTrue(prompts.errors.isEmpty(), prompts.errors.toString());
        assertTrue(prompts.infos.get(0).contains("report.html"), prompts.infos.toString());
        assertTrue(Files.isRegularFile(runs.rows().get(0).run().dir().resolve("report.html")));
    }
}
