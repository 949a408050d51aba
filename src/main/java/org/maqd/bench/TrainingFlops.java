package org.maqd.bench;

import java.util.List;
import org.maqd.model.LayerKind;
import org.maqd.model.NetworkAnalysis;
import org.maqd.model.NetworkGraph;
import org.maqd.model.NetworkResolver;
import org.maqd.model.NetworkSpec;

/**
 * Floating-point operations a training step actually runs per sample in its matrix products (convolutions and
 * dense layers; 2 per multiply-add): the forward product, the weight gradient, and the input gradient of every
 * weighted node that has a node needing gradients upstream ({@code Network.backward} computes no gradient with
 * respect to the data, so a first layer, or a graph's stem, has none). A graph adds the sums it joins branches
 * with: an {@code add} node's forward sum ((inputs − 1) per output element; its backward only passes the gradient
 * on) and, backward, the sum of the gradients coming back from each node whose output feeds several consumers
 * ((consumers − 1) per element; a residual block's skip connection is one). A {@code concat} copies and so counts
 * nothing. Other elementwise work (norms, quantizers, the optimizer) is not counted, so the achieved GFLOPS compare
 * the step with what the FMA units could do on its products and sums alone.
 */
public final class TrainingFlops {
    private TrainingFlops() {}

    /** FLOPs per sample of one training step of {@code spec} (resolved or not). */
    public static long perSample(NetworkSpec spec) {
        NetworkAnalysis.Report report = NetworkAnalysis.analyze(spec);
        if (!report.ok()) throw new IllegalArgumentException("cannot count the FLOPs of a network with a shape error: " + report.firstError());
        List<NetworkGraph.Node> nodes = NetworkGraph.of(NetworkResolver.resolve(spec), true).nodes();
        boolean[] needsGrad = new boolean[nodes.size()];
        int[] consumers = new int[nodes.size()];
        long total = 0;
        for (NetworkGraph.Node n : nodes) {
            boolean upstream = false;   // as Network: a node needs gradients when it has parameters or one of its sources does
            for (int src : n.inputs()) {
                if (src < 0) continue;
                consumers[src]++;
                upstream |= needsGrad[src];
            }
            LayerKind.Cost c = n.kind().cost(n.spec(), n.inShapes(), n.outShape(), 256);
            needsGrad[n.index()] = upstream || c.params() > 0;
            total += 2 * c.macs() * (upstream ? 3 : 2);
            total += n.kind().forwardAdds(n.inShapes(), n.outShape());
        }
        for (NetworkGraph.Node n : nodes) {
            if (needsGrad[n.index()] && consumers[n.index()] > 1) total += (long) (consumers[n.index()] - 1) * elements(n.outShape());
        }
        return total;
    }

    private static long elements(int[] shape) {
        long e = 1;
        for (int d : shape) e *= d;
        return e;
    }
}
