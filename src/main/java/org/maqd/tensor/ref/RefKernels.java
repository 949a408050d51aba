package org.maqd.tensor.ref;

/**
 * Plain reference kernels: the oracle every fast kernel is tested against. Written for clarity, not speed.
 * All matrices are row-major and dense.
 */
public final class RefKernels {
    private RefKernels() {}

    /**
     * C[m,n] = (accumulate ? C : 0) + op(A) · op(B), where op(A) is [m,k] (A stored [m,k], or [k,m] when transA)
     * and op(B) is [k,n] (B stored [k,n], or [n,k] when transB).
     */
    public static void gemm(boolean transA, boolean transB, int m, int n, int k,
                            float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, boolean accumulate) {
        for (int i = 0; i < m; i++) {
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
    }
}
