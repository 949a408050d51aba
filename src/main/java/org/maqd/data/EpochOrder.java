package org.maqd.data;

import org.maqd.tensor.Rng;

/**
 * The order in which an epoch visits the samples. Shuffled orders come from
 * {@code Rng.derive(seed, "data-order", epoch)}, so the order of epoch e depends only on (seed, e, n): a run
 * resumed at epoch e re-derives the same order, and no other random consumer (initialization, augmentation,
 * dropout) shifts it. Unshuffled orders are 0, 1, ..., n-1. The index array is owned and reused.
 */
public final class EpochOrder {
    public static final String PURPOSE = "data-order";
    private final int[] order;
    private final long seed;
    private final boolean shuffle;
    private int epoch = -1;

    public EpochOrder(int n, long seed, boolean shuffle) {
        if (n < 0) throw new IllegalArgumentException("sample count must be non-negative, got " + n);
        this.order = new int[n];
        this.seed = seed;
        this.shuffle = shuffle;
    }

    /** Arranges the order for {@code epoch} (0-based); returns the owned index array (do not modify). */
    public int[] forEpoch(int epoch) {
        if (epoch != this.epoch) {
            fill(order, seed, epoch, shuffle);
            this.epoch = epoch;
        }
        return order;
    }

    public int size() { return order.length; }

    /** A freshly allocated order for {@code epoch}. */
    public static int[] of(int n, long seed, int epoch, boolean shuffle) {
        int[] idx = new int[n];
        fill(idx, seed, epoch, shuffle);
        return idx;
    }

    private static void fill(int[] idx, long seed, int epoch, boolean shuffle) {
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        if (shuffle) Rng.derive(seed, PURPOSE, epoch).shuffle(idx);
    }
}
