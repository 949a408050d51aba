package org.maqd.norm;

import static org.maqd.norm.NormTestSupport.KINDS;
import static org.maqd.norm.NormTestSupport.assertClose;
import static org.maqd.norm.NormTestSupport.gaussian;
import static org.maqd.norm.NormTestSupport.make;
import static org.maqd.norm.NormTestSupport.toDouble;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.maqd.nn.Mode;
import org.maqd.tensor.Parallel;
import org.maqd.tensor.Rng;
import org.maqd.tensor.Tensor;

/** The fast layers against the plain double-precision {@link NormReference}, over several shapes. */
class NormReferenceAgreementTest {
    private static final int GROUPS = 4;

    /** Small shapes run inline; the last two exceed one parallel chunk, so two threads really split them. */
    private static final int[][] SHAPES = {{2, 8, 2, 2}, {5, 16}, {3, 16, 7, 5}, {1, 8, 4, 4}, {8, 16, 16, 16},
        {64, 512}};

    @Test
    void trainingStepsAndEvaluationMatchTheReference() {
        try (Parallel two = new Parallel(2)) {
            for (String kind : KINDS) {
                for (int[] shape : SHAPES) {
                    for (Parallel par : new Parallel[] {Parallel.serial(), two}) {
                        compare(kind, shape, par);
                    }
                }
            }
        }
    }

    private static void compare(String kind, int[] shape, Parallel par) {
        String tag = kind + " " + Arrays.toString(shape) + " threads=" + par.threads();
        Rng rng = new Rng(Arrays.hashCode(shape) * 31L + kind.hashCode());
        int cs = shape[1];
        Norm n = make(kind, cs, GROUPS, par, rng);
        double[] gamma = toDouble(n.weight().value.data), beta = toDouble(n.bias().value.data);
        int k = kind.equals("lbn") ? 1 : cs;
        double[] rm = new double[k], rv = new double[k];
        Arrays.fill(rv, 1.0);
        float[] gGamma = new float[cs], gBeta = new float[cs];
        double[] refGamma = new double[cs], refBeta = new double[cs];
        for (int step = 0; step < 2; step++) {
            Tensor x = gaussian(rng, 2.0, 0.7 - step, shape);
            Tensor dy = gaussian(rng, 1.0, 0.1, shape);
            NormReference.Step ref = NormReference.train(kind, GROUPS, shape, toDouble(x.data), gamma, beta,
                    toDouble(dy.data));
            assertClose(ref.y(), n.forward(x, Mode.TRAIN).data, 2e-5, tag + " y step " + step);
            assertClose(ref.gradX(), n.backward(dy).data, 2e-5, tag + " dx step " + step);
            for (int c = 0; c < cs; c++) {
                refGamma[c] += ref.gradGamma()[c];
                refBeta[c] += ref.gradBeta()[c];
            }
            if (n instanceof FoldableNorm f) {
                double count = (double) x.size() / k;
                double[][] r = NormReference.runningUpdate(ref.mean(), ref.var(), count, 0.1, rm, rv);
                rm = r[0];
                rv = r[1];
                assertClose(ref.mean(), f.batchMean(), 1e-5, tag + " batch mean");
                assertClose(ref.var(), f.batchVar(), 1e-5, tag + " batch var");
                assertClose(rm, f.runningMean(), 1e-5, tag + " running mean");
                assertClose(rv, f.runningVar(), 1e-5, tag + " running var");
            }
        }
        // Parameter gradients accumulate over the two steps; sums over up to B·H·W terms need a looser bound.
        System.arraycopy(n.weight().grad.data, 0, gGamma, 0, cs);
        System.arraycopy(n.bias().grad.data, 0, gBeta, 0, cs);
        assertClose(refGamma, gGamma, 1e-5, tag + " dgamma");
        assertClose(refBeta, gBeta, 1e-5, tag + " dbeta");

        Tensor x = gaussian(rng, 1.0, 0.0, shape);
        double[] expected = n instanceof FoldableNorm
                ? NormReference.evalRunning(shape, toDouble(x.data), gamma, beta, rm, rv)
                : NormReference.train(kind, GROUPS, shape, toDouble(x.data), gamma, beta, null).y();
        assertClose(expected, n.forward(x, Mode.EVAL).data, 2e-5, tag + " eval y");
    }
}
