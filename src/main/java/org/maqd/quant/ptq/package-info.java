/**
 * Post-training quantization, the literature baseline of method.md §10, applied to a trained float model at the
 * same numbers of states as MaQD's quantization-aware training.
 *
 * <p>{@link org.maqd.quant.ptq.AffineQuantizer} is uniform affine quantization in the contract's convention
 * {@code x_q = clip(round(x/S) − Z, q_min, q_max)}, {@code x̃ = S·(x_q + Z)} — Z is <em>subtracted</em> in code
 * space, i.e. it is minus the usual "zero point", and the real 0 has code −Z. Symmetric means Z = 0 and signed
 * codes; asymmetric means codes 0 … M − 1. Ranges are per tensor or per channel along an axis.
 *
 * <p>The clip range [α, β] comes from a {@link org.maqd.quant.ptq.Calibrator} run over a calibration set
 * (static: {@link org.maqd.quant.ptq.MinMaxCalibrator}, {@link org.maqd.quant.ptq.PercentileCalibrator},
 * {@link org.maqd.quant.ptq.MseCalibrator}) or from each batch at run time
 * ({@link org.maqd.quant.ptq.DynamicQuantizer}).
 */
package org.maqd.quant.ptq;
