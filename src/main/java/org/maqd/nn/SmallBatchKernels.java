package org.maqd.nn;

import jdk.incubator.vector.FloatVector;
import org.maqd.tensor.fast.Reductions;
import jdk.incubator.vector.VectorSpecies;
import org.maqd.tensor.Parallel;

/**
 * The three products of a fully connected layer for a small batch (m ≤ {@link #MAX_BATCH} rows), reading the
 * weight {@code W [out, in]} in place: at such m the packed GEMM spends most of its time packing W, while
 * here every product streams W once along contiguous rows.
 * <pre>
 *   forward   y[b, o]  = Σ_i x[b, i] · W[o, i]        dot products along W's rows
 *   dx        dx[b, i] = Σ_o gy[b, o] · W[o, i]      rows of W scaled and added (by chunks of rows, see inputGrad)
 *   dW        dW[o, i] = Σ_b gy[b, o] · x[b, i]      outer products, b in order
 * </pre>
 * Work is cut into chunks (of outputs, or of input columns) whose boundaries depend only on the shape, and each
 * element is computed by the same operation sequence in any chunk, so results are identical for any thread
 * count. {@code RefKernels.gemm} is the oracle in tests (within rounding), and {@link #inputGradPlain} the bit-exact
 * one for dx's chunked order. Uses the preferred float species (as the GEMM kernels).
 */
final class SmallBatchKernels {
    private final Parallel par;
    // operands of the current call (fields, so the chunk bodies are allocated once)
    private int b, in, out;
    private float[] a1, a2, res;
    private final Parallel.RangeBody forwardBody = (o0, o1) -> forwardOutputs(b, in, out, a1, a2, res, o0, o1);
    private final Parallel.RangeBody inputGradBody =
            (v0, v1) -> inputGradColumns(b, in, out, a1, a2, res, v0 * L, Math.min(in, v1 * L));
    private final Parallel.RangeBody weightGradBody = (o0, o1) -> weightGradRows(b, in, out, a1, a2, res, o0, o1);

    SmallBatchKernels(Parallel par) { this.par = par == null ? Parallel.serial() : par; }

    private void set(int b, int in, int out, float[] a1, float[] a2, float[] res) {
        this.b = b; this.in = in; this.out = out; this.a1 = a1; this.a2 = a2; this.res = res;
    }

    /** Largest batch handled here. */
    static final int MAX_BATCH = 8;
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Multiply-adds per parallel chunk (about 64k): smaller products run on the calling thread alone. */
    private static final int CHUNK_WORK = 1 << 16;

    /** y[b, out] = x[b, in] · W[out, in]ᵀ (overwrites y). */
    void forward(int b, int in, int out, float[] x, float[] w, float[] y) {
        set(b, in, out, x, w, y);
        par.forRange(out, Math.max(1, CHUNK_WORK / Math.max(1, b * in)), (long) b * in * out / 4, forwardBody);
        set(0, 0, 0, null, null, null);
    }

    // outputs [o0, o1) for all rows, four rows at a time
    static void forwardOutputs(int b, int in, int out, float[] x, float[] w, float[] y, int o0, int o1) {
        int o = o0;
        if (b == 4) for (; o + 2 <= o1; o += 2) dot4x2(x, in, w, o * in, y, o, out);
        for (; o < o1; o++) {
            int r = 0;
            for (; r + 4 <= b; r += 4) dot4(x, r * in, in, w, o * in, y, r * out + o, out);
            for (; r < b; r++) y[r * out + o] = dot1(x, r * in, in, w, o * in);
        }
    }

    /**
     * Per-thread room for eight vectors' lanes. {@link Reductions#laneSumFloat} (lanes added left to right in
     * float) extracts each lane from the register, ~90 cycles per vector here (725 for eight against 118 through
     * memory); storing the accumulators and adding the stored lanes gives the same sums.
     */
    private static final ThreadLocal<float[]> LANES = ThreadLocal.withInitial(() -> new float[8 * L]);

    // t[off] + t[off + 1] + … + t[off + L − 1], left to right in float: Reductions.laneSumFloat of the stored vector
    private static float sumLanes(float[] t, int off) {
        float s = t[off];
        for (int j = 1; j < L; j++) s += t[off + j];
        return s;
    }

    // dot4 for outputs o and o + 1 at once (rows of W at wi and wi + in), sharing the loads of x: the same
    // chains per output as dot4
    private static void dot4x2(float[] x, int in, float[] w, int wi, float[] y, int yi, int ldy) {
        FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0, c0 = a0, c1 = a0, c2 = a0, c3 = a0;
        int i = 0, end = in - in % L;
        for (; i < end; i += L) {
            FloatVector wa = FloatVector.fromArray(S, w, wi + i), wc = FloatVector.fromArray(S, w, wi + in + i);
            FloatVector x0 = FloatVector.fromArray(S, x, i), x1 = FloatVector.fromArray(S, x, in + i);
            FloatVector x2 = FloatVector.fromArray(S, x, 2 * in + i), x3 = FloatVector.fromArray(S, x, 3 * in + i);
            a0 = x0.fma(wa, a0);
            a1 = x1.fma(wa, a1);
            a2 = x2.fma(wa, a2);
            a3 = x3.fma(wa, a3);
            c0 = x0.fma(wc, c0);
            c1 = x1.fma(wc, c1);
            c2 = x2.fma(wc, c2);
            c3 = x3.fma(wc, c3);
        }
        float[] t = LANES.get();   // lane sums through memory: see sumLanes
        a0.intoArray(t, 0);
        a1.intoArray(t, L);
        a2.intoArray(t, 2 * L);
        a3.intoArray(t, 3 * L);
        c0.intoArray(t, 4 * L);
        c1.intoArray(t, 5 * L);
        c2.intoArray(t, 6 * L);
        c3.intoArray(t, 7 * L);
        float s0 = sumLanes(t, 0), s1 = sumLanes(t, L), s2 = sumLanes(t, 2 * L), s3 = sumLanes(t, 3 * L);
        float t0 = sumLanes(t, 4 * L), t1 = sumLanes(t, 5 * L), t2 = sumLanes(t, 6 * L), t3 = sumLanes(t, 7 * L);
        for (; i < in; i++) {
            float wv = w[wi + i], wu = w[wi + in + i];
            s0 = Math.fma(x[i], wv, s0);
            s1 = Math.fma(x[in + i], wv, s1);
            s2 = Math.fma(x[2 * in + i], wv, s2);
            s3 = Math.fma(x[3 * in + i], wv, s3);
            t0 = Math.fma(x[i], wu, t0);
            t1 = Math.fma(x[in + i], wu, t1);
            t2 = Math.fma(x[2 * in + i], wu, t2);
            t3 = Math.fma(x[3 * in + i], wu, t3);
        }
        y[yi] = s0;
        y[yi + ldy] = s1;
        y[yi + 2 * ldy] = s2;
        y[yi + 3 * ldy] = s3;
        y[yi + 1] = t0;
        y[yi + 1 + ldy] = t1;
        y[yi + 1 + 2 * ldy] = t2;
        y[yi + 1 + 3 * ldy] = t3;
    }

    // y[r0+j, o] = x[r0+j, :] · w[o, :] for j = 0..3 (rows of x are `in` apart, of y `ldy` apart)
    private static void dot4(float[] x, int xi, int in, float[] w, int wi, float[] y, int yi, int ldy) {
        FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
        int i = 0, end = in - in % L;
        for (; i < end; i += L) {
            FloatVector wv = FloatVector.fromArray(S, w, wi + i);
            a0 = FloatVector.fromArray(S, x, xi + i).fma(wv, a0);
            a1 = FloatVector.fromArray(S, x, xi + in + i).fma(wv, a1);
            a2 = FloatVector.fromArray(S, x, xi + 2 * in + i).fma(wv, a2);
            a3 = FloatVector.fromArray(S, x, xi + 3 * in + i).fma(wv, a3);
        }
        float[] t = LANES.get();
        a0.intoArray(t, 0);
        a1.intoArray(t, L);
        a2.intoArray(t, 2 * L);
        a3.intoArray(t, 3 * L);
        float s0 = sumLanes(t, 0), s1 = sumLanes(t, L), s2 = sumLanes(t, 2 * L), s3 = sumLanes(t, 3 * L);
        for (; i < in; i++) {
            float wv = w[wi + i];
            s0 = Math.fma(x[xi + i], wv, s0);
            s1 = Math.fma(x[xi + in + i], wv, s1);
            s2 = Math.fma(x[xi + 2 * in + i], wv, s2);
            s3 = Math.fma(x[xi + 3 * in + i], wv, s3);
        }
        y[yi] = s0;
        y[yi + ldy] = s1;
        y[yi + 2 * ldy] = s2;
        y[yi + 3 * ldy] = s3;
    }

    // x[row] · w[row], as one lane of dot4 (same operation order)
    private static float dot1(float[] x, int xi, int in, float[] w, int wi) {
        FloatVector a = FloatVector.zero(S);
        int i = 0, end = in - in % L;
        for (; i < end; i += L) a = FloatVector.fromArray(S, x, xi + i).fma(FloatVector.fromArray(S, w, wi + i), a);
        float s = Reductions.laneSumFloat(a);
        for (; i < in; i++) s = Math.fma(x[xi + i], w[wi + i], s);
        return s;
    }

    /**
     * dx[b, in] = gy[b, out] · W[out, in] (overwrites dx), summed by chunks of W's rows: with chunks of
     * {@link #partRows}(in) rows, {@code P_c[b, i]} is the FMA chain over the rows o of chunk c in
     * order, from 0, and {@code dx = (…(P_0 + P_1) + P_2 …)} in chunk order. Up to a fan-in of 1,024 these are the
     * chunks of the weight transform's row passes, and where {@link #fusedParts} the fused backward forms each part
     * where W's rows are ({@link #inputGradPartial}, {@link #inputGradSum}), with the same bits as this. Its work
     * is counted as all b·in·out multiply-adds: as a quarter of them, the 256 × 256 layer at b = 4 (16 µs) ran on
     * the caller alone while the other thread waited.
     */
    void inputGrad(int b, int in, int out, float[] gy, float[] w, float[] dx) {
        set(b, in, out, gy, w, dx);
        int grain = Math.max(1, CHUNK_WORK / Math.max(1, b * out * L));
        par.forRange((in + L - 1) / L, grain, (long) b * in * out, inputGradBody);
        set(0, 0, 0, null, null, null);
    }

    /**
     * Rows of W per part of the input gradient: the weight transform's row chunk ({@link WeightTransform#rowGrain}),
     * but at least {@link #MIN_PART_ROWS} (past a fan-in of 1,024 the chunks hold fewer rows, and a part of one row
     * would round every product before adding it).
     */
    static int partRows(int in) { return Math.max(WeightTransform.rowGrain(in), MIN_PART_ROWS); }

    /** Fewest rows per part of the input gradient. */
    static final int MIN_PART_ROWS = 8;
    /** Most parts the fused backward keeps (its buffer holds parts × b × in floats, added by the caller alone). */
    static final int MAX_FUSED_PARTS = 8;

    /** Parts (chunks of W's rows) the input gradient is summed over. */
    static int rowChunks(int in, int out) { return Parallel.chunks(out, partRows(in)); }

    /**
     * Whether the fused backward may form the parts, one per chunk of the transform's row pass, on the thread that
     * ran the chunk: the parts must be those chunks, and few enough for the caller to add them cheaply (the 256 ×
     * 256 layer has 8). Elsewhere {@link #inputGrad} forms the same parts in registers (same bits).
     */
    static boolean fusedParts(int in, int out) {
        return partRows(in) == WeightTransform.rowGrain(in) && rowChunks(in, out) <= MAX_FUSED_PARTS;
    }

    // columns [c0, c1) of dx: the chunks' parts, each written (the first) or added (the others) in chunk order
    static void inputGradColumns(int b, int in, int out, float[] gy, float[] w, float[] dx, int c0, int c1) {
        int grain = partRows(in);
        for (int o0 = 0; o0 < out; o0 += grain) {
            partColumns(b, in, out, gy, w, o0, Math.min(out, o0 + grain), c0, c1, dx, 0, o0 > 0);
        }
    }

    /**
     * Columns [c0, c1) of the part of dx from rows {@code [o0, o1)} of W, each element the FMA chain over those rows
     * in order, from 0, written to {@code dst[dOff + r·in + c]} or, with {@code add}, added to what is there.
     */
    private static void partColumns(int b, int in, int out, float[] gy, float[] w, int o0, int o1, int c0, int c1,
                                    float[] dst, int dOff, boolean add) {
        int c = c0, end = c0 + (c1 - c0) / L * L;
        for (; c < end; c += L) {
            int r = 0;
            for (; r + 4 <= b; r += 4) {
                FloatVector t0 = FloatVector.zero(S), t1 = t0, t2 = t0, t3 = t0;
                int g0 = r * out;
                for (int o = o0; o < o1; o++) {
                    FloatVector wv = FloatVector.fromArray(S, w, o * in + c);
                    t0 = wv.fma(FloatVector.broadcast(S, gy[g0 + o]), t0);
                    t1 = wv.fma(FloatVector.broadcast(S, gy[g0 + out + o]), t1);
                    t2 = wv.fma(FloatVector.broadcast(S, gy[g0 + 2 * out + o]), t2);
                    t3 = wv.fma(FloatVector.broadcast(S, gy[g0 + 3 * out + o]), t3);
                }
                int d = dOff + r * in + c;
                store(t0, dst, d, add);
                store(t1, dst, d + in, add);
                store(t2, dst, d + 2 * in, add);
                store(t3, dst, d + 3 * in, add);
            }
            for (; r < b; r++) {
                FloatVector t = FloatVector.zero(S);
                for (int o = o0; o < o1; o++) {
                    t = FloatVector.fromArray(S, w, o * in + c).fma(FloatVector.broadcast(S, gy[r * out + o]), t);
                }
                store(t, dst, dOff + r * in + c, add);
            }
        }
        for (; c < c1; c++) {
            for (int r = 0; r < b; r++) {
                float t = 0;
                for (int o = o0; o < o1; o++) t = Math.fma(w[o * in + c], gy[r * out + o], t);
                int d = dOff + r * in + c;
                dst[d] = add ? dst[d] + t : t;
            }
        }
    }

    private static void store(FloatVector t, float[] dst, int i, boolean add) {
        if (add) t = FloatVector.fromArray(S, dst, i).add(t);
        t.intoArray(dst, i);
    }

    // dx[r, c] by the chunked order, one element in scalar operations
    private static float inputGradScalar(int in, int out, float[] gy, float[] w, int r, int c, int grain) {
        float a = 0;
        for (int o0 = 0; o0 < out; o0 += grain) {
            float t = 0;
            for (int o = o0, o1 = Math.min(out, o0 + grain); o < o1; o++) {
                t = Math.fma(w[o * in + c], gy[r * out + o], t);
            }
            a = o0 == 0 ? t : a + t;
        }
        return a;
    }

    /** The reference for {@link #inputGrad}: every element by {@link #inputGradScalar}, the same order. */
    static void inputGradPlain(int b, int in, int out, float[] gy, float[] w, float[] dx) {
        int grain = partRows(in);
        for (int r = 0; r < b; r++) {
            for (int c = 0; c < in; c++) dx[r * in + c] = inputGradScalar(in, out, gy, w, r, c, grain);
        }
    }

    /**
     * The part of dx from rows {@code [o0, o1)} of W (one chunk of {@link #partRows}(in) rows):
     * {@code part[pOff + r·in + i]} = the chain over those rows in order, from 0, as {@link #inputGrad} forms it.
     */
    static void inputGradPartial(int b, int in, int out, float[] gy, float[] w, float[] part, int pOff,
                                 int o0, int o1) {
        partColumns(b, in, out, gy, w, o0, o1, 0, in, part, pOff, false);
    }

    /** dx = the chunks' parts ({@code chunks} blocks of b·in floats in {@code part}) added in chunk order. */
    static void inputGradSum(int b, int in, int chunks, float[] part, float[] dx) {
        int n = b * in, end = n - n % L;
        System.arraycopy(part, 0, dx, 0, n);
        for (int k = 1; k < chunks; k++) {
            int off = k * n, i = 0;
            for (; i < end; i += L) {
                FloatVector.fromArray(S, dx, i).add(FloatVector.fromArray(S, part, off + i)).intoArray(dx, i);
            }
            for (; i < n; i++) dx[i] += part[off + i];
        }
    }

    /** dW[out, in] = gy[b, out]ᵀ · x[b, in] (overwrites dW). */
    void weightGrad(int b, int in, int out, float[] gy, float[] x, float[] dw) {
        set(b, in, out, gy, x, dw);
        par.forRange(out, Math.max(1, CHUNK_WORK / Math.max(1, b * in)), (long) b * in * out / 4, weightGradBody);
        set(0, 0, 0, null, null, null);
    }

    // rows [o0, o1) of dW
    static void weightGradRows(int b, int in, int out, float[] gy, float[] x, float[] dw, int o0, int o1) {
        for (int o = o0; o < o1; o++) weightGradRow(b, in, out, gy, x, o, dw, o * in);
    }

    /** Row o of dW = gyᵀ·x into {@code dw[off…off + in)} (the operations of {@link #weightGrad} for that row). */
    static void weightGradRow(int b, int in, int out, float[] gy, float[] x, int o, float[] dw, int off) {
        int end = in - in % L;
        if (b == 4) {   // the same chain per element, written out with the four broadcasts hoisted
            weightGradRow4(in, out, gy, x, o, dw, off);
        } else {
            weightGradRowVectors(b, in, out, gy, x, o, dw, off);
        }
        for (int i = end; i < in; i++) {
            float s = 0;
            for (int r = 0; r < b; r++) s = Math.fma(x[r * in + i], gy[r * out + o], s);
            dw[off + i] = s;
        }
    }

    // the vector part of weightGradRow for b = 4: a = fma(x3, g3, fma(x2, g2, fma(x1, g1, fma(x0, g0, 0))))
    private static void weightGradRow4(int in, int out, float[] gy, float[] x, int o, float[] dw, int off) {
        FloatVector zero = FloatVector.zero(S);
        FloatVector g0 = FloatVector.broadcast(S, gy[o]), g1 = FloatVector.broadcast(S, gy[out + o]);
        FloatVector g2 = FloatVector.broadcast(S, gy[2 * out + o]), g3 = FloatVector.broadcast(S, gy[3 * out + o]);
        for (int i = 0, end = in - in % L; i < end; i += L) {
            FloatVector a = FloatVector.fromArray(S, x, i).fma(g0, zero);
            a = FloatVector.fromArray(S, x, in + i).fma(g1, a);
            a = FloatVector.fromArray(S, x, 2 * in + i).fma(g2, a);
            FloatVector.fromArray(S, x, 3 * in + i).fma(g3, a).intoArray(dw, off + i);
        }
    }

    private static void weightGradRowVectors(int b, int in, int out, float[] gy, float[] x, int o, float[] dw, int off) {
        for (int i = 0, end = in - in % L; i < end; i += L) {
            FloatVector a = FloatVector.zero(S);
            for (int r = 0; r < b; r++) a = FloatVector.fromArray(S, x, r * in + i).fma(FloatVector.broadcast(S, gy[r * out + o]), a);
            a.intoArray(dw, off + i);
        }
    }
}
