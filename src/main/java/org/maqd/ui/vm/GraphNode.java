package org.maqd.ui.vm;

/**
 * A node of the composer canvas as drawn: its id (the layer index for a {@code layers} chain, "input" for the
 * network input), the layer it edits (-1 for the input), its kind, a title ("linear 256"), the states and norm
 * line, the cost line, its output shape, the reason it cannot take its input (null when fine), how many input
 * ports it has and whether it has an output port.
 */
public record GraphNode(String id, int layer, String kind, String title, String detail, String cost, String shape,
                        String error, int inputs, boolean output) {
    public static final String INPUT = "input";

    public boolean ok() { return error == null; }
    public boolean isInput() { return layer < 0; }
}
