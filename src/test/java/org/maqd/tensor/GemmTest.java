package org.maqd.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.maqd.tensor.ref.RefKernels;

class GemmTest {
    private static final Parallel TWO = new Parallel(2);
    private static final Parallel THREE = new Parallel(3);

    @AfterAll
    static void close() {
        TWO.close();
        THREE.close();
    }

    static float[] random(Rng rng, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) x[i] = rng.nextFloat() * 2f - 1f;
        return x;
    }

    /** Fast result must match the reference within a tolerance relative to Σ|a·b| per element. */
    static void check(boolean ta, boolean tb, int m, int n, int k, boolean acc, long seed) {
        Rng rng = new Rng(seed);
        int aOff = 3, bOff = 5, cOff = 7;
        float[] a = random(rng, aOff + m * k), b = random(rng, bOff + k * n);
        float[] c0 = random(rng, cOff + m * n);
        float[] fast = c0.clone(), ref = c0.clone();
        Gemm.gemm(TWO, ta, tb, m, n, k, a, aOff, b, bOff, fast, cOff, acc);
        RefKernels.gemm(ta, tb, m, n, k, a, aOff, b, bOff, ref, cOff, acc);
        float[] absA = abs(a), absB = abs(b), bound = abs(c0);
        RefKernels.gemm(ta, tb, m, n, k, absA, aOff, absB, bOff, bound, cOff, acc);
        for (int i = 0; i < cOff; i++) assertEquals(c0[i], fast[i], "wrote before cOff");
        for (int i = 0; i < m * n; i++) {
            float tol = 2e-6f * bound[cOff + i] * (float) Math.sqrt(k + 1) + 1e-7f;
            assertEquals(ref[cOff + i], fast[cOff + i], tol, "ta=" + ta + " tb=" + tb + " m=" + m + " n=" + n
                    + " k=" + k + " acc=" + acc + " at " + (i / n) + "," + (i % n));
        }
    }

    static float[] abs(float[] x) {
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) y[i] = Math.abs(x[i]);
        return y;
    }

    @Test
    void matchesReferenceOnEdgeSizesAllOrientations() {
        int[] dims = {1, 3, 17, 63, 65};
        long seed = 1;
        for (int m : dims) for (int n : dims) for (int k : dims) {
            for (int o = 0; o < 4; o++) check((o & 1) != 0, (o & 2) != 0, m, n, k, (m + n + k + o) % 2 == 0, seed++);
        }
    }

    @Test
    void matchesReferenceOnRandomLargerSizes() {
        Rng sizes = new Rng(7);
        for (int t = 0; t < 24; t++) {
            int m = 1 + sizes.nextInt(140), n = 1 + sizes.nextInt(300), k = 1 + sizes.nextInt(700);
            check(sizes.nextInt(2) == 1, sizes.nextInt(2) == 1, m, n, k, sizes.nextInt(2) == 1, 100 + t);
        }
        // k spanning several k-blocks, and the benchmark shape
        check(false, false, 37, 131, 1100, true, 200);
        check(true, true, 256, 256, 784, false, 201);
        check(false, true, 256, 64, 784, false, 202);   // the MLP's W_q·xᵀ at batch 64: six-aligned row tiles
        check(true, false, 256, 784, 64, false, 203);   // its weight gradient dyᵀ·x: A copied to row-major, 132-row passes
        check(true, false, 70, 100, 33, true, 204);     // the same path accumulating, odd sizes
    }

    @Test
    void zeroKClearsOrKeepsC() {
        float[] c = {1, 2, 3, 4};
        Gemm.gemm(TWO, false, false, 2, 2, 0, new float[0], 0, new float[0], 0, c, 0, true);
        assertArrayEquals(new float[] {1, 2, 3, 4}, c);
        GemmWorkspace ws = new GemmWorkspace();
        Gemm.gemm(ws, TWO, false, false, 2, 2, 0, new float[0], 0, new float[0], 0, c, 0, false);
        assertArrayEquals(new float[4], c);
    }

    @Test
    void bitIdenticalForOneTwoAndThreeThreads() {
        Rng rng = new Rng(3);
        int[][] shapes = {{256, 256, 784}, {65, 200, 300}, {32, 784, 288}, {288, 784, 32}, {7, 1000, 513}};
        for (int[] s : shapes) {
            int m = s[0], n = s[1], k = s[2];
            for (int o = 0; o < 4; o++) {
                boolean ta = (o & 1) != 0, tb = (o & 2) != 0;
                float[] a = random(rng, m * k), b = random(rng, k * n), c0 = random(rng, m * n);
                float[] c1 = c0.clone(), c2 = c0.clone(), c3 = c0.clone();
                Gemm.gemm(Parallel.serial(), ta, tb, m, n, k, a, 0, b, 0, c1, 0, o == 3);
                Gemm.gemm(TWO, ta, tb, m, n, k, a, 0, b, 0, c2, 0, o == 3);
                Gemm.gemm(THREE, ta, tb, m, n, k, a, 0, b, 0, c3, 0, o == 3);
                assertArrayEquals(c1, c2, "1 vs 2 threads " + m + "x" + n + "x" + k + " o=" + o);
                assertArrayEquals(c1, c3, "1 vs 3 threads " + m + "x" + n + "x" + k + " o=" + o);
            }
        }
    }

    /**
     * Every element is one FMA chain over p = 0…k−1 from C or from 0, whichever kernel computes it: row-major A
     * (the unit-stride kernel) and the same A stored transposed (the strided kernel) give identical bits, so do
     * a row-major B read in place and the same B stored transposed (packed), and so does a plain FMA chain from C
     * or from 0 (so the shared zero tile of first k-blocks is still zero). Row counts cover every mix of 6-row,
     * 4-row and single-row blocks, k = 2100 spans three k-blocks, n = 1024 reads sixteen panels in place, and
     * panels of one vector or less (n = 10, 16, 5; the last 16 of 784 columns) go through the 8-row kernel.
     */
    @Test
    void rowMajorAndTransposedAGiveTheSameFmaChainBits() {
        Rng rng = new Rng(21);
        int[][] shapes = {{64, 256, 784}, {37, 200, 300}, {8, 70, 513}, {256, 784, 64}, {45, 128, 40}, {13, 320, 90}, {14, 70, 2100},
                {33, 1024, 40}, {23, 192, 50}, {256, 10, 256}, {64, 10, 256}, {21, 16, 100}, {45, 784, 30}, {19, 5, 70}};
        for (int[] sh : shapes) {
            int m = sh[0], n = sh[1], k = sh[2];
            float[] a = random(rng, m * k), b = random(rng, k * n), at = new float[k * m], bt = new float[n * k];
            for (int i = 0; i < m; i++) for (int p = 0; p < k; p++) at[p * m + i] = a[i * k + p];
            for (int p = 0; p < k; p++) for (int j = 0; j < n; j++) bt[j * k + p] = b[p * n + j];
            for (boolean acc : new boolean[] {false, true}) {
                float[] c0 = random(rng, m * n), rowMajor = c0.clone(), transposed = c0.clone(), chain = c0.clone();
                float[] packedB = c0.clone();
                Gemm.gemm(TWO, false, false, m, n, k, a, 0, b, 0, rowMajor, 0, acc);
                Gemm.gemm(TWO, true, false, m, n, k, at, 0, b, 0, transposed, 0, acc);
                Gemm.gemm(TWO, false, true, m, n, k, a, 0, bt, 0, packedB, 0, acc);
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        float x = acc ? c0[i * n + j] : 0f;
                        for (int p = 0; p < k; p++) x = Math.fma(a[i * k + p], b[p * n + j], x);
                        chain[i * n + j] = x;
                    }
                }
                String shape = m + "x" + n + "x" + k + " acc=" + acc;
                assertArrayEquals(transposed, rowMajor, shape);
                assertArrayEquals(packedB, rowMajor, shape + " (B in place vs packed)");
                assertArrayEquals(chain, rowMajor, shape);
            }
        }
    }

    @Test
    void agreesWithEjml() {
        Rng rng = new Rng(11);
        int m = 70, n = 90, k = 110;
        float[] a = random(rng, m * k), b = random(rng, k * n), c = new float[m * n];
        Gemm.gemm(TWO, false, false, m, n, k, a, 0, b, 0, c, 0, false);
        FMatrixRMaj e = new FMatrixRMaj(m, n);
        CommonOps_FDRM.mult(new FMatrixRMaj(m, k, true, a), new FMatrixRMaj(k, n, true, b), e);
        for (int i = 0; i < m * n; i++) assertEquals(e.data[i], c[i], 1e-4f);
        // Aᵀ·Bᵀ against EJML's transposed product
        float[] at = random(rng, k * m), bt = random(rng, n * k);
        Gemm.gemm(TWO, true, true, m, n, k, at, 0, bt, 0, c, 0, false);
        CommonOps_FDRM.multTransAB(new FMatrixRMaj(k, m, true, at), new FMatrixRMaj(n, k, true, bt), e);
        for (int i = 0; i < m * n; i++) assertEquals(e.data[i], c[i], 1e-4f);
    }

    @Test
    void workspaceIsReusedAndSteadyStateAllocatesLittle() {
        int m = 128, n = 256, k = 300;
        Rng rng = new Rng(5);
        float[] a = random(rng, m * k), b = random(rng, k * n), c = new float[m * n];
        GemmWorkspace ws = new GemmWorkspace();
        Gemm.gemm(ws, Parallel.serial(), false, true, m, n, k, a, 0, b, 0, c, 0, false);
        float[] packed = ws.packed(1);
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        // Vector API code allocates (boxes) until C2 compiles it: measure windows until one is clean, for up to
        // 120 s (a fixed count of windows can run out before the compiler finishes on a loaded machine)
        long perCall = Long.MAX_VALUE, deadline = System.nanoTime() + 120_000_000_000L;
        while (perCall >= 2048 && System.nanoTime() < deadline) {
            long before = mx.getThreadAllocatedBytes(tid);
            for (int i = 0; i < 10; i++) {
                Gemm.gemm(ws, Parallel.serial(), false, true, m, n, k, a, 0, b, 0, c, 0, false);
                Gemm.gemm(Parallel.serial(), false, false, m, n, k, a, 0, b, 0, c, 0, false);
            }
            perCall = (mx.getThreadAllocatedBytes(tid) - before) / 20;
        }
        assertSame(packed, ws.packed(PackedPanelsSize.of(n, k)), "packed buffer was reallocated");
        // the packed operand alone is ~300 KB; only small closures may be allocated per call
        assertTrue(perCall < 2048, "allocated " + perCall + " bytes per call");
    }

    @Test
    void poolHandsBackReleasedWorkspaces() {
        GemmWorkspace.Pool pool = new GemmWorkspace.Pool();
        GemmWorkspace w1 = pool.acquire(), w2 = pool.acquire();
        assertTrue(w1 != w2);
        pool.release(w1);
        assertSame(w1, pool.acquire());
    }

    /** Size helper kept in the test to read the layout size through the public API. */
    static final class PackedPanelsSize {
        static int of(int n, int k) { return org.maqd.tensor.fast.PackedPanels.size(n, k); }
    }
}
