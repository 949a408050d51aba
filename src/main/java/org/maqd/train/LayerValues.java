package org.maqd.train;

import org.maqd.tensor.Tensor;

/**
 * The values one quantized block's quantizers saw at a sample point, copied so they outlive the step: the weights
 * Q_w quantizes (standardized Ŵ when the block standardizes, shape {@code [out, ...]}) and the input of Q_a for
 * the last batch ({@code [B, C, ...]}). Either is null when the block has none. For explorers that re-quantize
 * real data (the affine quantizer and its calibrators); too large to keep for every sample point.
 */
public record LayerValues(String name, Tensor weights, Tensor activationInput) {}
