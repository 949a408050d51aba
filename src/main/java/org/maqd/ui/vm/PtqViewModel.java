package org.maqd.ui.vm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
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
import org.maqd.experiment.PtqSpec;
import org.maqd.experiment.ptq.PtqReport;
import org.maqd.ui.engine.PtqTool;

/**
 * The PTQ panel of the Runs view: post-training quantization of the selected float run with every option of
 * {@code maqd ptq} (method.md §10), its saved evaluations listed beside the MaQD (QAT) runs of the same folder at
 * the same number of states. Quantizing runs in the background; the result is saved in the run's ptq/ folder.
 */
public final class PtqViewModel {
    /** One row of the comparison: "PTQ minmax", "MaQD #3" (a QAT run) or "float", states, options, accuracy, change against float. */
    public record Row(String method, int states, String options, String accuracy, String vsFloat, String verdict) {}

    public static final List<String> QUANTIZERS = List.of("symmetric", "asymmetric");
    public static final List<String> GRANULARITIES = List.of("tensor", "channel");
    public static final List<String> CALIBRATIONS = List.of("minmax", "percentile", "mse", "dynamic");

    private final RunsViewModel runs;
    private final PtqTool tool;
    private final ObjectProperty<RunFolder> run = new SimpleObjectProperty<>();
    private final IntegerProperty states = new SimpleIntegerProperty(8), samples = new SimpleIntegerProperty(512);
    private final StringProperty weights = new SimpleStringProperty("symmetric"), activations = new SimpleStringProperty("asymmetric"),
            weightGranularity = new SimpleStringProperty("channel"), activationGranularity = new SimpleStringProperty("tensor"),
            calibration = new SimpleStringProperty("minmax"), message = new SimpleStringProperty("Select a float run.");
    private final BooleanProperty busy = new SimpleBooleanProperty(false), floatRun = new SimpleBooleanProperty(false);
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private Executor ui = Runnable::run;

    public PtqViewModel(RunsViewModel runs, PtqTool tool) {
        this.runs = runs;
        this.tool = tool;
        runs.rows().addListener((javafx.collections.ListChangeListener<RunsViewModel.Row>) c -> refresh(false));
    }

    public void setUiExecutor(Executor ui) { this.ui = ui; }

    /** Shows {@code r} (null: none): its PTQ evaluations and the QAT runs at the same states. */
    public void select(RunFolder r) {
        run.set(r);
        refresh(true);
    }

    /** A float run, as {@code maqd ptq} takes one ({@link RunFolder#floatNetwork}). */
    static boolean isFloat(RunFolder r) { return r != null && r.floatNetwork(); }

    /** Rebuilds the table; {@code newSelection}: also replace the message (a refresh keeps a quantization's result). */
    private void refresh(boolean newSelection) {
        RunFolder r = run.get();
        floatRun.set(isFloat(r));
        List<Row> out = new ArrayList<>();
        TreeSet<Integer> shown = new TreeSet<>();
        shown.add(states.get());
        if (r == null) message.set("Select a float run (weight and activation states 0 in every layer) in the table.");
        else if (!floatRun.get()) message.set(r.name() + " is not a float run (" + r.notFloat() + "): PTQ quantizes a float model "
                + "(weight and activation states 0 in every layer, the output layer's weights too).");
        else {
            List<PtqReport> reports;
            try {
                reports = tool.reports(r.dir());
                if (newSelection && !busy.get()) message.set(r.name() + ": " + reports.size() + " PTQ result(s) saved; choose the options and Quantize.");
            } catch (RuntimeException e) {
                reports = List.of();
                message.set(BackgroundTask.message(e));
            }
            for (PtqReport p : reports) {
                shown.add(p.result().states());
                out.add(new Row("PTQ " + p.result().method(), p.result().states(), options(p.spec()), pct(p.result().testAccuracy()),
                        String.format(Locale.ROOT, "%+.2f", -p.lossPoints()), p.collapsed() ? "collapse" : ""));
            }
            out.add(new Row("float", 0, r.name(), pct(r.testAccuracy()), "", ""));
        }
        for (int m : shown) {
            for (RunsViewModel.Row q : runs.rows()) {
                var s = q.run().settings();
                // a float run keeps the defaults it was edited from (3 and 3 in the qat-vs-ptq lesson): not a QAT run
                if (String.valueOf(m).equals(s.get("network.defaults.weightStates")) && String.valueOf(m).equals(s.get("network.defaults.activationStates"))
                        && !isFloat(q.run())) {
                    out.add(new Row("MaQD #" + q.number(), m, q.run().name(), pct(q.run().testAccuracy()),
                            r == null || !floatRun.get() ? "" : String.format(Locale.ROOT, "%+.2f", 100 * (q.run().testAccuracy() - r.testAccuracy())), ""));
                }
            }
        }
        out.sort(java.util.Comparator.comparingInt((Row x) -> x.states() == 0 ? Integer.MAX_VALUE : x.states()));
        rows.setAll(out);
    }

    private static String pct(double a) { return Double.isNaN(a) ? "" : String.format(Locale.ROOT, "%.2f%%", 100 * a); }

    static String options(PtqSpec s) {
        PtqSpec r = s.resolved();
        return String.format(Locale.ROOT, "w %s/%s, a %s/%s, n=%d", r.weightsSymmetric() ? "sym" : "asym",
                r.perChannel() ? "channel" : "tensor", r.activationsSymmetric() ? "sym" : "asym",
                r.activationPerChannel() ? "channel" : "tensor", r.calibrationSamples());
    }

    /** The panel's options as a spec (checked: errors name the option). */
    PtqSpec spec() {
        return new PtqSpec(List.of(states.get()), List.of(calibration.get()), "mse", "channel".equals(weightGranularity.get()),
                99.99, samples.get(), 256, 256, weights.get(), activations.get(), "channel".equals(activationGranularity.get()))
                .checked("PTQ option '");
    }

    /** Quantizes the selected float run with the panel's options in the background; false when it cannot start. */
    public boolean quantize() {
        RunFolder r = run.get();
        if (r == null || !isFloat(r) || busy.get()) return false;
        PtqSpec spec;
        try {
            spec = spec();
        } catch (RuntimeException e) {
            message.set(BackgroundTask.message(e));
            return false;
        }
        busy.set(true);
        message.set("Quantizing " + r.name() + " at " + states.get() + " states…");
        Path dir = r.dir();
        BackgroundTask.start("maqd-ptq", () -> tool.quantize(dir, spec), ui, (rep, err) -> {
            busy.set(false);
            if (err != null) message.set("PTQ failed: " + err);
            else message.set(String.format(Locale.ROOT, "PTQ %s at %d states: %.2f%% (float %.2f%%, %+.2f points)%s",
                    rep.result().method(), rep.result().states(), 100 * rep.result().testAccuracy(),
                    100 * rep.result().floatTestAccuracy(), -rep.lossPoints(), rep.collapsed() ? " — collapse" : ""));
            if (r.equals(run.get())) refresh(false);
        });
        return true;
    }

    public ObjectProperty<RunFolder> runProperty() { return run; }
    public IntegerProperty statesProperty() { return states; }
    public IntegerProperty samplesProperty() { return samples; }
    public StringProperty weightsProperty() { return weights; }
    public StringProperty activationsProperty() { return activations; }
    public StringProperty weightGranularityProperty() { return weightGranularity; }
    public StringProperty activationGranularityProperty() { return activationGranularity; }
    public StringProperty calibrationProperty() { return calibration; }
    public StringProperty messageProperty() { return message; }
    public BooleanProperty busyProperty() { return busy; }
    public BooleanProperty floatRunProperty() { return floatRun; }
    public ObservableList<Row> rows() { return rows; }
}
