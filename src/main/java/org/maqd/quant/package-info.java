/**
 * Quantization for MaQD (method.md §2–6): one primitive and orthogonal parts composed into the weight and
 * activation quantizers.
 *
 * <ul>
 *   <li><b>The primitive</b>: {@link org.maqd.quant.RoundClip}, {@code Q(z; Δ, a, b) = Δ·clip(round(z/Δ), a, b)}
 *       with round-half-to-even; its integer {@code clip(round(z/Δ), a, b)} is the <em>code</em> that integer
 *       inference stores.</li>
 *   <li><b>States</b> M: the number of levels (M = 2 binary, 3 ternary, 2^b for b bits; bits = log2 M). Codes are
 *       0 … M − 1 and are stored as unsigned bytes (M ≤ 256). M = 0 means "not quantized": float weights, or a
 *       plain ReLU for activations.</li>
 *   <li><b>Signed or unsigned</b>: weights use the symmetric Q_w, levels {@code Δ(k − (M−1)/2)} (half-integer
 *       multiples of Δ when M is even, so M = 2 is a sign function), applied after
 *       {@link org.maqd.quant.WeightStandardization}; activations use the unsigned Q_a, levels {@code Δ·k},
 *       which replaces ReLU.</li>
 *   <li><b>Step rule</b>: {@code gaussian} ({@link org.maqd.quant.GaussianStep}: the Δ minimising the squared
 *       error for N(0, 1) input — right because standardized weights and normalized pre-activations are about
 *       N(0, 1)); a fixed clip range s (weights, Δ = 2s/(M − 1)) or a fixed Δ (activations); or, for
 *       activations, {@code learned} with the LSQ gradient.</li>
 *   <li><b>Surrogate</b>: {@link org.maqd.quant.Surrogate} — forward is always the exact quantizer, backward
 *       replaces d round/dz by the derivative of a smooth counterpart: {@code ste} (clip-range mask),
 *       {@code sigmoid} (α) or {@code triangle}.</li>
 * </ul>
 *
 * {@link org.maqd.quant.WeightQuantizer} (a {@link org.maqd.nn.WeightTransform}) and
 * {@link org.maqd.quant.ActivationQuantizer} (a {@link org.maqd.nn.Layer}, kind "qact") keep what probes and
 * integer deployment need: standardized weights, codes, steps, WS statistics, the last pre-quantization input.
 * {@link org.maqd.quant.QuantError} measures MSE and SQNR. The post-training baseline (affine quantization and
 * calibration) lives in {@link org.maqd.quant.ptq}.
 */
package org.maqd.quant;
