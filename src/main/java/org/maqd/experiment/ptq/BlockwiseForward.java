package org.maqd.experiment.ptq;

import java.util.ArrayList;
import java.util.List;
import org.maqd.data.Batch;
import org.maqd.data.Batcher;
import org.maqd.data.Dataset;
import org.maqd.model.Network;
import org.maqd.model.QuantBlock;
import org.maqd.model.ResidualBlock;
import org.maqd.nn.Layer;
import org.maqd.nn.Mode;
import org.maqd.nn.SoftmaxCrossEntropy;
import org.maqd.tensor.Tensor;

/**
 * EVAL-mode inference of a built network, layer by layer, with a hook on every activation output (the
 * "activation points"): the output of each block's activation (ReLU or Q_a), and inside a residual block the
 * output of its first conv block and of the block itself. The hook may change the tensor in place (fake
 * quantization) or only look at it (calibration). With a hook that does nothing the result equals
 * {@link Network#forward}. Points are numbered in network order, from 0.
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
    private Tensor sum;
    private int point;

    public BlockwiseForward(Network net) { this.net = net; }

    /** Number of activation points of the network. */
    public int points() {
        int n = 0;
        for (Layer l : net.layers()) {
            if (l instanceof QuantBlock qb && qb.activation() != null) n++;
            else if (l instanceof ResidualBlock) n += 2;
        }
        return n;
    }

    /**
     * Names of the activation points, in order: "i:type" for a block at layer index i (as the probes name it),
     * "i:residual.conv1" and "i:residual" for a residual block's two points.
     */
    public List<String> pointNames() {
        List<String> out = new ArrayList<>();
        List<Layer> layers = net.layers();
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            if (l instanceof QuantBlock qb && qb.activation() != null) out.add(i + ":" + qb.kind());
            else if (l instanceof ResidualBlock) {
                out.add(i + ":residual.conv1");
                out.add(i + ":residual");
            }
        }
        return out;
    }

    /** Logits for a batch {@code x} (owned by the last layer, valid until the next call). */
    public Tensor forward(Tensor x, Hook hook) {
        point = 0;
        Tensor h = x;
        for (Layer l : net.layers()) h = layer(l, h, hook);
        return h;
    }

    private Tensor layer(Layer l, Tensor x, Hook hook) {
        if (l instanceof QuantBlock qb && qb.activation() != null) {
            Tensor h = qb.forward(x, Mode.EVAL);
            hook.at(point++, h);
            return h;
        }
        if (l instanceof ResidualBlock rb) {
            Tensor a = rb.first().forward(x, Mode.EVAL);        // conv → norm → act   [B, C, H', W']
            hook.at(point++, a);
            Tensor main = rb.second().forward(a, Mode.EVAL);    // conv → norm         [B, C, H', W']
            Tensor skip = rb.shortcut() == null ? x : rb.shortcut().forward(x, Mode.EVAL);
            sum = Tensor.reuse(sum, main.shape());
            float[] s = sum.data, m = main.data, k = skip.data;
            for (int i = 0; i < s.length; i++) s[i] = m[i] + k[i];
            Tensor h = rb.activation().forward(sum, Mode.EVAL);
            hook.at(point++, h);
            return h;
        }
        return l.forward(x, Mode.EVAL);
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
