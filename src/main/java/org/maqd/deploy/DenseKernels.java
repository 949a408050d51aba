package org.maqd.deploy;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The integer engine's inner loops with the Vector API, and the plain loops beside them as the reference.
 * Integer addition is exact and associative, so both give identical results.
 * <ul>
 *   <li>{@link #nonzeros}: a sample's nonzero input codes, eight at a time (a zero word is skipped whole);</li>
 *   <li>{@link #accumulate(int[], byte[], int, int[], int[], int)} and its int16 twin: Σ_t code_t·row_t over
 *       {@link DenseRows}, four vectors of outputs held in registers across all inputs;</li>
 *   <li>{@link #addRows}: the same for 2-state inputs, whose nonzero codes are all 1: additions only;</li>
 *   <li>{@link #addScaled}: one row update, for the convolution loop.</li>
 * </ul>
 */
final class DenseKernels {
    private DenseKernels() {}

    /** The one int species of the engine, the preferred one (mixing int sizes slows C2's Vector API code). */
    static final VectorSpecies<Integer> IP = IntVector.SPECIES_PREFERRED;
    static final int LANES = IP.length();
    /**
     * Whether the vector loops run here: they widen {@link #LANES} int8 or int16 values, which needs byte vectors of
     * at least 64 bits (8 int lanes; 128-bit-only machines have 4) and short vectors of a standard size (at most
     * 512 bits: 32 int lanes). Elsewhere the engine takes the plain loops.
     */
    static final boolean VECTOR = LANES >= 8 && LANES <= 32;
    /** int8 / int16 rows widened to {@link #IP} lanes. */
    private static final VectorSpecies<Byte> B = VECTOR ? VectorSpecies.of(byte.class, VectorShape.forBitSize(LANES * 8)) : null;
    private static final VectorSpecies<Short> H = VECTOR ? VectorSpecies.of(short.class, VectorShape.forBitSize(LANES * 16)) : null;

    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /**
     * The nonzero codes among {@code in[off … off + k)}: their row offsets {@code j·stride} into
     * {@code index} and codes into {@code code}, in increasing j. Returns their number.
     */
    static int nonzeros(byte[] in, int off, int k, int stride, int[] index, int[] code) {
        int nnz = 0, j = 0;
        for (; j + 8 <= k; j += 8) {
            long v = (long) WORDS.get(in, off + j);
            // the high bit of every nonzero byte (no carry crosses a byte: (b & 0x7F) + 0x7F ≤ 0xFE)
            long m = (((v & 0x7F7F7F7F7F7F7F7FL) + 0x7F7F7F7F7F7F7F7FL) | v) & 0x8080808080808080L;
            while (m != 0) {
                int jj = j + (Long.numberOfTrailingZeros(m) >>> 3);
                m &= m - 1;
                index[nnz] = jj * stride;
                code[nnz++] = in[off + jj] & 0xFF;
            }
        }
        for (; j < k; j++) {
            int c = in[off + j] & 0xFF;
            index[nnz] = j * stride;
            code[nnz] = c;
            nnz += c != 0 ? 1 : 0;
        }
        return nnz;
    }

    /** Reference for {@link #nonzeros}. */
    static int nonzerosPlain(byte[] in, int off, int k, int stride, int[] index, int[] code) {
        int nnz = 0;
        for (int j = 0; j < k; j++) {
            int c = in[off + j] & 0xFF;
            if (c == 0) continue;
            index[nnz] = j * stride;
            code[nnz++] = c;
        }
        return nnz;
    }

    /**
     * {@code acc[o] = Σ_t code[t]·w[index[t] + o]} for o in [0, stride): int8 rows, {@code stride} a multiple of
     * {@link #LANES}. This and the other whole-row loops need {@link #VECTOR}.
     */
    static void accumulate(int[] acc, byte[] w, int stride, int[] index, int[] code, int nnz) {
        int o = 0;
        for (; o + 4 * LANES <= stride; o += 4 * LANES) {
            IntVector a0 = IntVector.zero(IP), a1 = IntVector.zero(IP), a2 = IntVector.zero(IP), a3 = IntVector.zero(IP);
            for (int t = 0; t < nnz; t++) {
                int base = index[t] + o, c = code[t];
                a0 = a0.add(((IntVector) ByteVector.fromArray(B, w, base).convertShape(VectorOperators.B2I, IP, 0)).mul(c));
                a1 = a1.add(((IntVector) ByteVector.fromArray(B, w, base + LANES).convertShape(VectorOperators.B2I, IP, 0)).mul(c));
                a2 = a2.add(((IntVector) ByteVector.fromArray(B, w, base + 2 * LANES).convertShape(VectorOperators.B2I, IP, 0)).mul(c));
                a3 = a3.add(((IntVector) ByteVector.fromArray(B, w, base + 3 * LANES).convertShape(VectorOperators.B2I, IP, 0)).mul(c));
            }
            a0.intoArray(acc, o);
            a1.intoArray(acc, o + LANES);
            a2.intoArray(acc, o + 2 * LANES);
            a3.intoArray(acc, o + 3 * LANES);
        }
        for (; o < stride; o += LANES) {
            IntVector a = IntVector.zero(IP);
            for (int t = 0; t < nnz; t++) {
                a = a.add(((IntVector) ByteVector.fromArray(B, w, index[t] + o).convertShape(VectorOperators.B2I, IP, 0)).mul(code[t]));
            }
            a.intoArray(acc, o);
        }
    }

    /** As {@link #accumulate(int[], byte[], int, int[], int[], int)} for int16 rows. */
    static void accumulate(int[] acc, short[] w, int stride, int[] index, int[] code, int nnz) {
        int o = 0;
        for (; o + 4 * LANES <= stride; o += 4 * LANES) {
            IntVector a0 = IntVector.zero(IP), a1 = IntVector.zero(IP), a2 = IntVector.zero(IP), a3 = IntVector.zero(IP);
            for (int t = 0; t < nnz; t++) {
                int base = index[t] + o, c = code[t];
                a0 = a0.add(((IntVector) ShortVector.fromArray(H, w, base).convertShape(VectorOperators.S2I, IP, 0)).mul(c));
                a1 = a1.add(((IntVector) ShortVector.fromArray(H, w, base + LANES).convertShape(VectorOperators.S2I, IP, 0)).mul(c));
                a2 = a2.add(((IntVector) ShortVector.fromArray(H, w, base + 2 * LANES).convertShape(VectorOperators.S2I, IP, 0)).mul(c));
                a3 = a3.add(((IntVector) ShortVector.fromArray(H, w, base + 3 * LANES).convertShape(VectorOperators.S2I, IP, 0)).mul(c));
            }
            a0.intoArray(acc, o);
            a1.intoArray(acc, o + LANES);
            a2.intoArray(acc, o + 2 * LANES);
            a3.intoArray(acc, o + 3 * LANES);
        }
        for (; o < stride; o += LANES) {
            IntVector a = IntVector.zero(IP);
            for (int t = 0; t < nnz; t++) {
                a = a.add(((IntVector) ShortVector.fromArray(H, w, index[t] + o).convertShape(VectorOperators.S2I, IP, 0)).mul(code[t]));
            }
            a.intoArray(acc, o);
        }
    }

    /** {@code acc[o] = Σ_t w[index[t] + o]}: int8 rows, inputs whose nonzero codes are all 1 (2-state codes). */
    static void addRows(int[] acc, byte[] w, int stride, int[] index, int nnz) {
        int o = 0;
        for (; o + 4 * LANES <= stride; o += 4 * LANES) {
            IntVector a0 = IntVector.zero(IP), a1 = IntVector.zero(IP), a2 = IntVector.zero(IP), a3 = IntVector.zero(IP);
            for (int t = 0; t < nnz; t++) {
                int base = index[t] + o;
                a0 = a0.add((IntVector) ByteVector.fromArray(B, w, base).convertShape(VectorOperators.B2I, IP, 0));
                a1 = a1.add((IntVector) ByteVector.fromArray(B, w, base + LANES).convertShape(VectorOperators.B2I, IP, 0));
                a2 = a2.add((IntVector) ByteVector.fromArray(B, w, base + 2 * LANES).convertShape(VectorOperators.B2I, IP, 0));
                a3 = a3.add((IntVector) ByteVector.fromArray(B, w, base + 3 * LANES).convertShape(VectorOperators.B2I, IP, 0));
            }
            a0.intoArray(acc, o);
            a1.intoArray(acc, o + LANES);
            a2.intoArray(acc, o + 2 * LANES);
            a3.intoArray(acc, o + 3 * LANES);
        }
        for (; o < stride; o += LANES) {
            IntVector a = IntVector.zero(IP);
            for (int t = 0; t < nnz; t++) a = a.add((IntVector) ByteVector.fromArray(B, w, index[t] + o).convertShape(VectorOperators.B2I, IP, 0));
            a.intoArray(acc, o);
        }
    }

    /**
     * Codes of a hidden dense block: {@code out[o] = #{j : dir[o]·acc[o] ≥ thr[j·stride + o]}} for o in
     * [0, stride) (thresholds stored transposed, ascending in j). Writes whole vectors: {@code out} needs room
     * for {@code stride} codes; the padded outputs' codes are never read.
     */
    static void threshold(int[] acc, int[] dir, int[] thr, int n, int stride, byte[] out) {
        IntVector zero = IntVector.zero(IP), one = IntVector.broadcast(IP, 1);
        for (int o = 0; o < stride; o += LANES) {
            IntVector v = IntVector.fromArray(IP, acc, o).mul(IntVector.fromArray(IP, dir, o));
            IntVector k = zero;
            for (int j = 0; j < n; j++) {
                k = k.add(zero.blend(one, v.compare(VectorOperators.GE, IntVector.fromArray(IP, thr, j * stride + o))));
            }
            ((ByteVector) k.convertShape(VectorOperators.I2B, B, 0)).intoArray(out, o);
        }
    }

    /** Reference for {@link #threshold}, over the outputs that exist. */
    static void thresholdPlain(int[] acc, int[] dir, int[] thr, int n, int stride, int outputs, byte[] out) {
        for (int o = 0; o < outputs; o++) {
            int v = dir[o] * acc[o], k = 0;
            for (int j = 0; j < n; j++) if (v >= thr[j * stride + o]) k++;
            out[o] = (byte) k;
        }
    }

    /** Reference for the row accumulations: plain loops over {@link DenseRows}' definition. */
    static void accumulatePlain(int[] acc, DenseRows rows, int[] index, int[] code, int nnz) {
        for (int o = 0; o < rows.outputs; o++) {
            long s = 0;
            for (int t = 0; t < nnz; t++) s += (long) code[t] * rows.weight(index[t] / rows.stride, o);
            acc[o] = (int) s;
        }
    }

    /** {@code acc[o] += c·w[base + o]} for o in [0, n): one int16 row update (the convolution loop; the scalar tail does all of it without {@link #VECTOR}). */
    static void addScaled(int[] acc, short[] w, int base, int c, int n) {
        int o = VECTOR ? 0 : n;
        for (; o + LANES <= n; o += LANES) {
            IntVector wv = (IntVector) ShortVector.fromArray(H, w, base + o).convertShape(VectorOperators.S2I, IP, 0);
            IntVector a = IntVector.fromArray(IP, acc, o);
            (c == 1 ? a.add(wv) : a.add(wv.mul(c))).intoArray(acc, o);
        }
        for (; o < n; o++) acc[o] += c * w[base + o];
    }

    /** As above for an int8 row. */
    static void addScaled(int[] acc, byte[] w, int base, int c, int n) {
        int o = VECTOR ? 0 : n;
        for (; o + LANES <= n; o += LANES) {
            IntVector wv = (IntVector) ByteVector.fromArray(B, w, base + o).convertShape(VectorOperators.B2I, IP, 0);
            IntVector a = IntVector.fromArray(IP, acc, o);
            (c == 1 ? a.add(wv) : a.add(wv.mul(c))).intoArray(acc, o);
        }
        for (; o < n; o++) acc[o] += c * w[base + o];
    }

    /** Reference: plain loops. */
    static void addScaledPlain(int[] acc, short[] w, int base, int c, int n) {
        for (int o = 0; o < n; o++) acc[o] += c * w[base + o];
    }

    static void addScaledPlain(int[] acc, byte[] w, int base, int c, int n) {
        for (int o = 0; o < n; o++) acc[o] += c * w[base + o];
    }
}
