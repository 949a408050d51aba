package org.maqd.bench;

import org.maqd.model.NetworkAnalysis;
import org.maqd.model.NetworkSpec;

/**
 * Floating-point operations a training step actually runs per sample in its matrix products (convolutions and
 * dense layers; 2 per multiply-add): the forward product, the weight gradient, and the input gradient of every
 * layer except the first one with weights, for which {@code Network.backward} computes none (the gradient with
 * respect to the data is never used). Elementwise work (norms, quantizers, the optimizer) is not counted, so the
 * achieved GFLOPS compare the step with what the FMA units could do on its products alone.
 */
public final class TrainingFlops {
    private TrainingFlops() {}

    /** FLOPs per sample of one training step of {@code spec} (resolved or not). */
    public static long perSample(NetworkSpec spec) {
        NetworkAnalysis.Report report = NetworkAnalysis.analyze(spec);
        if (!report.ok()) throw new IllegalArgumentException("cannot count the FLOPs of a network with a shape error: " + report.firstError());
        long total = 0;
        boolean first = true;
        for (NetworkAnalysis.Row row : report.rows()) {
            if (row.macs() == 0) continue;
            total += 2 * row.macs() * (first ? 2 : 3);
            first = false;
        }
        return total;
    }
}
