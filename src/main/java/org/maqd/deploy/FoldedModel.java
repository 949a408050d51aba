package org.maqd.deploy;

import java.util.ArrayList;
import java.util.List;

/**
 * A network folded for integer-only inference: the ops in graph order, from 8-bit input codes (pixel = code/255)
 * to a class index, and each op's inputs ({@code inputs.get(i)}: op indices, −1 = the pixels). Built by
 * {@link Folder}; run by {@link IntEngine}; written as C by {@link CExport}.
 */
public record FoldedModel(int[] inputShape, int inputStates, List<IntOp> ops, int classes, List<int[]> inputs) {
    public FoldedModel {
        ops = List.copyOf(ops);
        inputs = List.copyOf(inputs);
    }

    /** A chain: each op reads the op before it. */
    public FoldedModel(int[] inputShape, int inputStates, List<IntOp> ops, int classes) {
        this(inputShape, inputStates, ops, classes, chain(ops.size()));
    }

    private static List<int[]> chain(int n) {
        List<int[]> w = new ArrayList<>();
        for (int i = 0; i < n; i++) w.add(new int[] {i - 1});
        return w;
    }

    public int inputSize() { return IntOp.size(inputShape); }

    /** True when each op reads the op before it (two ping-pong buffers suffice). */
    public boolean isChain() {
        for (int i = 0; i < inputs.size(); i++) if (inputs.get(i).length != 1 || inputs.get(i)[0] != i - 1) return false;
        return true;
    }

    /** The output block (the last op). */
    public IntBlock output() { return (IntBlock) ops.get(ops.size() - 1); }

    /** Largest per-sample activation buffer, in codes (input included). */
    public int maxActivations() {
        int m = inputSize();
        for (IntOp op : ops) m = Math.max(m, IntOp.size(op.outShape()));
        return m;
    }
}
