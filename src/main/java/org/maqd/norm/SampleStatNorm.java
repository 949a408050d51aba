package org.maqd.norm;

import org.maqd.nn.Mode;
import org.maqd.nn.ShapeException;
import org.maqd.tensor.Parallel;
import org.maqd.tensor.Tensor;
import org.maqd.tensor.fast.PlaneAffine;

/**
 * Norms whose statistics are taken per sample, over groups of channels, identically in training and evaluation:
 * LN (one group: all of C·H·W) and GN (G groups of C/G channels). Sample b's group g is the contiguous
 * <em>segment</em> of {@code L = (C/G)·S} elements starting at {@code b·C·S + g·(C/G)·S}; each segment is reduced,
 * normalised and back-propagated by one thread, in index order. Nothing is folded at inference: the statistics
 * depend on the sample, so they cost a reduction at every inference.
 */
abstract class SampleStatNorm extends NormBase {
    /** Mean 0 and inverse 1: {@link PlaneAffine#sumAndDotOf} over the stored x̂ itself. */
    private static final float[] ZERO = {0f}, ONE = {1f};
    private final int groups;
    private final int perGroup;

    // Per-segment statistics [B·G] and per-plane partial sums [B·C], resized with the batch.
    private double[] segMean;
    private double[] segInv;
    private double[] planeA;
    private double[] planeB;
    private final double[] chanA;
    private final double[] chanB;

    private float[] xs;
    private float[] dys;
    private final Parallel.RangeBody forwardBody = this::forwardSegments;
    private final Parallel.RangeBody backwardBody = this::backwardSegments;

    SampleStatNorm(int channels, int groups, Parallel par) {
        super(channels, par);
        if (groups < 1) throw new IllegalArgumentException(name() + ": groups must be >= 1, got " + groups);
        if (channels % groups != 0) {
            throw new ShapeException(name() + ": " + channels + " channels are not divisible by " + groups
                    + " groups");
        }
        this.groups = groups;
        this.perGroup = channels / groups;
        chanA = new double[channels];
        chanB = new double[channels];
    }

    /** Number of channel groups G (1 for LN). */
    public int groups() { return groups; }

    @Override void resized() {
        segMean = fit(segMean, batch * groups);
        segInv = fit(segInv, batch * groups);
        planeA = fit(planeA, batch * channels);
        planeB = fit(planeB, batch * channels);
    }

    private int segmentGrain() { return Math.max(1, GRAIN / (perGroup * spatial)); }

    // ---- forward: x [B, C, S] -> y [B, C, S]; caches x̂ and per-segment μ, 1/σ (same in TRAIN and EVAL) -------

    @Override
    public Tensor forward(Tensor x, Mode mode) {
        prepareForward(x);
        xs = x.data;
        par.forRange(batch * groups, segmentGrain(), forwardBody);
        xs = null;
        return y;
    }

    private void forwardSegments(int k0, int k1) {
        final int s = spatial, len = perGroup * s;
        final float[] x = xs, h = xhat.data, out = y.data, g = weight.value.data, bt = bias.value.data;
        // segment k is [k·L, (k+1)·L) (= b·C·S + g·(C/G)·S: segments tile the tensor), i.e. plane k of length L;
        // the sums are Reductions.sum/sumSq's bits (PlaneAffine.planeSums; with "channels" = all segments, the
        // mean it reads for segment k is segMean[k])
        PlaneAffine.planeSums(x, null, k0, k1, len, 1, segMean);
        for (int k = k0; k < k1; k++) segMean[k] /= len;
        PlaneAffine.planeSums(x, segMean, k0, k1, len, segMean.length, segInv);
        for (int k = k0; k < k1; k++) segInv[k] = 1.0 / Math.sqrt(segInv[k] / len + EPS);
        for (int k = k0; k < k1; k++) {
            int start = k * len;
            float m = (float) segMean[k], v = (float) segInv[k];
            int c0 = (k % groups) * perGroup;
            if (s == 1) {                              // element j of the segment is channel c0 + j
                for (int j = 0; j < perGroup; j++) {
                    float xh = (x[start + j] - m) * v;
                    h[start + j] = xh;
                    out[start + j] = g[c0 + j] * xh + bt[c0 + j];
                }
                continue;
            }
            for (int j = 0; j < perGroup; j++) {
                float gc = g[c0 + j], bc = bt[c0 + j];
                for (int i = start + j * s, e = i + s; i < e; i++) {
                    float xh = (x[i] - m) * v;
                    h[i] = xh;
                    out[i] = gc * xh + bc;
                }
            }
        }
    }

    // ---- backward: dy [B, C, S] -> dx [B, C, S]; adds dγ_c = Σ dy·x̂, dβ_c = Σ dy --------------------------------
    // dx = inv_k·(γ_c·dy − mean_k(γ·dy) − x̂·mean_k(γ·dy·x̂)), means over segment k's L elements.

    @Override
    public Tensor backward(Tensor gradOut) {
        prepareBackward(gradOut);
        dys = gradOut.data;
        par.forRange(batch * groups, segmentGrain(), backwardBody);
        if (spatial == 1) {
            columnSums(SUM_AND_DOT, dys, xhat.data, null, chanA, chanB);  // chanA = Σ_b dy, chanB = Σ_b dy·x̂
        } else {
            sumOverBatch(planeA, chanA);                               // planes were filled per segment
            sumOverBatch(planeB, chanB);
        }
        accumulateAffineGrads(chanA, chanB);
        dys = null;
        return dx;
    }

    private void backwardSegments(int k0, int k1) {
        final int s = spatial, len = perGroup * s;
        final float[] d = dys, h = xhat.data, out = dx.data, g = weight.value.data;
        for (int k = k0; k < k1; k++) {
            int start = k * len, p0 = k * perGroup, c0 = (k % groups) * perGroup;
            double mg = 0, mgx = 0;                    // Σ γ·dy and Σ γ·dy·x̂ over the segment
            if (s == 1) {                              // two interleaved accumulator pairs, fixed order
                double mg1 = 0, mgx1 = 0;
                int j = 0;
                for (; j + 1 < perGroup; j += 2) {
                    double gd0 = (double) g[c0 + j] * d[start + j];
                    double gd1 = (double) g[c0 + j + 1] * d[start + j + 1];
                    mg += gd0;
                    mgx += gd0 * h[start + j];
                    mg1 += gd1;
                    mgx1 += gd1 * h[start + j + 1];
                }
                if (j < perGroup) {
                    double gd = (double) g[c0 + j] * d[start + j];
                    mg += gd;
                    mgx += gd * h[start + j];
                }
                mg += mg1;
                mgx += mgx1;
            } else {
                // planes p0 + j = k·(C/G) + j (index b·C + c) start at start + j·S: Reductions.sum and .dot's bits
                PlaneAffine.sumAndDotOf(d, h, ZERO, ONE, p0, p0 + perGroup, s, 1, planeA, planeB);
                for (int j = 0; j < perGroup; j++) {
                    mg += g[c0 + j] * planeA[p0 + j];
                    mgx += g[c0 + j] * planeB[p0 + j];
                }
            }
            double inv = segInv[k];
            float cb = (float) (-inv * mgx / len), cc = (float) (-inv * mg / len);
            if (s == 1) {
                for (int j = 0; j < perGroup; j++) {
                    out[start + j] = (float) (inv * g[c0 + j]) * d[start + j] + cb * h[start + j] + cc;
                }
                continue;
            }
            for (int j = 0; j < perGroup; j++) {
                float ca = (float) (inv * g[c0 + j]);
                for (int i = start + j * s, e = i + s; i < e; i++) out[i] = ca * d[i] + cb * h[i] + cc;
            }
        }
    }

    /** Per-sample statistics are recomputed at inference: there are no running estimates. */
    @Override public float[] runningMean() { return new float[0]; }
    @Override public float[] runningVar() { return new float[0]; }
}
