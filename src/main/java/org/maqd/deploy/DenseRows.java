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

    /** Rows of a dense block, each padded to a multiple of {@code lanes} outputs, with its thresholds. */
    DenseRows(IntBlock b, int lanes) {
        int oc = b.outChannels(), k = b.fanIn();
        inputs = k;
        outputs = oc;
        stride = (oc + lanes - 1) / lanes * lanes;
        short[] w = b.weights();
        int max = 0;
        boolean allOdd = true;
        for (short v : w) {
            max = Math.max(max, Math.abs(v));
            allOdd &= (v & 1) != 0;
        }
        boolean half = b.weightStates() % 2 == 0 && allOdd;
        if (!half && max <= 127 || half && max <= 255) {
            w8 = new byte[k * stride];
            for (int o = 0; o < oc; o++) {
                for (int j = 0; j < k; j++) {
                    int v = w[o * k + j];
                    w8[j * stride + o] = (byte) (half ? (v - 1) / 2 : v);   // v odd: exact halving
                }
            }
            w16 = null;
            scale = half ? 2 : 1;
            plusCodeSum = half;
        } else {
            w16 = new short[k * stride];
            for (int o = 0; o < oc; o++) for (int j = 0; j < k; j++) w16[j * stride + o] = w[o * k + j];
            w8 = null;
            scale = 1;
            plusCodeSum = false;
        }
        int n = b.thresholdCount();
        direction = new int[stride];
        thresholds = new int[n * stride];
        java.util.Arrays.fill(thresholds, 1);
        for (int o = 0; o < oc && n > 0; o++) {
            direction[o] = b.direction()[o];
            for (int j = 0; j < n; j++) thresholds[j * stride + o] = b.thresholds()[o * n + j];
        }
    }

    /** The weight of input j to output o, as the block defines it. */
    int weight(int j, int o) {
        return w8 != null ? scale * w8[j * stride + o] + (plusCodeSum ? 1 : 0) : w16[j * stride + o];
    }
}
