package org.maqd.ui.vm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.maqd.model.LayerSpec;
import org.maqd.model.NetworkSpec;

/**
 * The canvas's structural edits as plain functions from a network spec to the next one. Nodes are addressed by
 * their position in {@link NetworkSpec#all()} (−1 = the network input). A {@code layers} chain becomes a
 * {@code nodes} graph when an edit makes it non-linear ({@link #toNodes}); edits that keep a chain a chain keep it.
 */
final class GraphEdits {
    private GraphEdits() {}

    /** The id a wire from node {@code i} names in {@code inputs}. */
    static String idOf(NetworkSpec g, int i) { return i < 0 ? NetworkSpec.INPUT : g.nodes().get(i).id(); }

    /** The index of the node with this id (−1 for the input or an unknown id). */
    static int indexOf(NetworkSpec g, String id) {
        List<LayerSpec> n = g.all();
        for (int i = 0; i < n.size(); i++) if (id.equals(n.get(i).id())) return i;
        return -1;
    }

    /**
     * The same network as a graph: each layer becomes a node named after its kind ({@code linear}, {@code linear_2},
     * …) fed by the layer before; positions stay. A graph is returned as it is.
     */
    static NetworkSpec toNodes(NetworkSpec net) {
        if (net.isGraph()) return net;
        List<LayerSpec> out = new ArrayList<>();
        Set<String> used = new HashSet<>();
        String prev = NetworkSpec.INPUT;
        for (LayerSpec l : net.all()) {
            String id = freshId(l.type(), used);
            out.add(l.withId(id).withInputs(List.of(prev)));
            prev = id;
        }
        return NetworkSpec.graph(net.input(), net.defaults(), out);
    }

    /** A new id for a node of a kind that none of {@code used} has; adds it to {@code used}. */
    static String freshId(String type, Set<String> used) {
        String base = type == null ? "node" : type;
        String id = base;
        for (int k = 2; used.contains(id) || NetworkSpec.INPUT.equals(id); k++) id = base + "_" + k;
        used.add(id);
        return id;
    }

    private static Set<String> ids(NetworkSpec g) {
        Set<String> s = new HashSet<>();
        for (LayerSpec l : g.nodes()) if (l.id() != null) s.add(l.id());
        return s;
    }

    /** Adds a wire from node {@code from} (−1 = input) into node {@code to}'s input port. */
    static NetworkSpec connect(NetworkSpec net, int from, int to) {
        NetworkSpec g = toNodes(net);
        List<LayerSpec> n = new ArrayList<>(g.nodes());
        LayerSpec t = n.get(to);
        List<String> in = new ArrayList<>(t.inputs() == null ? List.of() : t.inputs());
        in.add(idOf(g, from));
        n.set(to, t.withInputs(in));
        return g.withNodes(n);
    }

    /** Removes the wire into port {@code port} of node {@code to}. */
    static NetworkSpec disconnect(NetworkSpec net, int to, int port) {
        NetworkSpec g = toNodes(net);
        List<LayerSpec> n = new ArrayList<>(g.nodes());
        List<String> in = new ArrayList<>(n.get(to).inputs());
        if (port < 0 || port >= in.size()) return net;
        in.remove(port);
        n.set(to, n.get(to).withInputs(in));
        return g.withNodes(n);
    }

    /** Inserts a node on the wire into port {@code port} of node {@code to} (a chain stays a chain). */
    static NetworkSpec insertOnWire(NetworkSpec net, int to, int port, LayerSpec spec) {
        if (!net.isGraph()) {
            List<LayerSpec> l = new ArrayList<>(net.all());
            l.add(Math.max(0, Math.min(to, l.size())), spec);
            return net.withLayers(l);
        }
        List<LayerSpec> n = new ArrayList<>(net.nodes());
        LayerSpec t = n.get(to);
        List<String> in = new ArrayList<>(t.inputs());
        String id = freshId(spec.type(), ids(net));
        LayerSpec added = spec.withId(id).withInputs(List.of(in.get(port)));
        in.set(port, id);
        n.set(to, t.withInputs(in));
        n.add(to, added);
        return net.withNodes(n);
    }

    /** Adds a node with no wires at a position (the network becomes a graph). */
    static NetworkSpec addFree(NetworkSpec net, LayerSpec spec, double x, double y) {
        NetworkSpec g = toNodes(net);
        List<LayerSpec> n = new ArrayList<>(g.nodes());
        n.add(spec.withId(freshId(spec.type(), ids(g))).withInputs(List.of()).withPos(List.of(x, y)));
        return g.withNodes(n);
    }

    /**
     * Removes nodes. In a graph, a consumer of a removed node is fed by what fed the removed node (its first input),
     * so deleting a node of a path keeps the path whole.
     */
    static NetworkSpec remove(NetworkSpec net, List<Integer> indices) {
        Set<Integer> gone = new HashSet<>(indices);
        List<LayerSpec> all = net.all();
        if (!net.isGraph()) {
            List<LayerSpec> l = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) if (!gone.contains(i)) l.add(all.get(i));
            return net.withLayers(l);
        }
        Map<String, String> bypass = new HashMap<>();
        for (int i : gone) {
            LayerSpec r = all.get(i);
            bypass.put(r.id(), r.inputs() == null || r.inputs().isEmpty() ? null : r.inputs().get(0));
        }
        List<LayerSpec> n = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (gone.contains(i)) continue;
            LayerSpec l = all.get(i);
            List<String> in = new ArrayList<>();
            for (String s : l.inputs() == null ? List.<String>of() : l.inputs()) {
                String t = s;
                for (int hops = 0; t != null && bypass.containsKey(t) && hops <= gone.size(); hops++) t = bypass.get(t);
                if (t != null && !bypass.containsKey(t) && !in.contains(t)) in.add(t);
            }
            n.add(l.withInputs(in));
        }
        return net.withNodes(n);
    }

    /** Inserts copies of layers as a path on the wire into port {@code port} of node {@code to}. */
    static NetworkSpec insertPath(NetworkSpec net, int to, int port, List<LayerSpec> specs) {
        NetworkSpec out = net;
        int at = to;
        for (int k = specs.size() - 1; k >= 0; k--) {
            LayerSpec s = specs.get(k).withId(null).withInputs(null).withPos(null);
            out = insertOnWire(out, at, port, s);
            if (!out.isGraph()) continue;   // a chain: the next copy goes before this one at the same index
            port = 0;   // the new node was placed at index `at`; the next copy feeds it
        }
        return out;
    }

    /** Sets the canvas position of nodes. */
    static NetworkSpec moved(NetworkSpec net, Map<Integer, double[]> pos) {
        List<LayerSpec> n = new ArrayList<>(net.all());
        pos.forEach((i, p) -> n.set(i, n.get(i).withPos(List.of(round(p[0]), round(p[1])))));
        return net.isGraph() ? net.withNodes(n) : net.withLayers(n);
    }

    private static double round(double v) { return Math.round(v * 10) / 10.0; }

    /** The same network with the node list replaced, in the form it has. */
    static NetworkSpec with(NetworkSpec net, List<LayerSpec> all) {
        return net.isGraph() ? net.withNodes(all) : net.withLayers(all);
    }
}
