package org.maqd.norm;

import org.maqd.tensor.Parallel;

/**
 * Layer-Batch Normalization (LBN, method.md §7), kind {@code "lbn"}. Training: one mean and one variance over
 * all B·C·H·W elements of the mini-batch, {@code y = γ_c (x − μ)/sqrt(σ² + ε) + β_c}. Running estimates
 * ({@code running_mean}, {@code running_var}, shape {@code [1]}) move with momentum 0.1, the variance unbiased.
 * Evaluation uses them, so the layer is the fixed per-channel affine map of {@link #inferenceScale()} and
 * {@link #inferenceShift()}. Because each sample contributes C·H·W elements, the statistics are stable even at
 * batch size 1.
 */
public final class LayerBatchNorm extends BatchStatNorm {
    public LayerBatchNorm(int channels, Parallel par) {
        super(channels, true, par);
    }

    @Override public String kind() { return "lbn"; }
}
