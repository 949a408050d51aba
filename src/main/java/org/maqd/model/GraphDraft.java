package org.maqd.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The graph analysis of a network that is being drawn: like {@link NetworkGraph} it infers shapes node by node, but
 * it never stops at the first structural problem. Each node gets its shape, or its problem ({@link Issue}) with the
 * same message {@link NetworkGraph#sorted} gives, so an editor can show every node's state at once (a node not wired
 * yet does not hide the shapes of the others) and can ask what a new wire would break.
 *
 * <p>Keys are node ids; a {@code layers} chain uses {@code layers.<i>}. A valid network gives exactly the nodes of
 * {@link NetworkGraph#of} (residual templates of a graph expanded, keyed by their ids).
 */
public final class GraphDraft {
    private GraphDraft() {}

    /**
     * What is wrong with a node, least serious first (a node keeps its most serious problem). MISSING_INPUT and
     * UNUSED are the normal states of a node still being wired.
     */
    public enum Issue {
        NONE, MISSING_INPUT, UNUSED, SHAPE, PORT_FULL, CYCLE, UNKNOWN_INPUT, OTHER;

        /** True for problems a drawing passes through (a node placed but not wired yet). */
        public boolean unfinished() { return this == MISSING_INPUT || this == UNUSED; }
    }

    /** One node: its output shape per sample (null when unknown) and its problem (null message when none). */
    public record Node(String id, int[] outShape, String error, Issue issue) {
        public boolean ok() { return issue == Issue.NONE; }
    }

    /** Every node of a network spec (resolved or not), by id. */
    public static Map<String, Node> of(NetworkSpec raw) {
        Map<String, Node> out = new LinkedHashMap<>();
        if (raw == null) return out;
        NetworkSpec spec;
        try {
            spec = NetworkResolver.resolve(raw);
        } catch (RuntimeException e) {
            spec = raw;
        }
        try {
            NetworkGraph g = NetworkGraph.of(spec, false);
            for (NetworkGraph.Node n : g.nodes()) {
                out.put(n.id(), new Node(n.id(), n.outShape(), n.error(), n.error() == null ? Issue.NONE : Issue.SHAPE));
            }
            return out;
        } catch (NetworkGraph.GraphException e) {
            if (!spec.isGraph()) {
                List<LayerSpec> l = spec.all();
                for (int i = 0; i < l.size(); i++) {
                    boolean bad = l.get(i) == null || LayerKinds.find(l.get(i).type()) == null;
                    out.put("layers." + i, new Node("layers." + i, null, bad ? e.getMessage() : null, bad ? Issue.OTHER : Issue.NONE));
                }
                return out;
            }
        }
        return drawing(spec);
    }

    /** A graph with structural problems: every problem of its {@link GraphStructure}, kept on its node. */
    private static Map<String, Node> drawing(NetworkSpec spec) {
        List<LayerSpec> nodes = spec.nodes();
        int size = nodes.size();
        String[] error = new String[size];
        Issue[] issue = new Issue[size];
        java.util.Arrays.fill(issue, Issue.NONE);
        GraphStructure structure = GraphStructure.of(nodes);
        for (GraphStructure.Problem p : structure.problems) {
            if (p.marked() >= 0 && p.issue() != Issue.UNUSED) set(error, issue, p.marked(), p.issue(), p.message());
        }
        int[] in0 = spec.input() == null ? null : spec.input().stream().mapToInt(Integer::intValue).toArray();
        Map<String, int[]> shapes = new HashMap<>();
        shapes.put(NetworkSpec.INPUT, in0);
        for (int i : structure.order) {
            LayerSpec n = nodes.get(i);
            if (issue[i] != Issue.NONE || n.inputs() == null) continue;
            List<int[]> in = new ArrayList<>();
            for (String s : n.inputs()) in.add(shapes.get(s));
            if (in.stream().anyMatch(s -> s == null)) continue;
            try {
                shapes.put(n.id(), LayerKinds.get(n.type()).outShape(n, in));
            } catch (IllegalArgumentException e) {
                set(error, issue, i, Issue.SHAPE, e.getMessage());
            }
        }
        for (GraphStructure.Problem p : structure.problems) {   // unused: only a node with no other problem
            if (p.issue() == Issue.UNUSED && issue[p.marked()] == Issue.NONE) set(error, issue, p.marked(), p.issue(), p.message());
        }
        Map<String, Node> out = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            LayerSpec n = nodes.get(i);
            String id = n == null || n.id() == null ? "#" + i : n.id();
            out.putIfAbsent(id, new Node(id, issue[i] == Issue.NONE || issue[i] == Issue.UNUSED ? shapes.get(id) : null, error[i], issue[i]));
        }
        return out;
    }

    private static void set(String[] error, Issue[] issue, int i, Issue what, String message) {
        if (what.ordinal() <= issue[i].ordinal()) return;   // the most serious problem stays
        issue[i] = what;
        error[i] = message;
    }
}
