package org.maqd.nn;

import org.maqd.tensor.fast.PackedGemm;

/**
 * Scratch of one work chunk of {@link Conv2d}: the packed GEMM operand (im2col in panel layout, or the packed
 * output gradient), a result grid (dcol [K, P] for im2col, the wide grid for the shifted path), the padded
 * input and output gradient (shifted path), the chunk's partial weight and bias gradients, and an edge tile. Buffers grow on first use and are kept, so steady-state steps allocate nothing.
 */
final class ConvWorkspace {
    private float[] packed = new float[0];
    private float[] dcol = new float[0];
    private float[] partial = new float[0];
    private float[] padded = new float[0];
    private float[] paddedGrad = new float[0];
    final float[] tile = new float[PackedGemm.TILE];

    float[] packed(int size) {
        if (packed.length < size) packed = new float[size];
        return packed;
    }

    float[] dcol(int size) {
        if (dcol.length < size) dcol = new float[size];
        return dcol;
    }

    float[] partial(int size) {
        if (partial.length < size) partial = new float[size];
        return partial;
    }

    float[] padded(int size) {
        if (padded.length < size) padded = new float[size];
        return padded;
    }

    float[] paddedGrad(int size) {
        if (paddedGrad.length < size) paddedGrad = new float[size];
        return paddedGrad;
    }

    /** Grows {@code pool} to at least {@code n} workspaces, keeping existing ones. */
    static ConvWorkspace[] ensure(ConvWorkspace[] pool, int n) {
        if (pool != null && pool.length >= n) return pool;
        ConvWorkspace[] out = new ConvWorkspace[n];
        int have = pool == null ? 0 : pool.length;
        if (have > 0) System.arraycopy(pool, 0, out, 0, have);
        for (int i = have; i < n; i++) out[i] = new ConvWorkspace();
        return out;
    }
}
