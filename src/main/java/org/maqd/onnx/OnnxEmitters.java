package org.maqd.onnx;

import java.util.List;
import org.maqd.model.QuantBlock;
import org.maqd.model.AddBlock;
import org.maqd.nn.Concat;
import org.maqd.nn.AvgPool2d;
import org.maqd.nn.Dropout;
import org.maqd.nn.Flatten;
import org.maqd.nn.GlobalAvgPool;
import org.maqd.nn.Layer;
import org.maqd.nn.MaxPool2d;
import org.maqd.norm.Norm;
import org.maqd.quant.ActivationQuantizer;

/**
 * Which emitter writes which trained layer: the one table from layer classes to {@link OnnxEmitter}s (a layer-kind
 * registry can hold these emitters per kind and replace it).
 */
public final class OnnxEmitters {
    private OnnxEmitters() {}

    private record Entry<L extends Layer>(Class<L> type, OnnxEmitter<L> emitter) {
        OnnxValue emit(Layer l, List<OnnxValue> in, OnnxGraph g) { return emitter.emit(type.cast(l), in, g); }
    }

    private static final List<Entry<?>> TABLE = List.of(
            new Entry<>(QuantBlock.class, BlockEmitter::emit),
            new Entry<>(AddBlock.class, ResidualEmitter::emit),
            new Entry<>(Concat.class, (c, in, gr) -> MergeEmitters.concat(in, gr)),
            new Entry<>(Flatten.class, ShapeEmitters::flatten),
            new Entry<>(Dropout.class, ShapeEmitters::dropout),
            new Entry<>(MaxPool2d.class, ShapeEmitters::maxPool),
            new Entry<>(AvgPool2d.class, ShapeEmitters::avgPool),
            new Entry<>(GlobalAvgPool.class, ShapeEmitters::globalAvgPool),
            new Entry<>(Norm.class, NormEmitter::emit),
            new Entry<>(ActivationQuantizer.class, ActivationEmitter::emit));

    /** Emits {@code layer} on {@code inputs}; throws {@link OnnxExportException} for a layer with no ONNX form. */
    public static OnnxValue emit(Layer layer, List<OnnxValue> inputs, OnnxGraph g) {
        for (Entry<?> e : TABLE) if (e.type().isInstance(layer)) return e.emit(layer, inputs, g);
        throw new OnnxExportException("layer kind '" + layer.kind() + "' has no ONNX form");
    }

    /** The residual sum of two or more values. */
    public static OnnxValue add(List<OnnxValue> inputs, OnnxGraph g) { return MergeEmitters.add(inputs, g); }

    /** The channel concatenation of two or more values. */
    public static OnnxValue concat(List<OnnxValue> inputs, OnnxGraph g) { return MergeEmitters.concat(inputs, g); }
}
