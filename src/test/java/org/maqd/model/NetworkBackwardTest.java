package org.maqd.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.maqd.bench.TrainingBenchmark;
import org.maqd.experiment.ExperimentDefaults;
import org.maqd.experiment.ExperimentIO;
import org.maqd.nn.Mode;
import org.maqd.nn.Param;
import org.maqd.tensor.Parallel;
import org.maqd.tensor.Rng;
import org.maqd.tensor.Tensor;

/**
 * The network's backward pass skips the input gradient of its first layer with parameters (nothing before it
 * learns) and still fills every parameter's gradient exactly as a full backward pass does.
 */
class NetworkBackwardTest {
    static List<float[]> gradients(String kind, boolean fullBackward) {
        NetworkSpec spec = ExperimentDefaults.resolve(ExperimentIO.parse(
                "{\"network\": " + ExperimentIO.toJson(TrainingBenchmark.network(kind)) + "}", "backward")).network();
        Network net = NetworkBuilder.build(spec, new int[] {1, 28, 28}, 10, Parallel.serial(), 7);
        Rng rng = new Rng(9);
        int batch = 12;
        Tensor x = Tensor.zeros(batch, 1, 28, 28);
        for (int i = 0; i < x.size(); i++) x.data[i] = rng.nextFloat();
        Tensor out = net.forward(x, Mode.TRAIN);
        Tensor g = Tensor.zeros(out.shape());
        for (int i = 0; i < g.size(); i++) g.data[i] = rng.nextFloat() - 0.5f;
        net.zeroGrad();
        if (fullBackward) {
            // every layer, the first one's input gradient included
            net.layers().forEach(l -> l.setInputGradientNeeded(true));
            Tensor d = g;
            for (int i = net.layers().size() - 1; i >= 0; i--) d = net.layers().get(i).backward(d);
            assertTrue(d != null && d.size() == x.size(), "a full backward pass reaches the input");
        } else {
            net.backward(g);
        }
        List<float[]> grads = new ArrayList<>();
        for (Param p : net.paramList()) grads.add(p.grad.data.clone());
        if (!fullBackward) {
            // the first layer with parameters (after the MLP's flatten) returns no input gradient
            int first = net.layers().get(0).kind().equals("flatten") ? 1 : 0;
            Tensor d = g;
            for (int i = net.layers().size() - 1; i > first; i--) d = net.layers().get(i).backward(d);
            assertNull(net.layers().get(first).backward(d));
        }
        return grads;
    }

    @Test
    void skippingTheFirstInputGradientChangesNoParameterGradient() {
        for (String kind : new String[] {"mlp", "cnn"}) {
            List<float[]> skipped = gradients(kind, false), full = gradients(kind, true);
            assertTrue(skipped.size() > 2);
            for (int i = 0; i < full.size(); i++) {
                assertArrayEquals(full.get(i), skipped.get(i), kind + " parameter " + i);
                float max = 0;
                for (float v : skipped.get(i)) max = Math.max(max, Math.abs(v));
                assertTrue(max > 0, kind + " parameter " + i + " has a gradient");
            }
        }
    }
}
