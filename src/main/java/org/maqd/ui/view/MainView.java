package org.maqd.ui.view;

import java.nio.file.Path;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;
import org.maqd.ui.vm.ExperimentDocument;
import org.maqd.ui.vm.RunState;
import org.maqd.ui.vm.ShellViewModel;
import org.maqd.ui.vm.TrainingViewModel;

/** The window: menu, toolbar, the four views in tabs, the status bar; file commands with their dialogs. */
public final class MainView {
    @FXML private Menu recentMenu, lessonsMenu;
    @FXML private MenuItem undoItem, redoItem, runItem, pauseItem, stopItem, themeItem, saveItem, reportItem;
    @FXML private Button undoButton, redoButton, runButton, pauseButton, stopButton, saveButton;
    @FXML private Label experimentLabel, statusLabel, etaLabel, throughputLabel, dataFitLabel;
    @FXML private javafx.scene.control.MenuBar menuBar;
    @FXML private javafx.scene.layout.BorderPane root;
    @FXML private javafx.scene.control.CheckMenuItem teacherItem, lessonItem;
    @FXML private ProgressBar progressBar;
    @FXML private TabPane tabs;
    @FXML private Tab composerTab, trainingTab, quantizerTab, runsTab, playgroundTab;
    @FXML private ComposerView composerController;
    @FXML private TrainingView trainingController;
    @FXML private QuantizerView quantizerController;
    @FXML private RunsView runsController;

    private Tab sweepTab;
    private ShellViewModel vm;
    private Stage stage;
    private Prompts prompts;

    public void init(ShellViewModel vm, Stage stage, Prompts prompts) {
        this.vm = vm;
        this.stage = stage;
        this.prompts = prompts;
        ExperimentDocument doc = vm.document();
        TrainingViewModel tr = vm.training();
        composerController.init(vm.canvas(), vm.bulk(), vm.themeProperty());
        trainingController.init(tr, vm.themeProperty(), prompts, trainingTab.selectedProperty());
        quantizerController.init(vm.quantizer(), tr, vm.themeProperty());
        vm.setUiExecutor(javafx.application.Platform::runLater);
        runsController.init(vm.runs(), vm.themeProperty());
        runsController.addPtq(vm.ptq());
        playgroundTab.setContent(new PlaygroundView(vm.playground(), playgroundTab.selectedProperty()));
        sweepTab = new Tab("Sweep", new SweepView(vm.sweep(), () -> prompts.chooseOpen(initialDir()), this::openTrial,
                m -> prompts.error("Sweep", m), this::onReport));
        sweepTab.setId("sweepTab");
        sweepTab.setClosable(false);
        tabs.getTabs().add(tabs.getTabs().indexOf(runsTab) + 1, sweepTab);
        teacherItem.selectedProperty().bindBidirectional(vm.lesson().teacherModeProperty());
        lessonItem.selectedProperty().bindBidirectional(vm.lesson().shownProperty());
        lessonItem.disableProperty().bind(Bindings.createBooleanBinding(() -> !vm.lesson().isLesson(),
                vm.lesson().textProperty(), doc.locksProperty()));
        root.setRight(new LessonPane(vm.lesson(), doc, this::saveLesson));
        reportItem.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.reportBusyProperty().get()
                        || vm.reportTargets(sweepTab.isSelected()).isEmpty(), vm.reportBusyProperty(), tr.lastRunDirProperty(),
                vm.runs().selected(), sweepTab.selectedProperty(), vm.sweep().runningProperty(), vm.sweep().fileProperty()));
        reportItem.textProperty().bind(Bindings.createStringBinding(() -> sweepTab.isSelected() ? "Export sweep _report"
                : vm.runs().selected().size() > 1 ? "Export comparison _report (" + vm.runs().selected().size() + " runs)"
                : "Export _report", vm.runs().selected(), sweepTab.selectedProperty()));
        stage.titleProperty().bind(vm.titleBinding());
        Tooltip about = new Tooltip();
        about.setWrapText(true);
        about.setMaxWidth(500);
        about.textProperty().bind(experimentLabel.textProperty());
        experimentLabel.setTooltip(about);
        experimentLabel.textProperty().bind(Bindings.createStringBinding(() ->
                doc.get().description() == null ? "" : doc.get().description(), doc.experimentProperty()));
        undoItem.disableProperty().bind(doc.history().canUndoProperty().not());
        redoItem.disableProperty().bind(doc.history().canRedoProperty().not());
        undoButton.disableProperty().bind(undoItem.disableProperty());
        redoButton.disableProperty().bind(redoItem.disableProperty());
        undoItem.textProperty().bind(Bindings.concat("Undo ", doc.history().undoLabelProperty()));
        redoItem.textProperty().bind(Bindings.concat("Redo ", doc.history().redoLabelProperty()));
        var active = Bindings.createBooleanBinding(() -> tr.stateProperty().get().active(), tr.stateProperty());
        runButton.disableProperty().bind(active);
        runItem.disableProperty().bind(active);
        pauseButton.disableProperty().bind(active.not());
        pauseItem.disableProperty().bind(active.not());
        stopButton.disableProperty().bind(active.not());
        stopItem.disableProperty().bind(active.not());
        pauseButton.textProperty().bind(Bindings.when(tr.stateProperty().isEqualTo(RunState.PAUSED)).then("▶ Resume").otherwise("❚❚ Pause"));
        if (!tr.trainerAvailable()) runButton.setTooltip(new Tooltip("This build has no training engine"));
        statusLabel.textProperty().bind(vm.statusBinding());
        etaLabel.textProperty().bind(tr.etaProperty());
        throughputLabel.textProperty().bind(tr.throughputProperty());
        // a network that cannot take its data set is said while it is edited, not only when Train is pressed
        dataFitLabel.textProperty().bind(vm.dataFit().messageProperty());
        dataFitLabel.visibleProperty().bind(dataFitLabel.textProperty().isNotEmpty());
        dataFitLabel.managedProperty().bind(dataFitLabel.visibleProperty());
        Tooltip fitTip = new Tooltip();
        fitTip.textProperty().bind(dataFitLabel.textProperty());
        fitTip.setWrapText(true);
        fitTip.setMaxWidth(480);
        dataFitLabel.setTooltip(fitTip);
        progressBar.progressProperty().bind(tr.progressProperty());
        themeItem.textProperty().bind(Bindings.when(vm.themeProperty().isEqualTo("dark")).then("_Light theme").otherwise("_Dark theme"));
        vm.recent().files().addListener((javafx.collections.ListChangeListener<Path>) c -> rebuildRecent());
        rebuildRecent();
        buildLessons(Path.of("experiments", "lessons"));
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> { if (b == runsTab) vm.runs().refresh(); });
        stage.setOnCloseRequest(e -> {
            if (!confirmDiscard()) e.consume();
            else {
                tr.stop();
                vm.playground().stop();
            }
        });
    }

    /** Shows a sweep's finished trial in the Training view (its curves) and selects it in the Runs view. */
    void openTrial(Path dir) {
        if (!confirmDiscard()) return;
        String err = vm.openRun(dir);
        if (err != null) {
            prompts.error("Cannot open the trial", err);
            return;
        }
        tabs.getSelectionModel().select(trainingTab);
    }

    public void applyTheme(Scene scene) {
        Runnable apply = () -> {
            scene.getStylesheets().setAll(getClass().getResource("/assets/css/base.css").toExternalForm(),
                    getClass().getResource("/assets/css/" + vm.themeProperty().get() + ".css").toExternalForm());
        };
        vm.themeProperty().addListener(o -> apply.run());
        apply.run();
    }

    /** The Open Recent submenu: always enabled (an empty one says so), one item per file, newest first. */
    private void rebuildRecent() {
        recentMenu.getItems().clear();
        for (Path p : vm.recent().files()) {
            MenuItem m = new MenuItem(p.getFileName() + "  —  " + (p.getParent() == null ? "" : p.getParent()));
            m.setMnemonicParsing(false);
            m.setOnAction(e -> { if (confirmDiscard()) open(p); });
            recentMenu.getItems().add(m);
        }
        if (recentMenu.getItems().isEmpty()) {
            MenuItem none = new MenuItem("No recent files");
            none.setDisable(true);
            recentMenu.getItems().add(none);
        }
        recentMenu.setDisable(false);
    }

    /** File → Lessons: every experiment under experiments/lessons, by its lesson's title, in teaching order. */
    private void buildLessons(Path folder) {
        lessonsMenu.getItems().clear();
        if (java.nio.file.Files.isDirectory(folder)) {
            try (var s = java.nio.file.Files.list(folder)) {
                org.maqd.ui.vm.LessonViewModel.inCourseOrder(s.filter(p -> p.toString().endsWith(".json")).toList()).forEach(p -> {
                    MenuItem m = new MenuItem(org.maqd.ui.vm.LessonViewModel.title(p));
                    m.setMnemonicParsing(false);
                    m.setOnAction(e -> { if (confirmDiscard()) open(p); });
                    lessonsMenu.getItems().add(m);
                });
            } catch (java.io.IOException ignored) {
                // no lessons to offer
            }
        }
        if (lessonsMenu.getItems().isEmpty()) {
            MenuItem none = new MenuItem("No lessons in experiments/lessons");
            none.setDisable(true);
            lessonsMenu.getItems().add(none);
        }
    }

    /** Help → Keyboard shortcuts: read from the menus' own accelerators, so the list cannot go out of date. */
    @FXML void onKeys() { prompts.info("Keyboard shortcuts", Shortcuts.describe(menuBar)); }

    @FXML void onAbout() { prompts.info("About MaQD Workbench", Shortcuts.about()); }

    /** True when it is fine to replace the document (saved, discarded, or nothing to save). */
    boolean confirmDiscard() {
        if (!vm.document().isDirty()) return true;
        String name = vm.hasFile() ? vm.document().fileProperty().get().getFileName().toString() : "untitled";
        switch (prompts.unsavedChanges(name)) {
            case SAVE: return onSaveResult();
            case DISCARD: return true;
            default: return false;
        }
    }

    @FXML void onNew() { if (confirmDiscard()) vm.newExperiment(); }

    @FXML void onOpen() {
        if (!confirmDiscard()) return;
        Path p = prompts.chooseOpen(initialDir());
        if (p != null) open(p);
    }

    public void open(Path p) {
        String err = vm.open(p);
        if (err != null) prompts.error("Cannot open the experiment", err);
    }

    @FXML void onSave() { onSaveResult(); }

    /** Teacher mode's "Save lesson": the experiment (with its locks) and the instruction text beside it. */
    void saveLesson() {
        if (!onSaveResult()) return;
        String err = vm.lesson().saveText();
        if (err != null) prompts.error("Cannot save the lesson", err);
        else prompts.filesWritten("Lesson saved", "The lesson and its text:", java.util.List.of(vm.document().fileProperty().get(),
                org.maqd.ui.vm.LessonViewModel.textFile(vm.document().fileProperty().get().toAbsolutePath())));
    }

    private boolean onSaveResult() {
        if (!vm.hasFile()) return saveAs();
        String err = vm.save();
        if (err != null) prompts.error("Cannot save the experiment", err);
        return err == null;
    }

    @FXML void onSaveAs() { saveAs(); }

    private boolean saveAs() {
        String name = vm.document().get().name() == null ? "experiment.json" : vm.document().get().name() + ".json";
        Path p = prompts.chooseSave(initialDir(), name);
        if (p == null) return false;
        String err = vm.saveAs(p);
        if (err != null) prompts.error("Cannot save the experiment", err);
        return err == null;
    }

    private Path initialDir() {
        Path f = vm.document().fileProperty().get();
        if (f != null && f.toAbsolutePath().getParent() != null) return f.toAbsolutePath().getParent();
        Path ex = Path.of("experiments");
        return ex.toFile().isDirectory() ? ex.toAbsolutePath() : Path.of("").toAbsolutePath();
    }

    @FXML void onQuit() { if (confirmDiscard()) { vm.training().stop(); Platform.exit(); } }
    @FXML void onUndo() { vm.document().undo(); }
    @FXML void onRedo() { vm.document().redo(); }
    /**
     * Train (F5): the Training view is shown once the run has started (or to show a typed setting it refused); a run
     * refused for another reason (a sweep runs here, the network cannot be built) says why where the user is.
     */
    @FXML void onRun() {
        if (!trainingController.commitPending() || vm.training().start()) showTraining();
    }
    @FXML void onPause() { trainingController.onPause(); }
    @FXML void onStop() { trainingController.onStop(); }
    @FXML void onTheme() { vm.toggleTheme(); }
    @FXML void showComposer() { tabs.getSelectionModel().select(composerTab); }
    @FXML void showTraining() { tabs.getSelectionModel().select(trainingTab); }
    @FXML void showQuantizer() { tabs.getSelectionModel().select(quantizerTab); }
    /**
     * File → Export report: report.html and report.pdf for the selected run (Runs view) or the last run trained
     * here; with several runs selected, one report comparing them; in the Sweep view, the sweep's report.
     */
    @FXML void onReport() {
        java.util.List<Path> dirs = vm.reportTargets(sweepTab.isSelected());
        if (dirs.isEmpty() && sweepTab.isSelected()) {
            prompts.error("Export report", vm.sweep().fileProperty().get() == null ? "Open a sweep first."
                    : "No trial of this sweep has ended yet: run it first (its report summarizes the trials' results).");
            return;
        }
        vm.exportReport(dirs, (html, err) -> {
            if (err != null) prompts.error("Export report", err);
            else prompts.filesWritten("Export report", "Report written:", java.util.List.of(html, html.resolveSibling("report.pdf")));
        });
    }

    @FXML void showPlayground() { tabs.getSelectionModel().select(playgroundTab); }

    @FXML void showRuns() { tabs.getSelectionModel().select(runsTab); }
    @FXML void showSweep() { tabs.getSelectionModel().select(sweepTab); }

    public TabPane tabs() { return tabs; }
    public TrainingView trainingView() { return trainingController; }
    public ComposerView composerView() { return composerController; }
    public RunsView runsView() { return runsController; }
    public Stage stage() { return stage; }
}
