package org.maqd.experiment.ptq;

import java.util.ArrayList;
import java.util.List;
import org.maqd.data.Batch;
import org.maqd.data.Batcher;
import org.maqd.data.Dataset;
import org.maqd.model.AddBlock;
import org.maqd.model.Network;
import org.maqd.model.QuantBlock;
import org.maqd.nn.Layer;
import org.maqd.nn.Merge;
import org.maqd.nn.Mode;
import org.maqd.nn.SoftmaxCrossEntropy;
import org.maqd.tensor.Tensor;

/**
 * EVAL-mode inference of a built network, node by node in graph order, with a hook on every activation output (the
 * "activation points"): the output of each block's activation (ReLU or Q_a) and of each add node (its Q_a after the
 * sum). The hook may change the tensor in place (fake quantization) or only look at it (calibration). With a hook
 * that does nothing the result equals {@link Network#forward}. Points are numbered in network order, from 0.
 */
public final class BlockwiseForward {
    /** Called with each activation point's output, in order; may modify {@code h} in place. */
    @FunctionalInterface
    public interface Hook {
        void at(int point, Tensor h);
    }

    public static final Hook NONE = (p, h) -> { };
    private static final int BATCH = 256;

    private final Network net;
    private Tensor[] outs;
    private int point;

    public BlockwiseForward(Network net) { this.net = net; }

    private static boolean point(Layer l) {
        return l instanceof QuantBlock qb && qb.activation() != null || l instanceof AddBlock;
    }

    /** Number of activation points of the network. */
    public int points() {
        int n = 0;
        for (Layer l : net.layers()) if (point(l)) n++;
        return n;
    }

    /** Names of the activation points, in order, as the probes name them ({@link Network#probeName}). */
    public List<String> pointNames() {
        List<String> out = new ArrayList<>();
        List<Layer> layers = net.layers();
        for (int i = 0; i < layers.size(); i++) if (point(layers.get(i))) out.add(net.probeName(i));
        return out;
    }

    /** Logits for a batch {@code x} (owned by the last layer, valid until the next call). */
    public Tensor forward(Tensor x, Hook hook) {
        point = 0;
        List<Layer> layers = net.layers();
        if (outs == null) outs = new Tensor[layers.size()];
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            int[] in = net.inputs(i);
            Tensor h;
            if (l instanceof Merge m) {
                List<Tensor> xs = new ArrayList<>();
                for (int src : in) xs.add(src < 0 ? x : outs[src]);
                h = m.forward(xs, Mode.EVAL);
            } else {
                h = l.forward(in[0] < 0 ? x : outs[in[0]], Mode.EVAL);
            }
            if (point(l)) hook.at(point++, h);
            outs[i] = h;
        }
        return outs[layers.size() - 1];
    }

    /** Runs every batch of {@code data} (fixed order, batches of 256) with {@code hook}, ignoring the logits. */
    public void run(Dataset data, Hook hook) {
        Batcher b = Batcher.forEvaluation(data, BATCH);
        b.startEpoch(0);
        for (int i = 0; i < b.batchesPerEpoch(); i++) forward(b.next().x(), hook);
    }

    /** Mean cross-entropy loss and accuracy over {@code data} with {@code hook}: {loss, accuracy}. */
    public double[] evaluate(Dataset data, Hook hook) {
        SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy();
        Batcher b = Batcher.forEvaluation(data, BATCH);
        b.startEpoch(0);
        double loss = 0;
        long correct = 0;
        for (int i = 0; i < b.batchesPerEpoch(); i++) {
            Batch batch = b.next();
            loss += ce.forward(forward(batch.x(), hook), batch.labels()) * batch.size();
            correct += ce.correct();
        }
        return new double[] {loss / data.size(), (double) correct / data.size()};
    }
}
