package org.maqd.onnx;

import java.util.List;
import org.maqd.model.AddBlock;

/** An add node (a residual sum): one {@code Add} of its inputs, then its Q_a ({@link ActivationEmitter}). */
final class ResidualEmitter {
    private ResidualEmitter() {}

    static OnnxValue emit(AddBlock a, List<OnnxValue> inputs, OnnxGraph g) {
        OnnxValue sum = MergeEmitters.add(inputs, g);
        return g.scoped("act", () -> ActivationEmitter.emit(a.activation(), List.of(sum), g));
    }
}
