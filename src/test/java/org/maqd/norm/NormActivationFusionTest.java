package org.maqd.norm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.maqd.norm.NormTestSupport.KINDS;
import static org.maqd.norm.NormTestSupport.gaussian;
import static org.maqd.norm.NormTestSupport.make;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.maqd.nn.Mode;
import org.maqd.quant.ActivationQuantizer;
import org.maqd.quant.Surrogate;
import org.maqd.tensor.Parallel;
import org.maqd.tensor.Rng;
import org.maqd.tensor.Tensor;

/**
 * A norm with the activation quantizer run range by range inside its passes ({@link Norm#forward(Tensor, Mode,
 * org.maqd.nn.Elementwise)}, {@link Norm#backward(Tensor, org.maqd.nn.Elementwise)}) gives the bits of the two
 * layers run one after the other: outputs, input gradients, γ/β and learned-step gradients, codes, in training
 * and evaluation, for [B, C, H, W] and [B, C], on 1 and 2 threads.
 */
class NormActivationFusionTest {

    @Test
    void fusedPassesGiveTheBitsOfTheLayersInTurn() {
        int[][] shapes = {{8, 16, 14, 14}, {6, 5, 7, 9}, {64, 256}};
        ActivationQuantizer.Config[] acts = {
            ActivationQuantizer.Config.gaussian(2, Surrogate.STE),
            ActivationQuantizer.Config.learned(4, Surrogate.SIGMOID, true),
            ActivationQuantizer.Config.relu()};
        try (Parallel two = new Parallel(2)) {
            for (Parallel par : new Parallel[] {Parallel.serial(), two}) {
                for (String kind : KINDS) {
                    for (int[] shape : shapes) {
                        for (ActivationQuantizer.Config act : acts) {
                            String tag = kind + " " + Arrays.toString(shape) + " states=" + act.states()
                                    + " threads=" + (par == two ? 2 : 1);
                            List<float[]> apart = run(kind, shape, act, par, false);
                            List<float[]> fused = run(kind, shape, act, par, true);
                            assertEquals(apart.size(), fused.size(), tag);
                            for (int i = 0; i < apart.size(); i++) assertArrayEquals(apart.get(i), fused.get(i), tag + " item " + i);
                        }
                    }
                }
            }
        }
    }

    @Test
    void fusedForwardLeavesTheActivationReadableAsItsOwnForwardWould() {
        Norm n = make("lbn", 16, 8, Parallel.serial(), new Rng(3));
        ActivationQuantizer q = new ActivationQuantizer(ActivationQuantizer.Config.gaussian(4, Surrogate.STE));
        Tensor x = gaussian(new Rng(4), 1.5, 0.2, 4, 16, 6, 6);
        Tensor out = n.forward(x, Mode.TRAIN, q);
        assertSame(q.lastOutput(), out);
        assertSame(n.forward(x, Mode.TRAIN), q.lastInput());   // the norm's own output buffer, read in place
        byte[] codes = q.lastCodes().clone();
        ActivationQuantizer alone = new ActivationQuantizer(ActivationQuantizer.Config.gaussian(4, Surrogate.STE));
        alone.forward(n.forward(x, Mode.TRAIN), Mode.TRAIN);
        assertArrayEquals(alone.lastCodes(), codes);
    }

    /** Two training steps and one evaluation step; every output, gradient and code. */
    private static List<float[]> run(String kind, int[] shape, ActivationQuantizer.Config cfg, Parallel par, boolean fused) {
        Rng rng = new Rng(42);
        Norm n = make(kind, shape[1], shape[1] % 4 == 0 ? 4 : 1, par, rng);
        ActivationQuantizer q = new ActivationQuantizer(cfg, par);
        List<float[]> out = new ArrayList<>();
        for (int step = 0; step < 3; step++) {
            Mode mode = step < 2 ? Mode.TRAIN : Mode.EVAL;
            Tensor x = gaussian(rng, 2.0, 0.5, shape);
            Tensor y = fused ? n.forward(x, mode, q) : q.forward(n.forward(x, mode), mode);
            out.add(y.data.clone());
            byte[] codes = q.lastCodes();
            float[] c = new float[codes.length];
            for (int i = 0; i < c.length; i++) c[i] = codes[i];
            out.add(c);
            Tensor g = gaussian(rng, 1.0, 0.0, shape);
            Tensor dx = fused ? n.backward(g, q) : n.backward(q.backward(g));
            out.add(dx.data.clone());
        }
        out.add(n.weight().grad.data.clone());
        out.add(n.bias().grad.data.clone());
        if (q.stepParam() != null) out.add(q.stepParam().grad.data.clone());
        return out;
    }
}
