package org.maqd.tensor.fast;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Transposes in 16 × 16 blocks held in registers (512-bit vectors only): the transposing pack of
 * {@link PackedPanels}, and the row-major transposes of {@link #transpose} (a layer's yᵀ → y, the GEMM's
 * row-major copy of a transposed A). Sixteen rows of the source are loaded as vectors, four butterfly stages
 * (stage d swaps bit d of the row and lane index: a {@code rearrange} by lane XOR d and a {@code blend} per vector)
 * turn them into sixteen rows of the destination, stored whole. A copy, so the bytes are those of the scalar
 * loops ({@code PackedPanelsTest}, {@code TransposePackTest}). Measured 101 → 65 µs for packing W_q 256×784 (one
 * thread). The stages are written out over sixteen local vectors: over a {@code FloatVector[]} the vectors are
 * boxed and it ran 300× slower.
 */
public final class TransposePack {
    private TransposePack() {}

    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** Block size: rows and lanes; the blocks run only with 16-lane vectors. */
    static final int B = 16;
    static final boolean ENABLED = S.length() == B;
    private static final VectorShuffle<Float>[] SX = shuffles();
    private static final VectorMask<Float>[] M = masks();

    @SuppressWarnings("unchecked")
    private static VectorShuffle<Float>[] shuffles() {
        VectorShuffle<Float>[] sx = new VectorShuffle[4];
        if (!ENABLED) return sx;
        for (int s = 0; s < 4; s++) {
            int[] idx = new int[B];
            for (int l = 0; l < B; l++) idx[l] = l ^ (1 << s);
            sx[s] = VectorShuffle.fromArray(S, idx, 0);
        }
        return sx;
    }

    @SuppressWarnings("unchecked")
    private static VectorMask<Float>[] masks() {
        VectorMask<Float>[] m = new VectorMask[4];
        if (!ENABLED) return m;
        for (int s = 0; s < 4; s++) {
            boolean[] bits = new boolean[B];
            for (int l = 0; l < B; l++) bits[l] = (l & (1 << s)) != 0;
            m[s] = VectorMask.fromArray(S, bits, 0);
        }
        return m;
    }

    /**
     * dst[dOff + c·ldd + r] = src[sOff + r·lds + c] for r in [r0, r1) and c in [c0, c1): rows of the source (lds
     * floats apart) become columns of the destination (rows ldd floats apart). Whole 16 × 16 blocks go through
     * registers where {@link #ENABLED}; the rest, or everything, by {@link #scalar}.
     */
    public static void transpose(float[] src, int sOff, int lds, float[] dst, int dOff, int ldd, int r0, int r1,
                                 int c0, int c1) {
        if (!ENABLED) {
            scalar(src, sOff, lds, dst, dOff, ldd, r0, r1, c0, c1);
            return;
        }
        int rEnd = r0 + (r1 - r0) / B * B, cEnd = c0 + (c1 - c0) / B * B;
        for (int c = c0; c < cEnd; c += B) {
            for (int r = r0; r < rEnd; r += B) block(src, sOff + r * lds + c, lds, dst, dOff + c * ldd + r, ldd);
        }
        scalar(src, sOff, lds, dst, dOff, ldd, rEnd, r1, c0, cEnd);
        scalar(src, sOff, lds, dst, dOff, ldd, r0, r1, cEnd, c1);
    }

    /** Source columns per block of {@link #scalar} (a block's ldd-strided writes stay in L1). */
    static final int SCALAR_BLOCK = 64;

    /**
     * {@link #transpose} by scalar loops (the reference for the blocks, and the whole transpose without 16-lane
     * vectors): blocks of {@link #SCALAR_BLOCK} source columns, four source rows at a time so that each column's
     * four writes are adjacent (the loops PackedPanels had for its scalar pack): 41 against 95 µs for 16 × 16 scalar
     * tiles, packing W_q 256×784 with 256-bit vectors on one thread.
     */
    static void scalar(float[] src, int sOff, int lds, float[] dst, int dOff, int ldd, int r0, int r1, int c0, int c1) {
        for (int cb = c0; cb < c1; cb += SCALAR_BLOCK) {
            int ce = Math.min(c1, cb + SCALAR_BLOCK), r = r0;
            for (; r + 4 <= r1; r += 4) {
                int s0 = sOff + r * lds, s1 = s0 + lds, s2 = s1 + lds, s3 = s2 + lds;
                for (int c = cb, d = dOff + cb * ldd + r; c < ce; c++, d += ldd) {
                    dst[d] = src[s0 + c];
                    dst[d + 1] = src[s1 + c];
                    dst[d + 2] = src[s2 + c];
                    dst[d + 3] = src[s3 + c];
                }
            }
            for (; r < r1; r++) {
                int s0 = sOff + r * lds;
                for (int c = cb, d = dOff + cb * ldd + r; c < ce; c++, d += ldd) dst[d] = src[s0 + c];
            }
        }
    }

    /**
     * dst[d0 + p·ldd + j] = b[src + j·k + p] for j, p in [0, 16): sixteen rows of the source, k floats apart,
     * become sixteen destination rows of sixteen columns, ldd floats apart.
     */
    static void block(float[] b, int src, int k, float[] dst, int d0, int ldd) {
        VectorShuffle<Float> sx;
        VectorMask<Float> m;
        FloatVector x, y;
        FloatVector v0 = FloatVector.fromArray(S, b, src + 0 * k);
        FloatVector v1 = FloatVector.fromArray(S, b, src + 1 * k);
        FloatVector v2 = FloatVector.fromArray(S, b, src + 2 * k);
        FloatVector v3 = FloatVector.fromArray(S, b, src + 3 * k);
        FloatVector v4 = FloatVector.fromArray(S, b, src + 4 * k);
        FloatVector v5 = FloatVector.fromArray(S, b, src + 5 * k);
        FloatVector v6 = FloatVector.fromArray(S, b, src + 6 * k);
        FloatVector v7 = FloatVector.fromArray(S, b, src + 7 * k);
        FloatVector v8 = FloatVector.fromArray(S, b, src + 8 * k);
        FloatVector v9 = FloatVector.fromArray(S, b, src + 9 * k);
        FloatVector v10 = FloatVector.fromArray(S, b, src + 10 * k);
        FloatVector v11 = FloatVector.fromArray(S, b, src + 11 * k);
        FloatVector v12 = FloatVector.fromArray(S, b, src + 12 * k);
        FloatVector v13 = FloatVector.fromArray(S, b, src + 13 * k);
        FloatVector v14 = FloatVector.fromArray(S, b, src + 14 * k);
        FloatVector v15 = FloatVector.fromArray(S, b, src + 15 * k);
        sx = SX[3]; m = M[3];
        x = v0; y = v8; v0 = x.blend(y.rearrange(sx), m); v8 = x.rearrange(sx).blend(y, m);
        x = v1; y = v9; v1 = x.blend(y.rearrange(sx), m); v9 = x.rearrange(sx).blend(y, m);
        x = v2; y = v10; v2 = x.blend(y.rearrange(sx), m); v10 = x.rearrange(sx).blend(y, m);
        x = v3; y = v11; v3 = x.blend(y.rearrange(sx), m); v11 = x.rearrange(sx).blend(y, m);
        x = v4; y = v12; v4 = x.blend(y.rearrange(sx), m); v12 = x.rearrange(sx).blend(y, m);
        x = v5; y = v13; v5 = x.blend(y.rearrange(sx), m); v13 = x.rearrange(sx).blend(y, m);
        x = v6; y = v14; v6 = x.blend(y.rearrange(sx), m); v14 = x.rearrange(sx).blend(y, m);
        x = v7; y = v15; v7 = x.blend(y.rearrange(sx), m); v15 = x.rearrange(sx).blend(y, m);
        sx = SX[2]; m = M[2];
        x = v0; y = v4; v0 = x.blend(y.rearrange(sx), m); v4 = x.rearrange(sx).blend(y, m);
        x = v1; y = v5; v1 = x.blend(y.rearrange(sx), m); v5 = x.rearrange(sx).blend(y, m);
        x = v2; y = v6; v2 = x.blend(y.rearrange(sx), m); v6 = x.rearrange(sx).blend(y, m);
        x = v3; y = v7; v3 = x.blend(y.rearrange(sx), m); v7 = x.rearrange(sx).blend(y, m);
        x = v8; y = v12; v8 = x.blend(y.rearrange(sx), m); v12 = x.rearrange(sx).blend(y, m);
        x = v9; y = v13; v9 = x.blend(y.rearrange(sx), m); v13 = x.rearrange(sx).blend(y, m);
        x = v10; y = v14; v10 = x.blend(y.rearrange(sx), m); v14 = x.rearrange(sx).blend(y, m);
        x = v11; y = v15; v11 = x.blend(y.rearrange(sx), m); v15 = x.rearrange(sx).blend(y, m);
        sx = SX[1]; m = M[1];
        x = v0; y = v2; v0 = x.blend(y.rearrange(sx), m); v2 = x.rearrange(sx).blend(y, m);
        x = v1; y = v3; v1 = x.blend(y.rearrange(sx), m); v3 = x.rearrange(sx).blend(y, m);
        x = v4; y = v6; v4 = x.blend(y.rearrange(sx), m); v6 = x.rearrange(sx).blend(y, m);
        x = v5; y = v7; v5 = x.blend(y.rearrange(sx), m); v7 = x.rearrange(sx).blend(y, m);
        x = v8; y = v10; v8 = x.blend(y.rearrange(sx), m); v10 = x.rearrange(sx).blend(y, m);
        x = v9; y = v11; v9 = x.blend(y.rearrange(sx), m); v11 = x.rearrange(sx).blend(y, m);
        x = v12; y = v14; v12 = x.blend(y.rearrange(sx), m); v14 = x.rearrange(sx).blend(y, m);
        x = v13; y = v15; v13 = x.blend(y.rearrange(sx), m); v15 = x.rearrange(sx).blend(y, m);
        sx = SX[0]; m = M[0];
        x = v0; y = v1; v0 = x.blend(y.rearrange(sx), m); v1 = x.rearrange(sx).blend(y, m);
        x = v2; y = v3; v2 = x.blend(y.rearrange(sx), m); v3 = x.rearrange(sx).blend(y, m);
        x = v4; y = v5; v4 = x.blend(y.rearrange(sx), m); v5 = x.rearrange(sx).blend(y, m);
        x = v6; y = v7; v6 = x.blend(y.rearrange(sx), m); v7 = x.rearrange(sx).blend(y, m);
        x = v8; y = v9; v8 = x.blend(y.rearrange(sx), m); v9 = x.rearrange(sx).blend(y, m);
        x = v10; y = v11; v10 = x.blend(y.rearrange(sx), m); v11 = x.rearrange(sx).blend(y, m);
        x = v12; y = v13; v12 = x.blend(y.rearrange(sx), m); v13 = x.rearrange(sx).blend(y, m);
        x = v14; y = v15; v14 = x.blend(y.rearrange(sx), m); v15 = x.rearrange(sx).blend(y, m);
        v0.intoArray(dst, d0); v1.intoArray(dst, d0 + 1 * ldd);
        v2.intoArray(dst, d0 + 2 * ldd); v3.intoArray(dst, d0 + 3 * ldd);
        v4.intoArray(dst, d0 + 4 * ldd); v5.intoArray(dst, d0 + 5 * ldd);
        v6.intoArray(dst, d0 + 6 * ldd); v7.intoArray(dst, d0 + 7 * ldd);
        v8.intoArray(dst, d0 + 8 * ldd); v9.intoArray(dst, d0 + 9 * ldd);
        v10.intoArray(dst, d0 + 10 * ldd); v11.intoArray(dst, d0 + 11 * ldd);
        v12.intoArray(dst, d0 + 12 * ldd); v13.intoArray(dst, d0 + 13 * ldd);
        v14.intoArray(dst, d0 + 14 * ldd); v15.intoArray(dst, d0 + 15 * ldd);
    }
}
