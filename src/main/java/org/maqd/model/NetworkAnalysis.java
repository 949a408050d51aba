package org.maqd.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Shapes and costs of a network spec, computed from the spec alone (cheap enough to run on every edit).
 * Never throws for a bad network: a structural problem of a graph ({@link NetworkGraph.GraphException}) or the
 * first node whose shape cannot work carries the reason, and the nodes after it have no shape. One row per chain
 * layer (a residual is one row) or per graph node (after templates are expanded). Costs per row come from the
 * kind ({@link LayerKind#cost}): parameters, multiply-accumulates per sample, weight memory in bits at the chosen
 * states, and the integer accumulator width (sign + ⌈log2(fanIn·max|w code|·max input code + 1)⌉).
 */
public final class NetworkAnalysis {
    private NetworkAnalysis() {}

    /** One layer or node: shapes are per sample ([C,H,W] or [F]); {@code id} is the node id ({@code layers.<i>} in a chain). */
    public record Row(int index, String type, int weightStates, int activationStates, String norm, int[] inShape,
                      int[] outShape, String error, long params, long macs, long weightBits, long fp32Bits,
                      int accumulatorBits, String id, List<int[]> inShapes) {
        public boolean ok() { return error == null; }
    }

    public record Report(List<Row> rows, long params, long macs, long weightBits, long fp32Bits, String firstError) {
        public boolean ok() { return firstError == null; }
        public double compression() { return weightBits == 0 ? 1 : (double) fp32Bits / weightBits; }
    }

    /** Analyzes a spec (resolved or not: it is resolved first). */
    public static Report analyze(NetworkSpec raw) {
        NetworkSpec spec = NetworkResolver.resolve(raw);
        NetworkGraph g;
        try {
            g = NetworkGraph.of(spec, false);
        } catch (NetworkGraph.GraphException e) {
            return structureError(spec, e.getMessage());
        }
        List<Row> rows = new ArrayList<>();
        List<NetworkGraph.Node> nodes = g.nodes();
        int[] states = new int[nodes.size()];
        String firstError = null;
        long tp = 0, tm = 0, tb = 0, tf = 0;
        for (NetworkGraph.Node n : nodes) {
            LayerSpec l = n.spec();
            int inStates = 256;   // input pixels are 8-bit codes
            for (int src : n.inputs()) inStates = src < 0 ? Math.min(inStates, 256) : min(inStates, states[src]);
            int ws = l.weightStates() == null ? 0 : l.weightStates();
            int as = l.activationStates() == null ? 0 : l.activationStates();
            String err = n.error();
            LayerKind.Cost c = LayerKind.Cost.NONE;
            if (n.outShape() != null) c = n.kind().cost(l, n.inShapes(), n.outShape(), inStates);
            if (err != null && firstError == null) {
                firstError = (spec.isGraph() ? n.where() : "layer " + n.index()) + " (" + l.type() + "): " + err;
            }
            int[] in = n.inShapes().isEmpty() ? null : n.inShapes().get(0);
            rows.add(new Row(n.index(), l.type(), ws, as, l.norm(), in, n.outShape(), err, c.params(), c.macs(),
                    c.weightBits(), c.fp32Bits(), c.accumulatorBits(), n.id(), n.inShapes()));
            tp += c.params(); tm += c.macs(); tb += c.weightBits(); tf += c.fp32Bits();
            states[n.index()] = !n.kind().quantizes() ? inStates : l.hasActivation() ? as : 0;
        }
        if (firstError == null && nodes.isEmpty()) firstError = "the network has no layers";
        return new Report(rows, tp, tm, tb, tf, firstError);
    }

    private static int min(int a, int b) { return a == 0 || b == 0 ? 0 : Math.min(a, b); }

    private static Report structureError(NetworkSpec spec, String message) {
        List<Row> rows = new ArrayList<>();
        List<LayerSpec> all = spec.all();
        for (int i = 0; i < all.size(); i++) {
            LayerSpec l = all.get(i);
            String type = l == null ? null : l.type();
            String id = l == null ? null : spec.isGraph() ? l.id() : "layers." + i;
            boolean here = id != null && (message.startsWith("node " + id + ":") || message.startsWith("node " + id + " ")
                    || message.startsWith("node " + id + ","));
            rows.add(new Row(i, type, 0, 0, null, null, null, here ? message : null, 0, 0, 0, 0, 0, id, List.of()));
        }
        return new Report(rows, 0, 0, 0, 0, message);
    }

    static int bitsPerWeight(int states) {
        return states == 0 ? 32 : 32 - Integer.numberOfLeadingZeros(states - 1);
    }

    /** Bits of a signed accumulator for a dot product of {@code fanIn} terms (0 = float somewhere). */
    public static int accumulatorBits(long fanIn, int weightStates, int inputStates) {
        if (weightStates == 0 || inputStates == 0) return 0;
        long wMax = weightStates - 1; // odd integers 2k−(M−1) for even M; |k − (M−1)/2|·2 bound for odd M
        if (weightStates % 2 == 1) wMax = (weightStates - 1) / 2;
        double max = (double) fanIn * wMax * (inputStates - 1);
        return 1 + (int) Math.ceil(Math.log(max + 1) / Math.log(2));
    }
}
