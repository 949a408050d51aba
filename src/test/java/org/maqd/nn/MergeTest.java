package org.maqd.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.maqd.tensor.Rng;
import org.maqd.tensor.Tensor;

/** Finite-difference gradient checks of the merge layers, every input port. */
class MergeTest {
    private static double loss(Merge m, List<Tensor> xs, Tensor r) {
        Tensor y = m.forward(xs, Mode.TRAIN);
        double s = 0;
        for (int i = 0; i < y.data.length; i++) s += (double) y.data[i] * r.data[i];
        return s;
    }

    private static void check(Merge m, List<Tensor> xs) {
        Rng rng = new Rng(5);
        Tensor y = m.forward(xs, Mode.TRAIN);
        Tensor r = GradCheck.random(rng, y.shape());
        Tensor[] g = m.backwardAll(r);
        for (int k = 0; k < xs.size(); k++) {
            assertArrayEquals(xs.get(k).shape(), g[k].shape(), m.kind() + " port " + k);
            float[] analytic = g[k].data.clone();
            GradCheck.check(m.kind() + " dx" + k, () -> loss(m, xs, r), xs.get(k).data, analytic, 200, 1e-2f, 1e-3, rng);
        }
    }

    @Test
    void addGradientReachesEveryInput() {
        Rng rng = new Rng(1);
        Add add = new Add();
        add.setInputs(3);
        check(add, List.of(GradCheck.random(rng, 2, 3, 4, 4), GradCheck.random(rng, 2, 3, 4, 4), GradCheck.random(rng, 2, 3, 4, 4)));
    }

    @Test
    void concatGradientIsSlicedPerInput() {
        Rng rng = new Rng(2);
        check(new Concat(), List.of(GradCheck.random(rng, 2, 3, 4, 5), GradCheck.random(rng, 2, 1, 4, 5)));
        check(new Concat(), List.of(GradCheck.random(rng, 3, 7), GradCheck.random(rng, 3, 2), GradCheck.random(rng, 3, 4)));
    }

    @Test
    void concatJoinsChannelsInOrder() {
        Tensor a = Tensor.of(new float[] {1, 2, 3, 4}, 2, 1, 1, 2), b = Tensor.of(new float[] {5, 6, 7, 8}, 2, 1, 1, 2);
        assertArrayEquals(new float[] {1, 2, 5, 6, 3, 4, 7, 8}, new Concat().forward(List.of(a, b), Mode.EVAL).data);
    }
}
