package org.maqd.ui.vm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.maqd.quant.ptq.AffineQuantizer;
import org.maqd.quant.ptq.Calibrator;
import org.maqd.tensor.Tensor;

/**
 * The affine side of the quantizer explorer: x_q = round(x/S) − Z on a layer's real data, beside MaQD's
 * round-clip at the same M (shared with {@link QuantizerViewModel}). The clip range [α, β] comes from a static
 * calibration method (min-max, percentile, MSE-optimal) or from the handles ("manual", always per tensor);
 * S, Z, the errors of both quantizers and every method's range are recomputed with {@link AffineExplorer}
 * whenever an input changes. Dynamic calibration is shown per batch against the static range.
 */
public final class AffineViewModel {
    public static final String MANUAL = "manual";
    /** The calibrations offered: the static methods and the hand-set range. */
    public static final List<String> CALIBRATIONS = List.of("minmax", "percentile", "mse", MANUAL);
    /** The numbers of states the side-by-side table compares. */
    public static final int[] TABLE_STATES = {2, 3, 4, 8};
    /** Why there are no numbers when no layer was given yet. */
    public static final String NO_DATA = "No data: train a run (or open a run folder) and pick a layer";
    /** Activation batches kept as the calibration set. */
    public static final int KEPT_BATCHES = 8;

    /** Everything the view draws for the current inputs. */
    public record Result(AffineQuantizer quantizer, AffineExplorer.Error error, double[] levels,
                         AffineExplorer.Error maqdError, double[] maqdLevels, Map<String, Calibrator.Range> methodRanges,
                         List<AffineExplorer.BatchRow> batches) {}

    /** One row of the MaQD-vs-affine table at M states. */
    public record Row(int states, AffineExplorer.Error maqd, AffineExplorer.Error affine, double scale, int zero) {}

    private final IntegerProperty states;
    private final BooleanProperty active = new SimpleBooleanProperty(false);
    private final BooleanProperty symmetric = new SimpleBooleanProperty(true);
    private final BooleanProperty perChannel = new SimpleBooleanProperty(false);
    private final StringProperty calibration = new SimpleStringProperty("minmax");
    private final DoubleProperty percentile = new SimpleDoubleProperty(99.9);
    private final DoubleProperty alpha = new SimpleDoubleProperty(-1), beta = new SimpleDoubleProperty(1);
    private final ObjectProperty<ExplorerData> data = new SimpleObjectProperty<>();
    private final ObjectProperty<Result> result = new SimpleObjectProperty<>();
    private final ObjectProperty<Tensor> target = new SimpleObjectProperty<>();
    private final StringProperty numbers = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final ObservableList<Row> table = FXCollections.observableArrayList();
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private Executor worker = Runnable::run, ui = Runnable::run;
    private AffineExplorer explorer;
    private boolean updating;
    private volatile long generation;
    private long lastStep = Long.MIN_VALUE;

    public AffineViewModel(IntegerProperty states) {
        this.states = states;
        data.addListener((o, a, d) -> {
            explorer = d == null ? null : new AffineExplorer(d);
            target.set(explorer == null ? null : explorer.target());
            if (d != null && (a == null || a.weights() != d.weights())) {
                updating = true;
                symmetric.set(d.weights());
                updating = false;
            }
            // a range set by hand belongs to the values it was set on: other values (weights → activations, another
            // layer) start from min-max again (a hand-set α of the weights stayed on unsigned activations)
            if (d != null && a != null && MANUAL.equals(calibration.get()) && (a.weights() != d.weights() || !java.util.Objects.equals(a.layer(), d.layer()))) {
                updating = true;
                calibration.set("minmax");
                updating = false;
            }
            update(true);
        });
        for (var p : List.of(states, symmetric, perChannel, calibration, percentile)) p.addListener(o -> update(true));
        alpha.addListener(o -> update(false));
        beta.addListener(o -> update(false));
    }

    /**
     * Takes a layer's values from a probe at {@code step}: weights replace what was there; activation batches of
     * the same layer collect (the last {@link #KEPT_BATCHES}, the calibration set, oldest first). A step not after
     * the last one taken changes nothing.
     */
    public void offer(String layer, boolean weights, long step, Tensor values) {
        if (values == null) return;
        ExplorerData d = data.get();
        boolean same = d != null && d.layer().equals(layer) && d.weights() == weights;
        if (same && step <= lastStep) return;
        List<Tensor> batches = new ArrayList<>();
        if (same && !weights) batches.addAll(d.batches());
        batches.add(values);
        while (batches.size() > KEPT_BATCHES) batches.remove(0);
        lastStep = step;
        data.set(new ExplorerData(layer, weights, batches));
    }

    /**
     * Shows no data and says {@code why}: the chosen layer has no values of the chosen kind (the classifier has no
     * activation quantizer). Keeping the previous data there recomputed activation numbers on the weights.
     */
    public void clearData(String why) {
        data.set(null);
        message.set(why);
    }

    /** The values the quantizers are measured on (see {@link AffineExplorer#target()}), or null without data. */
    public Tensor target() { return target.get(); }

    /** The target as a property: it changes after the data it comes from (listen here to redraw the data). */
    public ObjectProperty<Tensor> targetProperty() { return target; }

    /** The error of any quantizer x ↦ q(x) on the target (MaQD's with the explorer's own M and Δ, for one). */
    public AffineExplorer.Error errorOf(java.util.function.DoubleUnaryOperator q) {
        Tensor t = target();
        Tensor out = Tensor.zeros(t.shape());
        for (int i = 0; i < t.size(); i++) out.data[i] = (float) q.applyAsDouble(t.data[i]);
        return AffineExplorer.error(t, out);
    }

    /**
     * Moves the α (lower) or β (upper) handle: the range becomes hand-set, one range per tensor. A symmetric
     * quantizer uses max(|α|, |β|), so there the two handles move together: [−|v|, |v|].
     */
    public void moveHandle(boolean lower, double value) {
        updating = true;
        calibration.set(MANUAL);
        perChannel.set(false);
        if (symmetric.get()) {
            alpha.set(-Math.abs(value));
            beta.set(Math.abs(value));
        } else {
            (lower ? alpha : beta).set(value);
        }
        updating = false;
        update(true);
    }

    /** Everything one computation needs, taken on the UI thread (the worker reads nothing else). */
    private record Inputs(long generation, AffineExplorer ex, int states, boolean symmetric, boolean perChannel,
                          String calibration, double percentile, double alpha, double beta, boolean table) {
        AffineExplorer.Setting setting(int m) { return new AffineExplorer.Setting(m, symmetric, perChannel, percentile); }
        boolean manual() { return MANUAL.equals(calibration); }
    }

    /** What the worker hands back: the result, the range it used, the table rows (null: unchanged). */
    private record Computed(Result result, double alpha, double beta, List<Row> rows) {}

    /**
     * Where the numbers are computed and where they are published. By default both run in the caller (tests);
     * the window passes a worker thread and the FX thread, so large layers never block the UI.
     */
    public void setExecutors(Executor worker, Executor ui) {
        this.worker = worker;
        this.ui = ui;
    }

    private void update(boolean withTable) {
        if (updating) return;
        if (explorer == null) {
            generation++;
            busy.set(false);
            result.set(null);
            table.clear();
            numbers.set("");
            message.set(NO_DATA);
            return;
        }
        Inputs in = new Inputs(++generation, explorer, states.get(), symmetric.get(), perChannel.get(), calibration.get(),
                percentile.get(), alpha.get(), beta.get(), withTable || table.isEmpty());
        busy.set(true);
        worker.execute(() -> {
            if (in.generation() != generation) return;
            Computed c = null;
            String why = null;
            try {
                c = compute(in);
            } catch (IllegalArgumentException | IllegalStateException e) {
                why = e.getMessage();
            }
            Computed done = c;
            String failure = why;
            ui.execute(() -> publish(in, done, failure));
        });
    }

    /** The quantizer the inputs' calibration gives at M states (only the chosen method runs at other M). */
    private static AffineQuantizer quantizer(Inputs in, int m, Map<String, Calibrator.Range> ranges) {
        AffineExplorer.Setting s = in.setting(m);
        if (in.manual()) return AffineExplorer.manual(s, in.alpha(), in.beta());
        if (ranges == null) return in.ex().calibrated(in.calibration(), s);
        Calibrator.Range r = ranges.get(in.calibration());
        return AffineQuantizer.fromRange(m, s.symmetric(), in.ex().axis(s.perChannel()), r.lo(), r.hi());
    }

    private static Computed compute(Inputs in) {
        AffineExplorer ex = in.ex();
        int m = in.states();
        Map<String, Calibrator.Range> ranges = ex.methodRanges(in.setting(m));
        double a = in.alpha(), b = in.beta();
        if (!in.manual()) {
            a = ranges.get(in.calibration()).lo()[0];
            b = ranges.get(in.calibration()).hi()[0];
        }
        AffineQuantizer q = quantizer(in, m, ranges);
        List<AffineExplorer.BatchRow> rows = ex.data().batches().size() > 1 ? ex.batches(in.setting(m), q, a, b) : List.of();
        Result r = new Result(q, ex.error(q), q.levels(0), ex.maqdError(m), ex.maqdLevels(m), ranges, rows);
        List<Row> t = null;
        if (in.table()) {
            t = new ArrayList<>();
            for (int k : TABLE_STATES) {
                AffineQuantizer qk = quantizer(in, k, ex.knownRanges(in.setting(k)));
                t.add(new Row(k, ex.maqdError(k), ex.error(qk), qk.scale(0), qk.zero(0)));
            }
        }
        return new Computed(r, a, b, t);
    }

    private void publish(Inputs in, Computed c, String failure) {
        if (in.generation() != generation) return;
        busy.set(false);
        if (c == null) {
            message.set(failure);
            return;
        }
        updating = true;
        try {
            alpha.set(c.alpha());
            beta.set(c.beta());
            numbers.set(numbers(c.result().quantizer(), c.result()));
            message.set("");
            if (c.rows() != null) table.setAll(c.rows());
            result.set(c.result());
        } finally {
            updating = false;
        }
    }

    private static String numbers(AffineQuantizer q, Result r) {
        String sz;
        if (q.channelCount() == 1) {
            sz = "S = " + num(q.scale(0)) + " · Z = " + q.zero(0);
        } else {
            double lo = Double.MAX_VALUE, hi = 0;
            int zlo = Integer.MAX_VALUE, zhi = Integer.MIN_VALUE;
            for (int c = 0; c < q.channelCount(); c++) {
                lo = Math.min(lo, q.scale(c));
                hi = Math.max(hi, q.scale(c));
                zlo = Math.min(zlo, q.zero(c));
                zhi = Math.max(zhi, q.zero(c));
            }
            sz = q.channelCount() + " channels: S = " + num(lo) + " … " + num(hi) + " · Z = " + zlo + " … " + zhi;
        }
        return String.format(Locale.ROOT, "%s · affine MSE %s, SQNR %.2f dB · MaQD MSE %s, SQNR %.2f dB", sz,
                num(r.error().mse()), r.error().sqnrDb(), num(r.maqdError().mse()), r.maqdError().sqnrDb());
    }

    /** Four significant digits without trailing zeros: 1, 0.02667, 1.235e-05. */
    static String num(double v) {
        String s = String.format(Locale.ROOT, "%.4g", v);
        if (s.contains("e")) return s;
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    public BooleanProperty activeProperty() { return active; }
    public IntegerProperty statesProperty() { return states; }
    public BooleanProperty symmetricProperty() { return symmetric; }
    public BooleanProperty perChannelProperty() { return perChannel; }
    public StringProperty calibrationProperty() { return calibration; }
    public DoubleProperty percentileProperty() { return percentile; }
    public DoubleProperty alphaProperty() { return alpha; }
    public DoubleProperty betaProperty() { return beta; }
    public ObjectProperty<ExplorerData> dataProperty() { return data; }
    public ObjectProperty<Result> resultProperty() { return result; }
    /** True while numbers for the latest inputs are being computed. */
    public BooleanProperty busyProperty() { return busy; }
    /** S, Z and both errors in one line. */
    public StringProperty numbersProperty() { return numbers; }
    /** Why there are no numbers (no data, or a range the quantizer refuses), or empty. */
    public StringProperty messageProperty() { return message; }
    /** MaQD vs affine at {@link #TABLE_STATES} states on the same data. */
    public ObservableList<Row> table() { return table; }
}
