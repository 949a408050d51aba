package org.maqd.tensor;


/**
 * Matrix multiply entry point used by layers: C[m,n] = (accumulate ? C : 0) + op(A)·op(B), row-major.
 * Results are identical for any thread count: each output element is computed by one thread, summing over
 * k in a fixed order.
 */
public final class Gemm {
    private Gemm() {}

    public static void gemm(Parallel par, boolean transA, boolean transB, int m, int n, int k,
                            float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, boolean accumulate) {
        par.forRange(m, Math.max(1, 4096 / Math.max(1, n * 4)), (i0, i1) -> {
            // Rows [i0, i1) of C: offset views into A are only valid without transA, so use the general loop.
            for (int i = i0; i < i1; i++) {
                for (int j = 0; j < n; j++) {
                    float s = 0f;
                    for (int p = 0; p < k; p++) {
                        float av = transA ? a[aOff + p * m + i] : a[aOff + i * k + p];
                        float bv = transB ? b[bOff + j * k + p] : b[bOff + p * n + j];
                        s += av * bv;
                    }
                    c[cOff + i * n + j] = accumulate ? c[cOff + i * n + j] + s : s;
                }
            }
        });
    }
}
