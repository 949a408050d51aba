package org.maqd.data;

import org.maqd.tensor.Tensor;

/**
 * One mini-batch: inputs {@code x} of shape [B, C, H, W] (B = {@link #size()}), labels, and which samples of the
 * data set they are. Owned and refilled by a {@link Batcher}: valid until its next call.
 */
public final class Batch {
    private final Tensor x;
    private final int[] labels;
    private final int[] samples;
    int epoch;
    int index;

    Batch(int size, int[] sampleShape) {
        int[] shape = new int[sampleShape.length + 1];
        shape[0] = size;
        System.arraycopy(sampleShape, 0, shape, 1, sampleShape.length);
        this.x = Tensor.zeros(shape);
        this.labels = new int[size];
        this.samples = new int[size];
    }

    /** Inputs [B, C, H, W]. */
    public Tensor x() { return x; }
    /** Labels, length B. */
    public int[] labels() { return labels; }
    /** Data set indices of the samples, length B. */
    public int[] samples() { return samples; }
    public int size() { return labels.length; }
    public int epoch() { return epoch; }
    /** Position of this batch in its epoch (0-based). */
    public int index() { return index; }
}
