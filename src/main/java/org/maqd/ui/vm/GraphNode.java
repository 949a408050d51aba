package org.maqd.ui.vm;

import org.maqd.model.GraphDraft;

/**
 * A node of the composer canvas as drawn: its id (the layer index for a {@code layers} chain, "input" for the
 * network input), the layer it edits (-1 for the input), its kind, a title ("linear 256"), the states and norm
 * line, the cost line, its output shape, the reason it cannot take its input (null when fine), how many input
 * ports it has (0 or 1: a merge's one port takes several wires), whether it has an output port, the label shown
 * (the node id of a graph, the index of a chain layer) and the engine's verdict on it (null for the input).
 */
public record GraphNode(String id, int layer, String kind, String title, String detail, String cost, String shape,
                        String error, int inputs, boolean output, String label, GraphDraft.Issue issue) {
    public static final String INPUT = "input";

    public boolean ok() { return error == null; }
    /** True when the node is only unfinished (not wired yet, or its result not used yet). */
    public boolean unfinished() { return issue != null && issue.unfinished(); }
    public boolean isInput() { return layer < 0; }
}
