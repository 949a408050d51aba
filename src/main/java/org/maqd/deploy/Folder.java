package org.maqd.deploy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.maqd.model.AddBlock;
import org.maqd.model.LayerKinds;
import org.maqd.model.LayerSpec;
import org.maqd.model.Lowering;
import org.maqd.model.Network;
import org.maqd.model.QuantBlock;
import org.maqd.nn.MaxPool2d;

/**
 * Folds a trained network into an integer-only {@link FoldedModel} (method.md §9), node by node in graph order
 * (the integer {@link Lowering}): quantized blocks by {@link BlockFolding}; flatten and dropout are no-ops on
 * codes; max pooling runs on codes; average pooling passes on sums of codes with the next step divided by the
 * window; an add rescales its inputs to one fixed-point scale ({@link AddFolding}); a concat joins codes of one step.
 * Anything else is refused with a {@link NotIntegerOnlyException} naming the node: LN/GN (per-sample statistics),
 * float weights (M_w = 0), ReLU activations (M_a = 0), average pools whose sums exceed 8 bits, a block without Q_a
 * that feeds anything but an add, a concat of inputs with different steps.
 */
public final class Folder implements Lowering {
    /** Δ of the 8-bit input codes is 1/{@value}. */
    public static final int INPUT_DEN = 255;

    /** What a node's result is on the integer side: the op that computes it (−1 = pixels), shape, step, states. */
    record Val(int op, int[] chw, BigDecimal stepNum, long den, int states, BlockFolding.Folded raw) {}

    private final Val[] vals;
    private final Val input;
    private final boolean graph;
    private final List<IntOp> ops = new ArrayList<>();
    private final List<int[]> wiring = new ArrayList<>();

    private Folder(int nodes, Val input, boolean graph) {
        this.vals = new Val[nodes];
        this.input = input;
        this.graph = graph;
    }

    /**
     * Why one layer or node of a resolved spec cannot run on the integer engine, or null when it can (its kind's
     * {@link org.maqd.model.LayerKind#integerOnlyReason}). Checks that need trained weights (accumulator bounds) or
     * the input shape (average-pool sums) are left to {@link #fold}.
     */
    public static String integerOnlyReason(LayerSpec l, boolean last) {
        return LayerKinds.find(l.type()) == null ? "has no integer form" : LayerKinds.get(l.type()).integerOnlyReason(l, last);
    }

    public static FoldedModel fold(Network net) {
        int[] shape = chw(net.spec().input().stream().mapToInt(Integer::intValue).toArray());
        Folder f = new Folder(net.layers().size(), new Val(-1, shape, BigDecimal.ONE, INPUT_DEN, 256, null), net.spec().isGraph());
        net.lower(f);
        if (f.ops.isEmpty() || !(f.ops.get(f.ops.size() - 1) instanceof IntBlock last) || !last.isOutput()) {
            throw new NotIntegerOnlyException("the network does not end with an output layer");
        }
        return new FoldedModel(shape, 256, f.ops, last.outChannels(), f.wiring);
    }

    private static int[] chw(int[] s) {
        if (s.length == 3) return s.clone();
        if (s.length == 1) return new int[] {s[0], 1, 1};
        throw new NotIntegerOnlyException("the input shape " + Arrays.toString(s) + " is not [C, H, W] or [F]");
    }

    private String where(Node n) {
        return graph ? "node " + n.id() + " (" + n.spec().type() + ")" : "layer " + n.index() + " (" + n.spec().type() + ")";
    }

    private Val in(Node n, int port) {
        int src = n.inputs()[port];
        Val v = src < 0 ? input : vals[src];
        if (v.raw() != null && !(n.layer() instanceof AddBlock)) {
            throw new NotIntegerOnlyException(where(n) + " reads the accumulators of a block without Q_a (activation "
                    + "false); only an add can rescale them");
        }
        return v;
    }

    private int emit(IntOp op, int... inputs) {
        ops.add(op);
        wiring.add(inputs);
        return ops.size() - 1;
    }

    @Override
    public void block(Node n, QuantBlock b) {
        Val v = in(n, 0);
        boolean raw = b.activation() == null && !n.output() && !n.spec().hasActivation();
        if (b.activation() == null && !n.output() && !raw) {
            throw new NotIntegerOnlyException(where(n) + " has float outputs but is not the last layer");
        }
        BlockFolding.Folded f = BlockFolding.fold(n.index(), where(n), b, v.chw(), v.stepNum(), v.den(), v.states(), raw);
        IntBlock ib = f.block();
        int op = emit(ib, v.op());
        if (raw) vals[n.index()] = new Val(op, ib.outShape(), null, 1, 0, f);
        else if (!ib.isOutput()) vals[n.index()] = new Val(op, ib.outShape(), new BigDecimal(b.activation().step()), 1, ib.outStates(), null);
    }

    @Override
    public void maxPool(Node n, MaxPool2d p) {
        Val v = in(n, 0);
        int[] s = v.chw();
        int[] out = {s[0], (s[1] - p.kernel()) / p.stride() + 1, (s[2] - p.kernel()) / p.stride() + 1};
        int op = emit(new IntMaxPool(n.index(), p.kernel(), p.stride(), s, out, v.states()), v.op());
        vals[n.index()] = new Val(op, out, v.stepNum(), v.den(), v.states(), null);
    }

    @Override
    public void avgPool(Node n, int kh, int kw, int st) {
        Val v = in(n, 0);
        int window = kh * kw;
        if ((long) window * (v.states() - 1) > 255) {
            throw new NotIntegerOnlyException(where(n) + " sums " + window + " codes of up to " + (v.states() - 1)
                    + ": more than the 8 bits the integer engine keeps per activation");
        }
        int[] s = v.chw();
        int[] out = {s[0], (s[1] - kh) / st + 1, (s[2] - kw) / st + 1};
        int states = window * (v.states() - 1) + 1;
        int op = emit(new IntSumPool(n.index(), n.spec().type(), kh, kw, st, s, out, states), v.op());
        // mean = Δ·Σcodes/K: the step of the sums is Δ/K
        vals[n.index()] = new Val(op, out, v.stepNum(), v.den() * window, states, null);
    }

    @Override
    public void reshape(Node n) {
        Val v = in(n, 0);
        vals[n.index()] = new Val(v.op(), new int[] {IntOp.size(v.chw()), 1, 1}, v.stepNum(), v.den(), v.states(), null);
    }

    @Override
    public void identity(Node n) { vals[n.index()] = in(n, 0); }

    @Override
    public void add(Node n, AddBlock a) {
        Val[] in = new Val[n.inputs().length];
        for (int k = 0; k < in.length; k++) {
            in[k] = in(n, k);
            if (in[k].op() < 0) throw new NotIntegerOnlyException(where(n) + " adds the input image itself (input " + (k + 1) + ")");
        }
        IntAdd add = AddFolding.fold(n.index(), where(n), a, in);
        int[] src = new int[in.length];
        for (int k = 0; k < in.length; k++) src[k] = in[k].op();
        int op = emit(add, src);
        vals[n.index()] = new Val(op, add.outShape(), new BigDecimal(a.activation().step()), 1, add.outStates(), null);
    }

    @Override
    public void concat(Node n) {
        int k = n.inputs().length, c = 0, states = 0;
        int[] src = new int[k], channels = new int[k];
        Val first = in(n, 0);
        for (int p = 0; p < k; p++) {
            Val v = in(n, p);
            if (v.op() < 0 || v.stepNum().divide(BigDecimal.valueOf(v.den()), java.math.MathContext.DECIMAL128)
                    .compareTo(first.stepNum().divide(BigDecimal.valueOf(first.den()), java.math.MathContext.DECIMAL128)) != 0) {
                throw new NotIntegerOnlyException(where(n) + " joins inputs with different steps (input " + (p + 1)
                        + "); their codes would mean different values");
            }
            src[p] = v.op();
            channels[p] = v.chw()[0];
            c += v.chw()[0];
            states = Math.max(states, v.states());
        }
        int[] out = {c, first.chw()[1], first.chw()[2]};
        int op = emit(new IntConcat(n.index(), out, states, channels), src);
        vals[n.index()] = new Val(op, out, first.stepNum(), first.den(), states, null);
    }
}
