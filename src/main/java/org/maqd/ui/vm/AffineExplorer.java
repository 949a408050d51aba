package org.maqd.ui.vm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.maqd.nn.Mode;
import org.maqd.quant.ActivationQuantizer;
import org.maqd.quant.GaussianStep;
import org.maqd.quant.QuantError;
import org.maqd.quant.Surrogate;
import org.maqd.quant.WeightQuantizer;
import org.maqd.quant.ptq.AffineQuantizer;
import org.maqd.quant.ptq.Calibrator;
import org.maqd.quant.ptq.DynamicQuantizer;
import org.maqd.tensor.Tensor;

/**
 * The numbers of the affine explorer, computed with the classes the post-training baseline uses
 * ({@link Calibrator}, {@link AffineQuantizer}, {@link DynamicQuantizer}) and, for MaQD on the same data, the
 * classes training uses ({@link WeightQuantizer}, {@link ActivationQuantizer}). Nothing here is a second copy of
 * a quantizer: this class only feeds data to them and reads back ranges, levels and errors.
 *
 * <p>The data is a layer's weights or activation input ({@link ExplorerData}). What is quantized is the
 * <em>target</em>: the standardized weights Ŵ (MaQD quantizes Ŵ; the affine quantizer gets the same Ŵ), or
 * ReLU(x) for activations (what a float network computes and what MaQD's Q_a replaces). Per channel means along
 * axis 0 of a weight ({@code [out, ...]}) and axis 1 of an activation ({@code [B, C, ...]}), as the PTQ baseline.
 */
public final class AffineExplorer {
    /** The static calibration methods, in the order the explorer lists them. */
    public static final List<String> METHODS = List.of("minmax", "percentile", "mse");

    /** One affine setting: states, symmetric, per channel, and the percentile the percentile method uses. */
    public record Setting(int states, boolean symmetric, boolean perChannel, double percentile) {}

    /**
     * The error of a quantization on the target: MSE, SQNR (dB) and the share of nonzero values whose sign is
     * lost (quantized to 0 or to the other sign).
     */
    public record Error(double mse, double sqnrDb, double signLost) {}

    /** One batch under dynamic (its own min-max) and static calibration: the two ranges (channel 0) and errors. */
    public record BatchRow(int batch, double dynamicLo, double dynamicHi, double staticLo, double staticHi,
                           double dynamicMse, double staticMse) {}

    private final ExplorerData data;
    private final List<Tensor> targets = new ArrayList<>();
    private final Tensor target;
    private final Map<Setting, Map<String, Calibrator.Range>> ranges = new java.util.HashMap<>();
    private final Map<Integer, Error> maqdErrors = new java.util.HashMap<>();

    public AffineExplorer(ExplorerData data) {
        this.data = data;
        for (Tensor b : data.batches()) targets.add(data.weights() ? standardize(b) : relu(b));
        target = concat(targets);
    }

    public ExplorerData data() { return data; }

    /** The values the quantizers are measured on (all batches, concatenated along axis 0). */
    public Tensor target() { return target; }

    /** The channel axis of this kind of data for per-channel quantization, or −1 for per tensor. */
    public int axis(boolean perChannel) { return perChannel ? (data.weights() ? 0 : 1) : -1; }

    /** The range each static method chooses on all batches (the calibration set), by method name (cached). */
    public synchronized Map<String, Calibrator.Range> methodRanges(Setting s) {
        Map<String, Calibrator.Range> known = ranges.get(s);
        if (known != null) return known;
        Map<String, Calibrator.Range> out = new LinkedHashMap<>();
        for (String m : METHODS) out.put(m, calibrator(m, s).clipRange());
        ranges.put(s, java.util.Collections.unmodifiableMap(out));
        return ranges.get(s);
    }

    /** The ranges of {@link #methodRanges} if they were computed already, else null. */
    public synchronized Map<String, Calibrator.Range> knownRanges(Setting s) { return ranges.get(s); }

    /** The quantizer a static method chooses on the calibration set. */
    public AffineQuantizer calibrated(String method, Setting s) { return calibrator(method, s).finish(); }

    private Calibrator calibrator(String method, Setting s) {
        Calibrator c = Calibrator.create(method, s.states(), s.symmetric(), axis(s.perChannel()),
                "percentile".equals(method) ? s.percentile() : 0);
        for (Tensor t : targets) c.observe(t);
        return c;
    }

    /** The per-tensor quantizer for a hand-set clip range [α, β]. */
    public static AffineQuantizer manual(Setting s, double alpha, double beta) {
        return AffineQuantizer.perTensor(s.states(), s.symmetric(), Math.min(alpha, beta), Math.max(alpha, beta));
    }

    /** The error of {@code q} on the target. */
    public Error error(AffineQuantizer q) {
        return error(target, q.quantizeDequantize(target, Tensor.zeros(target.shape())));
    }

    /** MaQD's quantizer at M states on the same data: gaussian step, after weight standardization for weights. */
    public Tensor maqdQuantized(int states) {
        Tensor out = Tensor.zeros(target.shape());
        if (data.weights()) {
            // the target is already Ŵ: quantize it as the weight quantizer does after its standardization
            WeightQuantizer.Config g = WeightQuantizer.Config.gaussian(states);
            WeightQuantizer wq = new WeightQuantizer(new WeightQuantizer.Config(states, false, g.stepRule(), g.value(), g.surrogate()));
            out.copyFrom(wq.forward(target, Mode.EVAL));
        } else {
            ActivationQuantizer aq = new ActivationQuantizer(ActivationQuantizer.Config.gaussian(states,
                    Surrogate.parse(QuantizerViewModel.runDefaultSurrogate(false))));
            out.copyFrom(aq.forward(target, Mode.EVAL));
        }
        return out;
    }

    /** MaQD's M levels: Δ(k − (M−1)/2) for weights, Δk for activations, Δ the gaussian step. */
    public double[] maqdLevels(int states) {
        double step = data.weights() ? GaussianStep.symmetric(states) : GaussianStep.unsigned(states);
        return QuantizerViewModel.levels(states, step, data.weights());
    }

    /** The error of MaQD's quantizer at M states on the target. */
    public synchronized Error maqdError(int states) {
        return maqdErrors.computeIfAbsent(states, m -> error(target, maqdQuantized(m)));
    }

    /**
     * Dynamic (each batch's own min-max range) against static ({@code fixed}, its range [lo, hi] chosen once on
     * the calibration set) on each batch.
     */
    public List<BatchRow> batches(Setting s, AffineQuantizer fixed, double lo, double hi) {
        List<BatchRow> rows = new ArrayList<>();
        DynamicQuantizer dq = new DynamicQuantizer(s.states(), s.symmetric(), axis(s.perChannel()));
        for (int b = 0; b < targets.size(); b++) {
            Tensor t = targets.get(b);
            Tensor dyn = dq.apply(t, Tensor.zeros(t.shape()));
            Calibrator.Range r = dq.lastRange();
            rows.add(new BatchRow(b, r.lo()[0], r.hi()[0], lo, hi, QuantError.of(t, dyn).mse(),
                    QuantError.of(t, fixed.quantizeDequantize(t, Tensor.zeros(t.shape()))).mse()));
        }
        return rows;
    }

    /** MSE and SQNR of {@code q} against {@code x}, and the share of nonzero x whose sign q does not keep. */
    static Error error(Tensor x, Tensor q) {
        QuantError.Result r = QuantError.of(x, q);
        long nonzero = 0, lost = 0;
        for (int i = 0; i < x.size(); i++) {
            float v = x.data[i];
            if (v == 0) continue;
            nonzero++;
            if (Math.signum(v) != Math.signum(q.data[i])) lost++;
        }
        return new Error(r.mse(), r.sqnrDb(), nonzero == 0 ? 0 : (double) lost / nonzero);
    }

    /** Ŵ: the weights standardized per output row, as MaQD's weight quantizer does before it quantizes. */
    private static Tensor standardize(Tensor w) {
        WeightQuantizer wq = new WeightQuantizer(WeightQuantizer.Config.gaussian(2));
        wq.forward(w, Mode.EVAL);
        return wq.standardized().copy();
    }

    private static Tensor relu(Tensor x) {
        Tensor y = x.copy();
        for (int i = 0; i < y.size(); i++) if (!(y.data[i] > 0)) y.data[i] = 0;
        return y;
    }

    /** The batches stacked along axis 0 (one batch is returned as is). */
    private static Tensor concat(List<Tensor> ts) {
        if (ts.size() == 1) return ts.get(0);
        int n = 0, rows = 0;
        for (Tensor t : ts) { n += t.size(); rows += t.dim(0); }
        int[] shape = ts.get(0).shape();
        shape[0] = rows;
        float[] all = new float[n];
        int at = 0;
        for (Tensor t : ts) {
            System.arraycopy(t.data, 0, all, at, t.size());
            at += t.size();
        }
        return new Tensor(all, shape);
    }
}
