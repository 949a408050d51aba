package org.maqd.quant.ptq;

import java.util.Arrays;
import org.maqd.quant.QuantError;
import org.maqd.tensor.Tensor;

/**
 * Uniform affine quantization, the post-training baseline of method.md §10, in the contract's sign convention:
 * <pre>  x_q = clip(round(x/S) − Z, q_min, q_max),      x̃ = S·(x_q + Z)</pre>
 * so Z is the code-space offset that is <em>subtracted</em> (it is minus the "zero point" of the usual
 * {@code round(x/S) + zp} convention: the real value 0 has code −Z). {@code round} is half-to-even.
 * <ul>
 *   <li><b>Asymmetric</b>: codes [0, M − 1]; a range [α, β] (first widened to contain 0, so that 0 is exact)
 *       gives {@code S = (β − α)/(M − 1)}, {@code Z = round(α/S)}, so that α maps to code 0.</li>
 *   <li><b>Symmetric</b>: Z = 0, codes [−⌊M/2⌋, ⌈M/2⌉ − 1] (e.g. [−128, 127] for M = 256, [−1, 1] for M = 3),
 *       {@code S = max(|α|, |β|) / ((M − 1)/2)} (PyTorch's rule; for even M the most positive level is one step
 *       short of the range).</li>
 * </ul>
 * Per tensor ({@code axis = −1}, one S and Z) or per channel along {@code axis} (one S and Z per index of
 * that dimension). Instances are immutable.
 */
public final class AffineQuantizer {
    /** Smallest scale: a constant range still gets a usable quantizer. */
    public static final double MIN_SCALE = 1e-12;

    private final int states;
    private final boolean symmetric;
    private final int axis;
    private final double[] scale;
    private final int[] zero;
    private final int qmin, qmax;

    private AffineQuantizer(int states, boolean symmetric, int axis, double[] scale, int[] zero) {
        this.states = states;
        this.symmetric = symmetric;
        this.axis = axis;
        this.scale = scale;
        this.zero = zero;
        this.qmin = symmetric ? -(states / 2) : 0;
        this.qmax = symmetric ? (states + 1) / 2 - 1 : states - 1;
    }

    /**
     * The quantizer for clip ranges [lo[c], hi[c]] (one entry per tensor, or one per channel along {@code axis}).
     */
    public static AffineQuantizer fromRange(int states, boolean symmetric, int axis, double[] lo, double[] hi) {
        if (states < 2) throw new IllegalArgumentException("affine quantizer: states must be >= 2, got " + states);
        if (lo.length != hi.length || lo.length == 0) {
            throw new IllegalArgumentException("affine quantizer: need as many lower as upper bounds (>= 1), got "
                    + lo.length + " and " + hi.length);
        }
        if (axis < 0 && lo.length != 1) {
            throw new IllegalArgumentException("affine quantizer: per-tensor needs one range, got " + lo.length);
        }
        double[] s = new double[lo.length];
        int[] z = new int[lo.length];
        for (int c = 0; c < lo.length; c++) {
            double a = Math.min(lo[c], 0), b = Math.max(hi[c], 0);
            if (!(a <= b) || Double.isInfinite(a) || Double.isInfinite(b)) {
                throw new IllegalArgumentException("affine quantizer: range " + c + " is [" + lo[c] + ", " + hi[c]
                        + "], expected finite lo <= hi");
            }
            if (symmetric) {
                s[c] = Math.max(MIN_SCALE, Math.max(-a, b) / ((states - 1) / 2.0));
                z[c] = 0;
            } else {
                s[c] = Math.max(MIN_SCALE, (b - a) / (states - 1));
                z[c] = (int) Math.rint(a / s[c]);
            }
        }
        return new AffineQuantizer(states, symmetric, axis, s, z);
    }

    /** Per-tensor shorthand. */
    public static AffineQuantizer perTensor(int states, boolean symmetric, double lo, double hi) {
        return fromRange(states, symmetric, -1, new double[] {lo}, new double[] {hi});
    }

    /** x_q = clip(round(x/S_c) − Z_c, q_min, q_max). */
    public int code(double x, int channel) {
        double r = Math.rint(x / scale[channel]) - zero[channel];
        return r <= qmin ? qmin : (r >= qmax ? qmax : (int) r);
    }

    /** x̃ = S_c·(x_q + Z_c). */
    public double dequantize(int code, int channel) {
        return scale[channel] * ((double) code + zero[channel]);
    }

    /** Codes of every element of {@code x} (channel taken along {@link #axis()}). */
    public int[] quantize(Tensor x) {
        int[] out = new int[x.size()];
        int inner = inner(x), dim = channels(x);
        for (int i = 0; i < out.length; i++) out[i] = code(x.data[i], dim == 1 ? 0 : (i / inner) % dim);
        return out;
    }

    /** Fake quantization x ↦ x̃ into {@code out} (same size as x; may be x itself); returns out. */
    public Tensor quantizeDequantize(Tensor x, Tensor out) {
        if (out.size() != x.size()) {
            throw new IllegalArgumentException("affine quantizer: output " + out + " does not match input " + x);
        }
        int inner = inner(x), dim = channels(x);
        for (int i = 0; i < x.size(); i++) {
            int c = dim == 1 ? 0 : (i / inner) % dim;
            out.data[i] = (float) dequantize(code(x.data[i], c), c);
        }
        return out;
    }

    /** MSE and SQNR of the fake quantization of {@code x} against {@code x} itself. */
    public QuantError.Result error(Tensor x) {
        return QuantError.of(x, quantizeDequantize(x, Tensor.zeros(x.shape())));
    }

    /** The values channel c can take, S_c·(k + Z_c) for codes k = q_min … q_max, ascending. */
    public double[] levels(int channel) {
        double[] l = new double[qmax - qmin + 1];
        for (int k = qmin; k <= qmax; k++) l[k - qmin] = dequantize(k, channel);
        return l;
    }

    private int channels(Tensor x) {
        if (axis < 0) return 1;
        if (axis >= x.rank() || x.dim(axis) != scale.length) {
            throw new IllegalArgumentException("affine quantizer: per-channel along axis " + axis + " with "
                    + scale.length + " channels, got " + x);
        }
        return scale.length;
    }

    private int inner(Tensor x) {
        if (axis < 0) return 1;
        int n = 1;
        for (int d = axis + 1; d < x.rank(); d++) n *= x.dim(d);
        return n;
    }

    public int states() { return states; }
    public boolean symmetric() { return symmetric; }
    /** The channel axis, or −1 for per-tensor. */
    public int axis() { return axis; }
    public int channelCount() { return scale.length; }
    public double scale(int channel) { return scale[channel]; }
    public int zero(int channel) { return zero[channel]; }
    public int qmin() { return qmin; }
    public int qmax() { return qmax; }

    @Override public String toString() {
        return "AffineQuantizer[M=" + states + (symmetric ? ", symmetric" : ", asymmetric") + ", axis=" + axis
                + ", S=" + Arrays.toString(scale) + ", Z=" + Arrays.toString(zero) + "]";
    }
}
