package org.maqd.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.maqd.experiment.Experiment;
import org.maqd.experiment.ExperimentIO;
import org.maqd.experiment.RunLauncher;
import org.maqd.train.EpochMetrics;
import org.maqd.train.RunControl;
import org.maqd.ui.engine.Engine;
import org.maqd.ui.vm.RecentFiles;
import org.maqd.ui.vm.RunState;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Training throughput of the same run with the Training view open and drawing vs without any listener, runs
 * alternated to spread machine noise. Prints medians; runs only with -Dmaqd.measure=true (a few tens of seconds).
 */
@Tag("measure")
@ExtendWith(ApplicationExtension.class)
class ThroughputMeasureTest {
    @TempDir static Path dir;
    private WorkbenchApp.Window w;

    @Start
    void start(Stage stage) throws Exception {
        w = WorkbenchApp.open(stage, Engine.standard(), Path.of("experiments", "quickstart.json"), dir.resolve("runs"),
                new RecentFiles(null), new TestPrompts());
    }

    @Test
    void uiOpenVsHeadless(FxRobot robot) throws Exception {
        assumeTrue(Boolean.getBoolean("maqd.measure"), "measurement runs only with -Dmaqd.measure=true");
        int rounds = Integer.getInteger("maqd.rounds", 3);
        Experiment exp = ExperimentIO.read(Path.of("experiments", "quickstart.json"));
        exp = exp.withData(exp.data().withTestLimit(500)).withTraining(exp.training().withEpochs(6));
        Experiment e = exp;
        robot.interact(() -> w.vm().document().load(e, null));
        robot.clickOn("Training");
        List<Double> headless = new ArrayList<>(), ui = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            var res = RunLauncher.run(e, Path.of("").toAbsolutePath(), dir.resolve("runs"), new RunControl(), List.of());
            assertTrue(res.outcome().completed());
            headless.add(steadyRate(metricsEpochs(res.runDir())));
            robot.interact(() -> w.vm().training().start());
            long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (w.vm().training().stateProperty().get() != RunState.FINISHED && System.nanoTime() < end) Thread.sleep(10);
            ui.add(steadyRate(List.copyOf(w.vm().training().feedProperty().get().epochs.snapshot())));
        }
        List<Double> ratios = new ArrayList<>();
        for (int r = 0; r < rounds; r++) ratios.add(ui.get(r) / headless.get(r));
        Collections.sort(ratios);
        System.out.printf("[measure] paired UI/headless per round (sorted): %s, median %.3f%n", ratios, ratios.get(rounds / 2));
        Collections.sort(headless);
        Collections.sort(ui);
        double h = headless.get(rounds / 2), u = ui.get(rounds / 2);
        System.out.printf("[measure] steady samples/s: headless median %.0f %s, UI median %.0f %s, UI/headless %.3f%n",
                h, headless, u, ui, u / h);
        List<Double> d = new ArrayList<>(w.view().trainingView().updateDurations());
        Collections.sort(d);
        System.out.printf("[measure] rates are samples/s over epochs 3..6 of 6 (full MNIST-10k training set), after JIT warm-up%n");
        System.out.printf("[measure] last UI run: %d chart updates, median %.2f ms, max %.1f ms%n", d.size(), d.get(d.size() / 2), d.get(d.size() - 1));
    }

    /** Samples per second over epochs 3.. (the first two include JIT warm-up). */
    static double steadyRate(List<EpochMetrics> epochs) {
        double samples = 0, seconds = 0;
        for (EpochMetrics m : epochs.subList(2, epochs.size())) {
            samples += m.samplesPerSecond() * m.seconds();
            seconds += m.seconds();
        }
        return samples / seconds;
    }

    static List<EpochMetrics> metricsEpochs(Path runDir) throws java.io.IOException {
        List<EpochMetrics> out = new ArrayList<>();
        List<String> lines = java.nio.file.Files.readAllLines(runDir.resolve("metrics.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            out.add(new EpochMetrics(Integer.parseInt(f[0]), Long.parseLong(f[1]), 0, 0, 0, 0, 0,
                    Double.parseDouble(f[7]), Double.parseDouble(f[8])));
        }
        return out;
    }
}
