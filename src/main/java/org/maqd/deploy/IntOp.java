package org.maqd.deploy;

/**
 * One step of a folded network, on per-sample integer codes in [C, H, W] order. {@code layer} is the index of
 * the network layer it came from (its {@code layers.<i>} path).
 */
public sealed interface IntOp permits IntBlock, IntMaxPool, IntSumPool {
    int layer();
    String kind();
    /** Input shape per sample [C, H, W]. */
    int[] inShape();
    /** Output shape per sample [C, H, W]. */
    int[] outShape();
    /** Largest output code + 1 (0 for the output layer, whose result is a class). */
    int outStates();

    static int size(int[] s) { return s[0] * s[1] * s[2]; }
}
