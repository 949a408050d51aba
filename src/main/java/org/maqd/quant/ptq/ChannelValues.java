package org.maqd.quant.ptq;

import java.util.Arrays;

/** All values observed per channel (growable float arrays), for calibrators that need the distribution. */
final class ChannelValues {
    private final float[][] values;
    private final int[] count;

    ChannelValues(int channels) {
        values = new float[channels][64];
        count = new int[channels];
    }

    void accept(float[] x, int inner, int channels) {
        for (int i = 0; i < x.length; i++) {
            int c = channels == 1 ? 0 : (i / inner) % channels;
            if (count[c] == values[c].length) values[c] = Arrays.copyOf(values[c], values[c].length * 2);
            values[c][count[c]++] = x[i];
        }
    }

    /** The values of channel c, sorted ascending (a copy). */
    float[] sorted(int c) {
        if (count[c] == 0) throw new IllegalStateException("calibration: channel " + c + " saw no values");
        float[] v = Arrays.copyOf(values[c], count[c]);
        Arrays.sort(v);
        return v;
    }

    /** Percentile p ∈ [0, 100] of sorted values, linear between order statistics (position p/100·(n − 1)). */
    static double percentile(float[] sorted, double p) {
        double pos = p / 100.0 * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        if (i >= sorted.length - 1) return sorted[sorted.length - 1];
        double f = pos - i;
        return sorted[i] + f * (sorted[i + 1] - sorted[i]);
    }
}
