package org.maqd.norm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.maqd.norm.NormTestSupport.KINDS;
import static org.maqd.norm.NormTestSupport.gaussian;
import static org.maqd.norm.NormTestSupport.make;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.maqd.nn.Mode;
import org.maqd.tensor.Parallel;
import org.maqd.tensor.Rng;
import org.maqd.tensor.Tensor;

/** Bit-identical results for 1, 2 and 3 threads on tensors large enough to be split into many chunks. */
class NormDeterminismTest {

    @Test
    void resultsAreBitIdenticalForAnyThreadCount() {
        int[][] shapes = {{16, 32, 32, 32}, {256, 1024}};
        try (Parallel two = new Parallel(2); Parallel three = new Parallel(3)) {
            for (String kind : KINDS) {
                for (int[] shape : shapes) {
                    List<float[]> one = run(kind, shape, Parallel.serial());
                    String tag = kind + " " + Arrays.toString(shape);
                    assertSameBits(one, run(kind, shape, two), tag + " threads=2");
                    assertSameBits(one, run(kind, shape, three), tag + " threads=3");
                }
            }
        }
    }

    private static void assertSameBits(List<float[]> a, List<float[]> b, String tag) {
        String[] names = {"y", "dx", "y2", "dx2", "dgamma", "dbeta", "running mean", "running var", "eval y"};
        for (int i = 0; i < a.size(); i++) assertArrayEquals(a.get(i), b.get(i), tag + " " + names[i]);
    }

    /** Two training steps and one evaluation; returns every output, gradient and statistic. */
    private static List<float[]> run(String kind, int[] shape, Parallel par) {
        Rng rng = new Rng(42);
        Norm n = make(kind, shape[1], 8, par, rng);
        List<float[]> out = new ArrayList<>();
        for (int step = 0; step < 2; step++) {
            Tensor x = gaussian(rng, 2.0, 0.5, shape);
            out.add(n.forward(x, Mode.TRAIN).data.clone());
            out.add(n.backward(gaussian(rng, 1.0, 0.0, shape)).data.clone());
        }
        out.add(n.weight().grad.data.clone());
        out.add(n.bias().grad.data.clone());
        out.add(n.runningMean());
        out.add(n.runningVar());
        out.add(n.forward(gaussian(rng, 1.0, 0.0, shape), Mode.EVAL).data.clone());
        return out;
    }
}
