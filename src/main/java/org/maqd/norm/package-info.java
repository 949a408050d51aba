/**
 * Normalization layers (method.md §7): LBN, BN, LN and GN, each with forward and backward side by side, a
 * per-channel affine {@code y = γ_c · x̂ + β_c} (γ init 1, β init 0) and ε = 1e-5.
 *
 * <h2>The four norms</h2>
 * They differ only in the set of elements a mean μ and a variance σ² are taken over, for an input
 * {@code [B, C, H, W]} (a {@code [B, C]} input after a linear layer has H = W = 1):
 * <table>
 * <caption>Statistics of each norm</caption>
 * <tr><th>kind</th><th>class</th><th>training statistics over</th><th>at inference</th></tr>
 * <tr><td>{@code lbn}</td><td>{@link org.maqd.norm.LayerBatchNorm}</td><td>all B·C·H·W elements: one μ, one
 *     σ² per layer</td><td>running μ_r, σ²_r (shape [1])</td></tr>
 * <tr><td>{@code bn}</td><td>{@link org.maqd.norm.BatchNorm}</td><td>each channel over B·H·W</td>
 *     <td>running μ_r, σ²_r per channel (shape [C])</td></tr>
 * <tr><td>{@code ln}</td><td>{@link org.maqd.norm.LayerNorm}</td><td>each sample over C·H·W</td>
 *     <td>the same, recomputed per sample</td></tr>
 * <tr><td>{@code gn}</td><td>{@link org.maqd.norm.GroupNorm}</td><td>each sample and group of C/G channels
 *     (G = 8 by default)</td><td>the same, recomputed per sample</td></tr>
 * </table>
 * {@code x̂ = (x − μ)/sqrt(σ² + ε)} with the biased σ². LBN and BN keep running estimates, updated in training
 * with momentum 0.1 from the batch mean and the <em>unbiased</em> variance σ²·n/(n − 1), as PyTorch does
 * (buffers {@code running_mean}, {@code running_var}, {@code num_batches_tracked}). LBN's statistics are BN's
 * statistics pooled over all channels: both are computed from the same per-channel sums.
 * {@link org.maqd.norm.Norms#create} builds a norm by kind name ({@code none} gives no layer).
 *
 * <h2>Why LBN costs nothing at inference</h2>
 * At inference LBN uses the fixed running estimates, so it is the per-channel affine map
 * <pre>  y = scale_c · x + shift_c,   scale_c = γ_c / sqrt(σ²_r + ε),   shift_c = β_c − scale_c · μ_r</pre>
 * ({@link org.maqd.norm.FoldableNorm#inferenceScale()}, {@link org.maqd.norm.FoldableNorm#inferenceShift()};
 * the evaluation forward computes exactly this). An affine map after a linear or convolution layer folds into
 * that layer's per-output-channel scale and bias; followed by the activation quantizer Q_a it folds into the
 * quantizer's thresholds: output code ≥ k exactly when {@code scale_c·x + shift_c ≥ Δ_a(k − ½)}, i.e. when x
 * passes {@code (Δ_a(k − ½) − shift_c)/scale_c} (the comparison flips when scale_c &lt; 0). The deployed
 * network therefore has no normalization at all. BN folds the same way, but its training statistics come from
 * B·H·W elements per channel, which is noisy for small batches and degenerate for a {@code [1, C]} batch
 * (see {@link org.maqd.norm.BatchNorm}); LBN pools C·H·W elements per sample, so its statistics are stable
 * even at batch size 1. LN and GN are independent of the batch too, but their statistics depend on each
 * sample, so every inference must compute a mean, a variance and a square root: they are not
 * {@link org.maqd.norm.FoldableNorm}s ({@link org.maqd.norm.Norm#foldable()} is false).
 *
 * <h2>Implementation</h2>
 * Buffers (outputs, x̂ where kept, input gradients, scratch sums) are owned by the layer and reused while the
 * input shape is unchanged, so a steady-state step allocates nothing. LBN and BN on {@code [B, C, H, W]} keep no
 * x̂: backward recomputes it from the forward's input, read in place, so that input must stay unchanged until
 * backward (as every layer's output does until that layer's next forward). A norm followed by an elementwise
 * layer ({@link org.maqd.norm.Norm#forward(org.maqd.tensor.Tensor, org.maqd.nn.Mode, org.maqd.nn.Elementwise)})
 * runs that layer range by range inside its own passes. Reductions use double accumulators over
 * per-plane, per-segment or per-channel partials combined in a fixed order, and parallel chunks
 * ({@link org.maqd.tensor.Parallel}) have boundaries that depend only on the shape, so results are
 * bit-identical for any thread count; tensors smaller than one chunk (about 16k elements) run on the calling
 * thread. {@link org.maqd.norm.NormReference} holds plain double-precision loops for all four norms, the oracle
 * the tests compare the layers against.
 */
package org.maqd.norm;
