package org.maqd.norm;

import org.maqd.tensor.Parallel;

/**
 * Group normalization, kind {@code "gn"}: per sample and per group of C/G consecutive channels over
 * (C/G, H, W), the same in training and evaluation. The channel count must be divisible by the number of groups
 * (default {@link #DEFAULT_GROUPS}). With G = 1 it is {@link LayerNorm}; with G = C it is instance normalization.
 */
public final class GroupNorm extends SampleStatNorm {
    public static final int DEFAULT_GROUPS = 8;

    public GroupNorm(int channels, int groups, Parallel par) {
        super(channels, groups, par);
    }

    @Override public String kind() { return "gn"; }
}
