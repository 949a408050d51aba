package org.maqd.tensor;

import java.util.Arrays;

/**
 * A dense float tensor in row-major order. The first dimension is the batch where there is one.
 * Tensors are plain buffers: layers own their outputs and reuse them while the batch size is unchanged,
 * so a tensor returned by {@code forward} is valid until that layer's next call.
 */
public final class Tensor {
    public final float[] data;
    private final int[] shape;

    public Tensor(float[] data, int... shape) {
        if (Shapes.size(shape) != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + Shapes.size(shape)
                    + " elements, buffer has " + data.length);
        }
        this.data = data;
        this.shape = shape.clone();
    }

    public static Tensor zeros(int... shape) {
        return new Tensor(new float[Shapes.size(shape)], shape);
    }

    public static Tensor of(float[] data, int... shape) {
        return new Tensor(data, shape);
    }

    /** Returns {@code t} when it already has {@code shape}, otherwise a new zero tensor of that shape. */
    public static Tensor reuse(Tensor t, int... shape) {
        if (t != null && Arrays.equals(t.shape, shape)) return t;
        if (t != null && t.data.length == Shapes.size(shape)) return new Tensor(t.data, shape);
        return zeros(shape);
    }

    public int[] shape() { return shape.clone(); }
    public int rank() { return shape.length; }
    public int dim(int i) { return shape[i < 0 ? shape.length + i : i]; }
    public int size() { return data.length; }
    /** Elements per batch item (product of all dimensions after the first). */
    public int perItem() { return shape.length == 0 ? 1 : data.length / shape[0]; }
    public boolean hasShape(int... s) { return Arrays.equals(shape, s); }

    /** A view with another shape over the same buffer. */
    public Tensor view(int... newShape) { return new Tensor(data, newShape); }

    public Tensor copy() { return new Tensor(data.clone(), shape); }

    public void fill(float v) { Arrays.fill(data, v); }

    public void copyFrom(Tensor other) {
        if (other.data.length != data.length) throw new IllegalArgumentException("size mismatch " + other + " -> " + this);
        System.arraycopy(other.data, 0, data, 0, data.length);
    }

    @Override public String toString() { return "Tensor" + Arrays.toString(shape); }
}
