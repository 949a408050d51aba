package org.maqd.ui.vm;

import java.util.ArrayList;
import java.util.List;

/**
 * Wiring a node's output to another node's input port: the rules that refuse a wire (with the reason shown at
 * the port) and the edit that makes it. A wire into a node replaces the wire that fed it.
 */
final class Connections {
    private final ComposerViewModel composer;

    Connections(ComposerViewModel composer) { this.composer = composer; }

    String refusal(ComposerGraph g, String from, String to) {
        GraphNode a = g.node(from), b = g.node(to);
        if (a == null || b == null) return "no such node";
        if (from.equals(to)) return "a layer cannot feed itself";
        if (b.inputs() == 0) return "the network input takes no wires";
        if (!a.output()) return a.kind() + " is the network's output: nothing can follow it";
        if (g.into(to).stream().anyMatch(e -> e.from().equals(from))) return "already connected";
        if (g.reaches(to, from)) return "this wire would make a cycle: " + label(b) + " already feeds " + label(a);
        if (!a.ok() || a.shape().equals("?")) return label(a) + " has no output shape yet";
        String shapeError = composer.inputError(b.layer(), a.shape());
        if (shapeError != null) return label(b) + " cannot take " + a.shape() + ": " + shapeError;
        List<String> unused = bypassed(g, from, to);
        if (!unused.isEmpty()) return "this wire would leave " + String.join(", ", unused)
                + " unused (a layer chain has one path; branches need a graph network)";
        return null;
    }

    boolean connect(ComposerGraph g, String from, String to) {
        String why = refusal(g, from, to);
        if (why != null) {
            composer.messageProperty().set("Cannot connect: " + why);
            return false;
        }
        return false;
    }

    /** The nodes between {@code from} and {@code to} on the chain that the new wire would cut out. */
    private static List<String> bypassed(ComposerGraph g, String from, String to) {
        List<String> out = new ArrayList<>();
        String n = g.from(from).stream().map(GraphEdge::to).findFirst().orElse(null);
        while (n != null && !n.equals(to)) {
            out.add(label(g.node(n)));
            String cur = n;
            n = g.from(cur).stream().map(GraphEdge::to).findFirst().orElse(null);
        }
        return out;
    }

    private static String label(GraphNode n) { return n.isInput() ? "the input" : n.layer() + ":" + n.kind(); }
}
