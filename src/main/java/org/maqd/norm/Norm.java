package org.maqd.norm;

import org.maqd.nn.Elementwise;
import org.maqd.nn.Layer;
import org.maqd.nn.Mode;
import org.maqd.nn.Param;
import org.maqd.tensor.Tensor;

/**
 * A normalization layer (method.md §7): statistics over some set of elements, then a per-channel affine
 * {@code y = γ_c · x̂ + β_c}. Inputs are {@code [B, C]} (after a linear layer) or {@code [B, C, H, W]}; the output
 * has the input's shape. Use {@link Norms#create} to build one by kind name.
 */
public interface Norm extends Layer {
    /** ε added to the variance before the square root. */
    float EPS = 1e-5f;

    /** Number of channels C (the input's second dimension). */
    int channels();

    /** γ, shape {@code [C]}, initialised to 1. */
    Param weight();

    /** β, shape {@code [C]}, initialised to 0. */
    Param bias();

    /**
     * Running mean used at inference, a copy: one value for LBN, one per channel for BN, empty for norms that
     * compute their statistics at inference (LN, GN).
     */
    float[] runningMean();

    /** Running (unbiased) variance, a copy; same lengths as {@link #runningMean()}. */
    float[] runningVar();

    /**
     * This norm's forward followed by {@code next}'s; returns next's output. Norms that can run {@code next}
     * range by range inside their output pass (while the range is in cache) override it; the result is the same.
     */
    default Tensor forward(Tensor x, Mode mode, Elementwise next) { return next.forward(forward(x, mode), mode); }

    /**
     * {@code prev}'s backward of {@code gradOut} followed by this norm's; returns the gradient with respect to
     * this norm's input. Norms that can run {@code prev} range by range inside their first read of the gradient
     * override it; the result is the same.
     */
    default Tensor backward(Tensor gradOut, Elementwise prev) { return backward(prev.backward(gradOut)); }

    /** True when evaluation is a fixed per-channel affine map that can be folded away ({@link FoldableNorm}). */
    default boolean foldable() { return this instanceof FoldableNorm; }
}
