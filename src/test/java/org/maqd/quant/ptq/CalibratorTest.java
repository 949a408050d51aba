package org.maqd.quant.ptq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.maqd.tensor.Rng;
import org.maqd.tensor.Tensor;

class CalibratorTest {
    @Test
    void minMaxSpansEveryCalibrationBatch() {
        Calibrator c = new MinMaxCalibrator(5, false, -1);
        AffineQuantizer q = c.calibrate(List.of(Tensor.of(new float[] {-1, 0.5f}, 2), Tensor.of(new float[] {0, 3}, 2)));
        // [−1, 3], M=5: S = 1, Z = −1
        assertEquals(1.0, q.scale(0), 0);
        assertEquals(-1, q.zero(0));
    }

    @Test
    void minMaxPerChannelOnActivations() {
        // [B=2, C=2, H=1, W=2], axis 1: channel 0 = {−2, 1, 0, 2}, channel 1 = {0, 4, 1, 8}
        Tensor x = Tensor.of(new float[] {-2, 1, 0, 4, 0, 2, 1, 8}, 2, 2, 1, 2);
        AffineQuantizer q = new MinMaxCalibrator(3, true, 1).calibrate(List.of(x));
        assertEquals(2, q.channelCount());
        assertEquals(2.0, q.scale(0), 0);   // max|x| / ((M−1)/2) = 2/1
        assertEquals(8.0, q.scale(1), 0);
        assertArrayEquals(new int[] {-1, 0, 0, 0, 0, 1, 0, 1}, q.quantize(x));
        Calibrator c = new MinMaxCalibrator(3, true, 1);
        c.observe(x);
        assertThrows(IllegalArgumentException.class, () -> c.observe(Tensor.zeros(2, 3, 1, 2)));
    }

    @Test
    void percentileIgnoresTheTails() {
        float[] v = new float[101];
        for (int i = 0; i <= 100; i++) v[i] = i - 50;             // −50 … 50
        Tensor x = Tensor.of(v, 101);
        // asymmetric p=99: [P1, P99] = [−49, 49]; M=99: S = 1, Z = −49
        AffineQuantizer a = new PercentileCalibrator(99, false, -1, 99).calibrate(List.of(x));
        assertEquals(1.0, a.scale(0), 1e-12);
        assertEquals(-49, a.zero(0));
        // symmetric p=90 of |x| (0,1,1,2,2,…,50,50): position 90 → |x| = 45; M=91: S = 45/45 = 1
        AffineQuantizer s = new PercentileCalibrator(91, true, -1, 90).calibrate(List.of(x));
        assertEquals(1.0, s.scale(0), 1e-12);
        // interpolation between order statistics
        assertEquals(2.5, ChannelValues.percentile(new float[] {1, 2, 3, 4}, 50), 1e-12);
        assertEquals(4.0, ChannelValues.percentile(new float[] {1, 2, 3, 4}, 100), 0);
        assertThrows(IllegalArgumentException.class, () -> new PercentileCalibrator(4, false, -1, 40));
    }

    @Test
    void mseCalibrationClipsOutliersAndBeatsMinMax() {
        Rng rng = new Rng(3);
        float[] v = new float[4000];
        for (int i = 0; i < v.length; i++) v[i] = (float) rng.nextGaussian();
        v[17] = 40f;                                              // one outlier
        Tensor x = Tensor.of(v, 4000);
        AffineQuantizer mse = new MseCalibrator(8, true, -1, 200).calibrate(List.of(x));
        AffineQuantizer mm = new MinMaxCalibrator(8, true, -1).calibrate(List.of(x));
        float[] sorted = v.clone();
        java.util.Arrays.sort(sorted);
        double eMse = MseCalibrator.mse(sorted, mse), eMm = MseCalibrator.mse(sorted, mm);
        assertTrue(mse.scale(0) < mm.scale(0) / 4, mse + " vs " + mm);
        // min-max spends all levels on the outlier (error ≈ var = 1); MSE-optimal pays (40 − β)²/4000 ≈ 0.36 for it
        assertTrue(eMse < eMm / 2, eMse + " vs " + eMm);
        // it is the best candidate: no r·40 range with r = k/200 does better
        for (int k = 1; k <= 200; k++) {
            double r = k / 200.0;
            assertTrue(eMse <= MseCalibrator.mse(sorted, AffineQuantizer.perTensor(8, true, -40 * r, 40 * r)) + 1e-15);
        }
    }

    @Test
    void createByName() {
        assertInstanceOf(MinMaxCalibrator.class, Calibrator.create("minmax", 4, false, -1, 0));
        assertEquals(99.9, ((PercentileCalibrator) Calibrator.create("percentile", 4, false, -1, 99.9)).percentile());
        assertEquals(MseCalibrator.DEFAULT_CANDIDATES, ((MseCalibrator) Calibrator.create("MSE", 4, false, -1, 0)).candidates());
        assertThrows(IllegalArgumentException.class, () -> Calibrator.create("entropy", 4, false, -1, 0));
        assertThrows(IllegalStateException.class, () -> new MinMaxCalibrator(4, false, -1).finish());
        assertThrows(IllegalArgumentException.class, () -> new MinMaxCalibrator(4, false, 2).observe(Tensor.zeros(3, 3)));
    }

    @Test
    void dynamicUsesEachBatchsOwnRange() {
        DynamicQuantizer d = new DynamicQuantizer(5, false, -1);
        Tensor b1 = Tensor.of(new float[] {-1, 0, 1, 3}, 4);       // [−1, 3]: S = 1
        Tensor b2 = Tensor.of(new float[] {0, 0.2f, 0.4f, 0.6f}, 4); // [0, 0.6]: S = 0.15
        Tensor y1 = d.apply(b1, Tensor.zeros(4));
        assertEquals(1.0, d.last().scale(0), 1e-12);
        assertArrayEquals(new float[] {-1, 0, 1, 3}, y1.data);
        Tensor y2 = d.apply(b2, Tensor.zeros(4));
        assertEquals(0.15, d.last().scale(0), 1e-7);
        assertEquals(0, d.last().zero(0));
        // with batch 1's range, 0.2 would have become 0; with its own it keeps four distinct levels
        for (int i = 0; i < 4; i++) assertEquals(b2.data[i], y2.data[i], 0.075 + 1e-6);
        assertEquals(4, java.util.Arrays.stream(d.last().quantize(b2)).distinct().count());
        // per channel along axis 0
        DynamicQuantizer pc = new DynamicQuantizer(3, true, 0);
        pc.apply(Tensor.of(new float[] {-1, 1, 5, -5}, 2, 2), Tensor.zeros(2, 2));
        assertEquals(1.0, pc.last().scale(0), 0);
        assertEquals(5.0, pc.last().scale(1), 0);
    }
}
