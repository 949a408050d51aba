package org.maqd.ui.vm;

import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.maqd.experiment.Experiment;
import org.maqd.ui.engine.Engine;

/**
 * The workbench window: the open document, its view models, file commands, recent files and the theme. File
 * commands return null on success or the error text the view shows in a dialog.
 */
public final class ShellViewModel {
    private final Engine engine;
    private final ExperimentDocument doc;
    private final ComposerViewModel composer;
    private final CanvasViewModel canvas;
    private final BulkEdit bulk;
    private final TrainingViewModel training;
    private final QuantizerViewModel quantizer;
    private final RunsViewModel runs;
    private final RecentFiles recent;
    private final LessonViewModel lesson;
    private final DataFit dataFit;
    private final PlaygroundViewModel playground = new PlaygroundViewModel(new org.maqd.ui.engine.EnginePlayground());
    private final SweepViewModel sweep;
    private final PtqViewModel ptq;
    private final StringProperty theme = new SimpleStringProperty("light");
    private final StringBinding title, status;
    private final javafx.beans.property.BooleanProperty reportBusy = new javafx.beans.property.SimpleBooleanProperty(false);
    private java.util.concurrent.Executor ui = Runnable::run;

    public ShellViewModel(Engine engine, Experiment initial, Path source, Path runsRoot, RecentFiles recent) {
        this.engine = engine;
        this.doc = new ExperimentDocument(engine.files(), initial, source);
        this.composer = new ComposerViewModel(doc, engine.analyzer());
        this.canvas = new CanvasViewModel(composer);
        this.bulk = new BulkEdit(composer);
        this.training = new TrainingViewModel(doc, engine.trainer(), engine.analyzer(), runsRoot);
        this.quantizer = new QuantizerViewModel(engine.quant());
        this.runs = new RunsViewModel(runsRoot, engine.deployer());
        this.ptq = new PtqViewModel(runs, new org.maqd.ui.engine.EnginePtqTool());
        this.recent = recent;
        this.lesson = new LessonViewModel(doc);
        this.sweep = new SweepViewModel(runsRoot, new org.maqd.ui.engine.EngineSweepCluster(null));
        this.dataFit = new DataFit(doc, engine.analyzer());
        if (source != null) recent.add(source);
        composer.selectedProperty().addListener((o, a, b) -> training.selectNetworkLayer(b.intValue()));
        // a run that ends here is listed and selected in the Runs view (with the runs beside it: after a sweep's
        // trial was opened, the view lists the training runs' folder again), so File → Export report reports it
        training.lastRunDirProperty().addListener((o, a, b) -> { if (b != null) runs.select(b); });
        // one job on this machine's cores at a time: a training run and a local sweep would halve each other
        training.setOtherWork(() -> sweep.runningHere()
                ? "A sweep is running in this window on these cores: stop it (Sweep view) or train when it is done." : null);
        sweep.setOtherWork(() -> training.stateProperty().get().active()
                ? "A training run is running in this window on these cores: stop it or wait for it to end." : null);
        title = Bindings.createStringBinding(() -> {
            Path f = doc.fileProperty().get();
            String name = f == null ? (doc.get().name() == null ? "untitled" : doc.get().name()) : f.getFileName().toString();
            return (doc.isDirty() ? "• " : "") + name + " — MaQD Workbench";
        }, doc.fileProperty(), doc.dirtyProperty(), doc.experimentProperty());
        status = Bindings.createStringBinding(this::status, sweep.runningProperty(), sweep.messageProperty(),
                training.stateProperty(), training.statusProperty(), playground.runningProperty(),
                playground.datasetProperty(), playground.weightStatesProperty());
    }

    /**
     * The status bar: the training run's status; while no run is active, the work this window does instead (a
     * sweep, the playground), which used to be hidden behind the last run's "Run completed …".
     */
    private String status() {
        if (training.stateProperty().get().active()) return training.statusProperty().get();
        if (sweep.runningProperty().get()) return "Sweep: " + sweep.messageProperty().get();
        if (playground.runningProperty().get())
            return "Playground: training " + playground.weightStatesProperty().get() + "-state and float networks on "
                    + playground.datasetProperty().get();
        return training.statusProperty().get();
    }

    /** Where results of background work are published (the FX thread in the window). */
    public void setUiExecutor(java.util.concurrent.Executor ui) {
        this.ui = ui;
        runs.setUiExecutor(ui);
        canvas.setUiExecutor(ui);
        playground.setUiExecutor(ui);
        quantizer.setUiExecutor(ui);
        sweep.setUiExecutor(ui);
        ptq.setUiExecutor(ui);
        dataFit.setUiExecutor(ui);
    }

    /**
     * Opens a finished run (a sweep's trial) in the Training and Runs views: its experiment becomes the document
     * (untitled, so saving never overwrites the run's copy), the charts show its epochs, and the Runs view lists
     * its folder's runs. Null on success, else the error text.
     */
    public String openRun(Path dir) {
        try {
            doc.load(engine.files().read(dir.resolve(org.maqd.run.RunFiles.EXPERIMENT)), null);
            training.showRun(dir);
            runs.select(dir);
            return null;
        } catch (RuntimeException e) {
            return message(e);
        }
    }

    /** Whether the network fits its data set, kept current while either is edited. */
    public DataFit dataFit() { return dataFit; }

    /**
     * What File → Export report reports on: the runs selected in the Runs view (a run that ends here becomes the
     * selection), else the last run trained here.
     */
    public java.util.List<Path> reportTargets() {
        return reportTargets(false);
    }

    /** With the Sweep view shown, the open sweep's folder once a trial has ended; else {@link #reportTargets()}. */
    public java.util.List<Path> reportTargets(boolean sweepShown) {
        if (sweepShown) return sweep.reportFolder() == null ? java.util.List.of() : java.util.List.of(sweep.reportFolder());
        if (!runs.selected().isEmpty()) return java.util.List.copyOf(runs.selected());
        Path last = training.lastRunDirProperty().get();
        return last == null ? java.util.List.of() : java.util.List.of(last);
    }

    /**
     * Writes the report on a background thread: one run's report.html and report.pdf into its folder, or for two
     * or more runs one comparison report into {@code <runs folder>/comparisons/comparison-<time>}. {@code done}
     * then gets the path of report.html (and null) or null and the error text, on the UI executor. False when
     * there is nothing to report on or a report is being written already.
     */
    public boolean exportReport(java.util.List<Path> dirs, java.util.function.BiConsumer<Path, String> done) {
        if (dirs.isEmpty() || engine.reports() == null || reportBusy.get()) return false;
        reportBusy.set(true);
        java.util.List<Path> runs = java.util.List.copyOf(dirs);
        Path root = this.runs.rootProperty().get() == null ? runs.get(0).toAbsolutePath().getParent() : this.runs.rootProperty().get();
        Path out = root.resolve("comparisons").resolve("comparison-" + java.time.LocalDateTime.now()
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        BackgroundTask.start("maqd-report", () -> runs.size() == 1 ? engine.reports().write(runs.get(0))
                : engine.reports().compare(runs, out), ui, (html, err) -> {
            reportBusy.set(false);
            done.accept(html, err == null ? null : (runs.size() == 1 ? runs.get(0) + ": " : "") + err);
        });
        return true;
    }

    public javafx.beans.property.BooleanProperty reportBusyProperty() { return reportBusy; }

    public void newExperiment() { doc.load(Templates.quickstart().withName(ExperimentDocument.UNTITLED).withDescription(null), null); }

    public String open(Path p) {
        try {
            doc.open(p);
            recent.add(p);
            return null;
        } catch (RuntimeException e) {
            return message(e);
        }
    }

    public String save() {
        if (doc.fileProperty().get() == null) return "The experiment has no file yet: use Save As.";
        return saveAs(doc.fileProperty().get());
    }

    public String saveAs(Path p) {
        try {
            doc.saveAs(p);
            recent.add(p);
            return null;
        } catch (RuntimeException e) {
            return message(e);
        }
    }

    public boolean hasFile() { return doc.fileProperty().get() != null; }

    public void toggleTheme() { theme.set("dark".equals(theme.get()) ? "light" : "dark"); }

    private static String message(RuntimeException e) { return e.getMessage() == null ? e.toString() : e.getMessage(); }

    public Engine engine() { return engine; }
    public ExperimentDocument document() { return doc; }
    public ComposerViewModel composer() { return composer; }
    public CanvasViewModel canvas() { return canvas; }
    public BulkEdit bulk() { return bulk; }
    public TrainingViewModel training() { return training; }
    public QuantizerViewModel quantizer() { return quantizer; }
    public RunsViewModel runs() { return runs; }
    public RecentFiles recent() { return recent; }
    public LessonViewModel lesson() { return lesson; }
    public PlaygroundViewModel playground() { return playground; }
    public SweepViewModel sweep() { return sweep; }
    public PtqViewModel ptq() { return ptq; }
    public StringProperty themeProperty() { return theme; }
    public StringBinding titleBinding() { return title; }
    public StringBinding statusBinding() { return status; }
}
