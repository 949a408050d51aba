package org.maqd.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The graph of a resolved network spec, in topological order, with shapes inferred node by node: the one place
 * that knows how nodes connect. A {@code layers} chain is the graph {@code layers.0 → layers.1 → …} (ids and
 * state-dict paths {@code layers.<i>}); a {@code nodes} graph keeps its ids (paths {@code nodes.<id>}).
 *
 * <p>Structure errors (a duplicate or missing id, an unknown input, a wrong number of inputs, a cycle, no or two
 * output nodes, a node whose result reaches no output) are thrown as {@link GraphException} naming the node and
 * port. Shape errors stay on the node ({@link Node#error}); the nodes after it have no shape.
 */
public final class NetworkGraph {
    /** One node: inputs are node indices (−1 = the network input); shapes are per sample, null when unknown. */
    public record Node(int index, String id, String path, String where, LayerSpec spec, LayerKind kind, int[] inputs,
                       List<int[]> inShapes, int[] outShape, String error) {
        public boolean ok() { return error == null && outShape != null; }
    }

    /** A structural error, naming the node (and the field path of a chain layer or graph node). */
    public static final class GraphException extends IllegalArgumentException {
        private final String field;

        GraphException(String field, String message) {
            super(message);
            this.field = field;
        }

        /** The field path, e.g. {@code network.nodes[3].inputs}. */
        public String field() { return field; }
    }

    private final List<Node> nodes = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();
    private final int[] input;

    private NetworkGraph(int[] input) { this.input = input; }

    public List<Node> nodes() { return nodes; }

    /** The output node (the last in topological order). */
    public Node output() { return nodes.get(nodes.size() - 1); }

    /** The first node with a shape error, or null. */
    public Node firstError() {
        for (Node n : nodes) if (n.error() != null) return n;
        return null;
    }

    /**
     * The graph of a resolved spec. {@code expand}: chain {@code residual} layers become their nodes (for building);
     * false keeps them as one node (analysis rows per chain layer). Graph residuals are expanded by the resolver.
     */
    public static NetworkGraph of(NetworkSpec spec, boolean expand) {
        int[] in = spec.input() == null ? null : spec.input().stream().mapToInt(Integer::intValue).toArray();
        NetworkGraph g = new NetworkGraph(in);
        if (!spec.isGraph()) {
            String prev = NetworkSpec.INPUT;
            List<LayerSpec> layers = spec.all();
            for (int i = 0; i < layers.size(); i++) {
                LayerSpec l = layers.get(i);
                String id = "layers." + i, where = "network.layers[" + i + "]";
                if (l == null || LayerKinds.find(l.type()) == null) {
                    throw new GraphException(where + ".type", "expected one of " + LayerKinds.names() + ", got "
                            + (l == null ? "null" : l.type() == null ? "null" : "\"" + l.type() + "\""));
                }
                if (expand && LayerKinds.get(l.type()).template()) {
                    int[] s = g.shapeOf(prev);
                    for (LayerSpec e : ResidualKind.expand(l, id, List.of(prev), s == null ? l.channels() : s[0])) {
                        g.add(e.id(), e.id(), where, e, e.inputs());
                    }
                } else {
                    g.add(id, id, where, l, List.of(prev));
                }
                prev = id;
            }
            return g;
        }
        for (LayerSpec n : sorted(spec.nodes())) g.add(n.id(), "nodes." + n.id(), "node " + n.id(), n, n.inputs());
        return g;
    }

    private int[] shapeOf(String id) {
        if (NetworkSpec.INPUT.equals(id)) return input;
        Integer i = index.get(id);
        return i == null ? null : nodes.get(i).outShape();
    }

    private void add(String id, String path, String where, LayerSpec spec, List<String> inputIds) {
        LayerKind kind = LayerKinds.get(spec.type());
        int[] in = new int[inputIds.size()];
        List<int[]> shapes = new ArrayList<>();
        boolean known = true;
        for (int p = 0; p < in.length; p++) {
            String src = inputIds.get(p);
            in[p] = NetworkSpec.INPUT.equals(src) ? -1 : index.get(src);
            int[] s = shapeOf(src);
            if (s == null) known = false;
            shapes.add(s);
        }
        int[] out = null;
        String err = null;
        if (input == null && nodes.isEmpty()) {
            err = "no input shape";
        } else if (known) {
            try {
                out = kind.outShape(spec, shapes);
            } catch (IllegalArgumentException e) {
                err = e.getMessage();
            }
        }
        index.put(id, nodes.size());
        nodes.add(new Node(nodes.size(), id, path, where, spec, kind, in, shapes, out, err));
    }

    /**
     * The nodes of a graph in topological order (file order where the file allows it), after the structural checks;
     * throws {@link GraphException} for the first problem.
     */
    public static List<LayerSpec> sorted(List<LayerSpec> nodes) {
        GraphStructure s = GraphStructure.of(nodes);
        GraphStructure.Problem p = s.first();
        if (p != null) throw new GraphException(p.field(), p.message());
        return s.order.stream().map(nodes::get).toList();
    }
}
