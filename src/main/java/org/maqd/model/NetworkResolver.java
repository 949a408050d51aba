package org.maqd.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies the network's {@link QuantDefaults} to every layer or node, so each resolved one states all its settings
 * (each kind's {@link LayerKind#resolve}). The first block — a weighted node with no weighted node before it —
 * takes {@code firstWeightStates}. A graph is also put in topological order and its {@code residual} templates are
 * expanded into their nodes ({@link ResidualKind}); a graph whose structure is wrong is resolved node by node in
 * file order and left for {@link NetworkGraph} to report.
 */
public final class NetworkResolver {
    private NetworkResolver() {}

    public static NetworkSpec resolve(NetworkSpec n) {
        if (n == null) return null;
        QuantDefaults d = (n.defaults() == null ? QuantDefaults.STANDARD : n.defaults()).orStandard();
        if (n.isGraph()) return NetworkSpec.graph(n.input(), d, resolveGraph(n, d));
        List<LayerSpec> out = new ArrayList<>();
        boolean firstBlockSeen = false;
        for (LayerSpec l : n.all()) {
            LayerKind k = l == null ? null : LayerKinds.find(l.type());
            if (k == null) { out.add(l); continue; }
            boolean first = k.weighted() && !firstBlockSeen;
            firstBlockSeen |= k.weighted();
            out.add(k.resolve(l, d, first));
        }
        return new NetworkSpec(n.input(), d, out);
    }

    private static List<LayerSpec> resolveGraph(NetworkSpec n, QuantDefaults d) {
        List<LayerSpec> order;
        try {
            order = NetworkGraph.sorted(n.nodes());
        } catch (IllegalArgumentException e) {
            List<LayerSpec> out = new ArrayList<>();
            for (LayerSpec l : n.nodes()) {
                LayerKind k = l == null ? null : LayerKinds.find(l.type());
                out.add(k == null ? l : k.resolve(l, d, false));
            }
            return out;
        }
        Map<String, int[]> shapes = new HashMap<>();
        shapes.put(NetworkSpec.INPUT, n.input() == null ? null : n.input().stream().mapToInt(Integer::intValue).toArray());
        Set<String> weightedBefore = new HashSet<>();   // ids with a weighted node at or before them
        List<LayerSpec> out = new ArrayList<>();
        for (LayerSpec l : order) {
            LayerKind k = LayerKinds.get(l.type());
            boolean first = k.weighted() && l.inputs().stream().noneMatch(weightedBefore::contains);
            LayerSpec r = k.resolve(l, d, first);
            List<LayerSpec> expanded = List.of(r);
            if (k.template()) {
                int[] s = shapes.get(l.inputs().get(0));
                expanded = ResidualKind.expand(r, l.id(), l.inputs(), s == null ? r.channels() : s[0]);
            }
            for (LayerSpec e : expanded) {
                LayerKind ek = LayerKinds.get(e.type());
                LayerSpec re = ek.resolve(e, d, false);
                out.add(re);
                if (ek.weighted() || e.inputs().stream().anyMatch(weightedBefore::contains)) weightedBefore.add(e.id());
                shapes.put(e.id(), shape(ek, re, e.inputs(), shapes));
            }
        }
        return out;
    }

    private static int[] shape(LayerKind k, LayerSpec l, List<String> inputs, Map<String, int[]> shapes) {
        List<int[]> in = new ArrayList<>();
        for (String s : inputs) {
            int[] v = shapes.get(s);
            if (v == null) return null;
            in.add(v);
        }
        try {
            return k.outShape(l, in);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
