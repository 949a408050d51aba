package org.maqd.norm;

import java.util.Arrays;
import java.util.List;
import org.maqd.nn.Param;
import org.maqd.nn.ShapeException;
import org.maqd.tensor.Parallel;
import org.maqd.tensor.Tensor;
import org.maqd.tensor.fast.ColumnSums;

/**
 * What every norm shares: the per-channel affine (γ, β), shape checks, and the buffers it owns.
 *
 * <p>Layout: an input {@code [B, C, H, W]} is seen as {@code B·C} <em>planes</em> of {@code S = H·W} contiguous
 * elements; a {@code [B, C]} input has {@code S = 1}. Plane {@code p = b·C + c} belongs to sample b and channel c.
 *
 * <p>Determinism: every reduction is split into per-plane, per-segment or (for {@code S = 1}) per-channel partial
 * sums, each computed by one thread in a fixed order with double accumulators (contiguous runs use four
 * interleaved accumulators), and the partials are combined serially in a fixed order.
 * Chunk boundaries only decide which thread computes which partial, so the bits do not depend on the thread
 * count, nor on whether the work was dispatched at all: tensors smaller than one chunk ({@link #GRAIN} elements)
 * run on the calling thread.
 */
abstract class NormBase implements Norm {
    /** Elements per parallel chunk; fixed, so chunking never depends on the thread count. */
    static final int GRAIN = 16384;
    /** Elements per chunk of the vectorized per-column sums and elementwise passes on {@code [B, C]} data. */
    static final int COLUMN_GRAIN = 4096;

    protected final int channels;
    protected final Parallel par;
    protected final Param weight;
    protected final Param bias;

    /** Shape of the last forward input: batch B and plane size S. */
    protected int batch;
    protected int spatial;
    private int[] shape;

    /** Owned buffers, reused while the input shape is unchanged. */
    protected Tensor y;
    protected Tensor xhat;
    protected Tensor dx;

    NormBase(int channels, Parallel par) {
        if (channels < 1) throw new IllegalArgumentException(name() + ": channels must be >= 1, got " + channels);
        this.channels = channels;
        this.par = par != null ? par : Parallel.serial();
        Tensor g = Tensor.zeros(channels);
        g.fill(1f);
        this.weight = new Param("weight", g, false);
        this.bias = new Param("bias", Tensor.zeros(channels), false);
    }

    /** Class name used in messages, e.g. "LayerBatchNorm". */
    String name() { return getClass().getSimpleName(); }

    @Override public int channels() { return channels; }
    @Override public Param weight() { return weight; }
    @Override public Param bias() { return bias; }
    @Override public List<Param> params() { return List.of(weight, bias); }

    @Override
    public int[] outputShape(int[] inputShape) {
        check(inputShape);
        return inputShape.clone();
    }

    /** Accepts {@code [B, C]} or {@code [B, C, H, W]} (any rank ≥ 2 whose second dimension is C). */
    void check(int[] s) {
        if (s.length < 2 || s[1] != channels) {
            throw new ShapeException(name() + " (" + kind() + ") with " + channels + " channels expects [B, "
                    + channels + "] or [B, " + channels + ", H, W]; got " + Arrays.toString(s));
        }
        for (int d : s) {
            if (d < 1) throw new ShapeException(name() + " (" + kind() + ") needs non-empty dimensions; got "
                    + Arrays.toString(s));
        }
    }

    /** Validates {@code x}, records B and S, and makes sure y and x̂ fit (allocating only when the shape changed). */
    void prepareForward(Tensor x) {
        if (shape == null || !x.hasShape(shape)) {
            int[] s = x.shape();
            check(s);
            shape = s;
            batch = s[0];
            spatial = x.size() / (batch * channels);
            y = Tensor.zeros(s);
            xhat = keepsXhat() ? Tensor.zeros(s) : null;
            dx = null;
            resized();
        }
    }

    /** Whether x̂ is stored for backward (shape of the current forward known); otherwise {@link #xhat} is null. */
    boolean keepsXhat() { return true; }

    /** Called when B or S changed, so subclasses can resize their per-plane or per-sample scratch arrays. */
    abstract void resized();

    /** Validates {@code gradOut} against the last forward and makes sure dx fits. */
    void prepareBackward(Tensor gradOut) {
        if (shape == null) throw new IllegalStateException(name() + ": backward called before forward");
        if (!gradOut.hasShape(shape)) {
            throw new ShapeException(name() + ": gradient shape " + Arrays.toString(gradOut.shape())
                    + " does not match the last forward output " + Arrays.toString(shape));
        }
        if (dx == null) dx = Tensor.zeros(shape);
    }

    /**
     * Parallel chunk size in planes: about {@link #GRAIN} elements. For {@code S = 1} chunks hold whole rows
     * (multiples of C planes, about {@link #COLUMN_GRAIN} elements), so the inner loops run over contiguous
     * channels.
     */
    int planeGrain() {
        if (spatial == 1) return Math.max(1, COLUMN_GRAIN / channels) * channels;
        return Math.max(1, GRAIN / spatial);
    }

    /** {@code out[c] = Σ_b plane[b·C + c]}, summed in order of b. */
    void sumOverBatch(double[] plane, double[] out) {
        Arrays.fill(out, 0.0);
        for (int b = 0; b < batch; b++) {
            int off = b * channels;
            for (int c = 0; c < channels; c++) out[c] += plane[off + c];
        }
    }

    /** Adds {@code Σ dy} (per channel) to dβ and {@code Σ dy·x̂} to dγ. */
    void accumulateAffineGrads(double[] chanDy, double[] chanDyXhat) {
        float[] gb = bias.grad.data, gg = weight.grad.data;
        for (int c = 0; c < channels; c++) {
            gb[c] += (float) chanDy[c];
            gg[c] += (float) chanDyXhat[c];
        }
    }

    // ---- column sums for S = 1: per channel over the batch, in order of b, parallel over channel ranges -----
    // They give the same bits as per-plane partials followed by sumOverBatch (a one-element plane sum is exact).

    static final int SUM = 0;
    static final int SUM_SQ = 1;
    static final int SUM_AND_DOT = 2;

    private int colOp;
    private float[] colA;
    private float[] colB;
    private double[] colMean;
    private float[] colMeanF, colInvF;
    private float[] zeros, ones;          // per channel, for SUM_AND_DOT over a stored operand
    private double[] colOutA;
    private double[] colOutB;
    private final Parallel.RangeBody columnBody = this::columnRange;

    /**
     * For {@code [B, C]} data: {@code SUM}: outA[c] = Σ_b a; {@code SUM_SQ}: outA[c] = Σ_b (a − mean[c])²;
     * {@code SUM_AND_DOT}: outA[c] = Σ_b a, outB[c] = Σ_b a·b.
     */
    void columnSums(int op, float[] a, float[] b, double[] mean, double[] outA, double[] outB) {
        if (zeros == null || zeros.length != channels) {
            zeros = new float[channels];
            ones = new float[channels];
            java.util.Arrays.fill(ones, 1f);
        }
        columnSums(op, a, b, mean, zeros, ones, outA, outB);   // b itself: (b − 0)·1 = b exactly
    }

    /**
     * {@code SUM_AND_DOT} over x̂ recomputed from x: outA[c] = Σ_b dy, outB[c] = Σ_b dy·(x − mean_c)·inv_c with
     * x̂ in float as the forward computed it ({@link ColumnSums#sumAndDot}): the bits of the sums over a stored x̂.
     */
    void columnSumsOf(float[] dy, float[] x, float[] meanF, float[] invF, double[] outA, double[] outB) {
        columnSums(SUM_AND_DOT, dy, x, null, meanF, invF, outA, outB);
    }

    private void columnSums(int op, float[] a, float[] b, double[] mean, float[] meanF, float[] invF, double[] outA,
                            double[] outB) {
        colMeanF = meanF;
        colInvF = invF;
        colOp = op;
        colA = a;
        colB = b;
        colMean = mean;
        colOutA = outA;
        colOutB = outB;
        par.forRange(channels, columnGrain(), columnBody);
        colA = colB = null;
        colMeanF = colInvF = null;
    }

    private void columnRange(int c0, int c1) {
        switch (colOp) {
            case SUM -> ColumnSums.sums(colA, null, batch, channels, c0, c1, colOutA);
            case SUM_SQ -> ColumnSums.sums(colA, colMean, batch, channels, c0, c1, colOutA);
            default -> ColumnSums.sumAndDot(colA, colB, colMeanF, colInvF, batch, channels, c0, c1, colOutA, colOutB);
        }
    }

    /**
     * Channels per chunk of the column sums: whole vectors of about {@link #COLUMN_GRAIN} elements, so that
     * they are split between threads at every batch size worth it (columns are independent: the bits do not
     * depend on the chunks).
     */
    int columnGrain() {
        int c = Math.max(1, COLUMN_GRAIN / batch);
        return Math.min(channels, (c + 15) / 16 * 16);
    }

    /** Grows a scratch array only when needed. */
    static double[] fit(double[] a, int n) { return a != null && a.length == n ? a : new double[n]; }

    static float[] fit(float[] a, int n) { return a != null && a.length == n ? a : new float[n]; }
}
