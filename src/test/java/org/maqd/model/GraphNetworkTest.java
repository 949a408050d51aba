package org.maqd.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.maqd.nn.GradCheck;
import org.maqd.nn.Mode;
import org.maqd.nn.Param;
import org.maqd.tensor.Parallel;
import org.maqd.tensor.Rng;
import org.maqd.tensor.Tensor;

/** A graph network's backward over fan-out, add and concat, checked by finite differences; 1 and N threads agree. */
class GraphNetworkTest {
    /** input [1,4,4] → flatten → a (8, ReLU) ─┬→ b (8, no Q_a) → add(b, a) → concat(add, a) → output 3 */
    static NetworkSpec spec(QuantDefaults d) {
        return NetworkResolver.resolve(NetworkSpec.graph(List.of(1, 4, 4), d, List.of(
                LayerSpec.of("flatten").withId("f").withInputs(List.of("input")),
                LayerSpec.linear(8).withId("a").withInputs(List.of("f")),
                LayerSpec.linear(8).withId("b").withInputs(List.of("a")).withActivation(false),
                LayerSpec.of("add").withId("sum").withInputs(List.of("b", "a")),
                LayerSpec.of("concat").withId("cat").withInputs(List.of("sum", "a")),
                LayerSpec.output(3).withId("out").withInputs(List.of("cat")))));
    }

    static final QuantDefaults FLOAT = new QuantDefaults(0, 0, "none", null, false, null, null, null, null, null, null,
            null, 0, 0);

    private static double loss(Network net, Tensor x, Tensor r) {
        Tensor y = net.forward(x, Mode.TRAIN);
        double s = 0;
        for (int i = 0; i < y.data.length; i++) s += (double) y.data[i] * r.data[i];
        return s;
    }

    @Test
    void backwardThroughFanOutAddAndConcatMatchesFiniteDifferences() {
        try (Parallel par = new Parallel(1)) {
            Network net = NetworkBuilder.build(spec(FLOAT), new int[] {1, 4, 4}, 3, par, 5);
            Rng rng = new Rng(9);
            Tensor x = GradCheck.random(rng, 4, 1, 4, 4), r = GradCheck.random(rng, 4, 3);
            net.forward(x, Mode.TRAIN);
            net.zeroGrad();
            net.backward(r);
            for (String name : List.of("nodes.a.op.weight", "nodes.b.op.weight", "nodes.out.op.weight")) {
                Param p = net.params().get(name);
                float[] analytic = p.grad.data.clone();
                GradCheck.check(name, () -> loss(net, x, r), p.value.data, analytic, 60, 1e-3f, 2e-2, rng);
            }
        }
    }

    @Test
    void oneAndTwoThreadsGiveTheSameGradientBits() {
        float[][] grads = new float[2][];
        for (int t = 1; t <= 2; t++) {
            try (Parallel par = new Parallel(t)) {
                Network net = NetworkBuilder.build(spec(QuantDefaults.STANDARD), new int[] {1, 4, 4}, 3, par, 5);
                Rng rng = new Rng(3);
                Tensor x = GradCheck.random(rng, 16, 1, 4, 4), r = GradCheck.random(rng, 16, 3);
                net.forward(x, Mode.TRAIN);
                net.zeroGrad();
                net.backward(r);
                Map<String, Param> ps = net.params();
                int n = 0;
                for (Param p : ps.values()) n += p.grad.data.length;
                float[] all = new float[n];
                int at = 0;
                for (Param p : ps.values()) {
                    System.arraycopy(p.grad.data, 0, all, at, p.grad.data.length);
                    at += p.grad.data.length;
                }
                grads[t - 1] = all;
            }
        }
        assertEquals(grads[0].length, grads[1].length);
        assertArrayEquals(grads[0], grads[1]);
    }
}
