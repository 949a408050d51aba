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

    /** A graph with structural problems: every check of {@link NetworkGraph#sorted}, kept per node. */
    private static Map<String, Node> drawing(NetworkSpec spec) {
        List<LayerSpec> nodes = spec.nodes();
        int size = nodes.size();
        String[] error = new String[size];
        Issue[] issue = new Issue[size];
        java.util.Arrays.fill(issue, Issue.NONE);
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < size; i++) {
            LayerSpec n = nodes.get(i);
            if (n == null || n.id() == null || NetworkSpec.INPUT.equals(n.id()) || at.containsKey(n.id())) {
                set(error, issue, i, Issue.OTHER, n == null || n.id() == null ? "node " + i + ": no id"
                        : "node " + n.id() + ": the id is used twice");
                continue;
            }
            at.put(n.id(), i);
            if (LayerKinds.find(n.type()) == null) set(error, issue, i, Issue.OTHER, "node " + n.id() + ": type expected one of "
                    + LayerKinds.names() + ", got " + (n.type() == null ? "none" : "\"" + n.type() + "\""));
        }
        List<List<Integer>> users = new ArrayList<>();
        for (int i = 0; i < size; i++) users.add(new ArrayList<>());
        int[] pending = new int[size];
        for (int i = 0; i < size; i++) {
            if (issue[i] == Issue.OTHER) continue;
            LayerSpec n = nodes.get(i);
            LayerKind k = LayerKinds.get(n.type());
            List<String> in = n.inputs() == null ? List.of() : n.inputs();
            for (int p = 0; p < in.size(); p++) {
                String src = in.get(p);
                if (NetworkSpec.INPUT.equals(src)) continue;
                Integer j = at.get(src);
                if (j == null) {
                    set(error, issue, i, Issue.UNKNOWN_INPUT, "node " + n.id() + ", input " + (p + 1) + ": no node has the id "
                            + (src == null ? "null" : "\"" + src + "\"") + " (ids: \"input\" or a node's id)");
                } else if (j == i) {
                    set(error, issue, i, Issue.CYCLE, "node " + n.id() + ", input " + (p + 1) + ": a node cannot be its own input");
                } else {
                    pending[i]++;
                    users.get(j).add(i);
                }
            }
            if (in.size() < k.minInputs() || in.size() > k.maxInputs()) {
                String want = k.maxInputs() == 1 ? "1 input" : "at least " + k.minInputs() + " inputs";
                set(error, issue, i, in.size() > k.maxInputs() ? Issue.PORT_FULL : Issue.MISSING_INPUT,
                        "node " + n.id() + " (" + n.type() + "): needs " + want + ", has " + in.size());
            }
            if (LayerKinds.isOutput(n.type()) && !users.get(i).isEmpty()) {
                set(error, issue, users.get(i).get(0), Issue.OTHER, "node " + n.id() + ": the output node's logits cannot feed node "
                        + nodes.get(users.get(i).get(0)).id());
            }
        }
        boolean[] done = new boolean[size];
        List<Integer> order = new ArrayList<>();
        for (boolean progress = true; progress; ) {
            progress = false;
            for (int i = 0; i < size; i++) {
                if (done[i] || pending[i] > 0) continue;
                done[i] = progress = true;
                order.add(i);
                for (int u : users.get(i)) pending[u]--;
            }
        }
        for (int i = 0; i < size; i++) {
            if (!done[i] && issue[i] != Issue.OTHER) {
                set(error, issue, i, Issue.CYCLE, "node " + nodes.get(i).id() + ": its inputs form a cycle"
                        + NetworkGraph.cycle(nodes, users, done, i));
            }
        }
        int[] in0 = spec.input() == null ? null : spec.input().stream().mapToInt(Integer::intValue).toArray();
        Map<String, int[]> shapes = new HashMap<>();
        shapes.put(NetworkSpec.INPUT, in0);
        for (int i : order) {
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
        markUnused(nodes, users, error, issue);
        Map<String, Node> out = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            LayerSpec n = nodes.get(i);
            String id = n == null || n.id() == null ? "#" + i : n.id();
            out.putIfAbsent(id, new Node(id, issue[i] == Issue.NONE || issue[i] == Issue.UNUSED ? shapes.get(id) : null, error[i], issue[i]));
        }
        return out;
    }

    /** Nodes whose result reaches no output node (only when there is an output node to reach). */
    private static void markUnused(List<LayerSpec> nodes, List<List<Integer>> users, String[] error, Issue[] issue) {
        int size = nodes.size();
        boolean[] reaches = new boolean[size];
        boolean any = false;
        for (int i = 0; i < size; i++) {
            if (nodes.get(i) != null && LayerKinds.isOutput(nodes.get(i).type())) reaches[i] = any = true;
        }
        if (!any) return;
        for (boolean changed = true; changed; ) {
            changed = false;
            for (int i = 0; i < size; i++) {
                if (reaches[i]) continue;
                for (int u : users.get(i)) if (reaches[u]) { reaches[i] = changed = true; break; }
            }
        }
        for (int i = 0; i < size; i++) {
            if (!reaches[i] && issue[i] == Issue.NONE) {
                set(error, issue, i, Issue.UNUSED, "node " + nodes.get(i).id() + ": unused (its result does not lead to the output node)");
            }
        }
    }

    private static void set(String[] error, Issue[] issue, int i, Issue what, String message) {
        if (what.ordinal() <= issue[i].ordinal()) return;   // the most serious problem stays
        issue[i] = what;
        error[i] = message;
    }
}
