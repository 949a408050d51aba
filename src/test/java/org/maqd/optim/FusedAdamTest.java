package org.maqd.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.maqd.nn.Conv2d;
import org.maqd.nn.Layer;
import org.maqd.nn.Linear;
import org.maqd.nn.Mode;
import org.maqd.nn.Param;
import org.maqd.quant.WeightQuantizer;
import org.maqd.tensor.Parallel;
import org.maqd.tensor.Rng;
import org.maqd.tensor.Tensor;
import org.maqd.train.DivergenceGuard;

/**
 * {@link Adam#prepare}: the weight quantizer applies Adam to each row of dL/dW inside the backward pass. The
 * reference is the plain sequence (backward into the gradient, then {@link Adam#step}); weights, moments and
 * the divergence check's verdict must be identical, for small batches (rows produced one by one) and large ones,
 * linear and convolution layers, L2 and decoupled weight decay, one and two threads.
 */
class FusedAdamTest {
    interface Make { Layer make(WeightQuantizer q, Parallel par, Rng rng); }

    private static final Make LINEAR = (q, par, rng) -> new Linear(40, 24, true, q, par, rng);
    private static final Make CONV = (q, par, rng) -> new Conv2d(4, 8, 3, 1, 1, true, q, par, rng);

    @Test
    void theUpdateInsideTheBackwardPassGivesThePlainStepsBits() {
        try (Parallel two = new Parallel(2)) {
            for (Parallel par : new Parallel[] {Parallel.serial(), two}) {
                for (boolean decoupled : new boolean[] {false, true}) {
                    for (int b : new int[] {3, 8, 20}) compare(LINEAR, new int[] {b, 40}, new int[] {b, 24}, par, decoupled, b);
                    compare(CONV, new int[] {2, 4, 6, 6}, new int[] {2, 8, 6, 6}, par, decoupled, 2);
                }
            }
        }
    }

    private static void compare(Make make, int[] xShape, int[] yShape, Parallel par, boolean decoupled, int b) {
        String what = (make == LINEAR ? "linear" : "conv") + " b=" + b + " threads=" + par.threads() + " decoupled=" + decoupled;
        Layer plain = make.make(new WeightQuantizer(WeightQuantizer.Config.gaussian(3), par), par, new Rng(7));
        Layer fused = make.make(new WeightQuantizer(WeightQuantizer.Config.gaussian(3), par), par, new Rng(7));
        Adam plainAdam = new Adam(plain.params(), 0.9, 0.999, 0.01, decoupled, par);
        Adam fusedAdam = new Adam(fused.params(), 0.9, 0.999, 0.01, decoupled, par);
        Rng data = new Rng(11);
        for (int step = 0; step < 4; step++) {
            Tensor x = random(data, xShape), gy = random(data, yShape);
            double lr = 1e-2 / (step + 1);
            for (Param p : plain.params()) p.zeroGrad();
            plain.forward(x, Mode.TRAIN);
            plain.backward(gy);
            plainAdam.step(lr);

            for (Param p : fused.params()) p.zeroGrad();
            fused.forward(x, Mode.TRAIN);
            fusedAdam.prepare(lr);
            fused.backward(gy);
            Param w = fused.params().get(0);
            assertTrue(w.updatedInBackward(), "the weight's update ran in the backward pass, " + what);
            assertFalse(fused.params().get(1).updatedInBackward(), "the bias is left to the step, " + what);
            fusedAdam.step(lr);
            for (int i = 0; i < plain.params().size(); i++) {
                assertArrayEquals(plain.params().get(i).value.data, fused.params().get(i).value.data,
                        "parameter " + i + " after step " + step + ", " + what);
            }
            plainAdam.state().forEach((k, t) -> assertArrayEquals(t.data, fusedAdam.state().get(k).data, k + ", " + what));
        }
    }

    @Test
    void aNonFiniteGradientIsReportedAsWithoutFusion() {
        Rng data = new Rng(3);
        Tensor x = random(data, 4, 40), gy = random(data, 4, 24);
        gy.data[2 * 24 + 5] = Float.POSITIVE_INFINITY;   // row 5 of dW gets ±∞/NaN
        List<String> verdicts = new ArrayList<>();
        for (boolean fuse : new boolean[] {false, true}) {
            Layer lin = LINEAR.make(new WeightQuantizer(WeightQuantizer.Config.gaussian(3), Parallel.serial()),
                    Parallel.serial(), new Rng(7));
            float[] before = lin.params().get(0).value.data.clone();
            Adam adam = new Adam(lin.params(), 0.9, 0.999, 0, false, Parallel.serial());
            for (Param p : lin.params()) p.zeroGrad();
            lin.forward(x, Mode.TRAIN);
            if (fuse) adam.prepare(1e-3);
            lin.backward(gy);
            String verdict = new DivergenceGuard(10).gradients(lin.params());
            assertNotNull(verdict, "fuse=" + fuse);
            verdicts.add(verdict);
            float[] w = lin.params().get(0).value.data;
            for (int i = 5 * 40; i < 6 * 40; i++) assertEquals(before[i], w[i], "the bad row is not updated");
        }
        assertEquals(verdicts.get(0), verdicts.get(1));
    }

    private static Tensor random(Rng rng, int... shape) {
        Tensor t = Tensor.zeros(shape);
        for (int i = 0; i < t.size(); i++) t.data[i] = rng.nextFloat() * 2 - 1;
        return t;
    }
}
