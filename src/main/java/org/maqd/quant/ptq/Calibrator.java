package org.maqd.quant.ptq;

import java.util.Locale;
import org.maqd.tensor.Tensor;

/**
 * Static calibration (method.md §10): observes a calibration set batch by batch, then yields the
 * {@link AffineQuantizer} for the clip range it chose. Ranges are per tensor ({@code axis = −1}) or per channel
 * along {@code axis} (e.g. 0 for a weight {@code [out, ...]}, 1 for activations {@code [B, C, H, W]}).
 * Kinds: {@code minmax} ({@link MinMaxCalibrator}), {@code percentile} ({@link PercentileCalibrator}),
 * {@code mse} ({@link MseCalibrator}). Run-time ranges are {@link DynamicQuantizer}'s job.
 */
public abstract class Calibrator {
    protected final int states;
    protected final boolean symmetric;
    protected final int axis;
    private int channels = -1;

    protected Calibrator(int states, boolean symmetric, int axis) {
        if (states < 2) throw new IllegalArgumentException("calibrator: states must be >= 2, got " + states);
        if (axis < -1) throw new IllegalArgumentException("calibrator: axis must be -1 (per tensor) or >= 0, got " + axis);
        this.states = states;
        this.symmetric = symmetric;
        this.axis = axis;
    }

    /**
     * A calibrator by name: "minmax", "percentile" ({@code param} = percentile, e.g. 99.9) or "mse"
     * ({@code param} = number of candidate ranges, ≤ 0 for the default).
     */
    public static Calibrator create(String kind, int states, boolean symmetric, int axis, double param) {
        String k = kind == null ? "" : kind.trim().toLowerCase(Locale.ROOT);
        return switch (k) {
            case "minmax", "min-max" -> new MinMaxCalibrator(states, symmetric, axis);
            case "percentile" -> new PercentileCalibrator(states, symmetric, axis, param);
            case "mse" -> new MseCalibrator(states, symmetric, axis, param > 0 ? (int) param : MseCalibrator.DEFAULT_CANDIDATES);
            default -> throw new IllegalArgumentException("calibration: expected minmax, percentile or mse, got \"" + kind + "\"");
        };
    }

    /** Takes one batch of the calibration set into account. */
    public final void observe(Tensor x) {
        int c = channelsOf(x);
        if (channels < 0) {
            channels = c;
            start(c);
        } else if (c != channels) {
            throw new IllegalArgumentException("calibrator: axis " + axis + " had " + channels
                    + " channels in earlier batches, this batch " + x + " has " + c);
        }
        int inner = 1;
        for (int d = axis + 1; axis >= 0 && d < x.rank(); d++) inner *= x.dim(d);
        accept(x.data, inner, c);
    }

    /** Observes every batch, then returns {@link #finish()}. */
    public final AffineQuantizer calibrate(Iterable<Tensor> batches) {
        for (Tensor t : batches) observe(t);
        return finish();
    }

    /** A clip range per channel (one entry per tensor): [lo[c], hi[c]]. Arrays are owned by the record. */
    public record Range(double[] lo, double[] hi) {
        /** The range of one channel as {lo, hi}. */
        public double[] of(int channel) { return new double[] {lo[channel], hi[channel]}; }
    }

    /**
     * The clip range chosen from everything observed so far, as the method picks it (the quantizer then widens
     * it to contain 0).
     */
    public final Range clipRange() {
        if (channels < 0) throw new IllegalStateException("calibrator: clipRange() before any observe()");
        double[] lo = new double[channels], hi = new double[channels];
        range(lo, hi);
        return new Range(lo, hi);
    }

    /** The quantizer for the range chosen from everything observed so far. */
    public final AffineQuantizer finish() {
        if (channels < 0) throw new IllegalStateException("calibrator: finish() before any observe()");
        Range r = clipRange();
        return AffineQuantizer.fromRange(states, symmetric, axis, r.lo(), r.hi());
    }

    /** Called once with the channel count (1 for per tensor). */
    protected abstract void start(int channels);

    /** Element i of {@code x} belongs to channel {@code (i / inner) % channels}. */
    protected abstract void accept(float[] x, int inner, int channels);

    /** Writes the chosen clip range of each channel. */
    protected abstract void range(double[] lo, double[] hi);

    private int channelsOf(Tensor x) {
        if (axis < 0) return 1;
        if (axis >= x.rank()) throw new IllegalArgumentException("calibrator: axis " + axis + " is beyond the rank of " + x);
        return x.dim(axis);
    }

    public int states() { return states; }
    public boolean symmetric() { return symmetric; }
    public int axis() { return axis; }
}
