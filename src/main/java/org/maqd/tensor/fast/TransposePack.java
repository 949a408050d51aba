package org.maqd.tensor.fast;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The transposing pack of {@link PackedPanels} in 16 × 16 blocks transposed in registers (512-bit vectors only):
 * sixteen rows of the stored B are loaded as vectors, four butterfly stages (stage d swaps bit d of the row and
 * lane index: a {@code rearrange} by lane XOR d and a {@code blend} per vector) turn them into sixteen packed
 * rows, stored whole. A copy, so the packed bytes are those of the scalar loop ({@code PackedPanelsTest}).
 * Measured 101 → 65 µs for W_q 256×784 (one thread). The stages are written out over sixteen local vectors:
 * over a {@code FloatVector[]} the vectors are boxed and it ran 300× slower.
 */
final class TransposePack {
    private TransposePack() {}

    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** Block size: rows and lanes; the blocks run only with 16-lane vectors. */
    static final int B = 16;
    static final boolean ENABLED = S.length() == B;
    static final int NR = MicroKernels.NR;
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
     * dst[d0 + p·NR + j] = b[src + j·k + p] for j, p in [0, 16): sixteen rows of a stored [n, k] B, k floats
     * apart, become sixteen packed rows of sixteen columns.
     */
    static void block(float[] b, int src, int k, float[] dst, int d0) {
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
        v0.intoArray(dst, d0 + 0 * NR); v1.intoArray(dst, d0 + 1 * NR); v2.intoArray(dst, d0 + 2 * NR); v3.intoArray(dst, d0 + 3 * NR);
        v4.intoArray(dst, d0 + 4 * NR); v5.intoArray(dst, d0 + 5 * NR); v6.intoArray(dst, d0 + 6 * NR); v7.intoArray(dst, d0 + 7 * NR);
        v8.intoArray(dst, d0 + 8 * NR); v9.intoArray(dst, d0 + 9 * NR); v10.intoArray(dst, d0 + 10 * NR); v11.intoArray(dst, d0 + 11 * NR);
        v12.intoArray(dst, d0 + 12 * NR); v13.intoArray(dst, d0 + 13 * NR); v14.intoArray(dst, d0 + 14 * NR); v15.intoArray(dst, d0 + 15 * NR);
    }
}
