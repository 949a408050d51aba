package org.maqd.deploy;

import java.util.List;

/**
 * A network folded for integer-only inference: the ops in order, from 8-bit input codes (pixel = code/255) to
 * a class index. Built by {@link Folder}; run by {@link IntEngine}; written as C by {@link CExport}.
 */
public record FoldedModel(int[] inputShape, int inputStates, List<IntOp> ops, int classes) {
    public FoldedModel {
        ops = List.copyOf(ops);
    }

    public int inputSize() { return IntOp.size(inputShape); }

    /** The output block (the last op). */
    public IntBlock output() { return (IntBlock) ops.get(ops.size() - 1); }

    /** Largest per-sample activation buffer, in codes (input included). */
    public int maxActivations() {
        int m = inputSize();
        for (IntOp op : ops) m = Math.max(m, IntOp.size(op.outShape()));
        return m;
    }
}
