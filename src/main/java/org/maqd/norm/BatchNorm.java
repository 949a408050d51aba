package org.maqd.norm;

import org.maqd.tensor.Parallel;

/**
 * Batch normalization, kind {@code "bn"}: per channel over (B, H, W) in training, running estimates
 * ({@code running_mean}, {@code running_var}, shape {@code [C]}, momentum 0.1, unbiased variance) at evaluation.
 * Small batches give noisy statistics; on a {@code [1, C]} input each statistic covers one element, so the
 * output is exactly β, the input gradient is 0 (up to float rounding) and the running variance is left
 * unchanged (PyTorch refuses such a batch; this layer runs it and says so here).
 */
public final class BatchNorm extends BatchStatNorm {
    public BatchNorm(int channels, Parallel par) {
        super(channels, false, par);
    }

    @Override public String kind() { return "bn"; }
}
