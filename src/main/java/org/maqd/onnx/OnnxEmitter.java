package org.maqd.onnx;

import java.util.List;
import org.maqd.nn.Layer;

/**
 * How one kind of trained layer is written to ONNX: the nodes and initializers that compute it in inference mode
 * from its input values. {@code inputs} holds one value for chain layers and two or more for merges.
 */
@FunctionalInterface
public interface OnnxEmitter<L extends Layer> {
    OnnxValue emit(L layer, List<OnnxValue> inputs, OnnxGraph g);
}
