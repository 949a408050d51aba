package org.maqd.norm;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.maqd.norm.NormTestSupport.KINDS;
import static org.maqd.norm.NormTestSupport.gaussian;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.maqd.nn.Mode;
import org.maqd.tensor.Parallel;
import org.maqd.tensor.Rng;
import org.maqd.tensor.Tensor;

/**
 * Small tensors must not pay for thread dispatch: a training forward + backward on [4, 256] costs microseconds.
 * The bound is loose (the machine is shared); the measured medians are printed.
 */
class NormSpeedTest {

    @Test
    void smallBatchForwardPlusBackwardTakesMicroseconds() {
        try (Parallel two = new Parallel(2)) {
            for (String kind : KINDS) {
                double us = medianMicros(kind, new int[] {4, 256}, two, 10000);
                System.out.printf("norm %s [4, 256] train forward+backward: %.2f us (median)%n", kind, us);
                assertTrue(us < 200, kind + " took " + us + " us");
            }
        }
    }

    static double medianMicros(String kind, int[] shape, Parallel par, int reps) {
        Rng rng = new Rng(1);
        Norm n = Norms.create(kind, shape[1], 8, par);
        Tensor x = gaussian(rng, 1, 0, shape), g = gaussian(rng, 1, 0, shape);
        long[] t = new long[reps];
        for (int i = 0; i < reps; i++) {          // first half warms up the JIT
            long t0 = System.nanoTime();
            n.forward(x, Mode.TRAIN);
            n.backward(g);
            t[i] = System.nanoTime() - t0;
        }
        long[] tail = Arrays.copyOfRange(t, reps / 2, reps);
        Arrays.sort(tail);
        return tail[tail.length / 2] / 1000.0;
    }
}
