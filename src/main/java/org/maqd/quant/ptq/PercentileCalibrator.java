package org.maqd.quant.ptq;

/**
 * Static percentile calibration: the clip range ignores the most extreme values. Asymmetric: [P_{100−p},
 * P_p] of the values; symmetric: [−P_p(|x|), P_p(|x|)]. Percentiles interpolate linearly between order
 * statistics (position p/100·(n − 1), numpy's default). All calibration values are kept per channel.
 */
public final class PercentileCalibrator extends Calibrator {
    private final double percentile;
    private ChannelValues values;

    public PercentileCalibrator(int states, boolean symmetric, int axis, double percentile) {
        super(states, symmetric, axis);
        if (!(percentile > 50 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile calibration: percentile must be in (50, 100], got " + percentile);
        }
        this.percentile = percentile;
    }

    @Override protected void start(int channels) { values = new ChannelValues(channels); }

    @Override protected void accept(float[] x, int inner, int channels) { values.accept(x, inner, channels); }

    @Override protected void range(double[] lo, double[] hi) {
        for (int c = 0; c < lo.length; c++) {
            float[] v = values.sorted(c);
            if (symmetric) {
                float[] a = new float[v.length];
                for (int i = 0; i < v.length; i++) a[i] = Math.abs(v[i]);
                java.util.Arrays.sort(a);
                double m = ChannelValues.percentile(a, percentile);
                lo[c] = -m;
                hi[c] = m;
            } else {
                lo[c] = ChannelValues.percentile(v, 100 - percentile);
                hi[c] = ChannelValues.percentile(v, percentile);
            }
        }
    }

    public double percentile() { return percentile; }
}
