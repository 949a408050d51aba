package org.maqd.ui.vm;

/** Where a canvas node is drawn, in world units (top-left corner and size). */
public record NodeBox(double x, double y, double w, double h) {
    public double centerX() { return x + w / 2; }
    public double centerY() { return y + h / 2; }
    public double bottom() { return y + h; }
    public NodeBox at(double nx, double ny) { return new NodeBox(nx, ny, w, h); }

    /** The size a node needs for its lines of text (title, states, cost, shape or a two-line error). */
    public static NodeBox sized(GraphNode n) {
        if (n.isInput()) return new NodeBox(0, 0, WIDTH, 34);
        boolean named = !n.label().equals(String.valueOf(n.layer()));
        int lines = 2 + (n.detail().isEmpty() ? 0 : 1) + (n.cost().isEmpty() ? 0 : 1) + (n.ok() ? 0 : 1) + (named ? 1 : 0);
        return new NodeBox(0, 0, WIDTH, 14 + 17 * lines);
    }

    public static final double WIDTH = 210;
}
