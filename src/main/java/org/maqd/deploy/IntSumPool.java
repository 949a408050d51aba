package org.maqd.deploy;

/**
 * Average pooling on codes, exactly: the mean Δ·Σcodes/K is passed on as the integer Σcodes with the input step
 * of the next block divided by K (K = kernelH·kernelW elements per window), so nothing is rounded. Supported while
 * the sums fit a uint8 code (K·(largest code) ≤ 255). {@code kind} is "avgpool" or "globalavgpool" (one window per
 * plane, output [C, 1, 1]).
 */
public record IntSumPool(int layer, String kind, int kernelH, int kernelW, int stride, int[] inShape, int[] outShape,
                         int outStates) implements IntOp {
    public int window() { return kernelH * kernelW; }
}
