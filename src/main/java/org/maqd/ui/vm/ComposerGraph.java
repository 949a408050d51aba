package org.maqd.ui.vm;

import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import org.maqd.model.GraphDraft;
import org.maqd.model.LayerKind;
import org.maqd.model.LayerKinds;
import org.maqd.model.LayerSpec;
import org.maqd.model.NetworkSpec;
import org.maqd.ui.engine.CostReport;
import org.maqd.ui.engine.CostRow;

/**
 * The network as the canvas draws it: nodes with ports and the wires between them, shapes and problems from the
 * engine's {@link GraphDraft} (so a node not wired yet does not hide the others' shapes), costs from the analysis.
 * Node ids are positions in the spec's list ("input" for the network input); a {@code layers} chain is the graph
 * input → 0 → 1 → …, a {@code nodes} graph has the wires its {@code inputs} name.
 */
public record ComposerGraph(List<GraphNode> nodes, List<GraphEdge> edges) {
    public ComposerGraph {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    public static ComposerGraph of(NetworkSpec net, CostReport report) {
        List<GraphNode> nodes = new ArrayList<>();
        List<GraphEdge> edges = new ArrayList<>();
        String input = net.input() == null ? "?" : net.input().toString();
        nodes.add(new GraphNode(GraphNode.INPUT, -1, "input", "input", "", "", input, null, 0, true, GraphNode.INPUT, null));
        Map<String, GraphDraft.Node> draft = GraphDraft.of(net);
        List<LayerSpec> all = net.all();
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < all.size(); i++) if (net.isGraph() && all.get(i).id() != null) at.putIfAbsent(all.get(i).id(), i);
        List<String> shapes = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            String key = net.isGraph() ? all.get(i).id() : "layers." + i;
            GraphNode n = node(all.get(i), rows(report, key), draft.get(key), i, net.isGraph() ? key : String.valueOf(i));
            nodes.add(n);
            shapes.add(n.shape());
        }
        for (int i = 0; i < all.size(); i++) {
            List<String> in = net.isGraph() ? all.get(i).inputs() : List.of(i == 0 ? NetworkSpec.INPUT : "#");
            if (in == null) continue;
            for (int p = 0; p < in.size(); p++) {
                String src = in.get(p);
                int from = NetworkSpec.INPUT.equals(src) ? -1 : net.isGraph() ? at.getOrDefault(src, -2) : i - 1;
                if (from < -1) continue;
                String shape = from < 0 ? input : shapes.get(from);
                edges.add(new GraphEdge(from < 0 ? GraphNode.INPUT : String.valueOf(from), String.valueOf(i), p, shape, i));
            }
        }
        return new ComposerGraph(nodes, edges);
    }

    /** The analysis rows of one node: itself, or the nodes a residual template expands to ({@code id.*}). */
    private static List<CostRow> rows(CostReport report, String key) {
        if (report == null || key == null) return List.of();
        return report.rows().stream().filter(r -> key.equals(r.id()) || r.id() != null && r.id().startsWith(key + ".")).toList();
    }

    public GraphNode node(String id) {
        for (GraphNode n : nodes) if (n.id().equals(id)) return n;
        return null;
    }

    /** The node editing layer {@code i}, or null. */
    public GraphNode layerNode(int i) { return node(String.valueOf(i)); }

    public List<GraphEdge> into(String id) { return edges.stream().filter(e -> e.to().equals(id)).toList(); }

    public List<GraphEdge> from(String id) { return edges.stream().filter(e -> e.from().equals(id)).toList(); }

    /** True when {@code a} feeds {@code b} through one or more wires. */
    public boolean reaches(String a, String b) {
        List<String> todo = new ArrayList<>(List.of(a));
        List<String> seen = new ArrayList<>();
        while (!todo.isEmpty()) {
            String n = todo.remove(todo.size() - 1);
            if (n.equals(b)) return true;
            if (seen.contains(n)) continue;
            seen.add(n);
            for (GraphEdge e : from(n)) todo.add(e.to());
        }
        return false;
    }

    private static GraphNode node(LayerSpec s, List<CostRow> rows, GraphDraft.Node d, int i, String label) {
        String t = s.type();
        LayerKind kind = LayerKinds.find(t);
        String title = t + (s.units() != null ? " " + s.units() : s.channels() != null ? " " + s.channels() + "ch" : "")
                + (s.kernel() != null && !(kind != null && kind.template()) ? " k" + s.kernel() : "")
                + (s.stride() != null && s.stride() > 1 ? " s" + s.stride() : "")
                + (s.rate() != null ? " " + s.rate() : "")
                + (Boolean.FALSE.equals(s.activation()) ? " · no Q_a" : "");
        CostRow row = rows.isEmpty() ? null : rows.get(rows.size() - 1);
        CostRow first = rows.isEmpty() ? null : rows.get(0);
        long params = 0, macs = 0, bits = 0;
        for (CostRow r : rows) {
            params += r.params();
            macs += r.macs();
            bits += r.weightBits();
        }
        boolean quantized = first != null && !(first.weightStates() == 0 && first.activationStates() == 0 && "-".equals(first.norm()));
        String detail = !quantized ? "" : kind != null && !kind.weighted() ? "A " + states(row.activationStates())
                : "W " + states(first.weightStates()) + " · A " + states(first.activationStates()) + " · " + first.norm();
        String cost = params == 0 && macs == 0 ? "" : count(params) + " params · " + count(macs) + " MACs · " + bits(bits);
        String shape = d != null && d.outShape() != null ? java.util.Arrays.toString(d.outShape()) : row != null ? row.shape() : "?";
        String error = d != null ? d.error() : row == null ? "no analysis" : row.error();
        if (d != null && d.error() == null && d.outShape() == null) error = null;
        int ports = kind == null ? 1 : Math.min(kind.minInputs(), 1);
        return new GraphNode(String.valueOf(i), i, t, title, detail, cost, shape, error, ports, !LayerKinds.isOutput(t), label,
                d == null ? null : d.issue());
    }

    private static String states(int m) { return m == 0 ? "fp" : String.valueOf(m); }

    /** 1234 → "1.2k", 2_500_000 → "2.5M". */
    static String count(long v) {
        if (v < 1000) return String.valueOf(v);
        if (v < 1_000_000) return org.maqd.model.MemoryEstimate.compact(v / 1e3) + "k";
        if (v < 1_000_000_000) return org.maqd.model.MemoryEstimate.compact(v / 1e6) + "M";
        return org.maqd.model.MemoryEstimate.compact(v / 1e9) + "G";
    }

    private static String bits(long b) { return org.maqd.model.MemoryEstimate.human((b + 7) / 8, true); }
}
