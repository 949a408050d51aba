package org.maqd.quant;

import java.util.Locale;
import org.maqd.nn.Mode;
import org.maqd.nn.Param;
import org.maqd.nn.ShapeException;
import org.maqd.nn.WeightTransform;
import org.maqd.tensor.Parallel;
import org.maqd.tensor.Tensor;

/**
 * Latent weights → effective weights of a quantized block (method.md §3–4): weight standardization (optional),
 * then the symmetric quantizer Q_w with M_w states:
 * <pre>  k = clip(round(Ŵ/Δ_w + (M_w − 1)/2), 0, M_w − 1),   W_q = Δ_w · (k − (M_w − 1)/2)</pre>
 * Q_w is the round-clip {@code Q(Ŵ + Δ_w(M_w−1)/2; Δ_w, 0, M_w − 1) − Δ_w(M_w−1)/2}, so its backward is the
 * surrogate factor at the scaled input {@code t = Ŵ/Δ_w + (M_w − 1)/2} with bounds [0, M_w − 1].
 * M_w = 0 means float weights (WS still optional).
 *
 * <p>Applied once per training step to the whole weight; rows are processed in parallel with a grain that
 * depends only on the shape, and all buffers are reused while the shape is unchanged. After {@link #forward},
 * {@link #standardized()}, {@link #codes()}, {@link #step()} and the WS statistics describe the weights the
 * layer computes with (for probes and integer deployment).
 *
 * <p>Where the preferred vectors have at least 256 bits, standardization and quantization run one row at a time
 * through {@link WeightKernels} (as does the STE backward with the standardization's backward): codes, levels
 * and the STE mask are exactly those the plain row bodies give for the same Ŵ; the plain bodies stay the
 * reference ({@code fast = false}).
 */
public final class WeightQuantizer implements WeightTransform {
    /** Largest number of states: codes are stored as unsigned bytes. */
    public static final int MAX_STATES = 256;

    /**
     * Configuration.
     *
     * @param states      M_w: 0 = float, otherwise 2…256
     * @param standardize weight standardization on/off
     * @param stepRule    "gaussian" (MSE-optimal for N(0,1), {@link GaussianStep#symmetric}),
     *                    "clip" (alias "fixed": levels span [−s, s], Δ_w = 2s/(M_w − 1), s = {@code value}),
     *                    or "step" (Δ_w = {@code value} directly)
     * @param value       s for "clip", Δ_w for "step", ignored for "gaussian"
     * @param surrogate   backward rule (default ste)
     */
    public record Config(int states, boolean standardize, String stepRule, double value, Surrogate surrogate) {
        public Config {
            if (states != 0 && (states < 2 || states > MAX_STATES)) {
                throw new IllegalArgumentException("weightStates: expected 0 (float) or 2.." + MAX_STATES + ", got " + states);
            }
            stepRule = stepRule == null ? "gaussian" : stepRule.trim().toLowerCase(Locale.ROOT);
            if (!stepRule.equals("gaussian") && !stepRule.equals("clip") && !stepRule.equals("fixed")
                    && !stepRule.equals("step")) {
                throw new IllegalArgumentException("weightStep: expected gaussian, clip (fixed) or step, got \""
                        + stepRule + "\"");
            }
            if (states != 0 && !stepRule.equals("gaussian")) {
                RoundClip.checkStep(value, stepRule.equals("step") ? "weight step" : "weightClip");
            }
            if (surrogate == null) surrogate = Surrogate.STE;
        }

        /** WS on, gaussian step, ste: the method's default weight quantizer. */
        public static Config gaussian(int states) { return new Config(states, true, "gaussian", 0, Surrogate.STE); }

        /** WS on, levels spanning [−s, s]. */
        public static Config clip(int states, double s) { return new Config(states, true, "clip", s, Surrogate.STE); }

        /** The step Δ_w this config implies (NaN for float weights). */
        public double resolveStep() {
            if (states == 0) return Double.NaN;
            return switch (stepRule) {
                case "gaussian" -> GaussianStep.symmetric(states);
                case "step" -> value;
                default -> 2 * value / (states - 1);
            };
        }
    }

    private final Config config;
    private final int states;
    private final double step;
    private final double offset;          // (M − 1)/2
    private final Parallel par;
    private final WeightStandardization ws;
    private final boolean fast;
    private final WeightKernels.Levels levels;

    private Tensor source;                // Ŵ (WS output, or a copy of the latent weights without WS)
    private Tensor quantized;             // W_q
    private byte[] codes = new byte[0];   // k, unsigned
    private boolean codesPending;         // the fused forward left the codes to be derived from Ŵ (codes())
    private float[] gradPre = new float[0];
    private float[] rowScratch = new float[0];   // fast STE + WS backward: one row of dL/dŴ per chunk (stays in L1)
    private int rows, fanIn;
    private float[] bwdGrad, fwdLatent, bwdOut;
    private RowSink fwdSink;
    private RowSource bwdSource;
    private Param.Update bwdUpdate;
    private final Parallel.RangeBody quantizeRows = this::quantizeRows;
    private final Parallel.RangeBody fusedRows = this::fusedRows;
    private final Parallel.RangeBody surrogateRows = this::surrogateRows;
    private final Parallel.RangeBody steRows = this::steRows;
    private final Parallel.RangeBody sourcedSteRows = this::sourcedSteRows;

    public WeightQuantizer(Config config, Parallel par) { this(config, par, WeightKernels.AVAILABLE); }

    /** With {@code fast = false} the plain row bodies run (the reference for the vectorized ones). */
    WeightQuantizer(Config config, Parallel par, boolean fast) {
        this.config = config;
        this.states = config.states();
        this.step = config.resolveStep();
        this.offset = (states - 1) / 2.0;
        this.par = par == null ? Parallel.serial() : par;
        this.levels = states != 0 && WeightKernels.AVAILABLE ? new WeightKernels.Levels(step, offset, states - 1) : null;
        this.fast = fast && WeightKernels.AVAILABLE && (levels == null || levels.exact);
        this.ws = config.standardize() ? new WeightStandardization(this.par, this.fast) : null;
    }

    public WeightQuantizer(Config config) { this(config, Parallel.serial()); }

    @Override
    public Tensor forward(Tensor latent, Mode mode) {
        checkLatent(latent);
        if (fusedPath()) return fusedForward(latent, null, 0);
        if (ws != null) {
            source = ws.forward(latent);
        } else {
            source = Tensor.reuse(source, latent.shape());
            source.copyFrom(latent);
        }
        if (states == 0) return source;
        quantized = Tensor.reuse(quantized, latent.shape());
        if (codes.length != latent.size()) codes = new byte[latent.size()];
        codesPending = false;
        par.forRange(rows, WeightTransform.rowGrain(fanIn), (long) rows * fanIn, quantizeRows);
        return quantized;
    }

    /** Fast path with WS: {@link #fusedRows}; otherwise the separate passes below. */
    private boolean fusedPath() { return fast && ws != null && states != 0; }

    private void checkLatent(Tensor latent) {
        if (latent.rank() < 2) {
            throw new ShapeException("weight quantizer: expected a weight of shape [out, fanIn...], got " + latent);
        }
        rows = latent.dim(0);
        fanIn = latent.size() / Math.max(1, rows);
    }

    /**
     * Fast path: WS and quantization row by row; with a sink, each W_q row is handed to it right after it is
     * written. The sink's output does not depend on which thread or chunk calls it (rows are independent).
     */
    @Override
    public Tensor forwardRows(Tensor latent, Mode mode, RowSink sink, long workPerRow) {
        checkLatent(latent);
        return fusedPath() ? fusedForward(latent, sink, workPerRow) : null;
    }

    private Tensor fusedForward(Tensor latent, RowSink sink, long workPerRow) {
        source = ws.prepare(latent);
        quantized = Tensor.reuse(quantized, latent.shape());
        if (codes.length != latent.size()) codes = new byte[latent.size()];
        codesPending = true;   // derived from Ŵ when asked for (codes())
        fwdLatent = latent.data;
        fwdSink = sink;
        // work in elements touched: w read twice, Ŵ and W_q written (the 256×256 hidden layer's
        // 65,536 weights are then split between threads like the first layer's)
        try {
            par.forRange(rows, WeightTransform.rowGrain(fanIn), (5L * fanIn + workPerRow) * rows, fusedRows);
        } finally {
            fwdLatent = null;
            fwdSink = null;
        }
        return quantized;
    }

    // rows [r0, r1) of W [out, fanIn]: μ, σ, Ŵ and W_q in one read of W (fast path), then the sink
    private void fusedRows(int r0, int r1) {
        float[] w = fwdLatent, std = source.data, out = quantized.data;
        RowSink sink = fwdSink;
        int n = fanIn;
        for (int r = r0; r < r1; r++) {
            ws.rowStats(w, r);
            if (!WeightKernels.standardizeQuantizeRow(w, std, out, r * n, n, ws.mean(r), 1.0 / ws.sigma(r), levels)) {
                quantizeRowsPlain(r, r + 1);   // a NaN: the plain body names it
            }
            // rows go to the sink in pairs (both still in L1), so its products can share their loads
            if (sink != null && ((r - r0) % 2 == 1 || r == r1 - 1)) sink.rows(r - (r - r0) % 2, r + 1, out);
        }
    }

    // rows [r0, r1): k = clip(rint(Ŵ/Δ + off), 0, M−1), W_q = Δ(k − off)
    private void quantizeRows(int r0, int r1) {
        if (fast) {
            for (int r = r0; r < r1; r++) {
                if (!WeightKernels.quantizeRow(source.data, codes, quantized.data, r * fanIn, fanIn, levels)) {
                    quantizeRowsPlain(r, r + 1);
                }
            }
            return;
        }
        quantizeRowsPlain(r0, r1);
    }

    private void quantizeRowsPlain(int r0, int r1) {
        float[] src = source.data, out = quantized.data;
        byte[] k = codes;
        int hi = states - 1;
        for (int i = r0 * fanIn, end = r1 * fanIn; i < end; i++) {
            int c = RoundClip.codeOfScaled(src[i] / step + offset, 0, hi);
            k[i] = (byte) c;
            out[i] = (float) (step * (c - offset));
        }
    }

    /**
     * Fast STE path with WS: each row of dL/dW_q is produced by {@code gradient} into the chunk's L1 row
     * buffer, then the STE mask and the WS backward run on it there; the same bits as {@link #backward} given
     * the full gradient (the same row kernels on the same values).
     */
    @Override
    public boolean backwardRows(RowSource gradient, long workPerRow, Param latent) {
        if (!rowPath()) return false;
        prepareRows(latent.grad);
        bwdSource = gradient;
        bwdOut = latent.grad.data;
        bwdUpdate = latent.takeUpdate();
        try {
            par.forRange(rows, WeightTransform.rowGrain(fanIn), (8L * fanIn + workPerRow) * rows, sourcedSteRows);
        } finally {
            bwdSource = null;
            bwdOut = null;
            bwdUpdate = null;
        }
        return true;
    }

    /**
     * As {@link #backward(Tensor, Tensor)} into {@code latent}'s gradient, except that on the fast STE path with
     * WS the optimizer's offered update ({@link Param#takeUpdate}) is applied to each row of dL/dW in the
     * chunk's L1 row buffer instead.
     */
    @Override
    public void backward(Tensor gradEffective, Param latent) {
        bwdUpdate = rowPath() ? latent.takeUpdate() : null;   // steRows applies it to each row of dL/dW
        try {
            backward(gradEffective, latent.grad);
        } finally {
            bwdUpdate = null;
        }
    }

    /** The fast STE path with WS, where each row's dL/dW is formed in an L1 row buffer. */
    private boolean rowPath() { return fusedPath() && config.surrogate().kind() == Surrogate.Kind.STE; }

    private void prepareRows(Tensor gradLatent) {
        if (source == null) throw new IllegalStateException("weight quantizer: backward before forward");
        if (gradLatent.size() != source.size()) {
            throw new ShapeException("weight quantizer backward: expected a gradient like " + source + ", got "
                    + gradLatent);
        }
        int grain = WeightTransform.rowGrain(fanIn);
        if (rowScratch.length != Parallel.chunks(rows, grain) * fanIn) {
            rowScratch = new float[Parallel.chunks(rows, grain) * fanIn];
        }
    }

    // rows [r0, r1) of the sourced STE + WS backward (as steRows, the row of dL/dW_q from bwdSource)
    private void sourcedSteRows(int r0, int r1) {
        float[] src = source.data, buf = rowScratch;
        int n = fanIn, off = r0 / WeightTransform.rowGrain(n) * n;
        RowSource gradient = bwdSource;
        Param.Update update = bwdUpdate;
        for (int r = r0; r < r1; r++) {
            gradient.row(r, buf, off);
            if (!ws.steRowSums(buf, off, buf, off, r, levels)) {   // a weight at the clip edge: separate passes
                gradient.row(r, buf, off);                          // (the fused pass masked part of the row)
                WeightKernels.steRow(buf, off, src, buf, off, r * n, n, levels);
                if (update == null) ws.backwardRowFast(buf, off, bwdOut, r);
                else ws.backwardRowUpdate(buf, off, r, update);
                continue;
            }
            if (update == null) ws.backwardRowSummed(buf, off, bwdOut, r);
            else ws.backwardRowUpdateSummed(buf, off, r, update);
        }
        gradient.rowsDone(r0, r1);
    }

    @Override
    public void backward(Tensor gradEffective, Tensor gradLatent) {
        if (source == null) throw new IllegalStateException("weight quantizer: backward before forward");
        int n = source.size();
        if (gradEffective.size() != n || gradLatent.size() != n) {
            throw new ShapeException("weight quantizer backward: expected gradients like " + source + ", got "
                    + gradEffective + " and " + gradLatent);
        }
        float[] g = gradEffective.data;
        if (fast && states != 0 && config.surrogate().kind() == Surrogate.Kind.STE) {
            int grain = WeightTransform.rowGrain(fanIn);
            if (ws == null && gradPre.length != n) gradPre = new float[n];
            if (ws != null && rowScratch.length != Parallel.chunks(rows, grain) * fanIn) {
                rowScratch = new float[Parallel.chunks(rows, grain) * fanIn];
            }
            bwdGrad = g;
            bwdOut = gradLatent.data;
            // work in elements touched: g and Ŵ read, dL/dŴ written, then (with WS) read with Ŵ twice and added
            par.forRange(rows, grain, (ws == null ? 3L : 8L) * rows * fanIn, steRows);
            bwdGrad = null;
            bwdOut = null;
            if (ws == null) {
                float[] a = gradLatent.data, p = gradPre;
                for (int i = 0; i < n; i++) a[i] += p[i];
            }
            return;
        }
        if (states != 0) {
            if (gradPre.length != n) gradPre = new float[n];
            bwdGrad = g;
            par.forRange(rows, WeightTransform.rowGrain(fanIn), (long) rows * fanIn, surrogateRows);
            bwdGrad = null;
            g = gradPre;
        }
        if (ws != null) {
            ws.backward(g, gradLatent.data);
        } else {
            float[] a = gradLatent.data;
            for (int i = 0; i < n; i++) a[i] += g[i];
        }
    }

    // rows [r0, r1), STE (fast path): dL/dŴ = dL/dW_q · [in range], then (with WS) dL/dW through μ, σ
    // (with WS, each row's dL/dŴ goes to the chunk's row of rowScratch, read back from L1 by the WS backward;
    // chunks start at multiples of the grain, so r0 / grain is the chunk)
    private void steRows(int r0, int r1) {
        float[] src = source.data, g = bwdGrad;
        int n = fanIn;
        if (ws == null) {
            for (int r = r0; r < r1; r++) WeightKernels.steRow(g, src, gradPre, r * n, n, levels);
            return;
        }
        int off = r0 / WeightTransform.rowGrain(n) * n;
        Param.Update update = bwdUpdate;
        for (int r = r0; r < r1; r++) {
            if (!ws.steRowSums(g, r * n, rowScratch, off, r, levels)) {   // a weight at the clip edge
                WeightKernels.steRow(g, src, rowScratch, off, r * n, n, levels);
                if (update == null) ws.backwardRowFast(rowScratch, off, bwdOut, r);
                else ws.backwardRowUpdate(rowScratch, off, r, update);
                continue;
            }
            if (update == null) ws.backwardRowSummed(rowScratch, off, bwdOut, r);
            else ws.backwardRowUpdateSummed(rowScratch, off, r, update);
        }
    }

    // rows [r0, r1): dL/dŴ = dL/dW_q · surrogate'(Ŵ/Δ + off)
    private void surrogateRows(int r0, int r1) {
        float[] src = source.data, g = bwdGrad, out = gradPre;
        Surrogate s = config.surrogate();
        int hi = states - 1;
        for (int i = r0 * fanIn, end = r1 * fanIn; i < end; i++) {
            out[i] = (float) (g[i] * s.factor(src[i] / step + offset, 0, hi));
        }
    }

    public Config config() { return config; }
    /** M_w (0 = float). */
    public int states() { return states; }
    /** Δ_w (NaN for float weights). */
    public double step() { return step; }
    /** Ŵ of the last forward: the standardized weights (or a copy of the latent weights when WS is off). */
    public Tensor standardized() { return source; }
    /** W_q of the last forward (null for float weights). */
    public Tensor quantized() { return quantized; }
    /** The codes k of the last forward, unsigned bytes in the weight's layout (empty for float weights). */
    public byte[] codes() {
        if (codesPending) {
            // the fused forward wrote Ŵ and W_q only (the training step never reads the codes): quantize Ŵ again,
            // which gives the codes of the plain path and rewrites W_q with the same values
            for (int r = 0; r < rows; r++) {
                if (!WeightKernels.quantizeRow(source.data, codes, quantized.data, r * fanIn, fanIn, levels)) {
                    quantizeRowsPlain(r, r + 1);
                }
            }
            codesPending = false;
        }
        return codes;
    }
    /** The code k of weight {@code i} (flat index). */
    public int code(int i) { return codes()[i] & 0xFF; }
    /** The level a code stands for: Δ_w · (k − (M_w − 1)/2). */
    public double level(int code) { return step * (code - offset); }
    /** True when weight standardization is applied. */
    public boolean standardizes() { return ws != null; }
    /** μ_o of the last forward (requires WS). */
    public double wsMean(int row) { return requireWs().mean(row); }
    /** σ_o of the last forward (requires WS). */
    public double wsSigma(int row) { return requireWs().sigma(row); }

    private WeightStandardization requireWs() {
        if (ws == null) throw new IllegalStateException("weight quantizer: weight standardization is off");
        return ws;
    }
}
