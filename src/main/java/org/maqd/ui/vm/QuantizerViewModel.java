package org.maqd.ui.vm;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import org.maqd.model.QuantDefaults;
import org.maqd.tensor.Tensor;
import org.maqd.train.LayerValues;
import org.maqd.ui.engine.QuantMath;
import org.maqd.ui.engine.RunFolderValues;

/**
 * The quantizer explorer: M states, signed (weights) or unsigned (activations), the step (gaussian-optimal or
 * chosen), and a surrogate with α. {@link #curves(int)} samples the staircase and the surrogate derivative.
 * The surrogate and α start at the defaults a run uses ({@link QuantDefaults#STANDARD}) for the quantizer shown:
 * the weight surrogate for signed weights, the activation surrogate for unsigned activations.
 * The layer data both quantizers are drawn over (a live run's latest probe or a trained run folder) feeds the
 * {@link AffineViewModel}, which shares M with this one; signed chooses the weights, unsigned the activations.
 */
public final class QuantizerViewModel {
    public static final String[] SURROGATES = {"ste", "sigmoid", "triangle"};
    private final QuantMath math;
    private final IntegerProperty states = new SimpleIntegerProperty(3);
    private final BooleanProperty signed = new SimpleBooleanProperty(true);
    private final StringProperty surrogate = new SimpleStringProperty(runDefaultSurrogate(true));
    private final DoubleProperty alpha = new SimpleDoubleProperty(QuantDefaults.STANDARD.alpha());
    private final BooleanProperty gaussianStep = new SimpleBooleanProperty(true);
    private final DoubleProperty step = new SimpleDoubleProperty();
    private final StringProperty summary = new SimpleStringProperty();
    private final StringProperty source = new SimpleStringProperty("");
    private final AffineViewModel affine = new AffineViewModel(states);
    private Executor ui = Runnable::run;
    private List<List<LayerValues>> folder;
    private String folderName;

    public QuantizerViewModel(QuantMath math) {
        this.math = math;
        states.addListener(o -> update());
        signed.addListener((o, was, now) -> {
            surrogate.set(runDefaultSurrogate(now));
            update();
        });
        gaussianStep.addListener(o -> update());
        step.addListener(o -> updateSummary());
        update();
    }

    /** Sampled curves: z, Q(z), dQ/dz (surrogate), the levels and the clip range [lo, hi]. */
    public record Curves(double[] z, double[] q, double[] grad, double[] levels, double lo, double hi) {}

    public Curves curves(int n) {
        int m = states.get();
        double d = step.get();
        double[] levels = levels(m, d, signed.get());
        double lo = levels[0] - d / 2, hi = levels[m - 1] + d / 2;
        double margin = Math.max(d, (hi - lo) * 0.25);
        double z0 = signed.get() ? lo - margin : -margin, z1 = hi + margin;
        double[] z = new double[n], q = new double[n], g = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = z0 + (z1 - z0) * i / (n - 1);
            q[i] = math.quantize(z[i], d, m, signed.get());
            g[i] = math.surrogate(surrogate.get(), alpha.get(), z[i], d, m, signed.get());
        }
        return new Curves(z, q, g, levels, lo, hi);
    }

    /** The M quantization levels for a step: symmetric Δ(k − (M−1)/2), or unsigned Δk. */
    public static double[] levels(int m, double step, boolean signed) {
        double[] l = new double[m];
        for (int k = 0; k < m; k++) l[k] = step * (k - (signed ? (m - 1) / 2.0 : 0));
        return l;
    }

    /** MaQD's Q(z) with this explorer's M, Δ and signedness. */
    public double quantize(double z) {
        return math.quantize(z, step.get(), states.get(), signed.get());
    }

    /** Where results of background work are published (the FX thread in the window). */
    public void setUiExecutor(Executor ui) {
        this.ui = ui;
        affine.setExecutors(java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "maqd-explorer");
            t.setDaemon(true);
            return t;
        }), ui);
    }

    /**
     * Shows one layer's values at {@code step}: its weights when signed, its activation input when unsigned.
     * {@code from} says where they come from (shown under the controls).
     */
    public void takeLayer(LayerValues v, long step, String from) {
        boolean weights = signed.get();
        Tensor t = weights ? v.weights() : v.activationInput();
        if (t == null) {
            String why = v.name() + " has no " + (weights ? "weights" : "activation quantizer") + " to show";
            source.set(why);
            affine.clearData(why);   // no chart, numbers or table of the other kind's data left under this name
            return;
        }
        source.set("Data: " + v.name() + ", " + from);
        affine.offer(v.name(), weights, step, t);
    }

    /** Forgets the layer data (a new run or document starts). */
    public void clearData() {
        folder = null;
        affine.dataProperty().set(null);
        source.set("");
    }

    /** Loads a trained run folder's layer values off the UI thread, then shows layer {@code layer} of it. */
    public void openRunFolder(Path runDir, int layer) {
        source.set("Loading " + runDir.getFileName() + " …");
        BackgroundTask.start("maqd-explorer-load", () -> RunFolderValues.read(runDir, Path.of("")), ui, (v, err) -> {
            if (err != null) {
                source.set("Could not open " + runDir + ": " + err);
                return;
            }
            folder = v;
            folderName = runDir.getFileName().toString();
            showFolderLayer(layer);
        });
    }

    /** Shows layer {@code layer} of the opened run folder (all its batches), if one is open. */
    public void showFolderLayer(int layer) {
        if (folder == null || folder.isEmpty()) return;
        int l = Math.max(0, Math.min(layer, folder.get(0).size() - 1));
        for (int b = 0; b < folder.size(); b++) takeLayer(folder.get(b).get(l), b, "run folder " + folderName);
    }

    /** The surrogate a run uses by default for signed weights or for unsigned activations. */
    public static String runDefaultSurrogate(boolean signed) {
        return signed ? QuantDefaults.STANDARD.weightSurrogate() : QuantDefaults.STANDARD.activationSurrogate();
    }

    private void update() {
        if (states.get() < 2) states.set(2);
        if (gaussianStep.get()) step.set(math.gaussianStep(states.get(), signed.get()));
        updateSummary();
    }

    private void updateSummary() {
        int m = states.get();
        summary.set(String.format("M = %d states (%.2f bits) · %s · step Δ = %.3f%s", m, Math.log(m) / Math.log(2),
                signed.get() ? "signed weights" : "unsigned activations", step.get(),
                gaussianStep.get() ? " (gaussian-optimal)" : ""));
    }

    public IntegerProperty statesProperty() { return states; }
    public BooleanProperty signedProperty() { return signed; }
    public StringProperty surrogateProperty() { return surrogate; }
    public DoubleProperty alphaProperty() { return alpha; }
    public BooleanProperty gaussianStepProperty() { return gaussianStep; }
    public DoubleProperty stepProperty() { return step; }
    public StringProperty summaryProperty() { return summary; }
    /** Where the layer data comes from, or why there is none. */
    public StringProperty sourceProperty() { return source; }
    public AffineViewModel affine() { return affine; }
}
