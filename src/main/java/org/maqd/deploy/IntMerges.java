package org.maqd.deploy;

/** The integer engine's merge kernels: the fixed-point add ({@link IntAdd}) and the channel concat on codes. */
final class IntMerges {
    private IntMerges() {}

    // inputs k: codes [C, H, W] (uint8) or raw accumulators [C, H, W] (int32) -> out codes [C, H, W]
    static void add(IntAdd a, int[] src, byte[][] codes, int[][] raw, byte[] out) {
        int channels = a.outShape()[0], per = a.outShape()[1] * a.outShape()[2], k = src.length;
        long[][] m = a.multipliers();
        long[] o = a.offsets();
        for (int c = 0; c < channels; c++) {
            for (int q = c * per, e = q + per; q < e; q++) {
                long s = o[c];
                for (int i = 0; i < k; i++) {
                    long z = a.raw()[i] ? raw[src[i]][q] : codes[src[i]][q] & 0xFF;
                    s += m[i][c] * z;
                }
                out[q] = (byte) a.code(s);
            }
        }
    }

    // inputs [C_k, H, W] codes -> out [ΣC_k, H, W]
    static void concat(IntConcat c, int[] src, byte[][] codes, byte[] out) {
        int per = c.outShape()[1] * c.outShape()[2], at = 0;
        for (int i = 0; i < src.length; i++) {
            int n = c.channels()[i] * per;
            System.arraycopy(codes[src[i]], 0, out, at, n);
            at += n;
        }
    }
}
