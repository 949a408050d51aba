package org.maqd.quant.ptq;

import org.maqd.tensor.Tensor;

/**
 * Dynamic quantization (method.md §10): the clip range is the min-max of each batch itself, computed at run
 * time, per tensor or per channel along {@code axis}. {@link #last()} is the quantizer the last call used.
 */
public final class DynamicQuantizer {
    private final int states;
    private final boolean symmetric;
    private final int axis;
    private AffineQuantizer last;
    private Calibrator.Range lastRange;

    public DynamicQuantizer(int states, boolean symmetric, int axis) {
        if (states < 2) throw new IllegalArgumentException("dynamic quantization: states must be >= 2, got " + states);
        this.states = states;
        this.symmetric = symmetric;
        this.axis = axis;
    }

    /** Fake-quantizes {@code x} into {@code out} (may be x) with a range taken from x; returns out. */
    public Tensor apply(Tensor x, Tensor out) {
        MinMaxCalibrator mm = new MinMaxCalibrator(states, symmetric, axis);
        mm.observe(x);
        lastRange = mm.clipRange();
        last = AffineQuantizer.fromRange(states, symmetric, axis, lastRange.lo(), lastRange.hi());
        return last.quantizeDequantize(x, out);
    }

    /** The quantizer of the last {@link #apply} call (null before the first). */
    public AffineQuantizer last() { return last; }

    /** The clip range the last {@link #apply} call took from its batch (null before the first). */
    public Calibrator.Range lastRange() { return lastRange; }
}
