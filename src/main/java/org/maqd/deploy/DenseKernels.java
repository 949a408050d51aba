package org.maqd.deploy;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The integer engine's inner loop, {@code acc[o] += c·w[base + o]} for o in [0, n): int16 or int8 weights widened
 * to int32 lanes with the Vector API (8 lanes), a scalar tail, and the plain loops beside them as the reference.
 * Integer addition is exact and associative, so both give identical results.
 */
final class DenseKernels {
    private DenseKernels() {}

    private static final VectorSpecies<Short> S16 = ShortVector.SPECIES_128;
    private static final VectorSpecies<Byte> S8 = ByteVector.SPECIES_64;
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_256;

    static void addScaled(int[] acc, short[] w, int base, int c, int n) {
        int o = 0;
        for (int end = n - 7; o < end; o += 8) {
            IntVector wv = (IntVector) ShortVector.fromArray(S16, w, base + o).convertShape(VectorOperators.S2I, I, 0);
            IntVector a = IntVector.fromArray(I, acc, o);
            (c == 1 ? a.add(wv) : a.add(wv.mul(c))).intoArray(acc, o);
        }
        for (; o < n; o++) acc[o] += c * w[base + o];
    }

    static void addScaled(int[] acc, byte[] w, int base, int c, int n) {
        int o = 0;
        for (int end = n - 7; o < end; o += 8) {
            IntVector wv = (IntVector) ByteVector.fromArray(S8, w, base + o).convertShape(VectorOperators.B2I, I, 0);
            IntVector a = IntVector.fromArray(I, acc, o);
            (c == 1 ? a.add(wv) : a.add(wv.mul(c))).intoArray(acc, o);
        }
        for (; o < n; o++) acc[o] += c * w[base + o];
    }

    /** The preferred species, the same size as the float kernels' (mixing vector sizes slows C2's Vector API code). */
    private static final VectorSpecies<Integer> IP = IntVector.SPECIES_PREFERRED;

    /**
     * {@code acc[o] = Σ_t code[t]·w[index[t] + o]} for o in [0, n): the nonzero inputs of a sample against
     * int32-widened transposed weight rows, four vectors of outputs held in registers across all inputs (the
     * accumulators are loaded and stored once per block, not once per input).
     */
    static void accumulate(int[] acc, int[] w, int n, int[] index, int[] code, int nnz) {
        int lanes = IP.length(), block = 4 * lanes, o = 0;
        for (; o + block <= n; o += block) {
            IntVector a0 = IntVector.zero(IP), a1 = IntVector.zero(IP), a2 = IntVector.zero(IP), a3 = IntVector.zero(IP);
            for (int t = 0; t < nnz; t++) {
                int base = index[t] + o, c = code[t];
                a0 = a0.add(IntVector.fromArray(IP, w, base).mul(c));
                a1 = a1.add(IntVector.fromArray(IP, w, base + lanes).mul(c));
                a2 = a2.add(IntVector.fromArray(IP, w, base + 2 * lanes).mul(c));
                a3 = a3.add(IntVector.fromArray(IP, w, base + 3 * lanes).mul(c));
            }
            a0.intoArray(acc, o);
            a1.intoArray(acc, o + lanes);
            a2.intoArray(acc, o + 2 * lanes);
            a3.intoArray(acc, o + 3 * lanes);
        }
        for (; o + lanes <= n; o += lanes) {
            IntVector a = IntVector.zero(IP);
            for (int t = 0; t < nnz; t++) a = a.add(IntVector.fromArray(IP, w, index[t] + o).mul(code[t]));
            a.intoArray(acc, o);
        }
        for (; o < n; o++) {
            int s = 0;
            for (int t = 0; t < nnz; t++) s += code[t] * w[index[t] + o];
            acc[o] = s;
        }
    }

    /** Reference for {@link #accumulate}: one plain row update. */
    static void addScaledPlain(int[] acc, int[] w, int base, int c, int n) {
        for (int o = 0; o < n; o++) acc[o] += c * w[base + o];
    }

    /** Reference: plain loops. */
    static void addScaledPlain(int[] acc, short[] w, int base, int c, int n) {
        for (int o = 0; o < n; o++) acc[o] += c * w[base + o];
    }

    static void addScaledPlain(int[] acc, byte[] w, int base, int c, int n) {
        for (int o = 0; o < n; o++) acc[o] += c * w[base + o];
    }
}
