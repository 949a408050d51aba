package org.maqd.deploy;

/**
 * Max pooling on codes. Q_a is monotone, so the max of the quantized values is Δ_a times the max of the codes:
 * the pool runs on codes unchanged (windows without padding, as {@link org.maqd.nn.MaxPool2d}).
 */
public record IntMaxPool(int layer, int kernel, int stride, int[] inShape, int[] outShape, int outStates)
        implements IntOp {
    @Override public String kind() { return "maxpool"; }
}
