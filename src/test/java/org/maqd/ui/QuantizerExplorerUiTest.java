package org.maqd.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.CheckBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.maqd.experiment.ExperimentIO;
import org.maqd.train.ProbeSnapshot;
import org.maqd.ui.chart.ChartCanvas;
import org.maqd.ui.chart.ChartPane;
import org.maqd.ui.engine.Engine;
import org.maqd.ui.vm.LiveFeed;
import org.maqd.ui.vm.QuantizerViewModel;
import org.maqd.ui.vm.RecentFiles;
import org.maqd.ui.vm.Templates;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The explorer's live overlay draws the explorer's own levels (its M and Δ) over the chosen layer's data. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class QuantizerExplorerUiTest {
    @TempDir static Path dir;
    private WorkbenchApp.Window w;

    @Start
    void start(Stage stage) throws Exception {
        Path file = dir.resolve("quickstart-" + System.nanoTime() + ".json");
        Files.writeString(file, ExperimentIO.toJson(Templates.quickstart()));
        w = WorkbenchApp.open(stage, Engine.standard(), file, dir.resolve("runs"), new RecentFiles(null), new TestPrompts());
    }

    /** The x positions of the level lines the live histogram draws (its CSV lists them as "level,x,"). */
    private static double[] drawnLevels(ChartCanvas h) {
        return h.csv().lines().filter(l -> l.startsWith("level,")).mapToDouble(l -> Double.parseDouble(l.split(",")[1])).toArray();
    }

    @Test
    void liveHistogramShowsTheExplorersLevelsNotTheLayers(FxRobot robot) {
        LiveFeed feed = new LiveFeed();
        feed.onProbe(new ProbeSnapshot(5, 1, List.of(ScriptedTrainer.probe(0, "linear1", 5)), 1e-4,
                List.of(ScriptedTrainer.values("linear1", 5))));
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
    }
}
