package org.maqd.quant.ptq;

import java.util.Arrays;

/** Static min-max calibration: the clip range is the smallest and largest value seen per channel. */
public final class MinMaxCalibrator extends Calibrator {
    private double[] min, max;

    public MinMaxCalibrator(int states, boolean symmetric, int axis) { super(states, symmetric, axis); }

    @Override protected void start(int channels) {
        min = new double[channels];
        max = new double[channels];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
    }

    @Override protected void accept(float[] x, int inner, int channels) {
        for (int i = 0; i < x.length; i++) {
            int c = channels == 1 ? 0 : (i / inner) % channels;
            float v = x[i];
            if (v < min[c]) min[c] = v;
            if (v > max[c]) max[c] = v;
        }
    }

    @Override protected void range(double[] lo, double[] hi) {
        for (int c = 0; c < lo.length; c++) {
            if (min[c] > max[c]) throw new IllegalStateException("min-max calibration: channel " + c + " saw no values");
            lo[c] = min[c];
            hi[c] = max[c];
        }
    }
}
