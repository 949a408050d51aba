package org.maqd.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.maqd.data.Dataset;
import org.maqd.model.AddBlock;
import org.maqd.model.Network;
import org.maqd.model.QuantBlock;
import org.maqd.nn.Mode;
import org.maqd.quant.ActivationQuantizer;
import org.maqd.run.CertificateRecord;
import org.maqd.tensor.Tensor;

/**
 * The equivalence certificate: the float fake-quant model ({@link Network#forward} in EVAL mode) and the integer
 * engine on every sample of a data set; the share of identical predictions and, per hidden block, of identical
 * activation codes; the first divergent element (first sample, then first layer) with its reason: an exact
 * rounding tie, an accumulator overflow, float32 rounding that put the float model's value on the other side of
 * a rounding point, or (a bug, never expected) thresholds that disagree with the exact value.
 */
public record Certificate(int samples, int identicalPredictions, double floatAccuracy, double intAccuracy,
                          List<LayerAgreement> layers, String firstDivergence, double outputMargin,
                          int samplesWithinMargin) {

    public record LayerAgreement(int layer, String kind, long elements, long identical, long saturations) {
        public double percent() { return elements == 0 ? 100 : 100.0 * identical / elements; }
    }

    public double percent() { return samples == 0 ? 100 : 100.0 * identicalPredictions / samples; }

    public static Certificate compute(Network net, FoldedModel model, Dataset data) {
        return compute(net, model, data, IntEngine.DEFAULT_ACC_BITS);
    }

    /** As {@link #compute(Network, FoldedModel, Dataset)} with {@code accBits}-bit accumulators (e.g. 16 for a small MCU). */
    public static Certificate compute(Network net, FoldedModel model, Dataset data, int accBits) {
        byte[] pixels = PixelCodes.of(data);
        IntEngine engine = new IntEngine(model, accBits);
        IntEngine.Workspace ws = engine.workspace();
        IntEngine.Trace trace = engine.trace();
        List<IntOp> ops = model.ops();
        long[] elements = new long[ops.size()], same = new long[ops.size()], sat = new long[ops.size()];
        int n = data.size(), size = data.sampleSize(), batch = 250, classes = model.classes();
        int agree = 0, floatRight = 0, intRight = 0, nearTies = 0;
        String first = null;
        double margin = model.output().margin();
        for (int s0 = 0; s0 < n; s0 += batch) {
            int b = Math.min(batch, n - s0);
            int[] shape = new int[1 + data.sampleShape().length];
            shape[0] = b;
            System.arraycopy(data.sampleShape(), 0, shape, 1, shape.length - 1);
            Tensor x = Tensor.zeros(shape);
            for (int s = 0; s < b; s++) data.copySample(s0 + s, x.data, s * size);
            float[] logits = net.forward(x, Mode.EVAL).data;
            for (int s = 0; s < b; s++) {
                int sample = s0 + s;
                int ip = engine.predict(pixels, sample * size, ws, trace);
                int fp = argmax(logits, s * classes, classes);
                if (gap(logits, s * classes, classes) <= margin) nearTies++;
                if (ip == fp) agree++;
                if (fp == data.label(sample)) floatRight++;
                if (ip == data.label(sample)) intRight++;
                for (int i = 0; i < ops.size(); i++) {
                    IntOp op = ops.get(i);
                    if (op instanceof IntBlock blk) {
                        for (boolean v : trace.saturated[i]) if (v) sat[i]++;
                        if (blk.isOutput() && ip != fp && first == null) first = outputDivergence(sample, blk, fp, ip, logits, s * classes);
                        if (blk.isOutput() || blk.raw()) continue;
                    } else if (!(op instanceof IntAdd)) {
                        continue;
                    }
                    ActivationQuantizer act = activation(net.layers().get(op.layer()));
                    byte[] fc = act.lastCodes(), ic = trace.codes[i];
                    int per = ic.length;
                    elements[i] += per;
                    for (int e = 0; e < per; e++) {
                        if (fc[s * per + e] == ic[e]) {
                            same[i]++;
                        } else if (first == null) {
                            double floatT = act.lastInput().data[s * per + e] / act.lastStep();
                            first = op instanceof IntBlock blk
                                    ? divergence(sample, blk, e, fc[s * per + e] & 0xFF, ic[e] & 0xFF, trace.acc[i][e],
                                            trace.saturated[i][e], floatT, engine.accumulatorBits())
                                    : addDivergence(sample, (IntAdd) op, model.inputs().get(i), trace, e,
                                            fc[s * per + e] & 0xFF, ic[e] & 0xFF, floatT);
                        }
                    }
                }
            }
        }
        List<LayerAgreement> layers = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            IntOp op = ops.get(i);
            if (op instanceof IntBlock || op instanceof IntAdd) {
                layers.add(new LayerAgreement(op.layer(), op.kind(), elements[i], same[i], sat[i]));
            }
        }
        return new Certificate(n, agree, n == 0 ? 0 : (double) floatRight / n, n == 0 ? 0 : (double) intRight / n,
                layers, first, margin, nearTies);
    }

    private static String divergence(int sample, IntBlock b, int e, int floatCode, int intCode, int acc,
                                     boolean saturated, double floatT, int accBits) {
        int per = b.outShape()[1] * b.outShape()[2], o = e / per;
        double exact = b.preScale()[o] * acc + b.preShift()[o];
        String where = String.format(Locale.ROOT, "sample %d, layer %d (%s), element %d (channel %d): float code %d, integer code %d",
                sample, b.layer(), b.kind(), e, o, floatCode, intCode);
        String why;
        if (saturated) {
            why = "overflow: the accumulator saturated at " + accBits + " bits";
        } else if (Math.abs(exact - Math.rint(exact - 0.5) - 0.5) <= 1e-9 * Math.max(1, Math.abs(exact))) {
            why = String.format(Locale.ROOT, "rounding tie: x/Δ_a is exactly %.1f (acc %d), rounded half to even",
                    exact, acc);
        } else if (Math.abs(exact - Math.rint(exact - 0.5) - 0.5) > 1e-6 && clipRound(exact, b.outStates()) != intCode) {
            why = String.format(Locale.ROOT, "folding error: the exact value x/Δ_a = %.9f (acc %d) gives code %d, the"
                    + " thresholds give %d", exact, acc, clipRound(exact, b.outStates()), intCode);
        } else {
            why = String.format(Locale.ROOT, "float rounding: the float model computed x/Δ_a = %.9f, the exact value"
                    + " is %.9f (acc %d); float32 error moved it across a rounding point", floatT, exact, acc);
        }
        return where + "; " + why;
    }

    private static ActivationQuantizer activation(org.maqd.nn.Layer l) {
        return l instanceof AddBlock a ? a.activation() : ((QuantBlock) l).activation();
    }

    private static String addDivergence(int sample, IntAdd a, int[] src, IntEngine.Trace trace, int e, int floatCode,
                                        int intCode, double floatT) {
        int per = a.outShape()[1] * a.outShape()[2], c = e / per;
        double exact = a.beta()[c];
        for (int k = 0; k < src.length; k++) {
            double z = a.raw()[k] ? trace.acc[src[k]][e] : trace.codes[src[k]][e] & 0xFF;
            exact += a.alpha()[k][c] * z;
        }
        double gap = Math.abs(exact - Math.rint(exact - 0.5) - 0.5);
        String why = gap <= a.error()
                ? String.format(Locale.ROOT, "fixed-point rescaling: the exact sum x/Δ_a = %.9f is within %.3g (the"
                        + " 2^-%d scale's error bound) of a rounding point", exact, a.error(), a.shift())
                : String.format(Locale.ROOT, "float rounding: the float model computed x/Δ_a = %.9f, the exact value"
                        + " is %.9f; float32 error moved it across a rounding point", floatT, exact);
        return String.format(Locale.ROOT, "sample %d, node %d (add), element %d (channel %d): float code %d, integer"
                + " code %d; %s", sample, a.layer(), e, c, floatCode, intCode, why);
    }

    private static int clipRound(double t, int states) {
        return (int) Math.max(0, Math.min(states - 1, Math.rint(t)));
    }

    private static String outputDivergence(int sample, IntBlock b, int fp, int ip, float[] logits, int off) {
        return String.format(Locale.ROOT, "sample %d, layer %d (output): float model predicts %d (logit %.7g), integer"
                + " engine %d (logit %.7g); float rounding of nearly equal logits (integer scores are exact to %.3g)",
                sample, b.layer(), fp, logits[off + fp], ip, logits[off + ip], b.margin());
    }

    /** The first index of the largest value (as the training loop's accuracy counts). */
    static int argmax(float[] z, int off, int n) {
        int best = 0;
        float bv = z[off];
        for (int j = 1; j < n; j++) if (z[off + j] > bv) { bv = z[off + j]; best = j; }
        return best;
    }

    private static double gap(float[] z, int off, int n) {
        double a = Double.NEGATIVE_INFINITY, b = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            double v = z[off + j];
            if (v > a) { b = a; a = v; } else if (v > b) b = v;
        }
        return a - b;
    }

    public String describe() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "equivalence certificate: %d of %d test predictions identical (%.3f%%) — %s%n",
                identicalPredictions, samples, percent(), percent() >= 99.9 ? "PASS (goal ≥ 99.9%)" : "FAIL (goal ≥ 99.9%)"));
        sb.append(String.format(Locale.ROOT, "accuracy: float fake-quant %.4f, integer engine %.4f%n", floatAccuracy, intAccuracy));
        for (LayerAgreement l : layers) {
            if (l.elements() == 0) {
                String what = org.maqd.model.LayerKinds.isOutput(l.kind()) ? "class scores" : "accumulators (no Q_a; an add rescales them)";
                sb.append(String.format(Locale.ROOT, "  layer %d (%s): %s, %d saturations%n", l.layer(), l.kind(), what, l.saturations()));
            } else {
                sb.append(String.format(Locale.ROOT, "  layer %d (%s): %.4f%% identical activation codes (%,d of %,d), %d saturations%n",
                        l.layer(), l.kind(), l.percent(), l.identical(), l.elements(), l.saturations()));
            }
        }
        sb.append(String.format(Locale.ROOT, "integer class scores are exact to %.3g in logit units; %d samples have a top-2 logit gap below that%n",
                outputMargin, samplesWithinMargin));
        sb.append("first divergence: ").append(firstDivergence == null ? "none" : firstDivergence).append('\n');
        return sb.toString();
    }

    /** The content of {@code certificate.json}: this certificate, the accumulator width it was computed with, and the model's cost. */
    public CertificateRecord record(int accumulatorBits, CostSummary cost) {
        List<CertificateRecord.Layer> ls = new ArrayList<>();
        for (LayerAgreement l : layers) {
            ls.add(new CertificateRecord.Layer(l.layer(), l.kind(), l.elements(), l.identical(), l.percent(), l.saturations()));
        }
        return new CertificateRecord(true, samples, identicalPredictions, percent(), 99.9, percent() >= 99.9, floatAccuracy,
                intAccuracy, ls, firstDivergence, outputMargin, samplesWithinMargin, accumulatorBits, cost.record());
    }
}
