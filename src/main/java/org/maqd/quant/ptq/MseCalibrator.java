package org.maqd.quant.ptq;

/**
 * Static MSE-optimal calibration: among the candidate clip ranges {@code r·[min, max]} (symmetric:
 * {@code r·[−max|x|, max|x|]}), r = k/K for k = 1…K, picks per channel the one whose fake quantization of the
 * calibration values has the smallest mean squared error (the first, i.e. tightest, on ties). K defaults to 100.
 */
public final class MseCalibrator extends Calibrator {
    public static final int DEFAULT_CANDIDATES = 100;
    private final int candidates;
    private ChannelValues values;

    public MseCalibrator(int states, boolean symmetric, int axis, int candidates) {
        super(states, symmetric, axis);
        if (candidates < 1) throw new IllegalArgumentException("mse calibration: candidates must be >= 1, got " + candidates);
        this.candidates = candidates;
    }

    @Override protected void start(int channels) { values = new ChannelValues(channels); }

    @Override protected void accept(float[] x, int inner, int channels) { values.accept(x, inner, channels); }

    @Override protected void range(double[] lo, double[] hi) {
        for (int c = 0; c < lo.length; c++) {
            float[] v = values.sorted(c);
            double min = v[0], max = v[v.length - 1];
            if (symmetric) { max = Math.max(-min, max); min = -max; }
            double best = Double.POSITIVE_INFINITY;
            for (int k = 1; k <= candidates; k++) {
                double r = (double) k / candidates;
                double e = mse(v, AffineQuantizer.perTensor(states, symmetric, r * min, r * max));
                if (e < best) { best = e; lo[c] = r * min; hi[c] = r * max; }
            }
        }
    }

    /** Mean squared error of fake-quantizing {@code v} with {@code q} (channel 0). */
    static double mse(float[] v, AffineQuantizer q) {
        double s = 0;
        for (float x : v) {
            double d = x - q.dequantize(q.code(x, 0), 0);
            s += d * d;
        }
        return s / v.length;
    }

    public int candidates() { return candidates; }
}
