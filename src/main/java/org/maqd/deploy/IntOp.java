package org.maqd.deploy;

/**
 * One step of a folded network, on per-sample integer codes in [C, H, W] order. {@code layer} is the index of
 * the network node it came from (a chain's layer index).
 */
public sealed interface IntOp permits IntBlock, IntMaxPool, IntSumPool, IntAdd, IntConcat {
    int layer();
    String kind();
    /** Input shape per sample [C, H, W]. */
    int[] inShape();
    /** Output shape per sample [C, H, W]. */
    int[] outShape();
    /** Largest output code + 1 (0 for the output layer, whose result is a class; −1 for a block's raw accumulators). */
    int outStates();

    static int size(int[] s) { return s[0] * s[1] * s[2]; }
}
