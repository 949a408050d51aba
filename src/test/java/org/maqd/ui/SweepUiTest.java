package org.maqd.ui;

import static org.maqd.ui.Await.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.maqd.sweep.SweepFixtures;
import org.maqd.sweep.TrialFolder;
import org.maqd.ui.engine.Engine;
import org.maqd.ui.vm.RecentFiles;
import org.maqd.ui.vm.RunState;
import org.maqd.ui.vm.SweepViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Sweep tab for real: a 4-trial sweep file opened through the Open button, run on this machine; every trial
 * goes queued → running (this machine) → done, the grouped table fills in with one row per norm (n = 2 seeds),
 * and a finished trial opens in the Training view (its epoch curves) and is selected in the Runs view.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class SweepUiTest {
    @TempDir static Path dir;
    private WorkbenchApp.Window w;
    private final TestPrompts prompts = new TestPrompts();

    @Start
    void start(Stage stage) throws Exception {
        w = WorkbenchApp.open(stage, Engine.standard(), null, dir.resolve("runs"), new RecentFiles(null), prompts);
    }


    @Test
    void runASweepWatchEveryTrialAndOpenOneInTrainingAndRuns(FxRobot robot) throws Exception {
        Path file = dir.resolve("tiny.json");
        Files.writeString(file, SweepFixtures.json(SweepFixtures.NORM_SWEEP, 2));
        robot.clickOn("Sweep");
        prompts.openAnswer = file;
        robot.clickOn("#sweepOpen");
        SweepViewModel vm = w.vm().sweep();
        @SuppressWarnings("unchecked")
        TableView<SweepViewModel.TrialItem> trials = robot.lookup("#sweepTrials").queryAs(TableView.class);
        assertEquals(4, trials.getItems().size());
        assertTrue(trials.getItems().stream().allMatch(t -> t.stateProperty().get().equals("queued")));
        assertEquals(List.of("trial", "norm", "seed", "state", "where", "test accuracy", "detail"),
                trials.getColumns().stream().map(c -> c.getText()).toList());
        // every state each trial passes through, as the table sees it (listeners run on the FX thread)
        List<String> seen = new ArrayList<>();
        robot.interact(() -> trials.getItems().forEach(t -> t.stateProperty().addListener((o, a, b) ->
                seen.add(t.id() + " " + b + (b.equals("running") ? " on " + t.whereProperty().get() : "")))));

        robot.clickOn("#sweepReport");
        assertEquals(1, prompts.errors.size(), "nothing to report before a trial has ended");
        assertTrue(prompts.errors.get(0).contains("No trial of this sweep has ended yet"), prompts.errors.get(0));
        prompts.errors.clear();

        List<String> statusLine = new ArrayList<>();
        javafx.scene.control.Label status = robot.lookup("#statusLabel").queryAs(javafx.scene.control.Label.class);
        robot.interact(() -> status.textProperty().addListener((o, a, b) -> statusLine.add(b)));
        robot.clickOn("#sweepRun");
        until("every trial done", () -> trials.getItems().stream().allMatch(t -> t.stateProperty().get().equals("done")));
        until("the sweep to end", () -> !vm.runningProperty().get());
        @SuppressWarnings("unchecked")
        TableView<List<String>> groups = robot.lookup("#sweepGroups").queryAs(TableView.class);
        until("the grouped table", () -> groups.getItems().size() == 2 && groups.getItems().stream().allMatch(r -> r.get(1).equals("2")));
        robot.interact(() -> { });
        for (var t : trials.getItems()) {
            assertTrue(seen.contains(t.id() + " running on this machine"), seen.toString());
            assertTrue(seen.indexOf(t.id() + " running on this machine") < seen.indexOf(t.id() + " done"), seen.toString());
            assertEquals(String.format(java.util.Locale.ROOT, "%.4f", TrialFolder.numbers(t.dir()).testAccuracy()), t.accuracyProperty().get());
        }
        assertEquals(List.of("lbn", "bn"), groups.getItems().stream().map(r -> r.get(0)).toList());
        List<String> cut = new ArrayList<>();
        robot.interact(() -> {
            for (javafx.scene.Node n : groups.lookupAll(".column-header .label")) {
                javafx.scene.control.Label l = (javafx.scene.control.Label) n;
                javafx.scene.text.Text shown = (javafx.scene.text.Text) l.lookup(".text");
                if (l.getText() != null && !l.getText().isEmpty() && (shown == null || !l.getText().equals(shown.getText())))
                    cut.add("'" + l.getText() + "' drawn as '" + (shown == null ? null : shown.getText()) + "'");
            }
        });
        assertTrue(cut.isEmpty(), "the grouped table's headers are whole: " + cut);
        assertTrue(vm.messageProperty().get().startsWith("All 4 trials finished"), vm.messageProperty().get());
        assertTrue(statusLine.stream().anyMatch(t -> t.startsWith("Sweep: Running on this machine")), "the status line says a sweep runs: " + statusLine);

        // the sweep's report from the window, as `maqd report SWEEP_DIR --pdf`
        robot.clickOn("#sweepReport");
        until("the sweep's report", () -> !prompts.infos.isEmpty() || !prompts.errors.isEmpty());
        assertTrue(prompts.errors.isEmpty(), prompts.errors.toString());
        Path html = vm.sweepDir().resolve("report.html");
        assertTrue(prompts.infos.get(0).contains(html.toAbsolutePath().toString()), prompts.infos.get(0));
        assertTrue(Files.readString(html).contains("Sweep report"), "a sweep report, not a run's");
        assertTrue(Files.size(vm.sweepDir().resolve("report.pdf")) > 1000);

        SweepViewModel.TrialItem second = trials.getItems().get(1);
        robot.interact(() -> trials.getSelectionModel().select(second));
        robot.clickOn("#sweepOpenTrial");
        robot.interact(() -> { });
        assertEquals("Training", robot.lookup("#tabs").queryAs(TabPane.class).getSelectionModel().getSelectedItem().getText());
        var tr = w.vm().training();
        assertEquals(RunState.FINISHED, tr.stateProperty().get());
        assertEquals(2, tr.feedProperty().get().epochs.size(), "the trial's two epochs in the charts");
        assertTrue(tr.statusProperty().get().contains(second.id()), tr.statusProperty().get());
        assertNull(w.vm().document().fileProperty().get(), "opened untitled: saving never overwrites the trial's copy");
        assertEquals("tiny_" + second.id(), w.vm().document().get().name());
        assertEquals(second.dir().getParent(), w.vm().runs().rootProperty().get());
        assertEquals(4, w.vm().runs().rows().size());
        assertEquals(second.dir(), w.view().runsView().selectedRun().run().dir());
        assertTrue(prompts.errors.isEmpty(), prompts.errors.toString());
    }

    /** F5 while a sweep runs here: refused where the user is, with the reason (it switched to Training first). */
    @Test
    void trainWhileASweepRunsIsRefusedInPlace(FxRobot robot) throws Exception {
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        robot.clickOn("Sweep");
        robot.interact(() -> w.vm().sweep().runningProperty().set(true));
        try {
            robot.type(javafx.scene.input.KeyCode.F5);
            until("the refusal", () -> !prompts.errors.isEmpty());
            robot.interact(() -> { });
            assertEquals("Sweep", tabs.getSelectionModel().getSelectedItem().getText(), "F5 stays on the Sweep tab");
            assertTrue(prompts.errors.get(0).contains("A sweep is running"), prompts.errors.toString());
            assertTrue(!w.vm().training().stateProperty().get().active());
        } finally {
            robot.interact(() -> w.vm().sweep().runningProperty().set(false));
        }
    }
}
