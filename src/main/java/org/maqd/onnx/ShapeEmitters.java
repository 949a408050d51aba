package org.maqd.onnx;

import java.util.List;

/** The operations without parameters: flatten, window pools and the global average pool. */
final class ShapeEmitters {
    private ShapeEmitters() {}

    /** [C, H, W] → [C·H·W] ({@code Flatten}, axis 1); a flat value passes as it is. */
    static OnnxValue flatten(OnnxValue x, OnnxGraph g) {
        if (x.rank() == 1) return x;
        return new OnnxValue(g.node("Flatten", "out", List.of(x.name()), OnnxAttribute.integer("axis", 1)), new int[] {x.size()});
    }

    /** The mean of each channel's plane, [C, H, W] → [C]. */
    static OnnxValue globalAvgPool(OnnxValue x, OnnxGraph g) {
        String pooled = g.node("GlobalAveragePool", "pooled", List.of(x.name()));
        return new OnnxValue(g.node("Flatten", "out", List.of(pooled), OnnxAttribute.integer("axis", 1)), new int[] {x.shape()[0]});
    }

    /** {@code op} (MaxPool, AveragePool) over kh×kw windows with a stride, no padding. */
    static OnnxValue window(String op, int kh, int kw, int stride, OnnxValue x, OnnxGraph g) {
        int[] s = x.shape();
        String y = g.node(op, "out", List.of(x.name()), OnnxAttribute.ints("kernel_shape", kh, kw), OnnxAttribute.ints("strides", stride, stride));
        return new OnnxValue(y, new int[] {s[0], (s[1] - kh) / stride + 1, (s[2] - kw) / stride + 1});
    }
}
