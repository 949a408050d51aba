package org.maqd.norm;

import org.maqd.tensor.Parallel;

/**
 * Layer normalization, kind {@code "ln"}: per sample over (C, H, W), the same in training and evaluation, with a
 * per-channel γ/β. Independent of the batch, but not foldable: every inference pays for the statistics.
 */
public final class LayerNorm extends SampleStatNorm {
    public LayerNorm(int channels, Parallel par) {
        super(channels, 1, par);
    }

    @Override public String kind() { return "ln"; }
}
