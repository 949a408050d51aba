package org.maqd.experiment.ptq;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.maqd.data.DataSplit;
import org.maqd.data.Dataset;
import org.maqd.data.Datasets;
import org.maqd.experiment.Experiment;
import org.maqd.experiment.PtqSpec;
import org.maqd.experiment.RunFolder;
import org.maqd.quant.ptq.AffineQuantizer;
import org.maqd.quant.ptq.Calibrator;
import org.maqd.quant.ptq.DynamicQuantizer;
import org.maqd.tensor.Parallel;

/**
 * Post-training quantization of a trained float model, evaluated on the test set (method.md §10). At M states:
 * weights are fake-quantized (symmetric, per output channel or per tensor; first block and classifier at their
 * own states), then every activation point (see {@link BlockwiseForward}) is fake-quantized asymmetrically per
 * tensor — ReLU outputs are non-negative, so the codes are 0 … M − 1 like MaQD's unsigned Q_a — with its range
 * either calibrated <em>statically</em> (minmax / percentile / mse over the first {@code calibrationSamples}
 * training samples, observed with quantized weights and float activations) or <em>dynamically</em> (min-max of
 * each test batch of 256).
 */
public final class PtqEvaluator {
    private final PtqModel model;
    private final DataSplit data;
    private final PtqSpec spec;
    private final BlockwiseForward forward;
    private double[] floatResult;

    public PtqEvaluator(PtqModel model, DataSplit data, PtqSpec spec) {
        this.model = model;
        this.data = data;
        this.spec = spec.resolved();
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
        model.quantizeWeights(states, spec.firstWeightStates(), spec.outputWeightStates(), spec.weightCalibration(),
                spec.perChannel(), spec.percentile());
        int points = forward.points();
        BlockwiseForward.Hook hook;
        if ("dynamic".equals(method)) {
            DynamicQuantizer[] dq = new DynamicQuantizer[points];
            for (int p = 0; p < points; p++) dq[p] = new DynamicQuantizer(states, false, -1);
            hook = (p, h) -> dq[p].apply(h, h);
        } else {
            Calibrator[] cal = new Calibrator[points];
            for (int p = 0; p < points; p++) {
                cal[p] = Calibrator.create(method, states, false, -1, "percentile".equals(method) ? spec.percentile() : 0);
            }
            Dataset calib = data.train().limit(spec.calibrationSamples());
            forward.run(calib, (p, h) -> cal[p].observe(h));
            AffineQuantizer[] q = new AffineQuantizer[points];
            for (int p = 0; p < points; p++) q[p] = cal[p].finish();
            hook = (p, h) -> q[p].quantizeDequantize(h, h);
        }
        long t1 = System.nanoTime();
        double[] r = forward.evaluate(data.test(), hook);
        long t2 = System.nanoTime();
        model.restoreFloat();
        return new PtqResult(method, states, spec.weightCalibration(), spec.perChannel(), r[1], r[0], floatAcc,
                (t2 - t0) / 1e9, data.test().size() / Math.max((t2 - t1) / 1e9, 1e-9));
    }
}
