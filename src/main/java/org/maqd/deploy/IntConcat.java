package org.maqd.deploy;

/**
 * Channel concatenation on codes: inputs of one step (so their codes mean the same values) are copied one after
 * another, [C_1, H, W] … [C_k, H, W] → [ΣC, H, W].
 */
public record IntConcat(int layer, int[] outShape, int outStates, int[] channels) implements IntOp {
    @Override public String kind() { return "concat"; }
    @Override public int[] inShape() { return outShape; }
}
