package org.maqd.quant;

import org.maqd.nn.Param;
import org.maqd.nn.ShapeException;
import org.maqd.nn.WeightTransform;
import org.maqd.tensor.Parallel;
import org.maqd.tensor.Tensor;

/**
 * Weight standardization (method.md §3). For each output row o of a weight {@code [out, fanIn...]}, over its
 * fan-in n: {@code μ_o = mean(W_o)}, {@code σ_o = sqrt(mean((W_o − μ_o)²) + ε_w)}, {@code Ŵ_o = (W_o − μ_o)/σ_o},
 * ε_w = 1e-5. Backward flows through μ_o and σ_o exactly:
 * <pre>  dW_o = (1/σ_o) · (g − mean(g) − Ŵ_o · mean(g ⊙ Ŵ_o)),   g = dL/dŴ_o</pre>
 * (the {@code mean(Ŵ)} term vanishes because standardized rows have zero mean). Statistics are accumulated in
 * double (the plain bodies), or as float partial sums over blocks added in double (the vector bodies); rows are
 * processed in parallel with a grain that depends only on the shape (bit-identical results for any thread
 * count). Buffers are reused while the shape is unchanged.
 * <p>
 * Where the preferred vectors have at least 256 bits, rows run through {@link WeightKernels} (one read pass for
 * the statistics, vectorized output passes, within a few float ulps of the plain bodies); the plain row bodies
 * below are the reference (selected with {@code fast = false}).
 */
public final class WeightStandardization {
    public static final double EPS = 1e-5;

    private final Parallel par;
    private final boolean fast;
    private Tensor standardized;          // Ŵ, [out, fanIn...]
    private double[] mean = new double[0], sigma = new double[0];
    private double[] sums = new double[0];  // per row: Σg, Σg·Ŵ of the last backward (fast path)
    private int rows, fanIn;
    // Per-call operands of the row bodies (fields, so the bodies below are allocated once).
    private float[] fwdIn, bwdGrad, bwdOut;
    private final Parallel.RangeBody forwardRows = this::forwardRows;
    private final Parallel.RangeBody backwardRows = this::backwardRows;

    public WeightStandardization(Parallel par) { this(par, WeightKernels.AVAILABLE); }

    /** With {@code fast = false} the plain row bodies run (the reference for the vectorized ones). */
    WeightStandardization(Parallel par, boolean fast) {
        this.par = par == null ? Parallel.serial() : par;
        this.fast = fast && WeightKernels.AVAILABLE;
    }

    boolean fast() { return fast; }

    /** Ŵ for {@code latent} of shape {@code [out, fanIn...]}; returns a buffer owned by this object. */
    public Tensor forward(Tensor latent) {
        prepare(latent);
        fwdIn = latent.data;
        par.forRange(rows, WeightTransform.rowGrain(fanIn), (long) rows * fanIn, forwardRows);
        fwdIn = null;
        return standardized;
    }

    /** Sizes the buffers for {@code latent} (shape checked) and returns Ŵ's buffer, not yet written. */
    Tensor prepare(Tensor latent) {
        if (latent.rank() < 2) {
            throw new ShapeException("weight standardization: expected a weight of shape [out, fanIn...], got "
                    + latent);
        }
        rows = latent.dim(0);
        fanIn = latent.size() / Math.max(1, rows);
        standardized = Tensor.reuse(standardized, latent.shape());
        if (mean.length != rows) { mean = new double[rows]; sigma = new double[rows]; sums = new double[2 * rows]; }
        return standardized;
    }

    /** Fast path: μ_r and σ_r of row {@code r} of {@code w} (layout of the last {@link #prepare}). */
    void rowStats(float[] w, int r) { RowSums.rowStats(w, r * fanIn, fanIn, mean, sigma, r); }

    // [rows r0..r1) of W [out, fanIn] -> Ŵ, μ, σ
    private void forwardRows(int r0, int r1) {
        float[] w = fwdIn, out = standardized.data;
        int n = fanIn;
        if (fast) {
            for (int r = r0; r < r1; r++) {
                rowStats(w, r);
                WeightKernels.standardizeRow(w, out, r * n, n, mean[r], 1.0 / sigma[r]);
            }
            return;
        }
        for (int r = r0; r < r1; r++) {
            int base = r * n;
            double s = 0;
            for (int i = 0; i < n; i++) s += w[base + i];
            double mu = s / n;
            double v = 0;
            for (int i = 0; i < n; i++) { double d = w[base + i] - mu; v += d * d; }
            double sd = Math.sqrt(v / n + EPS);
            double inv = 1.0 / sd;
            for (int i = 0; i < n; i++) out[base + i] = (float) ((w[base + i] - mu) * inv);
            mean[r] = mu;
            sigma[r] = sd;
        }
    }

    /**
     * Given {@code gradStd} = dL/dŴ (flat, same layout as the last forward), adds dL/dW into {@code gradLatent}.
     */
    public void backward(float[] gradStd, float[] gradLatent) {
        if (standardized == null) throw new IllegalStateException("weight standardization: backward before forward");
        int n = standardized.size();
        if (gradStd.length != n || gradLatent.length != n) {
            throw new ShapeException("weight standardization backward: expected gradients of " + n
                    + " elements (" + standardized + "), got " + gradStd.length + " and " + gradLatent.length);
        }
        bwdGrad = gradStd;
        bwdOut = gradLatent;
        par.forRange(rows, WeightTransform.rowGrain(fanIn), (long) rows * fanIn, backwardRows);
        bwdGrad = null;
        bwdOut = null;
    }

    // [rows r0..r1): dW = (g − mean(g) − Ŵ·mean(g⊙Ŵ)) / σ, accumulated
    private void backwardRows(int r0, int r1) {
        float[] g = bwdGrad, gw = bwdOut, wh = standardized.data;
        int n = fanIn;
        if (fast) {
            for (int r = r0; r < r1; r++) {
                backwardRowFast(g, gw, r);
            }
            return;
        }
        for (int r = r0; r < r1; r++) {
            int base = r * n;
            double sg = 0, sgw = 0;
            for (int i = 0; i < n; i++) { sg += g[base + i]; sgw += (double) g[base + i] * wh[base + i]; }
            double mg = sg / n, mgw = sgw / n, inv = 1.0 / sigma[r];
            for (int i = 0; i < n; i++) gw[base + i] += (float) ((g[base + i] - mg - wh[base + i] * mgw) * inv);
        }
    }

    /** Fast path backward of row {@code r}: gw += dW for dL/dŴ = g (g in the weight's layout). */
    void backwardRowFast(float[] g, float[] gw, int r) { backwardRowFast(g, r * fanIn, gw, r); }

    /** As {@link #backwardRowFast(float[], float[], int)} with row r's dL/dŴ at {@code g[gOff…gOff + fanIn)}. */
    void backwardRowFast(float[] g, int gOff, float[] gw, int r) {
        RowSums.reduceRow(g, gOff, standardized.data, r * fanIn, fanIn, sums, r);
        backwardRowSummed(g, gOff, gw, r);
    }

    /**
     * Fast path: the quantizer's STE mask on row r of dL/dW_q ({@code g[gOff…]}) into {@code out[outOff…]} with
     * the row sums of the WS backward on the way ({@link RowSums#steReduceRow}); false where the caller must run
     * the STE kernel and {@link #backwardRowFast} instead (out then partly written).
     */
    boolean steRowSums(float[] g, int gOff, float[] out, int outOff, int r, WeightKernels.Levels q) {
        return RowSums.steReduceRow(g, gOff, standardized.data, out, outOff, r * fanIn, fanIn, q, sums, r);
    }

    /** The output pass of {@link #backwardRowFast}, with row r's sums already formed by {@link #steRowSums}. */
    void backwardRowSummed(float[] g, int gOff, float[] gw, int r) {
        int n = fanIn;
        WeightKernels.wsBackwardRow(g, gOff, standardized.data, gw, r * n, n, sums[2 * r] / n, sums[2 * r + 1] / n,
                1.0 / sigma[r]);
    }

    /**
     * As {@link #backwardRowFast(float[], int, float[], int)}, handing row r's dL/dW (computed in place over its
     * dL/dŴ at {@code g[gOff…]}) to {@code update} instead of adding it to a gradient.
     */
    void backwardRowUpdate(float[] g, int gOff, int r, Param.Update update) {
        RowSums.reduceRow(g, gOff, standardized.data, r * fanIn, fanIn, sums, r);
        backwardRowUpdateSummed(g, gOff, r, update);
    }

    /** The rest of {@link #backwardRowUpdate}, with row r's sums already formed by {@link #steRowSums}. */
    void backwardRowUpdateSummed(float[] g, int gOff, int r, Param.Update update) {
        int n = fanIn;
        WeightKernels.wsBackwardRowInPlace(g, gOff, standardized.data, r * n, n, sums[2 * r] / n,
                sums[2 * r + 1] / n, 1.0 / sigma[r]);
        update.apply(r * n, n, g, gOff);
    }

    /** Ŵ of the last forward (owned buffer). */
    public Tensor standardized() { return standardized; }
    public int rows() { return rows; }
    public int fanIn() { return fanIn; }
    /** μ_o of the last forward. */
    public double mean(int row) { return mean[row]; }
    /** σ_o = sqrt(var + ε_w) of the last forward. */
    public double sigma(int row) { return sigma[row]; }
}
