package org.maqd.onnx;

import java.util.List;
import org.maqd.model.ResidualBlock;

/**
 * A residual block: {@code Q_a(conv2(conv1(x)) + shortcut(x))} as the two blocks ({@link BlockEmitter}), the
 * projection block or the identity, one {@code Add}, and Q_a ({@link ActivationEmitter}).
 */
final class ResidualEmitter {
    private ResidualEmitter() {}

    static OnnxValue emit(ResidualBlock r, List<OnnxValue> inputs, OnnxGraph g) {
        OnnxValue x = inputs.get(0);
        OnnxValue first = g.scoped("conv1", () -> BlockEmitter.emit(r.first(), List.of(x), g));
        OnnxValue main = g.scoped("conv2", () -> BlockEmitter.emit(r.second(), List.of(first), g));
        OnnxValue skip = r.shortcut() == null ? x : g.scoped("shortcut", () -> BlockEmitter.emit(r.shortcut(), List.of(x), g));
        OnnxValue sum = MergeEmitters.add(List.of(main, skip), g);
        return g.scoped("act", () -> ActivationEmitter.emit(r.activation(), List.of(sum), g));
    }
}
