package org.maqd.sweep;

import static tech.tablesaw.aggregate.AggregateFunctions.countNonMissing;
import static tech.tablesaw.aggregate.AggregateFunctions.mean;
import static tech.tablesaw.aggregate.AggregateFunctions.stdDev;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.maqd.run.AtomicFiles;
import org.maqd.experiment.ptq.PtqCsv;
import org.maqd.experiment.ptq.PtqResult;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The sweep's tables. {@code results.csv}: one row per trial (id, each swept field by its short name, method and
 * states when the sweep has a PTQ block, seed, status, final test accuracy and loss, train accuracy, epochs,
 * optimizer steps, seconds, samples/s); PTQ evaluations of a float trial are extra rows with id {@code <trial>/ptq-<method>-M<states>}.
 * {@code summary.csv}: completed rows grouped by the swept fields (and method, states): n, mean, standard deviation
 * and 95% confidence half-width (Student t, n − 1 degrees of freedom) of the test accuracy and loss, mean train
 * accuracy, optimizer steps and seconds. Groups keep the order in which they first appear.
 */
public final class SweepTables {
    public static final String RESULTS = org.maqd.run.RunFiles.SWEEP_RESULTS, SUMMARY = org.maqd.run.RunFiles.SWEEP_SUMMARY;
    public static final List<String> METRICS = List.of("test_accuracy", "test_loss", "train_accuracy", "steps", "seconds");
    /** Column names the tables use themselves; a swept field with one of these short names gets a longer one. */
    public static final java.util.Set<String> OWN_COLUMNS = java.util.Set.of("id", "seed", "status", "method", "states",
            "test_accuracy", "test_loss", "train_accuracy", "epochs", "steps", "seconds", "samples_per_second", "n");

    private SweepTables() {}

    /** The columns that identify a group: the swept fields' short names, plus method and states with PTQ. */
    public static List<String> groupColumns(SweepPlan plan) {
        List<String> g = new ArrayList<>(plan.shortNames());
        if (plan.ptq() != null) { g.add("method"); g.add("states"); }
        return g;
    }

    public static Table results(SweepPlan plan, Path sweepDir) {
        List<String> groups = groupColumns(plan);
        Map<String, StringColumn> keys = new LinkedHashMap<>();
        StringColumn id = StringColumn.create("id");
        for (String g : groups) keys.put(g, StringColumn.create(g));
        LongColumn seed = LongColumn.create("seed");
        StringColumn status = StringColumn.create("status");
        DoubleColumn acc = DoubleColumn.create("test_accuracy"), loss = DoubleColumn.create("test_loss"),
                train = DoubleColumn.create("train_accuracy"), secs = DoubleColumn.create("seconds"),
                sps = DoubleColumn.create("samples_per_second");
        IntColumn epochs = IntColumn.create("epochs");
        DoubleColumn steps = DoubleColumn.create("steps");
        for (Trial t : plan.trials()) {
            Path dir = SweepRunner.trialDir(sweepDir, t);
            TrialFolder.Numbers n = TrialFolder.numbers(dir);
            id.append(t.id());
            for (int i = 0; i < plan.fields().size(); i++) {
                keys.get(plan.shortNames().get(i)).append(t.fieldValues().get(plan.fields().get(i).toString()));
            }
            if (plan.ptq() != null) {
                keys.get("method").append(t.floatModel() ? "float" : "qat");
                keys.get("states").append(statesOf(t));
            }
            seed.append(t.seed());
            status.append(n.status());
            add(acc, n.testAccuracy()); add(loss, n.testLoss()); add(train, n.trainAccuracy());
            add(secs, n.seconds()); add(sps, n.samplesPerSecond());
            epochs.append(n.epochs());
            add(steps, n.steps());
            if (plan.ptq() != null && t.floatModel()) {
                for (PtqResult r : PtqCsv.read(dir)) {
                    id.append(t.id() + "/ptq-" + r.method() + "-M" + r.states());
                    for (int i = 0; i < plan.fields().size(); i++) {
                        keys.get(plan.shortNames().get(i)).append(t.fieldValues().get(plan.fields().get(i).toString()));
                    }
                    keys.get("method").append("ptq-" + r.method());
                    keys.get("states").append(Integer.toString(r.states()));
                    seed.append(t.seed());
                    status.append("completed");
                    add(acc, r.testAccuracy()); add(loss, r.testLoss()); train.appendMissing();
                    add(secs, r.seconds()); add(sps, r.samplesPerSecond());
                    epochs.append(n.epochs());
                    add(steps, n.steps());
                }
            }
        }
        Table t = Table.create("results", id);
        keys.values().forEach(t::addColumns);
        t.addColumns(seed, status, acc, loss, train, epochs, steps, secs, sps);
        return t;
    }

    /** "M" when a trial's hidden weights and activations have the same M states, else "Mw/Ma"; 0 is float. */
    static String statesOf(Trial t) {
        var d = t.experiment().network().defaults() == null ? null : t.experiment().network().defaults();
        var r = org.maqd.model.QuantDefaults.STANDARD;
        int w = d == null || d.weightStates() == null ? r.weightStates() : d.weightStates();
        int a = d == null || d.activationStates() == null ? r.activationStates() : d.activationStates();
        return w == a ? Integer.toString(w) : w + "/" + a;
    }

    private static void add(DoubleColumn c, double v) {
        if (Double.isNaN(v)) c.appendMissing(); else c.append(v);
    }

    /** Completed rows grouped by {@code groups}; see the class comment for the columns. */
    public static Table summary(Table results, List<String> groups) {
        Table done = results.where(results.stringColumn("status").isEqualTo("completed")
                .and(results.doubleColumn("test_accuracy").isNotMissing()));
        Table out = Table.create("summary");
        for (String g : groups) out.addColumns(StringColumn.create(g));
        IntColumn n = IntColumn.create("n");
        out.addColumns(n);
        Map<String, DoubleColumn[]> stats = new LinkedHashMap<>();
        for (String m : METRICS) {
            boolean full = m.startsWith("test_");
            DoubleColumn[] cols = full
                    ? new DoubleColumn[] {DoubleColumn.create(m + "_mean"), DoubleColumn.create(m + "_std"), DoubleColumn.create(m + "_ci95")}
                    : new DoubleColumn[] {DoubleColumn.create(m + "_mean")};
            out.addColumns(cols);
            stats.put(m, cols);
        }
        if (done.rowCount() == 0) return out;
        Table agg = done.summarize(METRICS, mean, stdDev, countNonMissing).by(groups.toArray(new String[0]));
        Map<String, Integer> byKey = new LinkedHashMap<>();
        for (int i = 0; i < agg.rowCount(); i++) byKey.put(key(agg.row(i), groups), i);
        List<String> order = new ArrayList<>();
        for (int i = 0; i < done.rowCount(); i++) { String k = key(done.row(i), groups); if (!order.contains(k)) order.add(k); }
        for (String k : order) {
            int i = byKey.get(k);
            for (String g : groups) out.stringColumn(g).append(agg.stringColumn(g).get(i));
            int count = (int) agg.numberColumn("Count [test_accuracy]").getDouble(i);
            n.append(count);
            for (String m : METRICS) {
                DoubleColumn[] cols = stats.get(m);
                add(cols[0], agg.numberColumn("Mean [" + m + "]").getDouble(i));
                if (cols.length == 3) {
                    double sd = count >= 2 ? agg.numberColumn("Std. Deviation [" + m + "]").getDouble(i) : Double.NaN;
                    add(cols[1], sd);
                    add(cols[2], StudentT.ci95HalfWidth(sd, count));
                }
            }
        }
        return out;
    }

    private static String key(Row r, List<String> groups) {
        StringBuilder sb = new StringBuilder();
        for (String g : groups) sb.append(r.getString(g)).append('\u0001');
        return sb.toString();
    }

    /** Writes results.csv and summary.csv in {@code sweepDir}, atomically. */
    public static void write(SweepPlan plan, Path sweepDir) {
        Table results = results(plan, sweepDir);
        AtomicFiles.writeString(sweepDir.resolve(RESULTS), csv(results));
        AtomicFiles.writeString(sweepDir.resolve(SUMMARY), csv(summary(results, groupColumns(plan))));
    }

    static String csv(Table t) {
        StringWriter w = new StringWriter();
        try {
            t.write().csv(w);
        } catch (RuntimeException e) {
            throw new UncheckedIOException(new IOException("cannot write table " + t.name() + ": " + e.getMessage(), e));
        }
        return w.toString();
    }
}
