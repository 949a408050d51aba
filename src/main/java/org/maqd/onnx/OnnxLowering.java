package org.maqd.onnx;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.maqd.model.AddBlock;
import org.maqd.model.Lowering;
import org.maqd.model.QuantBlock;
import org.maqd.nn.MaxPool2d;

/**
 * The ONNX writer as a {@link Lowering}, like the integer folder: each node's kind calls the one primitive it is
 * ({@link org.maqd.model.LayerKind#lower}) and the primitive adds its nodes and initializers to the
 * {@link OnnxGraph}, inside a scope named like the node's state-dict entries ({@code layers.<i>} or
 * {@code nodes.<id>}). A new kind gets its ONNX form by lowering to a primitive; there is no table of layer classes.
 */
final class OnnxLowering implements Lowering {
    private final OnnxGraph g;
    private final OnnxValue image;
    private final List<OnnxValue> outs = new ArrayList<>();

    OnnxLowering(OnnxGraph g, OnnxValue image) {
        this.g = g;
        this.image = image;
    }

    /** The last node's value (the network's output). */
    OnnxValue last() { return outs.isEmpty() ? image : outs.get(outs.size() - 1); }

    private OnnxValue in(Node n, int port) {
        int src = n.inputs()[port];
        return src < 0 ? image : outs.get(src);
    }

    private List<OnnxValue> inputs(Node n) {
        List<OnnxValue> xs = new ArrayList<>(n.inputs().length);
        for (int p = 0; p < n.inputs().length; p++) xs.add(in(n, p));
        return xs;
    }

    private void put(Node n, Supplier<OnnxValue> body) {
        if (outs.size() != n.index()) throw new IllegalStateException(n.where() + " lowered out of graph order");
        try {
            outs.add(g.scoped(n.path(), body));
        } catch (OnnxExportException e) {
            throw new OnnxExportException(n.path() + " (" + n.spec().type() + "): " + e.getMessage());
        }
    }

    @Override
    public void block(Node n, QuantBlock b) { put(n, () -> BlockEmitter.emit(b, in(n, 0), g)); }

    @Override
    public void maxPool(Node n, MaxPool2d p) {
        put(n, () -> ShapeEmitters.window("MaxPool", p.kernel(), p.kernel(), p.stride(), in(n, 0), g));
    }

    @Override
    public void avgPool(Node n, int kh, int kw, int stride) {
        put(n, () -> n.outShape().length == 1
                ? ShapeEmitters.globalAvgPool(in(n, 0), g)
                : ShapeEmitters.window("AveragePool", kh, kw, stride, in(n, 0), g));
    }

    @Override
    public void reshape(Node n) { put(n, () -> ShapeEmitters.flatten(in(n, 0), g)); }

    @Override
    public void identity(Node n) { put(n, () -> in(n, 0)); }

    /** One {@code Add} of the inputs (float, as the workbench's float model), then the node's Q_a. */
    @Override
    public void add(Node n, AddBlock a) {
        put(n, () -> {
            OnnxValue sum = MergeEmitters.add(inputs(n), g);
            return g.scoped("act", () -> ActivationEmitter.emit(a.activation(), sum, g));
        });
    }

    @Override
    public void concat(Node n) { put(n, () -> MergeEmitters.concat(inputs(n), g)); }
}
