package org.maqd.train;

/**
 * What the probes saw in one quantized block at one sample point. Arrays are copies owned by the record.
 * <ul>
 * <li>latent weights: {@code latentHistogram} over [{@code histMin}, {@code histMax}] of the standardized latent
 *     weights Ŵ (the values Q_w sees), with the quantization grid {@code weightStep}·(k − (M_w−1)/2) and the clip
 *     range drawn by the viewer; {@code weightOccupancy[k]} counts weights in state k; {@code flipRate} is the
 *     fraction of weights whose state changed since the previous sample point (NaN at the first).</li>
 * <li>quantization error: MSE and SQNR (dB) of Q_w(Ŵ) vs Ŵ, and of Q_a(x) vs the activation input x.</li>
 * <li>activations: {@code activationOccupancy[k]} counts outputs in state k over the probed batch,
 *     {@code firingRate} the fraction of nonzero outputs; {@code spikeRaster} (rows × cols, 0/1 or code values)
 *     shows a few samples' first units; {@code activationHistogram} over [{@code actMin}, {@code actMax}] of the
 *     quantizer input.</li>
 * <li>normalization: running mean and variance (one value for LBN, one per channel for BN; empty otherwise).</li>
 * </ul>
 * States 0 mean float (no quantization); the corresponding fields are then empty arrays / NaN.
 */
public record LayerProbe(
        int index,
        String name,
        String norm,
        int weightStates,
        int activationStates,
        double weightStep,
        double activationStep,
        float[] latentHistogram,
        double histMin,
        double histMax,
        long[] weightOccupancy,
        double flipRate,
        double weightMse,
        double weightSqnrDb,
        double activationMse,
        double activationSqnrDb,
        float[] activationHistogram,
        double actMin,
        double actMax,
        long[] activationOccupancy,
        double firingRate,
        int rasterRows,
        int rasterCols,
        byte[] spikeRaster,
        float[] runningMean,
        float[] runningVar) {}
