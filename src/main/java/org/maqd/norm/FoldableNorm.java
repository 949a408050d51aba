package org.maqd.norm;

/**
 * A norm whose evaluation uses fixed (running) statistics, so that at inference it is the per-channel affine map
 * {@code y = scale_c · x + shift_c}. Deployment folds this map into the previous layer or into the next
 * quantizer's thresholds. LBN and BN are foldable; LN and GN are not (they compute statistics per sample).
 */
public interface FoldableNorm extends Norm {
    /** {@code scale_c = γ_c / sqrt(σ²_r + ε)} for every channel (a new array). */
    float[] inferenceScale();

    /** {@code shift_c = β_c − scale_c · μ_r} for every channel (a new array). */
    float[] inferenceShift();

    /** Momentum of the running estimates: {@code r ← (1 − m)·r + m·batch}. */
    double momentum();

    /** Mean of the last training batch, one value per statistic (1 for LBN, C for BN); a copy. */
    float[] batchMean();

    /** Biased variance of the last training batch, as used to normalise it; a copy. */
    float[] batchVar();
}
