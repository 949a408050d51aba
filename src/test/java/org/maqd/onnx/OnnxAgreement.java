package org.maqd.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.Locale;
import java.util.Map;
import org.maqd.data.Dataset;
import org.maqd.model.Network;
import org.maqd.nn.Layer;
import org.maqd.nn.Mode;
import org.maqd.quant.ActivationQuantizer;
import org.maqd.tensor.Tensor;

/**
 * Runs an exported ONNX model with onnxruntime and the workbench's float model on the same samples, and compares
 * their predictions and logits.
 */
final class OnnxAgreement {
    private OnnxAgreement() {}

    static final int BATCH = 256;

    /** Predictions that agree, samples, the largest absolute logit difference, and where the largest came from. */
    record Result(int same, int samples, double maxLogitDiff, int diffSamples, double maxDiffAgreeing) {
        double fraction() { return same / (double) samples; }

        String describe(String what) {
            return String.format(Locale.ROOT, "%s: %d / %d identical predictions (%.3f%%); logits differ in %d samples, "
                    + "largest |Δlogit| %.3g overall, %.3g among agreeing samples", what, same, samples, 100.0 * fraction(),
                    diffSamples, maxLogitDiff, maxDiffAgreeing);
        }
    }

    /** Activation codes of one quantizer that agree, out of all its codes on the data. */
    record LayerCodes(String layer, long same, long total) {
        String describe() { return String.format(Locale.ROOT, "%s %d/%d", layer, same, total); }
    }

    /**
     * Compares every activation quantizer's codes: the workbench's (after an EVAL forward) with the extra outputs of a
     * model encoded with code outputs ({@link OnnxExport#encode(Network, Map, boolean)}).
     */
    static java.util.List<LayerCodes> compareCodes(Network net, Dataset data) throws OrtException {
        byte[] model = OnnxExport.encode(net, Map.of(), true).bytes();
        java.util.List<String> names = new java.util.ArrayList<>();
        java.util.List<ActivationQuantizer> acts = new java.util.ArrayList<>();
        for (int i = 0; i < net.layers().size(); i++) collect(net.nodes().get(i).path(), net.layers().get(i), names, acts);
        long[] same = new long[acts.size()], total = new long[acts.size()];
        int n = data.size(), size = data.sampleSize();
        try (OrtSession s = session(model)) {
            for (int s0 = 0; s0 < n; s0 += BATCH) {
                int b = Math.min(BATCH, n - s0);
                int[] shape = data.sampleShape(), full = new int[shape.length + 1];
                full[0] = b;
                System.arraycopy(shape, 0, full, 1, shape.length);
                Tensor x = Tensor.zeros(full);
                for (int i = 0; i < b; i++) data.copySample(s0 + i, x.data, i * size);
                net.forward(x, Mode.EVAL);
                try (OnnxTensor t = OnnxTensor.createTensor(OrtEnvironment.getEnvironment(), FloatBuffer.wrap(x.data),
                        java.util.Arrays.stream(full).asLongStream().toArray()); OrtSession.Result r = s.run(Map.of(OnnxExport.INPUT, t))) {
                    if (r.size() != acts.size() + 1) throw new IllegalStateException(r.size() - 1 + " code outputs for " + acts.size() + " quantizers");
                    for (int k = 0; k < acts.size(); k++) {
                        byte[] ref = acts.get(k).lastCodes();
                        FloatBuffer onnx = ((OnnxTensor) r.get(k + 1)).getFloatBuffer();
                        for (int i = 0; i < ref.length; i++) if ((ref[i] & 0xFF) == (int) onnx.get(i)) same[k]++;
                        total[k] += ref.length;
                    }
                }
            }
        }
        java.util.List<LayerCodes> out = new java.util.ArrayList<>();
        for (int k = 0; k < acts.size(); k++) out.add(new LayerCodes(names.get(k), same[k], total[k]));
        return out;
    }

    /** The activation quantizers with codes (M_a ≥ 2) in the order the layers run them, with their state-dict paths. */
    private static void collect(String path, Layer l, java.util.List<String> names, java.util.List<ActivationQuantizer> acts) {
        if (l instanceof ActivationQuantizer a) {
            if (a.states() > 0) {
                names.add(path);
                acts.add(a);
            }
            return;
        }
        if (l instanceof Network.Named named) {
            for (var e : named.namedChildren().entrySet()) collect(path + "." + e.getKey(), e.getValue(), names, acts);
        }
    }

    static OrtSession session(byte[] model) throws OrtException {
        OrtSession.SessionOptions o = new OrtSession.SessionOptions();
        o.setIntraOpNumThreads(1);
        o.setInterOpNumThreads(1);
        return OrtEnvironment.getEnvironment().createSession(model, o);
    }

    static Result compare(Network net, byte[] model, Dataset data) throws OrtException {
        int n = data.size(), size = data.sampleSize();
        int[] shape = data.sampleShape();
        int same = 0, diffSamples = 0;
        double maxDiff = 0, maxAgree = 0;
        try (OrtSession s = session(model)) {
            for (int s0 = 0; s0 < n; s0 += BATCH) {
                int b = Math.min(BATCH, n - s0);
                int[] full = new int[shape.length + 1];
                full[0] = b;
                System.arraycopy(shape, 0, full, 1, shape.length);
                Tensor x = Tensor.zeros(full);
                for (int i = 0; i < b; i++) data.copySample(s0 + i, x.data, i * size);
                float[] ref = net.forward(x, Mode.EVAL).data.clone();
                float[][] onnx = run(s, x);
                int classes = onnx[0].length;
                for (int i = 0; i < b; i++) {
                    double d = 0;
                    for (int c = 0; c < classes; c++) d = Math.max(d, Math.abs(onnx[i][c] - ref[i * classes + c]));
                    boolean agree = argmax(onnx[i], 0, classes) == argmax(ref, i * classes, classes);
                    if (agree) {
                        same++;
                        maxAgree = Math.max(maxAgree, d);
                    }
                    if (d > 0) diffSamples++;
                    maxDiff = Math.max(maxDiff, d);
                }
            }
        }
        return new Result(same, n, maxDiff, diffSamples, maxAgree);
    }

    static float[][] run(OrtSession s, Tensor x) throws OrtException {
        long[] shape = java.util.Arrays.stream(x.shape()).asLongStream().toArray();
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(x.data), shape);
             OrtSession.Result r = s.run(Map.of(OnnxExport.INPUT, t))) {
            return (float[][]) r.get(0).getValue();
        }
    }

    static int argmax(float[] v, int off, int n) {
        int best = 0;
        for (int i = 1; i < n; i++) if (v[off + i] > v[off + best]) best = i;
        return best;
    }
}
