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

    /** Reference: plain loops. */
    static void addScaledPlain(int[] acc, short[] w, int base, int c, int n) {
        for (int o = 0; o < n; o++) acc[o] += c * w[base + o];
    }

    static void addScaledPlain(int[] acc, byte[] w, int base, int c, int n) {
        for (int o = 0; o < n; o++) acc[o] += c * w[base + o];
    }
}
