package org.maqd.onnx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.maqd.model.Network;

/**
 * Writes a trained network as an ONNX model (opset {@value #OPSET}, IR version {@value #IR_VERSION}) that computes
 * the float fake-quant model in inference mode: input {@value #INPUT} {@code float32 [N, C, H, W]} (or
 * {@code [N, F]} for flat inputs), output {@value #OUTPUT} {@code float32 [N, classes]}. The network lowers itself
 * node by node onto the {@link OnnxLowering} (each kind picks its primitive), inside scopes named like the
 * state-dict entries ({@code layers.<i>}, {@code nodes.<id>}).
 */
public final class OnnxExport {
    private OnnxExport() {}

    public static final int OPSET = 13;
    public static final int IR_VERSION = 7;
    public static final String INPUT = "input";
    public static final String OUTPUT = "logits";
    public static final String PRODUCER = "MaQD Workbench";
    public static final String PRODUCER_VERSION = "0.1.0";

    /** An encoded model and what it holds. */
    public record Model(byte[] bytes, int nodes, int codedWeights, int floatWeights, int[] inputShape, int classes) {}

    /** Encodes {@code net} with the given metadata entries (written as the model's metadata_props). */
    public static Model encode(Network net, Map<String, String> metadata) {
        return encode(net, metadata, false);
    }

    /**
     * As {@link #encode(Network, Map)}; with {@code codeOutputs}, every activation quantizer's codes (float32, in the
     * order the layers run) are extra graph outputs after the logits, to compare the models code by code.
     */
    static Model encode(Network net, Map<String, String> metadata, boolean codeOutputs) {
        OnnxGraph g = new OnnxGraph();
        g.reserve(INPUT);
        g.reserve(OUTPUT);
        int[] in = net.spec().input().stream().mapToInt(Integer::intValue).toArray();
        OnnxLowering lowering = new OnnxLowering(g, new OnnxValue(INPUT, in));
        net.lower(lowering);
        OnnxValue v = lowering.last();
        if (v.name().equals(INPUT) || v.rank() != 1) {
            throw new OnnxExportException("the network does not end with a layer that gives class scores");
        }
        g.renameOutput(v.name(), OUTPUT);
        int classes = v.shape()[0];
        List<Object> inDims = new ArrayList<>(List.of("N"));
        for (int d : in) inDims.add(d);
        Map<String, String> meta = new LinkedHashMap<>(metadata);
        int coded = 0, floats = 0;
        for (OnnxProto.Initializer t : g.initializers()) {
            if (t.name().endsWith(".weight_codes")) coded++;
            else if (t.name().endsWith("op.weight")) floats++;
        }
        List<OnnxProto.ValueInfo> outputs = new ArrayList<>(List.of(new OnnxProto.ValueInfo(OUTPUT, OnnxProto.FLOAT, List.of("N", classes))));
        if (codeOutputs) for (String c : g.codes()) outputs.add(new OnnxProto.ValueInfo(c, OnnxProto.FLOAT, null));
        byte[] bytes = OnnxProto.model(PRODUCER, PRODUCER_VERSION,
                "MaQD fake-quant network: quantized weights, activation quantizers as Div/Round/Clip/Mul, inference-time norms.",
                IR_VERSION, OPSET, "maqd", g.nodes(), g.initializers(),
                List.of(new OnnxProto.ValueInfo(INPUT, OnnxProto.FLOAT, inDims)),
                outputs, meta);
        return new Model(bytes, g.nodes().size(), coded, floats, in, classes);
    }
}
