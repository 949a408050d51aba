package org.maqd.ui.vm;

import java.util.Map;
import org.maqd.model.GraphDraft;
import org.maqd.model.NetworkSpec;

/**
 * Wiring a node's output to another node's input port. Whether a wire may be made is the engine's verdict: the
 * network with the wire is analysed ({@link GraphDraft}) and the wire is refused when it gives a node a problem it did
 * not have (a full port, a cycle, shapes that do not fit); that message is the reason shown at the port. A node
 * that is merely not wired yet is no reason to refuse. A chain becomes a graph when the wire makes it non-linear.
 */
final class Connections {
    private final ComposerViewModel composer;

    Connections(ComposerViewModel composer) { this.composer = composer; }

    /** Why the wire from node {@code from}'s output into node {@code to} is refused, or null when it can be made. */
    String refusal(ComposerGraph g, String from, String to) {
        GraphNode a = g.node(from), b = g.node(to);
        if (a == null || b == null) return "no such node";
        if (b.inputs() == 0) return "the network input takes no wires";
        if (!a.output()) return "the output node's logits cannot feed another node";
        if (g.into(to).stream().anyMatch(e -> e.from().equals(from))) return "already connected";
        NetworkSpec net = ComposerViewModel.network(composer.document().get());
        NetworkSpec before = GraphEdits.toNodes(net);
        NetworkSpec after = GraphEdits.connect(net, a.layer(), b.layer());
        Map<String, GraphDraft.Node> was = GraphDraft.of(before), now = GraphDraft.of(after);
        String target = GraphEdits.idOf(after, b.layer());
        GraphDraft.Node t = now.get(target);
        if (t != null && t.issue() == GraphDraft.Issue.PORT_FULL && (was.get(target) == null || was.get(target).issue() != GraphDraft.Issue.PORT_FULL)) {
            // the draft describes the network with the wire ("needs 1 input, has 2"), which read as if it had two already;
            // a full port is a one-input kind's (add and concat take any number)
            return "port full: node " + t.id() + " (" + b.kind() + ") takes one input and has it already; remove a wire into it first";
        }
        String reason = newProblem(was.get(target), t);
        if (reason != null) return reason;
        for (Map.Entry<String, GraphDraft.Node> e : now.entrySet()) {
            reason = newProblem(was.get(e.getKey()), e.getValue());
            if (reason != null) return reason;
        }
        return null;
    }

    /** The message of a problem the wire gives a node, or null when it gives none (or only an unfinished state). */
    private static String newProblem(GraphDraft.Node before, GraphDraft.Node after) {
        if (after == null || after.ok() || after.issue().unfinished()) return null;
        if (before != null && before.issue() == after.issue() && after.error().equals(before.error())) return null;
        String why = after.error();
        return after.issue() == GraphDraft.Issue.PORT_FULL ? "port full: " + why : why;
    }

    boolean connect(ComposerGraph g, String from, String to) {
        String why = refusal(g, from, to);
        if (why != null) {
            // the message shows under the selected node: the node the wire was refused into, not whichever was selected
            GraphNode b = g.node(to);
            if (b != null && !b.isInput() && b.layer() >= 0) composer.selectedProperty().set(b.layer());
            composer.messageProperty().set("Cannot connect: " + why);
            return false;
        }
        GraphNode a = g.node(from), b = g.node(to);
        return composer.structure("Connect " + a.label() + " → " + b.label(), n -> GraphEdits.connect(n, a.layer(), b.layer()));
    }

    /** Removes a wire (one edit). */
    boolean disconnect(GraphEdge e) {
        GraphNode b = composer.graph().node(e.to());
        if (b == null || b.isInput()) return false;
        return composer.structure("Remove wire", n -> GraphEdits.disconnect(n, b.layer(), e.port()));
    }
}
