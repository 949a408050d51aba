package org.maqd.experiment.ptq;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.maqd.data.Batch;
import org.maqd.data.Batcher;
import org.maqd.data.DataSplit;
import org.maqd.data.Dataset;
import org.maqd.data.Datasets;
import org.maqd.experiment.Experiment;
import org.maqd.experiment.PtqSpec;
import org.maqd.experiment.RunFolder;
import org.maqd.nn.SoftmaxCrossEntropy;
import org.maqd.quant.ptq.AffineQuantizer;
import org.maqd.quant.ptq.Calibrator;
import org.maqd.quant.ptq.DynamicQuantizer;
import org.maqd.tensor.Parallel;
import org.maqd.tensor.Tensor;

/**
 * Post-training quantization of a trained float model, evaluated on the test set (method.md §10). At M states:
 * weights are fake-quantized (symmetric or asymmetric, per output channel or per tensor; first block and
 * classifier at their own states), then every activation point (see {@link BlockwiseForward}) is fake-quantized
 * (by default asymmetric per tensor — ReLU outputs are non-negative, so the codes are 0 … M − 1 like MaQD's
 * unsigned Q_a; symmetric and per channel on request) with its range either calibrated <em>statically</em>
 * (minmax / percentile / mse over the first {@code calibrationSamples} training samples, observed with quantized
 * weights and float activations) or <em>dynamically</em> (min-max of each test batch of 256).
 */
public final class PtqEvaluator {
    private static final int BATCH = 256;
    private final PtqModel model;
    private final DataSplit data;
    private final PtqSpec spec;
    private final BlockwiseForward forward;
    private double[] floatResult;

    public PtqEvaluator(PtqModel model, DataSplit data, PtqSpec spec) {
        this.model = model;
        this.data = data;
        // the calibration set is the first N training samples: N at most the training set, so reports name what was used
        PtqSpec r = spec.resolved();
        this.spec = r.calibrationSamples() > data.train().size() ? r.withCalibrationSamples(data.train().size()) : r;
        this.forward = new BlockwiseForward(model.network());
    }

    /** For a finished float run: its model and its experiment's data (relative paths against {@code baseDir}). */
    public static PtqEvaluator forRun(Path runDir, Path baseDir, PtqSpec spec, Parallel par) {
        Experiment e = RunFolder.experiment(runDir);
        DataSplit data = Datasets.load(e.data(), baseDir);
        return new PtqEvaluator(PtqModel.load(runDir, par), data, spec);
    }

    /** {loss, accuracy} of the float model on the test set. */
    public double[] floatResult() {
        if (floatResult == null) {
            model.restoreFloat();
            floatResult = forward.evaluate(data.test(), BlockwiseForward.NONE);
        }
        return floatResult.clone();
    }

    /** Every (states, method) pair of the spec, states outer. */
    public List<PtqResult> evaluateAll() {
        List<PtqResult> out = new ArrayList<>();
        for (int m : spec.states()) for (String method : spec.methods()) out.add(evaluate(m, method));
        return out;
    }

    /** Test accuracy at {@code states} with activation calibration {@code method}. */
    public PtqResult evaluate(int states, String method) {
        double floatAcc = floatResult()[1];
        long t0 = System.nanoTime();
        BlockwiseForward.Hook hook = quantize(states, method, new ArrayList<>());
        long t1 = System.nanoTime();
        double[] r = forward.evaluate(data.test(), hook);
        long t2 = System.nanoTime();
        model.restoreFloat();
        return result(method, states, r, floatAcc, t0, t1, t2);
    }

    /**
     * As {@link #evaluate}, plus every layer's error: each weight tensor's SQNR, and each activation point's SQNR
     * of its own quantizer and against the float network (both networks run on every test batch).
     */
    public PtqReport report(int states, String method) {
        double floatAcc = floatResult()[1];
        long t0 = System.nanoTime();
        List<PtqLayerError> weights = new ArrayList<>();
        BlockwiseForward.Hook hook = quantize(states, method, weights);
        Tensor[] quantized = model.currentWeights();
        long t1 = System.nanoTime();
        int points = forward.points();
        PtqLayerError.Sum[] own = new PtqLayerError.Sum[points], drift = new PtqLayerError.Sum[points];
        for (int p = 0; p < points; p++) { own[p] = new PtqLayerError.Sum(); drift[p] = new PtqLayerError.Sum(); }
        float[][] ref = new float[points][], before = new float[points][];
        SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy();
        Batcher b = Batcher.forEvaluation(data.test(), BATCH);
        b.startEpoch(0);
        double loss = 0;
        long correct = 0;
        for (int i = 0; i < b.batchesPerEpoch(); i++) {
            Batch batch = b.next();
            model.restoreFloat();
            forward.forward(batch.x(), (p, h) -> ref[p] = copy(h, ref[p]));
            model.useWeights(quantized);
            Tensor logits = forward.forward(batch.x(), (p, h) -> {
                before[p] = copy(h, before[p]);
                hook.at(p, h);
                own[p].add(before[p], h.data, h.size());
                drift[p].add(ref[p], h.data, h.size());
            });
            loss += ce.forward(logits, batch.labels()) * batch.size();
            correct += ce.correct();
        }
        long t2 = System.nanoTime();
        model.restoreFloat();
        List<PtqLayerError> layers = new ArrayList<>(weights);
        List<String> names = forward.pointNames();
        for (int p = 0; p < points; p++) {
            layers.add(new PtqLayerError(names.get(p), PtqLayerError.ACTIVATIONS, states, own[p].sqnrDb(), drift[p].sqnrDb()));
        }
        double[] r = {loss / data.test().size(), (double) correct / data.test().size()};
        return new PtqReport(spec, result(method, states, r, floatAcc, t0, t1, t2), layers);
    }

    /** Quantizes the weights (their errors go to {@code weightErrors}) and returns the activation hook. */
    private BlockwiseForward.Hook quantize(int states, String method, List<PtqLayerError> weightErrors) {
        weightErrors.addAll(model.quantizeWeights(states, spec.firstWeightStates(), spec.outputWeightStates(),
                spec.weightCalibration(), spec.weightsSymmetric(), spec.perChannel(), spec.percentile()));
        int points = forward.points();
        boolean sym = spec.activationsSymmetric();
        int axis = spec.activationPerChannel() ? 1 : -1;
        if ("dynamic".equals(method)) {
            DynamicQuantizer[] dq = new DynamicQuantizer[points];
            for (int p = 0; p < points; p++) dq[p] = new DynamicQuantizer(states, sym, axis);
            return (p, h) -> dq[p].apply(h, h);
        }
        Calibrator[] cal = new Calibrator[points];
        for (int p = 0; p < points; p++) {
            cal[p] = Calibrator.create(method, states, sym, axis, "percentile".equals(method) ? spec.percentile() : 0);
        }
        Dataset calib = data.train().limit(spec.calibrationSamples());
        forward.run(calib, (p, h) -> cal[p].observe(h));
        AffineQuantizer[] q = new AffineQuantizer[points];
        for (int p = 0; p < points; p++) q[p] = cal[p].finish();
        return (p, h) -> q[p].quantizeDequantize(h, h);
    }

    private PtqResult result(String method, int states, double[] r, double floatAcc, long t0, long t1, long t2) {
        return new PtqResult(method, states, spec.weightCalibration(), spec.perChannel(), r[1], r[0], floatAcc,
                (t2 - t0) / 1e9, data.test().size() / Math.max((t2 - t1) / 1e9, 1e-9));
    }

    private static float[] copy(Tensor h, float[] into) {
        float[] out = into != null && into.length == h.size() ? into : new float[h.size()];
        System.arraycopy(h.data, 0, out, 0, h.size());
        return out;
    }
}
