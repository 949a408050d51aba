package org.maqd.deploy;

/**
 * The transposed weight rows of a dense block in the compact form the integer engine's vector loop reads:
 * row j (input j) holds the weights from input j to every output, {@code stride} entries apart (the output
 * count rounded up to whole vectors, padded with zeros), so a sample's nonzero inputs select whole rows.
 * <pre>  acc[o] = scale·Σ_t code_t·row(j_t)[o] + (plusCodeSum ? Σ_t code_t : 0)</pre>
 * <ul>
 *   <li>odd M_w with |w| ≤ 127: the weights themselves as int8 (scale 1);</li>
 *   <li>even M_w with |w| ≤ 255 (up to 256 states): the weights are odd, w = 2h + 1, so the int8 half
 *       h = (w − 1)/2 is stored and w·c = 2·h·c + c (scale 2, plus the code sum);</li>
 *   <li>anything wider: int16 weights (scale 1).</li>
 * </ul>
 * All of it is exact integer arithmetic; int8 rows are a quarter of the memory of int32 rows, which is what
 * bounds this loop.
 */
final class DenseRows {
    final int inputs, outputs, stride;
    final byte[] w8;
    final short[] w16;
    final int scale;
    final boolean plusCodeSum;
    /** Hidden blocks: direction per output and thresholds transposed, {@code thresholds[j·stride + o]}; padded outputs get direction 0 and threshold 1 (code 0). */
    final int[] direction, thresholds;

    private DenseRows(int inputs, int outputs, int stride, byte[] w8, short[] w16, int scale, boolean plusCodeSum) {
        this.inputs = inputs;
        this.outputs = outputs;
        this.stride = stride;
        this.w8 = w8;
        this.w16 = w16;
        this.scale = scale;
        this.plusCodeSum = plusCodeSum;
        this.direction = new int[stride];
        this.thresholds = new int[0];
    }

    private DenseRows(DenseRows r, int[] direction, int[] thresholds) {
        this.inputs = r.inputs;
        this.outputs = r.outputs;
        this.stride = r.stride;
        this.w8 = r.w8;
        this.w16 = r.w16;
        this.scale = r.scale;
        this.plusCodeSum = r.plusCodeSum;
        this.direction = direction;
        this.thresholds = thresholds;
    }

    /** Rows of a dense block, each padded to a multiple of {@code lanes} outputs, with its thresholds. */
    static DenseRows of(IntBlock b, int lanes) {
        DenseRows r = rows(b, lanes);
        if (b.isOutput()) return r;
        int n = b.thresholdCount(), oc = b.outChannels();
        int[] dir = new int[r.stride], thr = new int[n * r.stride];
        java.util.Arrays.fill(thr, 1);
        for (int o = 0; o < oc; o++) {
            dir[o] = b.direction()[o];
            for (int j = 0; j < n; j++) thr[j * r.stride + o] = b.thresholds()[o * n + j];
        }
        return new DenseRows(r, dir, thr);
    }

    private static DenseRows rows(IntBlock b, int lanes) {
        int oc = b.outChannels(), k = b.fanIn(), stride = (oc + lanes - 1) / lanes * lanes;
        short[] w = b.weights();
        int max = 0;
        boolean allOdd = true;
        for (short v : w) {
            max = Math.max(max, Math.abs(v));
            allOdd &= (v & 1) != 0;
        }
        boolean even = b.weightStates() % 2 == 0 && allOdd;
        if (!even && max <= 127 || even && max <= 255) {
            byte[] t = new byte[k * stride];
            for (int o = 0; o < oc; o++) {
                for (int j = 0; j < k; j++) {
                    int v = w[o * k + j];
                    t[j * stride + o] = (byte) (even ? (v - 1) / 2 : v);   // v odd when even: exact halving
                }
            }
            return new DenseRows(k, oc, stride, t, null, even ? 2 : 1, even);
        }
        short[] t = new short[k * stride];
        for (int o = 0; o < oc; o++) for (int j = 0; j < k; j++) t[j * stride + o] = w[o * k + j];
        return new DenseRows(k, oc, stride, null, t, 1, false);
    }

    /** The weight of input j to output o, as the block defines it. */
    int weight(int j, int o) {
        return w8 != null ? scale * w8[j * stride + o] + (plusCodeSum ? 1 : 0) : w16[j * stride + o];
    }
}
