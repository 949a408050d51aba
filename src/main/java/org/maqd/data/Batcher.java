package org.maqd.data;

import org.maqd.tensor.Rng;

/**
 * Cuts a data set into mini-batches, epoch by epoch. Sample order per epoch comes from {@link EpochOrder}
 * (seeded, or sequential for evaluation); optional {@link Augmentation} is applied while copying. Two batch
 * buffers are owned and refilled: one of the full batch size and, when the sample count is not a multiple of it,
 * one for the last partial batch. By default the last partial batch is <b>kept</b> (each sample is seen exactly
 * once per epoch); {@code dropLast} drops it instead. The steady state allocates no buffers: the only
 * allocations are the 24-byte random streams from {@code Rng.derive} (one per epoch for the order, one per batch
 * when augmenting). Copying is single-threaded; it is cheap next to a training step.
 *
 * <pre>
 *   batcher.startEpoch(epoch);            // or startEpoch(epoch, firstBatch) when resuming
 *   while (batcher.hasNext()) { Batch b = batcher.next(); ... b.x() [B,C,H,W], b.labels() ... }
 * </pre>
 */
public final class Batcher {
    private final Dataset data;
    private final int batchSize;
    private final boolean dropLast;
    private final long seed;
    private final Augmentation augmentation;
    private final EpochOrder order;
    private final int[] shape;
    private Batch full;
    private Batch partial;
    private int[] current;
    private int epoch = -1;
    private int nextBatch;

    public Batcher(Dataset data, int batchSize, boolean shuffle, boolean dropLast, long seed, Augmentation augmentation) {
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        this.data = data;
        this.batchSize = batchSize;
        this.dropLast = dropLast;
        this.seed = seed;
        this.augmentation = augmentation == null ? Augmentation.NONE : augmentation;
        this.order = new EpochOrder(data.size(), seed, shuffle);
        this.shape = data.sampleShape();
        if (this.augmentation.enabled() && shape.length != 3) {
            throw new IllegalArgumentException("augmentation needs image samples [C, H, W], " + data.name() + " has "
                    + java.util.Arrays.toString(shape));
        }
    }

    /** Shuffled each epoch, last partial batch kept. */
    public static Batcher forTraining(Dataset data, int batchSize, long seed, Augmentation augmentation) {
        return new Batcher(data, batchSize, true, false, seed, augmentation);
    }

    /** In data set order, no augmentation, last partial batch kept. */
    public static Batcher forEvaluation(Dataset data, int batchSize) {
        return new Batcher(data, batchSize, false, false, 0L, Augmentation.NONE);
    }

    public int batchesPerEpoch() { return batches(data.size(), batchSize, dropLast); }

    /** Batches per epoch for {@code samples} samples (the last partial batch counts unless {@code dropLast}). */
    public static int batches(int samples, int batchSize, boolean dropLast) {
        return dropLast ? samples / batchSize : (samples + batchSize - 1) / batchSize;
    }

    /** Samples visited per epoch (all of them unless {@code dropLast}). */
    public int samplesPerEpoch() {
        return dropLast ? (data.size() / batchSize) * batchSize : data.size();
    }

    public Dataset dataset() { return data; }
    public int batchSize() { return batchSize; }

    public void startEpoch(int epoch) { startEpoch(epoch, 0); }

    /** Starts {@code epoch} at batch {@code firstBatch} (for resuming mid-epoch; the order is re-derived). */
    public void startEpoch(int epoch, int firstBatch) {
        if (epoch < 0) throw new IllegalArgumentException("epoch must be non-negative, got " + epoch);
        if (firstBatch < 0 || firstBatch > batchesPerEpoch()) {
            throw new IllegalArgumentException("first batch must be 0.." + batchesPerEpoch() + ", got " + firstBatch);
        }
        this.current = order.forEpoch(epoch);
        this.epoch = epoch;
        this.nextBatch = firstBatch;
    }

    public boolean hasNext() {
        return epoch >= 0 && nextBatch < batchesPerEpoch();
    }

    /** Fills and returns the next batch of the current epoch. */
    public Batch next() {
        if (!hasNext()) throw new IllegalStateException(epoch < 0 ? "call startEpoch first" : "epoch " + epoch + " is finished");
        return fill(nextBatch++);
    }

    private Batch fill(int b) {
        int start = b * batchSize;
        int size = Math.min(batchSize, data.size() - start);
        Batch batch = buffer(size);
        batch.epoch = epoch;
        batch.index = b;
        float[] src = data.rawX();
        int[] y = data.rawY();
        float[] dst = batch.x().data;
        int per = data.sampleSize();
        int[] labels = batch.labels(), samples = batch.samples();
        Rng rng = augmentation.enabled() ? Augmentation.stream(seed, epoch, b) : null;
        for (int i = 0; i < size; i++) {
            int s = current[start + i];
            samples[i] = s;
            labels[i] = y[s];
            if (rng == null) System.arraycopy(src, s * per, dst, i * per, per);
            else augmentation.apply(rng, src, s * per, dst, i * per, shape[0], shape[1], shape[2]);
        }
        return batch;
    }

    private Batch buffer(int size) {
        if (size == batchSize) {
            if (full == null) full = new Batch(size, shape);
            return full;
        }
        if (partial == null || partial.size() != size) partial = new Batch(size, shape);
        return partial;
    }
}
