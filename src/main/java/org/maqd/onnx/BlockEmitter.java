package org.maqd.onnx;

import java.util.ArrayList;
import java.util.List;
import org.maqd.model.QuantBlock;
import org.maqd.nn.Conv2d;
import org.maqd.nn.Layer;
import org.maqd.nn.Linear;
import org.maqd.nn.Param;

/**
 * A quantized block (method.md §8): {@code Gemm} (Linear, after a {@code Flatten} when its input is a feature map)
 * or {@code Conv} (Conv2d) on the quantized weights ({@link QuantizedWeights}), then the norm ({@link NormEmitter}),
 * then Q_a ({@link ActivationEmitter}); the output block ends after its norm (float logits). Names follow the state
 * dict: {@code <node>.op.*}, {@code <node>.norm.*}, {@code <node>.act.*}.
 */
final class BlockEmitter {
    private BlockEmitter() {}

    static OnnxValue emit(QuantBlock b, OnnxValue x, OnnxGraph g) {
        OnnxValue h = g.scoped("op", () -> op(b, x, g));
        if (b.norm() != null) {
            OnnxValue in = h;
            h = g.scoped("norm", () -> NormEmitter.emit(b.norm(), in, g));
        }
        if (b.activation() != null) {
            OnnxValue in = h;
            h = g.scoped("act", () -> ActivationEmitter.emit(b.activation(), in, g));
        }
        return h;
    }

    private static OnnxValue op(QuantBlock b, OnnxValue x, OnnxGraph g) {
        Layer op = b.op();
        if (op instanceof Linear lin) {
            String in = x.rank() == 1 ? x.name() : g.node("Flatten", "flat", List.of(x.name()), OnnxAttribute.integer("axis", 1));
            int out = lin.outFeatures();
            String w = QuantizedWeights.emit(b.weights(), lin.weight(), g, out, x.size());
            List<String> args = withBias(List.of(in, w), lin.bias(), g);
            return new OnnxValue(g.node("Gemm", "out", args, OnnxAttribute.integer("transB", 1)), new int[] {out});
        }
        if (op instanceof Conv2d c) {
            int[] s = x.shape();
            int k = c.kernel(), st = c.stride(), p = c.padding();
            String w = QuantizedWeights.emit(b.weights(), c.weight(), g, c.outChannels(), c.inChannels(), k, k);
            List<String> args = withBias(List.of(x.name(), w), c.bias(), g);
            String y = g.node("Conv", "out", args, OnnxAttribute.ints("kernel_shape", k, k), OnnxAttribute.ints("strides", st, st),
                    OnnxAttribute.ints("pads", p, p, p, p));
            return new OnnxValue(y, new int[] {c.outChannels(), (s[1] + 2 * p - k) / st + 1, (s[2] + 2 * p - k) / st + 1});
        }
        throw new OnnxExportException("a quantized block with a " + op.kind() + " operation has no ONNX form");
    }

    private static List<String> withBias(List<String> args, Param bias, OnnxGraph g) {
        if (bias == null) return args;
        List<String> all = new ArrayList<>(args);
        all.add(g.floats("bias", bias.value.data.clone(), bias.value.size()));
        return all;
    }
}
