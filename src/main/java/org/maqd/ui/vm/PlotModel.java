package org.maqd.ui.vm;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.maqd.tensor.Tensor;

/**
 * One quantizer over one layer's data, ready to draw: the histogram of the values over a range that also holds
 * the levels and the marks, the staircase x ↦ x̃ sampled over that range, the levels with the share of values
 * each one takes, a second quantizer's levels for comparison.
 */
public record PlotModel(float[] bins, double min, double max, double[] xs, double[] ys, double[] levels,
                        double[] share, double[] otherLevels) {
    public static final int BINS = 80, SAMPLES = 600;

    /**
     * @param target values that are quantized
     * @param q      the quantizer as a function value ↦ dequantized value
     * @param levels its levels, ascending
     * @param other  a second quantizer's levels (may be empty)
     * @param marks  further values the range must show (clip ranges, handles)
     */
    public static PlotModel of(Tensor target, DoubleUnaryOperator q, double[] levels, double[] other, double... marks) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (float v : target.data) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
        double dataLo = lo, dataHi = hi;
        for (double[] a : new double[][] {marks, ends(levels), ends(other)}) {
            for (double v : a) {
                if (Double.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
            }
        }
        // levels far outside the data (e.g. a 256-state grid) must not squash the histogram to a line
        double span = Math.max(dataHi - dataLo, 1e-6);
        lo = Math.max(lo, dataLo - span);
        hi = Math.min(hi, dataHi + span);
        double pad = (hi - lo) * 0.06 + 1e-9;
        lo -= pad;
        hi += pad;
        float[] bins = new float[BINS];
        double scale = BINS / (hi - lo);
        for (float v : target.data) bins[Math.max(0, Math.min(BINS - 1, (int) Math.floor((v - lo) * scale)))]++;
        double[] xs = new double[SAMPLES], ys = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            xs[i] = lo + (hi - lo) * i / (SAMPLES - 1);
            ys[i] = q.applyAsDouble(xs[i]);
        }
        double[] share = new double[levels.length];
        for (float v : target.data) {
            int k = nearest(levels, q.applyAsDouble(v));
            if (k >= 0) share[k]++;
        }
        for (int k = 0; k < share.length; k++) share[k] /= target.size();
        return new PlotModel(bins, lo, hi, xs, ys, levels.clone(), share, other.clone());
    }

    private static double[] ends(double[] l) { return l.length == 0 ? l : new double[] {l[0], l[l.length - 1]}; }

    /** Index of the level closest to v (levels ascending), or −1 for no levels. */
    static int nearest(double[] levels, double v) {
        if (levels.length == 0) return -1;
        int i = Arrays.binarySearch(levels, v);
        if (i >= 0) return i;
        int ins = -i - 1;
        if (ins == 0) return 0;
        if (ins == levels.length) return levels.length - 1;
        return v - levels[ins - 1] <= levels[ins] - v ? ins - 1 : ins;
    }
}
