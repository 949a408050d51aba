package org.maqd.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

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
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.\\-]*");

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
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            LayerSpec n = nodes.get(i);
            String f = "network.nodes[" + i + "]";
            if (n == null) throw new GraphException(f, f + ": expected a node object, got null");
            if (n.id() == null || !ID.matcher(n.id()).matches() || NetworkSpec.INPUT.equals(n.id())) {
                throw new GraphException(f + ".id", f + ": expected an id of letters, digits, '_', '.' or '-' (not \""
                        + NetworkSpec.INPUT + "\"), got " + (n.id() == null ? "none" : "\"" + n.id() + "\""));
            }
            if (at.put(n.id(), i) != null) throw new GraphException(f + ".id", "node " + n.id() + ": the id is used twice");
            LayerKind k = LayerKinds.find(n.type());
            if (k == null) {
                throw new GraphException(f + ".type", "node " + n.id() + ": type expected one of " + LayerKinds.names()
                        + ", got " + (n.type() == null ? "none" : "\"" + n.type() + "\""));
            }
        }
        int size = nodes.size();
        int[] pending = new int[size];
        List<List<Integer>> users = new ArrayList<>();
        for (int i = 0; i < size; i++) users.add(new ArrayList<>());
        int outputs = 0, outputAt = -1;
        for (int i = 0; i < size; i++) {
            LayerSpec n = nodes.get(i);
            LayerKind k = LayerKinds.get(n.type());
            List<String> in = n.inputs() == null ? List.of() : n.inputs();
            String f = "network.nodes[" + i + "].inputs";
            if (in.size() < k.minInputs() || in.size() > k.maxInputs()) {
                String want = k.maxInputs() == 1 ? "1 input" : "at least " + k.minInputs() + " inputs";
                throw new GraphException(f, "node " + n.id() + " (" + n.type() + "): needs " + want + ", has " + in.size());
            }
            for (int p = 0; p < in.size(); p++) {
                String src = in.get(p);
                if (NetworkSpec.INPUT.equals(src)) continue;
                Integer j = at.get(src);
                if (j == null) {
                    throw new GraphException(f, "node " + n.id() + ", input " + (p + 1) + ": no node has the id "
                            + (src == null ? "null" : "\"" + src + "\"") + " (ids: \"input\" or a node's id)");
                }
                if (j == i) throw new GraphException(f, "node " + n.id() + ", input " + (p + 1) + ": a node cannot be its own input");
                pending[i]++;
                users.get(j).add(i);
            }
            if (LayerKinds.isOutput(n.type())) { outputs++; outputAt = i; }
        }
        if (outputs != 1) {
            throw new GraphException("network.nodes", "expected exactly one node of type 'output' (the classifier), found " + outputs);
        }
        if (!users.get(outputAt).isEmpty()) {
            throw new GraphException("network.nodes[" + outputAt + "]", "node " + nodes.get(outputAt).id()
                    + ": the output node's logits cannot feed node " + nodes.get(users.get(outputAt).get(0)).id());
        }
        List<LayerSpec> order = new ArrayList<>();
        boolean[] done = new boolean[size];
        for (boolean progress = true; progress; ) {
            progress = false;
            for (int i = 0; i < size; i++) {
                if (done[i] || pending[i] > 0) continue;
                done[i] = true;
                progress = true;
                order.add(nodes.get(i));
                for (int u : users.get(i)) pending[u]--;
                break;   // restart from the first node: file order wherever the graph allows it
            }
        }
        if (order.size() < size) {
            int i = 0;
            while (done[i]) i++;
            throw new GraphException("network.nodes[" + i + "].inputs", "node " + nodes.get(i).id()
                    + ": its inputs form a cycle" + cycle(nodes, users, done, i));
        }
        boolean[] reaches = new boolean[size];
        reaches[outputAt] = true;
        for (int k = order.size() - 1; k >= 0; k--) {
            int i = at.get(order.get(k).id());
            for (int u : users.get(i)) if (reaches[u]) reaches[i] = true;
        }
        for (int i = 0; i < size; i++) {
            if (!reaches[i]) {
                throw new GraphException("network.nodes[" + i + "]", "node " + nodes.get(i).id()
                        + ": unused (its result does not lead to the output node)");
            }
        }
        return order;
    }

    /** " (a → b → a)": a cycle through node i among the nodes not sorted. */
    static String cycle(List<LayerSpec> nodes, List<List<Integer>> users, boolean[] done, int start) {
        List<Integer> path = new ArrayList<>();
        int[] seenAt = new int[nodes.size()];
        Arrays.fill(seenAt, -1);
        int i = start;
        while (seenAt[i] < 0) {
            seenAt[i] = path.size();
            path.add(i);
            int next = -1;
            for (int u : users.get(i)) if (!done[u]) { next = u; break; }
            if (next < 0) return "";
            i = next;
        }
        StringBuilder sb = new StringBuilder(" (");
        for (int k = seenAt[i]; k < path.size(); k++) sb.append(nodes.get(path.get(k)).id()).append(" → ");
        return sb.append(nodes.get(i).id()).append(')').toString();
    }
}
