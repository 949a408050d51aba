package org.maqd.ui.vm;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.maqd.experiment.Experiment;
import org.maqd.train.RunControl;
import org.maqd.train.RunInfo;
import org.maqd.train.EpochMetrics;
import org.maqd.train.RunOutcome;
import org.maqd.train.StepMetrics;
import org.maqd.ui.engine.CostReport;
import org.maqd.ui.engine.NetworkAnalyzer;
import org.maqd.ui.engine.Trainer;

/**
 * Starts, pauses, resumes and stops a run on a background thread and turns the run's {@link LiveFeed} into
 * progress, ETA and throughput when the view calls {@link #sample(long)} (a timer, 20–30 times a second). Nothing
 * here blocks: the training thread never waits on this object and this object never waits on training.
 */
public final class TrainingViewModel {
    private final ExperimentDocument doc;
    private final Trainer trainer;
    private final NetworkAnalyzer analyzer;
    private final Path runsRoot;
    private final ObjectProperty<RunState> state = new SimpleObjectProperty<>(RunState.IDLE);
    private final ObjectProperty<LiveFeed> feed = new SimpleObjectProperty<>();
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty status = new SimpleStringProperty("Ready");
    private final StringProperty eta = new SimpleStringProperty("");
    private final StringProperty throughput = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty();
    private final StringProperty settingMessage = new SimpleStringProperty("");
    private final IntegerProperty selectedLayer = new SimpleIntegerProperty(0);
    private final ObservableList<String> layerNames = FXCollections.observableArrayList();
    private final ObjectProperty<Path> lastRunDir = new SimpleObjectProperty<>();
    private volatile RunControl control;
    private volatile Trainer.Result result;
    private volatile String failure;
    private long seenVersion = -1;
    private long lastText = Long.MIN_VALUE / 2;
    private volatile long startedNanos;
    static final long TEXT_PERIOD_NANOS = 200_000_000L;

    public TrainingViewModel(ExperimentDocument doc, Trainer trainer, NetworkAnalyzer analyzer, Path runsRoot) {
        this.doc = doc;
        this.trainer = trainer;
        this.analyzer = analyzer;
        this.runsRoot = runsRoot;
        doc.loadsProperty().addListener((o, a, b) -> reset());
    }

    /**
     * Forgets the previous run: no feed, no layers, no progress, no messages. Called when another document is
     * loaded (new or opened) and when a run starts, so nothing that depends on a run keeps stale data.
     */
    public void reset() {
        // a run of the previous document is stopped; the view forgets it now, and is free again once it has ended
        // (the state stays active until then: the cores are not free before)
        if (state.get().active()) stop();
        feed.set(null);
        if (!state.get().active()) {
            state.set(RunState.IDLE);
            status.set("Ready");
        } else {
            status.set("Stopping the previous document's run…");
        }
        layerNames.clear();
        selectedLayer.set(-1);
        previous = null;   // a document loaded while a run starts: a refused run must not bring back the old one's charts
        progress.set(0);
        eta.set("");
        throughput.set("");
        settingMessage.set("");
    }

    /** Why a run cannot start now because of other work in the window (a sweep on these cores), or null. */
    private java.util.function.Supplier<String> otherWork = () -> null;
    /** The last run's feed and chosen layer while a new run starts (put back if it fails before its first step). */
    private LiveFeed previous;
    private int previousLayer = -1;

    public void setOtherWork(java.util.function.Supplier<String> why) { otherWork = why; }

    /** Starts a run of the current experiment; false (with {@link #errorProperty()} set) when it cannot start. */
    public boolean start() {
        if (state.get().active()) return false;
        String busy = otherWork.get();
        if (busy != null) return fail(busy);
        if (!trainer.available()) return fail("This build has no training engine: run `./maqd run FILE` from a full build.");
        Experiment exp = doc.get();
        if (exp.network() == null) return fail("The experiment has no network: compose one first.");
        CostReport r = analyzer.analyze(exp.network());
        if (r.firstError() >= 0) return fail("The network cannot be built: " + r.why());
        LiveFeed f = new LiveFeed();
        RunControl c = new RunControl();
        LiveFeed last = feed.get();
        int lastLayer = selectedLayer.get();
        control = c;
        result = null;
        failure = null;
        seenVersion = -1;
        reset();
        previous = last != null && last.info() != null ? last : null;
        previousLayer = lastLayer;
        feed.set(f);
        state.set(RunState.RUNNING);
        status.set("Starting: reading the data, then warming up the compiled kernels (a few seconds in a fresh window)…");
        startedNanos = System.nanoTime();
        Path base = baseDir();
        Thread t = new Thread(() -> {
            try {
                result = trainer.run(exp, base, runsRoot, c, List.of(f));
            } catch (RuntimeException | Error e) {
                failure = BackgroundTask.message(e);
            }
        }, "maqd-training");
        t.setDaemon(true);
        t.start();
        return true;
    }

    /** Starts warming up for a run of the open document in the background (see {@link Trainer#prepare}). */
    public void prepare() {
        if (trainer.available() && doc.get().network() != null) trainer.prepare(doc.get(), baseDir());
    }

    private Path baseDir() {
        return doc.fileProperty().get() == null ? Path.of("").toAbsolutePath() : doc.fileProperty().get().toAbsolutePath().getParent();
    }

    public void pause() {
        if (state.get() == RunState.RUNNING && control != null) {
            control.pause();
            state.set(RunState.PAUSED);
        }
    }

    public void resume() {
        if (state.get() == RunState.PAUSED && control != null) {
            control.resume();
            state.set(RunState.RUNNING);
        }
    }

    public void stop() {
        if (state.get().active() && control != null) {
            control.stop();
            state.set(RunState.STOPPING);
        }
    }

    /**
     * Shows a finished run from its folder (e.g. a sweep's trial): its epoch curves in the charts and its outcome in
     * the status line. Call after the run's experiment is the open document (loading a document resets this view).
     */
    public void showRun(Path dir) {
        if (state.get().active()) return;
        LiveFeed f = RunReplay.of(dir);
        reset();
        seenVersion = -1;
        feed.set(f);
        state.set(RunState.FINISHED);
        lastRunDir.set(dir);
        EpochMetrics last = f.epochs.last();
        status.set("Run " + f.outcome().status() + (last == null ? "" : String.format(" · test accuracy %.2f%%", 100 * last.testAccuracy()))
                + " · " + dir.getFileName() + " (from its folder)");
        progress.set("completed".equals(f.outcome().status()) ? 1 : 0);
    }

    /** {@link System#nanoTime()} when the current run was started (Train pressed). */
    public long startedNanos() { return startedNanos; }

    /** Pulls what the run produced since the last call; true when there is new data to draw. */
    public boolean sample(long nowNanos) {
        LiveFeed f = feed.get();
        if (f == null) {
            // a run that a new document stopped: its end frees the view, and shows nothing of it
            if (state.get().active() && (result != null || failure != null)) {
                state.set(RunState.IDLE);
                status.set("Ready");
            }
            return false;
        }
        // read how the run ended BEFORE the feed's version: the trainer sets the result after its last callback,
        // so a result seen here means the version read next already counts all of the run's data
        Trainer.Result r = result;
        String why = failure;
        long v = f.version();
        boolean fresh = v != seenVersion;
        seenVersion = v;
        RunInfo info = f.info();
        if (info != null && !layerNames.equals(info.layerNames())) layerNames.setAll(info.layerNames());
        if (selectedLayer.get() < 0) autoSelectLayer(f);
        StepMetrics m = f.lastStep();
        // status text changes re-layout the window: 5 updates a second (with the charts) are plenty to read
        boolean textDue = nowNanos - lastText >= TEXT_PERIOD_NANOS || state.get() != RunState.RUNNING;
        if (info != null && m != null && textDue) {
            lastText = nowNanos;
            long total = (long) (info.epochs() - info.startEpoch()) * info.stepsPerEpoch();
            long done = (long) (m.epoch() - 1 - info.startEpoch()) * info.stepsPerEpoch() + m.batchInEpoch();
            progress.set(total <= 0 ? 0 : Math.min(1, (double) done / total));
            double sps = m.samplesPerSecond();
            throughput.set(String.format("%,.0f samples/s · charts cost %.1f%% of the run", sps, 100 * f.overhead()));
            long remaining = (total - done) * info.batchSize();
            eta.set(sps > 0 ? "about " + duration(remaining / sps) + " left" : "");
            if (state.get() == RunState.RUNNING)
                status.set(String.format("Epoch %d/%d · step %d · loss %.4f", m.epoch(), info.epochs(), m.step(), m.loss()));
            else if (state.get() == RunState.PAUSED) status.set("Paused at step " + m.step());
        }
        finish(r, why);
        return fresh;
    }

    /**
     * Selecting a layer in the composer selects it in every chart, when the current run observes that layer
     * (probe names start with the layer's index in the network, "2:linear"; a residual block has several probes
     * and selects its first).
     */
    public void selectNetworkLayer(int networkIndex) {
        LiveFeed f = feed.get();
        org.maqd.train.ProbeSnapshot s = f == null ? null : f.probes.last();
        if (s == null) return;
        for (int i = 0; i < s.layers().size(); i++) {
            if (networkIndex(s.layers().get(i)) == networkIndex) {
                selectedLayer.set(i);
                return;
            }
        }
    }

    /** The probe's layer index in the network: the number before ':' in its name, else its probe index. */
    static int networkIndex(org.maqd.train.LayerProbe p) {
        String n = p.name();
        int colon = n == null ? -1 : n.indexOf(':');
        if (colon > 0) {
            try {
                return Integer.parseInt(n.substring(0, colon));
            } catch (NumberFormatException ignored) {
                // not a numbered name: fall back to the probe index
            }
        }
        return p.index();
    }

    /** Until the user picks a layer, show the most quantized weights: fewest states ≥ 2, hidden layers before the output. */
    private void autoSelectLayer(LiveFeed f) {
        org.maqd.train.ProbeSnapshot s = f.probes.last();
        if (s == null || s.layers().isEmpty()) return;
        selectedLayer.set(preferredLayer(s.layers()));
    }

    /** The probe the charts start on: a hidden layer with the fewest weight states (≥ 2); the output only when nothing else is quantized. */
    static int preferredLayer(java.util.List<org.maqd.train.LayerProbe> layers) {
        int best = -1;
        for (int i = 0; i < layers.size(); i++) {
            org.maqd.train.LayerProbe p = layers.get(i);
            if (p.weightStates() < 2 || (p.name() != null && p.name().endsWith(":output"))) continue;
            if (best < 0 || p.weightStates() < layers.get(best).weightStates()) best = i;
        }
        if (best >= 0) return best;
        for (int i = 0; i < layers.size(); i++) if (layers.get(i).weightStates() >= 2) return i;
        return 0;
    }

    private void finish(Trainer.Result r, String why) {
        if (!state.get().active() || (r == null && why == null)) return;
        state.set(RunState.FINISHED);
        eta.set("");
        if (why != null) {
            status.set("Run failed");
            error.set("The run failed: " + why);
            LiveFeed f = feed.get();
            if (previous != null && (f == null || f.info() == null)) {
                // refused before its first step (e.g. a batch too large for memory): the last run's charts stay
                feed.set(previous);
                layerNames.setAll(previous.info().layerNames());
                selectedLayer.set(previousLayer);
                seenVersion = -1;
                status.set("Run failed before its first step · the charts show the previous run");
            }
            previous = null;
            return;
        }
        previous = null;
        lastRunDir.set(r.runDir());
        RunOutcome o = r.outcome();
        String acc = o.last() == null ? "" : String.format(" · test accuracy %.2f%%", 100 * o.last().testAccuracy());
        status.set("Run " + o.status() + acc + (r.runDir() == null ? "" : " · " + r.runDir().getFileName()));
        if (o.completed()) progress.set(1);
        if ("diverged".equals(o.status()) || "failed".equals(o.status()))
            error.set("The run " + o.status() + ": " + o.message());
    }

    /** Edits a run setting through the document (undoable); refused with a message when locked or invalid. */
    public boolean setSetting(TrainingSettings s, String text) {
        if (doc.locks().isLocked(s.path)) return note(s.label + " is " + LockRules.REASON);
        try {
            Experiment n = s.set(doc.get(), text);
            doc.edit("Set " + s.label, e -> n);
            settingMessage.set("");
            return true;
        } catch (IllegalArgumentException e) {
            // the field goes back to the experiment's value: say so, or the message sat beside a valid-looking value
            String kept = s.get(doc.get());
            return note(e.getMessage() + " · kept " + (kept.isEmpty() ? s.whenEmpty() : kept));
        }
    }

    private boolean note(String why) {
        settingMessage.set(why);
        return false;
    }

    private boolean fail(String why) {
        error.set(why);
        return false;
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, s % 3600 / 60) : String.format("%dm%02ds", s / 60, s % 60);
    }

    public ObjectProperty<RunState> stateProperty() { return state; }
    public ObjectProperty<LiveFeed> feedProperty() { return feed; }
    public DoubleProperty progressProperty() { return progress; }
    public StringProperty statusProperty() { return status; }
    public StringProperty etaProperty() { return eta; }
    public StringProperty throughputProperty() { return throughput; }
    /** The last error to show in a dialog; the view clears it after showing. */
    public StringProperty errorProperty() { return error; }
    public StringProperty settingMessageProperty() { return settingMessage; }

    /** Said beside the settings while a run is active: an edit then is for the next run (the run keeps its own). */
    public static final String NEXT_RUN_NOTE = "Changes to the settings apply to the next run; this run keeps the settings it started with.";
    private final javafx.beans.binding.StringBinding settingsNote = javafx.beans.binding.Bindings.createStringBinding(
            () -> state.get().active() ? NEXT_RUN_NOTE : "", state);

    /** {@link #NEXT_RUN_NOTE} while a run is active, else empty. */
    public javafx.beans.binding.StringBinding settingsNoteProperty() { return settingsNote; }
    public IntegerProperty selectedLayerProperty() { return selectedLayer; }
    public ObservableList<String> layerNames() { return layerNames; }
    public ObjectProperty<Path> lastRunDirProperty() { return lastRunDir; }
    public ExperimentDocument document() { return doc; }
    public boolean trainerAvailable() { return trainer.available(); }
}
