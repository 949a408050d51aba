package org.maqd.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.maqd.experiment.ptq.PtqCsv;
import org.maqd.experiment.ptq.PtqResult;
import org.maqd.run.SweepResultRow;
import org.maqd.run.SweepSummaryRow;

/**
 * The sweep's tables. {@code results.csv}: one row per trial (id, each swept field by its short name, method and
 * states when the sweep has a PTQ block, seed, status, final test accuracy and loss, train accuracy, epochs,
 * optimizer steps, seconds, samples/s, warm-up seconds); PTQ evaluations of a float trial are extra rows with id {@code <trial>/ptq-<method>-M<states>}.
 * {@code summary.csv}: completed rows grouped by the swept fields (and method, states): n, mean, standard deviation
 * and 95% confidence half-width (Student t, n − 1 degrees of freedom) of the test accuracy and loss, mean train
 * accuracy, optimizer steps and seconds. Groups keep the order in which they first appear ({@link Groups}); the files' formats are
 * {@link SweepResultRow} and {@link SweepSummaryRow}.
 */
public final class SweepTables {
    public static final String RESULTS = org.maqd.run.RunFiles.SWEEP_RESULTS, SUMMARY = org.maqd.run.RunFiles.SWEEP_SUMMARY;
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

    public static List<SweepResultRow> results(SweepPlan plan, Path sweepDir) {
        List<SweepResultRow> out = new ArrayList<>();
        for (Trial t : plan.trials()) {
            Path dir = SweepRunner.trialDir(sweepDir, t);
            TrialFolder.Numbers n = TrialFolder.numbers(dir);
            Map<String, String> keys = new LinkedHashMap<>();
            for (int i = 0; i < plan.fields().size(); i++) {
                keys.put(plan.shortNames().get(i), java.util.Objects.toString(t.fieldValues().get(plan.fields().get(i).toString()), ""));
            }
            if (plan.ptq() != null) {
                keys.put("method", t.floatModel() ? "float" : "qat");
                keys.put("states", statesOf(t));
            }
            out.add(new SweepResultRow(t.id(), keys, t.seed(), n.status(), n.testAccuracy(), n.testLoss(), n.trainAccuracy(),
                    n.epochs(), n.steps(), n.seconds(), n.samplesPerSecond(), n.warmupSeconds()));
            if (plan.ptq() != null && t.floatModel()) {
                for (PtqResult r : PtqCsv.read(dir)) {
                    Map<String, String> k = new LinkedHashMap<>(keys);
                    k.put("method", "ptq-" + r.method());
                    k.put("states", Integer.toString(r.states()));
                    out.add(new SweepResultRow(t.id() + "/ptq-" + r.method() + "-M" + r.states(), k, t.seed(), "completed",
                            r.testAccuracy(), r.testLoss(), Double.NaN, n.epochs(), n.steps(), r.seconds(), r.samplesPerSecond(), Double.NaN));
                }
            }
        }
        return out;
    }

    /** "M" when a trial's hidden weights and activations have the same M states, else "Mw/Ma"; 0 is float. */
    static String statesOf(Trial t) {
        var d = t.experiment().network().defaults() == null ? null : t.experiment().network().defaults();
        var r = org.maqd.model.QuantDefaults.STANDARD;
        int w = d == null || d.weightStates() == null ? r.weightStates() : d.weightStates();
        int a = d == null || d.activationStates() == null ? r.activationStates() : d.activationStates();
        return w == a ? Integer.toString(w) : w + "/" + a;
    }

    /** Completed rows with a test accuracy grouped by {@code groups}; see the class comment for the columns. */
    public static List<SweepSummaryRow> summary(List<SweepResultRow> results, List<String> groups) {
        List<SweepResultRow> done = results.stream()
                .filter(r -> "completed".equals(r.status()) && !Double.isNaN(r.testAccuracy())).toList();
        List<SweepSummaryRow> out = new ArrayList<>();
        for (var g : Groups.by(done, r -> groups.stream().map(c -> r.keys().getOrDefault(c, "")).toList()).entrySet()) {
            List<SweepResultRow> rs = g.getValue();
            Map<String, String> keys = new LinkedHashMap<>();
            for (int i = 0; i < groups.size(); i++) keys.put(groups.get(i), g.getKey().get(i));
            Groups.Stats acc = Groups.stats(rs, SweepResultRow::testAccuracy), loss = Groups.stats(rs, SweepResultRow::testLoss);
            out.add(new SweepSummaryRow(keys, acc.n(), acc.mean(), acc.std(), acc.ci95(), loss.mean(), loss.std(), loss.ci95(),
                    Groups.stats(rs, SweepResultRow::trainAccuracy).mean(), Groups.stats(rs, SweepResultRow::steps).mean(),
                    Groups.stats(rs, SweepResultRow::seconds).mean()));
        }
        return out;
    }

    /** Writes results.csv and summary.csv in {@code sweepDir}, atomically. */
    public static void write(SweepPlan plan, Path sweepDir) {
        List<String> groups = groupColumns(plan);
        List<SweepResultRow> results = results(plan, sweepDir);
        SweepResultRow.write(sweepDir, groups, results);
        SweepSummaryRow.write(sweepDir, groups, summary(results, groups));
    }
}
