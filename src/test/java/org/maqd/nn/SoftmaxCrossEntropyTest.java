package org.maqd.nn;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.maqd.tensor.Rng;
import org.maqd.tensor.Tensor;

class SoftmaxCrossEntropyTest {
    @Test
    void lossAndGradientMatchFiniteDifferences() {
        Rng rng = new Rng(5);
        Tensor z = GradCheck.random(rng, 4, 6);
        int[] y = {0, 5, 2, 2};
        SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy();
        ce.forward(z, y);
        Tensor g = ce.backward().copy();
        double h = 1e-3;
        for (int i = 0; i < z.size(); i++) {
            float keep = z.data[i];
            z.data[i] = (float) (keep + h);
            double lp = ce.forward(z, y);
            z.data[i] = (float) (keep - h);
            double lm = ce.forward(z, y);
            z.data[i] = keep;
            assertEquals((lp - lm) / (2 * h), g.data[i], 2e-4, "element " + i);
        }
    }

    @Test
    void uniformLogitsGiveLogK() {
        SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy();
        assertEquals(Math.log(10), ce.forward(Tensor.zeros(2, 10), new int[] {3, 7}), 1e-9);
    }
}
