package org.maqd.tensor.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link TapGemm} gives exactly the FMA chain over q = 0…kq−1 per element, from whichever kernel. */
class TapGemmTest {
    /** Plain reference: c[i, j] = fma chain over the steps in order, starting from c (accumulate) or 0. */
    static void reference(int m, int n, float[] a, int aOff, int ars, int[] aRel, float[] b, int bOff, int[] bRel,
                          int kq, float[] c, int cOff, int ldc, boolean accumulate) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float acc = accumulate ? c[cOff + i * ldc + j] : 0f;
                for (int q = 0; q < kq; q++) acc = Math.fma(a[aOff + i * ars + aRel[q]], b[bOff + bRel[q] + j], acc);
                c[cOff + i * ldc + j] = acc;
            }
        }
    }

    /** {@link TapGemm#multiply8} over A packed by {@link TapGemm#packRows8}: the reference bits on [m, n], nothing written past its blocks. */
    @Test
    void eightRowBlocksGiveTheReferenceBits() {
        Random r = new Random(11);
        int l = MicroKernels.L;
        for (int m : new int[] {1, 7, 8, 9, 16, 32, 33, 64}) {
            for (int n : new int[] {1, l - 1, l, l + 1, 2 * l, 3 * l - 1, 3 * l, 3 * l + 1, 5 * l + 3, 222, 838}) {
                for (int kq : new int[] {1, 9, 97, 288}) {
                    int ars = kq + 3, bRows = 30, ldb = n + 7;
                    int[] aRel = new int[kq], bRel = new int[kq];
                    for (int q = 0; q < kq; q++) {
                        aRel[q] = r.nextInt(kq + 3);
                        bRel[q] = r.nextInt(bRows) * ldb + r.nextInt(5);
                    }
                    float[] a = randn(r, m * ars), b = randn(r, bRows * ldb + 5 + TapGemm.roundUp(n, l) + l);
                    float[] packed = new float[TapGemm.packedRows8Size(m, kq)];
                    TapGemm.packRows8(m, kq, a, 0, ars, aRel, packed);
                    int ldc = TapGemm.roundUp(n, l) + (m % 3), rows = TapGemm.roundUp(m, TapGemm.MR8);
                    float[] c1 = new float[m * n], c2 = new float[rows * ldc + 5];
                    java.util.Arrays.fill(c2, Float.NaN);
                    reference(m, n, a, 0, ars, aRel, b, 0, bRel, kq, c1, 0, n, false);
                    TapGemm.multiply8(m, n, packed, b, 0, bRel, kq, c2, 0, ldc);
                    for (int i = 0; i < m; i++) {
                        for (int j = 0; j < n; j++) {
                            int ii = i, jj = j;
                            assertEquals(Float.floatToRawIntBits(c1[i * n + j]), Float.floatToRawIntBits(c2[i * ldc + j]),
                                    () -> "m=" + m + " n=" + n + " kq=" + kq + " at " + ii + "," + jj);
                        }
                    }
                    for (int i = rows * ldc; i < c2.length; i++) assertEquals(true, Float.isNaN(c2[i]), "written past the blocks");
                }
            }
        }
        for (float z : PackedGemm.ZEROS) assertEquals(0f, z, "the shared zero tile was written");
    }

    /** {@link TapGemm#multiply6} over A packed by {@link TapGemm#packRows6}: the reference bits on [m, n], nothing written past its blocks. */
    @Test
    void sixRowBlocksGiveTheReferenceBits() {
        Random r = new Random(13);
        int l = MicroKernels.L;
        for (int m : new int[] {1, 5, 6, 7, 12, 32, 33, 64}) {
            for (int n : new int[] {1, l - 1, l, l + 1, 2 * l, 3 * l - 1, 3 * l, 3 * l + 1, 5 * l + 3, 222, 838}) {
                for (int kq : new int[] {1, 9, 97, 288}) {
                    int ars = kq + 3, bRows = 30, ldb = n + 7;
                    int[] aRel = new int[kq], bRel = new int[kq];
                    for (int q = 0; q < kq; q++) {
                        aRel[q] = r.nextInt(kq + 3);
                        bRel[q] = r.nextInt(bRows) * ldb + r.nextInt(5);
                    }
                    float[] a = randn(r, m * ars), b = randn(r, bRows * ldb + 5 + TapGemm.roundUp(n, 2 * l) + l);
                    float[] packed = new float[TapGemm.packedRows6Size(m, kq)];
                    TapGemm.packRows6(m, kq, a, 0, ars, aRel, packed);
                    int ldc = TapGemm.roundUp(n, 2 * l) + (m % 3), rows = TapGemm.roundUp(m, TapGemm.MR6);
                    float[] c1 = new float[m * n], c2 = new float[rows * ldc + 5];
                    java.util.Arrays.fill(c2, Float.NaN);
                    reference(m, n, a, 0, ars, aRel, b, 0, bRel, kq, c1, 0, n, false);
                    TapGemm.multiply6(m, n, packed, b, 0, bRel, kq, c2, 0, ldc);
                    for (int i = 0; i < m; i++) {
                        for (int j = 0; j < n; j++) {
                            int ii = i, jj = j;
                            assertEquals(Float.floatToRawIntBits(c1[i * n + j]), Float.floatToRawIntBits(c2[i * ldc + j]),
                                    () -> "m=" + m + " n=" + n + " kq=" + kq + " at " + ii + "," + jj);
                        }
                    }
                    for (int i = rows * ldc; i < c2.length; i++) assertEquals(true, Float.isNaN(c2[i]), "written past the blocks");
                }
            }
        }
        for (float z : PackedGemm.ZEROS) assertEquals(0f, z, "the shared zero tile was written");
    }

    /** See {@link KernelBytecode}: the AVX2 tap kernels are their own compile roots and call only the Vector API. */
    @Test
    void sixRowKernelsAreOwnCompileRoots() {
        KernelBytecode.assertOwnRootsCallingOnlyTheVectorApi(TapKernels6.class, "k6x2p", "k2x4p", "dw6x2u", "dw2x4u");
    }

    private static float[] randn(Random r, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) r.nextGaussian();
        return v;
    }
}
