package org.maqd.onnx;

/**
 * A tensor of the graph being written: its name and its shape per sample, without the batch dimension
 * ({@code [C, H, W]} for images and feature maps, {@code [F]} for flat features).
 */
public record OnnxValue(String name, int[] shape) {
    public OnnxValue {
        shape = shape.clone();
    }

    @Override public int[] shape() { return shape.clone(); }

    public int rank() { return shape.length; }

    /** Elements per sample. */
    public int size() {
        int n = 1;
        for (int d : shape) n *= d;
        return n;
    }
}
