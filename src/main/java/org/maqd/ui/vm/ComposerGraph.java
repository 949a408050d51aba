package org.maqd.ui.vm;

import java.util.ArrayList;
import java.util.List;
import org.maqd.model.LayerSpec;
import org.maqd.model.NetworkSpec;
import org.maqd.ui.engine.CostReport;
import org.maqd.ui.engine.CostRow;

/**
 * The network as the canvas draws it: nodes with ports and the wires between them. A {@code layers} chain is a
 * linear graph: the input node, then one node per layer, each fed by the one before.
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
        nodes.add(new GraphNode(GraphNode.INPUT, -1, "input", "input", "", "", input, null, 0, true));
        List<LayerSpec> layers = net.layers() == null ? List.of() : net.layers();
        String previous = GraphNode.INPUT, shape = input;
        for (int i = 0; i < layers.size(); i++) {
            CostRow row = report != null && i < report.rows().size() ? report.rows().get(i) : null;
            GraphNode n = node(layers.get(i), row, i);
            nodes.add(n);
            edges.add(new GraphEdge(previous, n.id(), 0, shape, i));
            previous = n.id();
            shape = n.ok() ? n.shape() : "?";
        }
        return new ComposerGraph(nodes, edges);
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

    private static GraphNode node(LayerSpec s, CostRow row, int i) {
        String t = s.type();
        String title = t + (s.units() != null ? " " + s.units() : s.channels() != null ? " " + s.channels() + "ch" : "")
                + (s.kernel() != null && !(org.maqd.model.LayerKinds.find(t) != null && org.maqd.model.LayerKinds.find(t).template()) ? " k" + s.kernel() : "")
                + (s.stride() != null && s.stride() > 1 ? " s" + s.stride() : "")
                + (s.rate() != null ? " " + s.rate() : "");
        boolean quantized = row != null && !(row.weightStates() == 0 && row.activationStates() == 0 && "-".equals(row.norm()));
        String detail = quantized ? "W " + states(row.weightStates()) + " · A " + states(row.activationStates()) + " · " + row.norm() : "";
        String cost = row == null || row.params() == 0 && row.macs() == 0 ? ""
                : count(row.params()) + " params · " + count(row.macs()) + " MACs · " + bits(row.weightBits());
        boolean hasOutput = !org.maqd.model.LayerKinds.isOutput(t);
        return new GraphNode(String.valueOf(i), i, t, title, detail, cost, row == null ? "?" : row.shape(),
                row == null ? null : row.error(), 1, hasOutput);
    }

    private static String states(int m) { return m == 0 ? "fp" : String.valueOf(m); }

    /** 1234 → "1.2k", 2_500_000 → "2.5M". */
    static String count(long v) {
        if (v < 1000) return String.valueOf(v);
        if (v < 1_000_000) return trim(v / 1e3) + "k";
        if (v < 1_000_000_000) return trim(v / 1e6) + "M";
        return trim(v / 1e9) + "G";
    }

    private static String bits(long b) {
        double bytes = b / 8.0;
        if (bytes < 1024) return trim(bytes) + " B";
        if (bytes < 1024 * 1024) return trim(bytes / 1024) + " KiB";
        return trim(bytes / 1024 / 1024) + " MiB";
    }

    private static String trim(double v) {
        String s = v >= 100 ? String.format("%.0f", v) : String.format("%.1f", v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
