package org.maqd.norm;

import java.util.List;
import org.maqd.nn.Buffer;
import org.maqd.nn.Elementwise;
import org.maqd.nn.Mode;
import org.maqd.tensor.Parallel;
import org.maqd.tensor.Tensor;
import org.maqd.tensor.fast.ColumnSums;
import org.maqd.tensor.fast.PlaneAffine;

/**
 * Norms whose training statistics are taken over the batch and whose evaluation uses running estimates: BN
 * (one statistic per channel over B·H·W elements) and LBN (one statistic pooled over all B·C·H·W elements).
 * Both are the same computation: per-channel sums, which LBN adds up over the channels before dividing.
 *
 * <p>Running estimates start at mean 0, variance 1 and move with momentum 0.1 towards the batch mean and the
 * <em>unbiased</em> batch variance {@code σ²·n/(n−1)}, as PyTorch does. When a statistic covers a single element
 * (BN with batch 1 on {@code [1, C]}), the unbiased variance is undefined: the running variance is then left
 * unchanged, while the batch variance is 0, so the output is exactly β and the input gradient is 0 (up to float
 * rounding).
 */
abstract class BatchStatNorm extends NormBase implements FoldableNorm {
    static final double MOMENTUM = 0.1;

    /** True for LBN: one statistic for all channels. */
    private final boolean pooled;
    private final int stats;
    private final Tensor runningMean;
    private final Tensor runningVar;
    private final Tensor batchesTracked = Tensor.zeros(1);

    // Per-channel state of the last forward (index c; for LBN all channels share one value).
    private final double[] meanD;
    private final double[] invD;
    private final float[] meanF;
    private final float[] invF;
    private final float[] scale;
    private final float[] shift;
    private final double[] chanA;
    private final double[] chanB;
    private final float[] ca;
    private final float[] cb;
    private final float[] cc;
    private final double[] batchMeanD;
    private final double[] batchVarD;
    private Mode lastMode;

    // Per-plane partial sums [B·C], resized with the batch.
    private double[] planeA;
    private double[] planeB;

    // Operands of the current pass; the fused elementwise layer's pass over each range (null when not fused).
    private float[] xs;
    private float[] dys;
    private Tensor input;                 // x of the last forward, read in place by backward on planes (S > 1)
    private Parallel.RangeBody after;
    private Parallel.RangeBody before;

    // Loop bodies, built once so that a steady-state step allocates nothing.
    private final Parallel.RangeBody sumBody = this::sumRange;
    private final Parallel.RangeBody sqBody = this::sqRange;
    private final Parallel.RangeBody normBody = this::normRange;
    private final Parallel.RangeBody evalBody = this::evalRange;
    private final Parallel.RangeBody gradSumBody = this::gradSumRange;
    private final Parallel.RangeBody gradBody = this::gradRange;

    BatchStatNorm(int channels, boolean pooled, Parallel par) {
        super(channels, par);
        this.pooled = pooled;
        this.stats = pooled ? 1 : channels;
        this.runningMean = Tensor.zeros(stats);
        this.runningVar = Tensor.zeros(stats);
        runningVar.fill(1f);
        meanD = new double[channels];
        invD = new double[channels];
        meanF = new float[channels];
        invF = new float[channels];
        scale = new float[channels];
        shift = new float[channels];
        chanA = new double[channels];
        chanB = new double[channels];
        ca = new float[channels];
        cb = new float[channels];
        cc = new float[channels];
        batchMeanD = new double[stats];
        batchVarD = new double[stats];
    }

    /**
     * x̂ is not stored: backward recomputes it from x, read in place (every layer's output stays until that
     * layer's next forward), with the forward's float operations ({@link PlaneAffine#gradientOf},
     * {@link PlaneAffine#sumAndDotOf} on planes, {@link ColumnSums#sumAndDot} on rows): the same bits, and one
     * activation-sized tensor less written and kept.
     */
    @Override boolean keepsXhat() { return false; }

    @Override void resized() {
        planeA = fit(planeA, batch * channels);
        planeB = fit(planeB, batch * channels);
    }

    /** Elements behind one statistic for the current shape. */
    private long count() { return (long) batch * spatial * (pooled ? channels : 1); }

    // ---- forward: x [B, C, S] -> y [B, C, S]; keeps x (and x̂ for rows, S = 1) and per-channel μ, 1/σ -------

    @Override
    public Tensor forward(Tensor x, Mode mode) {
        prepareForward(x);
        run(x, mode);
        return y;
    }

    /** Runs {@code next}'s forward on each range of the output pass right after writing it. */
    @Override
    public Tensor forward(Tensor x, Mode mode, Elementwise next) {
        prepareForward(x);
        next.beginForward(y, mode);
        after = next.forwardPass();
        try {
            run(x, mode);
        } finally {
            after = null;
        }
        return next.endForward();
    }

    private void run(Tensor x, Mode mode) {
        input = x;
        xs = x.data;
        int planes = batch * channels;
        if (mode == Mode.TRAIN) {
            batchStatistics();
            updateRunning();
            par.forRange(planes, planeGrain(), normBody);
        } else {
            runningAffine(scale, shift);
            par.forRange(planes, planeGrain(), evalBody);
        }
        lastMode = mode;
        xs = null;
    }

    /** Two passes (mean, then squared deviations) with per-plane partials; fills μ and 1/sqrt(σ² + ε) per channel. */
    private void batchStatistics() {
        int planes = batch * channels;
        double n = count();
        if (spatial == 1) {
            columnSums(SUM, xs, null, null, chanA, null);             // chanA[c] = Σ_b x
        } else {
            par.forRange(planes, planeGrain(), sumBody);             // planeA[p] = Σ_s x
            sumOverBatch(planeA, chanA);                               // chanA[c] = Σ_{b,s} x
        }
        poolStats(chanA, n, batchMeanD);
        for (int c = 0; c < channels; c++) meanD[c] = batchMeanD[pooled ? 0 : c];
        if (spatial == 1) {
            columnSums(SUM_SQ, xs, null, meanD, chanA, null);         // chanA[c] = Σ_b (x − μ)²
        } else {
            par.forRange(planes, planeGrain(), sqBody);              // planeA[p] = Σ_s (x − μ)²
            sumOverBatch(planeA, chanA);
        }
        poolStats(chanA, n, batchVarD);
        for (int c = 0; c < channels; c++) {
            int k = pooled ? 0 : c;
            invD[c] = pooled && c > 0 ? invD[0] : 1.0 / Math.sqrt(batchVarD[k] + EPS);
            meanF[c] = (float) meanD[c];
            invF[c] = (float) invD[c];
        }
    }

    /** {@code out[k] = Σ_{c ∈ k} perChannel[c] / n}: LBN sums all channels in order, BN keeps each channel. */
    private void poolStats(double[] perChannel, double n, double[] out) {
        if (pooled) {
            double s = 0;
            for (int c = 0; c < channels; c++) s += perChannel[c];
            out[0] = s / n;
        } else {
            for (int c = 0; c < channels; c++) out[c] = perChannel[c] / n;
        }
    }

    private void updateRunning() {
        long n = count();
        float[] rm = runningMean.data, rv = runningVar.data;
        for (int k = 0; k < stats; k++) {
            rm[k] = (float) ((1 - MOMENTUM) * rm[k] + MOMENTUM * batchMeanD[k]);
            if (n > 1) rv[k] = (float) ((1 - MOMENTUM) * rv[k] + MOMENTUM * batchVarD[k] * n / (n - 1));
        }
        batchesTracked.data[0] += 1f;
    }

    /** Per-channel {@code scale}/{@code shift} from the running estimates, plus μ_r and 1/σ_r for x̂. */
    private void runningAffine(float[] sc, float[] sh) {
        affineCopy(sc, sh);
        float[] rm = runningMean.data, rv = runningVar.data;
        for (int c = 0; c < channels; c++) {
            int k = pooled ? 0 : c;
            invD[c] = pooled && c > 0 ? invD[0] : 1.0 / Math.sqrt((double) rv[k] + EPS);
            meanF[c] = rm[k];
            invF[c] = (float) invD[c];
        }
    }

    /** planeA[p] = Σ_s x (Reductions.sum's bits). */
    private void sumRange(int p0, int p1) {
        PlaneAffine.planeSums(xs, null, p0, p1, spatial, channels, planeA);
    }

    /** planeA[p] = Σ_s (x − μ_c)² (Reductions.sumSq's bits). */
    private void sqRange(int p0, int p1) {
        PlaneAffine.planeSums(xs, meanD, p0, p1, spatial, channels, planeA);
    }

    /** x̂ = (x − μ_c)·inv_c, y = γ_c·x̂ + β_c (chunks of whole rows when S = 1). */
    private void normRange(int p0, int p1) {
        PlaneAffine.normalize(xs, meanF, invF, weight.value.data, bias.value.data, null, y.data, p0, p1, spatial,
                channels);
        if (after != null) after.run(p0 * spatial, p1 * spatial);
    }

    /** Evaluation: y = scale_c·x + shift_c exactly as {@link #inferenceScale()}/{@link #inferenceShift()} say. */
    private void evalRange(int p0, int p1) {
        PlaneAffine.evaluate(xs, meanF, invF, scale, shift, null, y.data, p0, p1, spatial, channels);
        if (after != null) after.run(p0 * spatial, p1 * spatial);
    }

    // ---- backward: dy [B, C, S] -> dx [B, C, S]; adds dγ_c = Σ dy·x̂, dβ_c = Σ dy ------------------------------
    // Training: dx = inv_k·(γ_c·dy − mean_k(γ·dy) − x̂·mean_k(γ·dy·x̂)), means over the statistic's elements.
    // Evaluation: the statistics are constants, dx = scale_c·dy.

    @Override
    public Tensor backward(Tensor gradOut) {
        prepareBackward(gradOut);
        return backwardOf(gradOut);
    }

    /**
     * Runs {@code prev}'s backward on each range of its input gradient right before this norm's first pass reads
     * it; for {@code [B, C]} (whose first pass runs by columns) prev runs whole first.
     */
    @Override
    public Tensor backward(Tensor gradOut, Elementwise prev) {
        if (spatial == 1) return backward(prev.backward(gradOut));
        Tensor g = prev.beginBackward(gradOut);
        prepareBackward(g);
        before = prev.backwardPass();
        try {
            backwardOf(g);
        } finally {
            before = null;
        }
        prev.endBackward();
        return dx;
    }

    private Tensor backwardOf(Tensor gradOut) {
        dys = gradOut.data;
        int planes = batch * channels;
        if (spatial == 1) {
            columnSumsOf(dys, input.data, meanF, invF, chanA, chanB);  // chanA = Σ_b dy, chanB = Σ_b dy·x̂
        } else {
            par.forRange(planes, planeGrain(), gradSumBody);         // planeA = Σ_s dy, planeB = Σ_s dy·x̂
            sumOverBatch(planeA, chanA);
            sumOverBatch(planeB, chanB);
        }
        accumulateAffineGrads(chanA, chanB);
        float[] g = weight.value.data;
        if (lastMode == Mode.TRAIN) {
            double n = count();
            double mg = 0, mgx = 0;
            if (pooled) {
                for (int c = 0; c < channels; c++) {
                    mg += g[c] * chanA[c];
                    mgx += g[c] * chanB[c];
                }
                mg /= n;
                mgx /= n;
            }
            for (int c = 0; c < channels; c++) {
                if (!pooled) {
                    mg = g[c] * chanA[c] / n;
                    mgx = g[c] * chanB[c] / n;
                }
                ca[c] = (float) (invD[c] * g[c]);
                cb[c] = (float) (-invD[c] * mgx);
                cc[c] = (float) (-invD[c] * mg);
            }
        } else {
            for (int c = 0; c < channels; c++) {
                ca[c] = scale[c];
                cb[c] = 0f;
                cc[c] = 0f;
            }
        }
        par.forRange(planes, planeGrain(), gradBody);
        dys = null;
        return dx;
    }

    /** planeA[p] = Σ_s dy, planeB[p] = Σ_s dy·x̂ in one pass (the bits of Reductions.sum and Reductions.dot). */
    private void gradSumRange(int p0, int p1) {
        if (before != null) before.run(p0 * spatial, p1 * spatial);
        PlaneAffine.sumAndDotOf(dys, input.data, meanF, invF, p0, p1, spatial, channels, planeA, planeB);
    }

    /** dx = ca_c·dy + cb_c·x̂ + cc_c. */
    private void gradRange(int p0, int p1) {
        PlaneAffine.gradientOf(ca, cb, cc, dys, input.data, meanF, invF, dx.data, p0, p1, spatial, channels);
    }

    // ---- inference folding and probes ------------------------------------------------------------------------

    @Override public float[] inferenceScale() {
        float[] sc = new float[channels], sh = new float[channels];
        affineCopy(sc, sh);
        return sc;
    }

    @Override public float[] inferenceShift() {
        float[] sc = new float[channels], sh = new float[channels];
        affineCopy(sc, sh);
        return sh;
    }

    /** {@code scale = γ/sqrt(σ²_r + ε)}, {@code shift = β − scale·μ_r}, computed in double, stored as float. */
    private void affineCopy(float[] sc, float[] sh) {
        float[] g = weight.value.data, bt = bias.value.data, rm = runningMean.data, rv = runningVar.data;
        double inv = 0;
        for (int c = 0; c < channels; c++) {
            int k = pooled ? 0 : c;
            if (!pooled || c == 0) inv = 1.0 / Math.sqrt((double) rv[k] + EPS);
            double s = g[c] * inv;
            sc[c] = (float) s;
            sh[c] = (float) (bt[c] - s * rm[k]);
        }
    }

    @Override public double momentum() { return MOMENTUM; }
    @Override public float[] runningMean() { return runningMean.data.clone(); }
    @Override public float[] runningVar() { return runningVar.data.clone(); }
    @Override public float[] batchMean() { return toFloat(batchMeanD); }
    @Override public float[] batchVar() { return toFloat(batchVarD); }

    /** Number of training batches seen (PyTorch's num_batches_tracked). */
    public long batchesTracked() { return (long) batchesTracked.data[0]; }

    @Override
    public List<Buffer> buffers() {
        return List.of(new Buffer("running_mean", runningMean), new Buffer("running_var", runningVar),
                new Buffer("num_batches_tracked", batchesTracked));
    }

    private static float[] toFloat(double[] a) {
        float[] r = new float[a.length];
        for (int i = 0; i < a.length; i++) r[i] = (float) a[i];
        return r;
    }
}
