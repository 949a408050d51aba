package org.maqd.deploy;

/**
 * A folded quantized block: an integer convolution (a linear layer is the convolution whose kernel covers its
 * whole input) followed either by threshold counting (hidden blocks) or fixed-point class scores (the output).
 *
 * <p>{@code weights[o][ci][ky][kx]} are the signed integer weights: k − (M_w − 1)/2 for odd M_w, the odd
 * integers 2k − (M_w − 1) for even M_w; {@code codes} keeps the unsigned codes k for packed storage.
 * Accumulators satisfy |acc| ≤ {@code accBound} = max over channels of Σ|w|·(inStates − 1).
 *
 * <p>Hidden block ({@code outStates} ≥ 2): per channel {@code direction[o]} and {@code outStates − 1} ascending
 * thresholds {@code thresholds[o·(outStates−1) + j]}; the output code is the number of thresholds that
 * direction·acc reaches. Output block: {@code score_o = multipliers[o]·acc_o + offsets[o]} (int64), prediction
 * the first maximal score. Raw block ({@code outStates} −1): the int32 accumulators are its output (an add reads them). {@code preScale}/{@code preShift} give the exact real value the float model rounds,
 * t = preScale·acc + preShift (x/Δ_a for hidden blocks, the logit for the output), for diagnostics only.
 */
public record IntBlock(int layer, String kind, int[] inShape, int[] outShape, int kernelH, int kernelW, int stride,
                       int padding, int weightStates, int inStates, byte[] codes, short[] weights, long accBound,
                       int outStates, byte[] direction, int[] thresholds, long[] multipliers, long[] offsets,
                       int shift, double margin, double[] preScale, double[] preShift) implements IntOp {

    public boolean isOutput() { return outStates == 0; }
    /** True for a block without Q_a ({@code activation: false}) whose int32 accumulators feed an add. */
    public boolean raw() { return outStates < 0; }
    public int outChannels() { return outShape[0]; }
    /** Weights per output channel (the fan-in). */
    public int fanIn() { return inShape[0] * kernelH * kernelW; }
    /** True when the kernel covers the whole input with one output position (a linear layer). */
    public boolean dense() { return outShape[1] == 1 && outShape[2] == 1 && padding == 0
            && kernelH == inShape[1] && kernelW == inShape[2]; }
    /** True when every weight fits int8. */
    public boolean int8() { return (weightStates % 2 == 1 ? (weightStates - 1) / 2 : weightStates - 1) <= 127; }
    /** Bits per packed weight code: ⌈log2 M_w⌉. */
    public int weightBits() { return 32 - Integer.numberOfLeadingZeros(weightStates - 1); }
    /** Thresholds per channel. */
    public int thresholdCount() { return Math.max(0, outStates - 1); }
    /** Bits of the signed accumulator that holds any acc of this block. */
    public int accumulatorBits() { return 65 - Long.numberOfLeadingZeros(accBound); }
}
