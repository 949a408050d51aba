package org.maqd.nn;

import org.maqd.tensor.Tensor;

/**
 * Maps latent weights to the weights a layer computes with (weight standardization, quantization), and
 * back-propagates through that map. Applied once per step, not per sample. Shapes: the latent weight is
 * {@code [out, fanIn...]}; the effective weight has the same shape.
 */
public interface WeightTransform {
    /** Computes the effective weights from {@code latent}; returns a buffer owned by the transform. */
    Tensor forward(Tensor latent, Mode mode);

    /** Given dL/d(effective), writes dL/d(latent) into {@code gradLatent} (accumulating). */
    void backward(Tensor gradEffective, Tensor gradLatent);

    /**
     * Rows per chunk of a transform's row passes over a weight of this fan-in (about 8k weights per chunk): the
     * chunks of {@link #forwardRows} and {@link #backwardRows} start at multiples of it. The small-batch input gradient
     * sums its partial products over the same chunks where they hold at least 8 rows, so that each chunk's part can
     * be formed by the thread that ran it.
     */
    static int rowGrain(int fanIn) { return Math.max(1, 8192 / Math.max(1, fanIn)); }

    /**
     * Row {@code r} of a weight-shaped operand, produced on demand: writes the row's {@code fanIn} floats into
     * {@code dst[off…off + fanIn)}.
     */
    @FunctionalInterface
    interface RowSource {
        void row(int r, float[] dst, int off);

        /**
         * Called by {@link #backwardRows} once per chunk, from the thread that ran it, after its rows
         * {@code [r0, r1)} (r0 a multiple of {@link #rowGrain}) are done.
         */
        default void rowsDone(int r0, int r1) {}
    }

    /**
     * Called with each row {@code r} of the effective weight right after the transform wrote it (while it is in
     * L1): {@code eff} is the effective weight's buffer, the row starts at {@code r · fanIn}.
     */
    @FunctionalInterface
    interface RowSink {
        void row(int r, float[] eff);

        /** Rows {@code [r0, r1)}, all written: as {@link #row} for each, in order (a sink may take them together). */
        default void rows(int r0, int r1, float[] eff) { for (int r = r0; r < r1; r++) row(r, eff); }
    }

    /**
     * As {@link #forward}, also handing every effective row to {@code sink} as soon as it is written (from the
     * thread that wrote it; rows are independent, each handed over exactly once). {@code workPerRow} is the
     * sink's work per row in elements touched. Returns null, having done nothing, where the transform has no
     * such path: the caller then runs {@link #forward} and its own pass.
     */
    default Tensor forwardRows(Tensor latent, Mode mode, RowSink sink, long workPerRow) { return null; }

    /**
     * As {@link #backward}, with dL/d(effective) produced one row at a time by {@code gradient} just before the
     * transform consumes it (the row never leaves L1), instead of a weight-sized buffer. {@code workPerRow} is
     * the source's work per row in elements touched. The result goes to {@code latent}'s gradient, or through its
     * offered update as in {@link #backward(Tensor, Param)}. After each chunk of rows it calls
     * {@link RowSource#rowsDone} from the thread that ran it (chunks of {@link #rowGrain} rows). Returns false,
     * having done nothing, where the transform has no such path: the caller then computes the full gradient and
     * runs {@link #backward}.
     */
    default boolean backwardRows(RowSource gradient, long workPerRow, Param latent) { return false; }

    /**
     * As {@link #backward(Tensor, Tensor)} into {@code latent}'s gradient; a transform may instead take the
     * update an optimizer offered ({@link Param#takeUpdate}) and apply it to each row of dL/d(latent) as it is
     * computed. {@link #backwardRows} does the same.
     */
    default void backward(Tensor gradEffective, Param latent) { backward(gradEffective, latent.grad); }

    /** Identity: float weights. */
    WeightTransform IDENTITY = new WeightTransform() {
        @Override public Tensor forward(Tensor latent, Mode mode) { return latent; }
        @Override public void backward(Tensor g, Tensor gradLatent) {
            float[] a = gradLatent.data, b = g.data;
            for (int i = 0; i < a.length; i++) a[i] += b[i];
        }
    };
}
