package org.maqd.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.maqd.experiment.PtqSpec;
import org.maqd.experiment.ptq.PtqEvaluator;
import org.maqd.experiment.ptq.PtqReport;
import org.maqd.sweep.SweepFixtures;
import org.maqd.sweep.SweepPlan;
import org.maqd.sweep.SweepRunner;
import org.maqd.tensor.Parallel;
import org.maqd.ui.engine.Engine;
import org.maqd.ui.vm.PtqViewModel;
import org.maqd.ui.vm.RecentFiles;
import org.maqd.ui.vm.RunsViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The PTQ panel of the Runs view on a trained float run: quantized at 8 states with the panel's options, the
 * result (the same numbers as `maqd ptq`, saved in the run's ptq/ folder) is listed beside the MaQD run at 8
 * states; a quantized (QAT) run cannot be post-training quantized.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class PtqPanelUiTest {
    @TempDir static Path dir;
    static final String RUNS = """
            {"list": [{"network.defaults.weightStates": 8, "network.defaults.activationStates": 8},
                      {"network.defaults.weightStates": 0, "network.defaults.activationStates": 0,
                       "network.defaults.weightStandardization": false, "network.defaults.firstWeightStates": 0,
                       "network.defaults.outputWeightStates": 0}], "seeds": 1}
            """;
    private WorkbenchApp.Window w;
    private final TestPrompts prompts = new TestPrompts();

    @Start
    void start(Stage stage) throws Exception {
        SweepPlan plan = SweepPlan.of(SweepFixtures.experiment(RUNS, 2), "tiny.json", null);
        assertTrue(SweepFixtures.run(plan, dir.resolve("sweep"), 1, null, List.of()).complete());
        w = WorkbenchApp.open(stage, Engine.standard(), null, dir.resolve("sweep").resolve("trials"), new RecentFiles(null), prompts);
    }

    private void until(String what, BooleanSupplier c) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!c.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("timed out waiting for " + what + "; PTQ panel says: "
                    + w.vm().ptq().messageProperty().get() + ", busy " + w.vm().ptq().busyProperty().get());
            Thread.sleep(20);
        }
    }

    @Test
    void quantizeAFloatRunBesideTheMaqdRunAtTheSameStates(FxRobot robot) throws Exception {
        robot.clickOn("Runs");
        robot.interact(() -> { });
        RunsViewModel runs = w.vm().runs();
        until("the two runs listed", () -> runs.rows().size() == 2);
        RunsViewModel.Row qat = runs.rows().stream().filter(r -> r.run().name().contains("weightStates=8")).findFirst().orElseThrow();
        RunsViewModel.Row fp = runs.rows().stream().filter(r -> r.run().name().contains("weightStates=0")).findFirst().orElseThrow();
        PtqViewModel vm = w.vm().ptq();
        Button quantize = robot.lookup("#ptqQuantize").queryButton();

        robot.interact(() -> w.view().runsView().select(qat.run().dir()));
        assertTrue(quantize.isDisabled(), "a MaQD run is already quantized");
        assertTrue(vm.messageProperty().get().contains("not a float run"), vm.messageProperty().get());

        robot.interact(() -> w.view().runsView().select(fp.run().dir()));
        assertFalse(quantize.isDisabled());
        robot.interact(() -> vm.calibrationProperty().set("minmax"));
        robot.interact(quantize::fire);
        until("the quantization to finish", () -> !vm.busyProperty().get() && vm.messageProperty().get().startsWith("PTQ "));
        assertTrue(vm.messageProperty().get().startsWith("PTQ minmax at 8 states"), vm.messageProperty().get());
        robot.interact(() -> { });
        // the table's refresh after the result keeps the result's message (it used to replace it at once with
        // "… 1 PTQ result(s) saved; choose the options", so the result was never seen and this test raced)
        assertTrue(vm.messageProperty().get().startsWith("PTQ minmax at 8 states"), vm.messageProperty().get());

        // the same numbers as `maqd ptq RUN --states 8` (default options), saved in the run's ptq folder
        PtqSpec spec = new PtqSpec(List.of(8), List.of("minmax"), "mse", true, 99.99, 512, 256, 256, "symmetric", "asymmetric", false);
        PtqReport expected;
        try (Parallel par = new Parallel(1)) {
            expected = PtqEvaluator.forRun(fp.run().dir(), fp.run().dir(), spec, par).report(8, "minmax");
        }
        assertTrue(Files.isRegularFile(fp.run().dir().resolve("ptq").resolve(expected.fileName())));
        @SuppressWarnings("unchecked")
        TableView<PtqViewModel.Row> table = robot.lookup("#ptqTable").queryAs(TableView.class);
        List<String> methods = table.getItems().stream().map(r -> r.method() + " " + r.states()).toList();
        assertEquals(List.of("PTQ minmax 8", "MaQD #" + qat.number() + " 8", "float 0"), methods);
        assertEquals(String.format(java.util.Locale.ROOT, "%.2f%%", 100 * expected.result().testAccuracy()), table.getItems().get(0).accuracy());
        assertEquals(String.format(java.util.Locale.ROOT, "%.2f%%", 100 * qat.run().testAccuracy()), table.getItems().get(1).accuracy());
        assertTrue(prompts.errors.isEmpty(), prompts.errors.toString());
    }
}
