package org.maqd.ui.vm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.maqd.experiment.ExperimentIO;
import org.maqd.sweep.SweepPlan;
import org.maqd.sweep.SweepRunner;
import org.maqd.sweep.SweepTables;
import org.maqd.sweep.Trial;
import org.maqd.sweep.TrialFolder;
import org.maqd.sweep.TrialRunner;
import org.maqd.sweep.TrialState;
import org.maqd.train.RunControl;
import org.maqd.ui.engine.SweepCluster;

/**
 * The Sweep view: a sweep file opened, its trials with their state (queued, running where, done, failed) and the
 * grouped table (mean ± 95% CI over seeds) filling in as trials finish. Runs locally or, through a
 * {@link SweepCluster}, on the workers of a cluster. Trial states arrive from the sweep's threads and are applied
 * on the UI executor; the grouped table is recomputed off the UI thread.
 */
public final class SweepViewModel {
    /** One trial's row. */
    public static final class TrialItem {
        private final Trial trial;
        private final Path dir;
        private final List<String> values;
        private final StringProperty state = new SimpleStringProperty("queued"), where = new SimpleStringProperty(""),
                accuracy = new SimpleStringProperty(""), detail = new SimpleStringProperty("");

        TrialItem(Trial trial, Path dir, List<String> values) { this.trial = trial; this.dir = dir; this.values = List.copyOf(values); }

        public String id() { return trial.id(); }
        /** The trial's value of each swept field, in the order of {@link SweepViewModel#fieldColumns()}. */
        public List<String> values() { return values; }
        public long seed() { return trial.seed(); }
        public Path dir() { return dir; }
        public StringProperty stateProperty() { return state; }
        public StringProperty whereProperty() { return where; }
        public StringProperty accuracyProperty() { return accuracy; }
        public StringProperty detailProperty() { return detail; }

        /** Sets where, detail and accuracy first, then the state, so a listener on the state sees the rest current. */
        void apply(TrialState s) { apply(s, null); }

        /** {@link #apply(TrialState)} with the folder's numbers when the caller has read them already. */
        void apply(TrialState s, TrialFolder.Numbers known) {
            // a finished trial keeps where it ran (done and failed do not repeat it); queued again, it is nowhere
            if (!s.where().isEmpty() || !TrialState.DONE.equals(s.state()) && !TrialState.FAILED.equals(s.state())) where.set(s.where());
            detail.set(s.detail());
            if (TrialState.DONE.equals(s.state())) {
                double a = (known != null ? known : TrialFolder.numbers(dir)).testAccuracy();
                accuracy.set(Double.isNaN(a) ? "" : String.format(java.util.Locale.ROOT, "%.4f", a));
            }
            state.set(s.state());
        }
    }

    private final Path runsRoot;
    private final SweepCluster cluster;
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("Open a sweep file (an experiment with a \"sweep\" block).");
    private final BooleanProperty running = new SimpleBooleanProperty(false), onCluster = new SimpleBooleanProperty(false);
    private final StringProperty addresses = new SimpleStringProperty("127.0.0.1:5701");
    private final ObjectProperty<Path> secretFile = new SimpleObjectProperty<>();
    private final IntegerProperty parallel = new SimpleIntegerProperty(1);
    private final ObservableList<TrialItem> trials = FXCollections.observableArrayList();
    private final ObservableList<String> groupColumns = FXCollections.observableArrayList();
    private final ObservableList<String> fieldColumns = FXCollections.observableArrayList();
    private final ObservableList<List<String>> groups = FXCollections.observableArrayList();
    private final Map<String, TrialItem> byId = new LinkedHashMap<>();
    private SweepPlan plan;
    private Path sweepDir;
    private volatile RunControl control;
    private Executor ui = Runnable::run;
    private long generation;
    /** A grouped-table refresh is running / another was asked for meanwhile (UI thread only). */
    private boolean refreshing, refreshAgain;

    public SweepViewModel(Path runsRoot, SweepCluster cluster) {
        this.runsRoot = runsRoot;
        this.cluster = cluster;
    }

    public void setUiExecutor(Executor ui) { this.ui = ui; }

    /** Opens a sweep file: checks it and lists its trials with what their folders already hold. Null or the error. */
    public String open(Path f) {
        if (running.get()) return "A sweep is running: stop it before opening another.";
        SweepPlan p;
        try {
            p = SweepPlan.of(ExperimentIO.read(f), f.toString(), null);
        } catch (RuntimeException e) {
            return BackgroundTask.message(e);
        }
        generation++;
        plan = p;
        file.set(f);
        sweepDir = runsRoot.resolve(p.name() + "-sweep");
        byId.clear();
        List<TrialItem> items = new ArrayList<>();
        for (Trial t : p.trials()) {
            List<String> values = new ArrayList<>();
            for (var field : p.fields()) values.add(String.valueOf(t.fieldValues().get(field.toString())));
            TrialItem it = new TrialItem(t, SweepRunner.trialDir(sweepDir, t), values);
            TrialFolder.Numbers n = TrialFolder.numbers(it.dir());   // one read of the trial's summary
            String st = n.status();
            if (TrialFolder.finished(it.dir(), st)) it.apply(TrialState.done(st), n);
            else it.apply(new TrialState(TrialState.QUEUED, "", "pending".equals(st) ? "" : st));
            byId.put(t.id(), it);
            items.add(it);
        }
        trials.setAll(items);
        fieldColumns.setAll(p.shortNames());
        groupColumns.setAll(SweepTables.groupColumns(p));
        message.set(p.trials().size() + " trials; folder " + sweepDir);
        refreshGroups();
        return null;
    }

    /** Why the sweep cannot run here now because of other work in the window (a training run), or null. */
    private java.util.function.Supplier<String> otherWork = () -> null;
    /** Whether the sweep running now was started on a cluster (fixed when it starts, whatever the toggle shows later). */
    private volatile boolean startedOnCluster;

    public void setOtherWork(java.util.function.Supplier<String> why) { otherWork = why; }

    /** True while a sweep started here runs its trials on this machine (not on a cluster). */
    public boolean runningHere() { return running.get() && !startedOnCluster; }

    /** Runs the missing trials in the background, here or on the cluster; false when it cannot start. */
    public boolean run() {
        if (plan == null || running.get()) return false;
        String busy = onCluster.get() ? null : otherWork.get();
        if (busy != null) {
            message.set(busy);
            return false;
        }
        if (onCluster.get() && (cluster == null || secretFile.get() == null)) {
            message.set("To run on a cluster, give the workers' addresses and the secret file they were started with.");
            return false;
        }
        RunControl c = new RunControl();
        control = c;
        startedOnCluster = onCluster.get();
        running.set(true);
        SweepPlan p = plan;
        Path dir = sweepDir, base = file.get().toAbsolutePath().getParent();
        boolean remote = onCluster.get();
        List<String> addr = List.of(addresses.get().split("\\s*,\\s*"));
        Path secret = secretFile.get();
        int par = Math.max(1, parallel.get()), threads = Math.max(par, Runtime.getRuntime().availableProcessors());
        long gen = generation;
        message.set((remote ? "Running on the cluster " + addresses.get() : "Running on this machine") + "…");
        BackgroundTask.start("maqd-sweep-view", () -> {
            SweepRunner r = new SweepRunner(p, new SweepRunner.Options(dir, base, par, threads, null), c, List.of())
                    .watch((t, s) -> ui.execute(() -> { if (gen == generation) applyState(t, s); }));
            if (!remote) return r.run();
            try (SweepCluster.Session s = cluster.connect(addr, secret)) {
                return r.on(s.runner()).run();
            }
        }, ui, (o, err) -> {
            running.set(false);
            if (gen != generation) return;
            refreshGroups();
            if (err != null) message.set("The sweep stopped: " + err);
            else message.set(o.complete() ? "All " + o.trials() + " trials finished; tables in " + dir
                    : (o.stopped() ? "Stopped; run again to finish the missing trials." : o.failed() + " trial(s) failed."));
        });
        return true;
    }

    public void stop() {
        RunControl c = control;
        if (c != null) c.stop();
    }

    private void applyState(Trial t, TrialState s) {
        TrialItem it = byId.get(t.id());
        if (it == null) return;
        it.apply(s);
        if (TrialState.DONE.equals(s.state())) refreshGroups();
    }

    /**
     * Recomputes the grouped table from the trial folders on a background thread, one refresh at a time: requests
     * while one runs fold into one more after it (every finished trial asks, and a resumed sweep reports all its
     * finished trials at once; each refresh reads every trial's summary).
     */
    private void refreshGroups() {
        SweepPlan p = plan;
        Path dir = sweepDir;
        long gen = generation;
        if (p == null) return;
        if (refreshing) {
            refreshAgain = true;
            return;
        }
        refreshing = true;
        BackgroundTask.start("maqd-sweep-table", () -> {
            var summary = SweepTables.summary(SweepTables.results(p, dir), SweepTables.groupColumns(p));
            List<List<String>> rows = new ArrayList<>();
            for (org.maqd.run.SweepSummaryRow r : summary) {
                List<String> row = new ArrayList<>();
                for (String g : SweepTables.groupColumns(p)) row.add(r.keys().getOrDefault(g, ""));
                double mean = r.testAccuracyMean(), ci = r.testAccuracyCi95();
                row.add(Integer.toString(r.n()));
                row.add(String.format(java.util.Locale.ROOT, Double.isNaN(ci) ? "%.4f" : "%.4f ± %.4f", mean, ci));
                rows.add(row);
            }
            return rows;
        }, ui, (rows, err) -> {
            refreshing = false;
            if (gen == generation && rows != null) groups.setAll(rows);
            if (refreshAgain) {
                refreshAgain = false;
                refreshGroups();
            }
        });
    }

    /** The trial with {@code id}, or null. */
    public TrialItem trial(String id) { return byId.get(id); }
    public Path sweepDir() { return sweepDir; }

    /** The sweep folder to report on (it has its results table: a trial has ended), else null. */
    public Path reportFolder() {
        return sweepDir != null && java.nio.file.Files.isRegularFile(sweepDir.resolve(org.maqd.run.RunFiles.SWEEP_RESULTS)) ? sweepDir : null;
    }
    public ObjectProperty<Path> fileProperty() { return file; }
    public StringProperty messageProperty() { return message; }
    public BooleanProperty runningProperty() { return running; }
    public BooleanProperty onClusterProperty() { return onCluster; }
    public StringProperty addressesProperty() { return addresses; }
    public ObjectProperty<Path> secretFileProperty() { return secretFile; }
    public IntegerProperty parallelProperty() { return parallel; }
    public ObservableList<TrialItem> trials() { return trials; }
    /** The grouped table's key columns; each row of {@link #groups()} is these values, then n, then "mean ± ci". */
    public ObservableList<String> groupColumns() { return groupColumns; }
    public ObservableList<List<String>> groups() { return groups; }
    /** The swept fields' short names (the trial table's setting columns). */
    public ObservableList<String> fieldColumns() { return fieldColumns; }
}
