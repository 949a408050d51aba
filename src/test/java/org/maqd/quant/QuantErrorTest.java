package org.maqd.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.maqd.tensor.Tensor;

class QuantErrorTest {
    @Test
    void handComputedMseAndSqnr() {
        Tensor x = Tensor.of(new float[] {1, 2, 3}, 3), q = Tensor.of(new float[] {1, 2, 4}, 3);
        assertEquals(1.0 / 3, QuantError.mse(x, q), 1e-15);
        assertEquals(10 * Math.log10(14.0), QuantError.sqnrDb(x, q), 1e-12);   // 11.46 dB
        QuantError.Result r = QuantError.of(new float[] {2, -2}, new float[] {1, -1});
        assertEquals(1.0, r.mse(), 0);
        assertEquals(10 * Math.log10(4.0), r.sqnrDb(), 1e-12);
    }

    @Test
    void edgeCases() {
        assertEquals(Double.POSITIVE_INFINITY, QuantError.sqnrDb(Tensor.of(new float[] {1, 2}, 2), Tensor.of(new float[] {1, 2}, 2)));
        assertEquals(Double.NEGATIVE_INFINITY, QuantError.sqnrDb(Tensor.of(new float[] {0, 0}, 2), Tensor.of(new float[] {0, 1}, 2)));
        assertTrue(Double.isNaN(QuantError.sqnrDb(Tensor.zeros(2), Tensor.zeros(2))));
        assertThrows(IllegalArgumentException.class, () -> QuantError.of(new float[2], new float[3]));
    }

    /**
     * Probe use: on standardized gaussian weights the measured MSE matches the gaussian-step model, and SQNR
     * grows with the number of states (about 5 dB per doubling at these M).
     */
    @Test
    void sqnrGrowsWithStates() {
        float[] w = WeightStandardizationTest.randn(77, 64 * 1024, 0.1);
        double prev = Double.NEGATIVE_INFINITY;
        for (int m : new int[] {4, 8, 16, 32}) {
            WeightQuantizer q = new WeightQuantizer(WeightQuantizer.Config.gaussian(m));
            Tensor out = q.forward(Tensor.of(w, 64, 1024), org.maqd.nn.Mode.EVAL);
            double s = QuantError.sqnrDb(q.standardized(), out);
            // the empirical MSE matches the gaussian-step model's MSE
            assertEquals(GaussianStep.symmetricMse(m, q.step()), QuantError.mse(q.standardized(), out),
                    0.1 * GaussianStep.symmetricMse(m, q.step()));
            if (prev != Double.NEGATIVE_INFINITY) assertEquals(prev + 5, s, 1.5, "M=" + m);
            prev = s;
        }
    }
}
