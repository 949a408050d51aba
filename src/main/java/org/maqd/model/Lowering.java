package org.maqd.model;

import java.util.List;
import org.maqd.nn.Layer;
import org.maqd.nn.MaxPool2d;

/**
 * The primitives a trained network lowers to, one call per node in graph order ({@link LayerKind#lower} picks
 * the primitive). Implemented by the integer folder ({@code deploy.Folder}) and by exchange-format writers (ONNX):
 * a new kind either maps to one of these or adds a primitive here, and every target then says how it runs it.
 */
public interface Lowering {
    /**
     * A node of the built network: its position in graph order, id, state-dict path, resolved spec, built layer,
     * inputs (node indices; −1 = the network input), per-sample input shapes and output shape, and whether it is
     * the network's output node.
     */
    record Node(int index, String id, String path, LayerSpec spec, Layer layer, int[] inputs, List<int[]> inShapes,
                int[] outShape, boolean output) {
        public String where() { return "node " + id + " (" + spec.type() + ")"; }
    }

    /** linear, conv2d or output: weights → [WS → Q_w] → op → norm → Q_a (or none: output, activation false). */
    void block(Node n, QuantBlock b);

    void maxPool(Node n, MaxPool2d p);

    /** Average pooling over kh×kw windows with a stride (global average pooling: the whole plane, stride 1). */
    void avgPool(Node n, int kernelH, int kernelW, int stride);

    /** Same values, another shape (flatten). */
    void reshape(Node n);

    /** Inference no-op (dropout). */
    void identity(Node n);

    /** Element-wise sum of the inputs, then Q_a. */
    void add(Node n, AddBlock a);

    /** Channel concatenation of the inputs. */
    void concat(Node n);
}
