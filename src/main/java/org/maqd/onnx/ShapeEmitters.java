package org.maqd.onnx;

import java.util.List;
import org.maqd.nn.AvgPool2d;
import org.maqd.nn.Dropout;
import org.maqd.nn.Flatten;
import org.maqd.nn.GlobalAvgPool;
import org.maqd.nn.MaxPool2d;

/** The layers without parameters: flatten, dropout (the identity at inference) and the pools. */
final class ShapeEmitters {
    private ShapeEmitters() {}

    static OnnxValue flatten(Flatten f, List<OnnxValue> in, OnnxGraph g) {
        OnnxValue x = in.get(0);
        if (x.rank() == 1) return x;
        return new OnnxValue(g.node("Flatten", "out", List.of(x.name()), OnnxAttribute.integer("axis", 1)), new int[] {x.size()});
    }

    static OnnxValue dropout(Dropout d, List<OnnxValue> in, OnnxGraph g) {
        return in.get(0);
    }

    static OnnxValue maxPool(MaxPool2d p, List<OnnxValue> in, OnnxGraph g) {
        return window("MaxPool", p.kernel(), p.stride(), in.get(0), g);
    }

    static OnnxValue avgPool(AvgPool2d p, List<OnnxValue> in, OnnxGraph g) {
        return window("AveragePool", p.kernel(), p.stride(), in.get(0), g);
    }

    static OnnxValue globalAvgPool(GlobalAvgPool p, List<OnnxValue> in, OnnxGraph g) {
        OnnxValue x = in.get(0);
        String pooled = g.node("GlobalAveragePool", "pooled", List.of(x.name()));
        return new OnnxValue(g.node("Flatten", "out", List.of(pooled), OnnxAttribute.integer("axis", 1)), new int[] {x.shape()[0]});
    }

    private static OnnxValue window(String op, int k, int stride, OnnxValue x, OnnxGraph g) {
        int[] s = x.shape();
        String y = g.node(op, "out", List.of(x.name()), OnnxAttribute.ints("kernel_shape", k, k), OnnxAttribute.ints("strides", stride, stride));
        return new OnnxValue(y, new int[] {s[0], (s[1] - k) / stride + 1, (s[2] - k) / stride + 1});
    }
}
