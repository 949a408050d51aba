package org.maqd.quant.ptq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.maqd.tensor.Tensor;

class AffineQuantizerTest {
    @Test
    void asymmetricPerTensorByHand() {
        // M=4, [−0.5, 1]: S = 1.5/3 = 0.5, Z = round(−0.5/0.5) = −1; x_q = round(x/S) + 1, x̃ = S(x_q − 1)
        AffineQuantizer q = AffineQuantizer.perTensor(4, false, -0.5, 1.0);
        assertEquals(0.5, q.scale(0), 0);
        assertEquals(-1, q.zero(0));
        assertEquals(0, q.qmin());
        assertEquals(3, q.qmax());
        Tensor x = Tensor.of(new float[] {-3f, -0.5f, 0f, 0.3f, 0.75f, 2f}, 6);
        assertArrayEquals(new int[] {0, 0, 1, 2, 3, 3}, q.quantize(x));
        Tensor y = q.quantizeDequantize(x, Tensor.zeros(6));
        assertArrayEquals(new float[] {-0.5f, -0.5f, 0f, 0.5f, 1f, 1f}, y.data);
        // M=256, [−1, 3]: S = 4/255, Z = round(−63.75) = −64; zero is exact (code 64)
        AffineQuantizer b = AffineQuantizer.perTensor(256, false, -1, 3);
        assertEquals(-64, b.zero(0));
        assertEquals(64, b.code(0, 0));
        assertEquals(0.0, b.dequantize(64, 0), 0);
        assertEquals(255, b.code(3, 0));
        assertEquals(191 * 4.0 / 255, b.dequantize(255, 0), 1e-12);
        assertEquals(-64 * 4.0 / 255, b.dequantize(b.code(-1, 0), 0), 1e-12);
    }

    @Test
    void rangeIsWidenedToContainZero() {
        // [1, 3] → [0, 3]: M=5, S = 0.75, Z = 0
        AffineQuantizer q = AffineQuantizer.perTensor(5, false, 1, 3);
        assertEquals(0.75, q.scale(0), 1e-15);
        assertEquals(0, q.zero(0));
        assertEquals(1, q.code(1.0, 0));
        assertEquals(0, q.code(0.0, 0));
    }

    @Test
    void symmetricByHand() {
        // M=3, [−0.2, 0.8]: S = 0.8/1, Z = 0, codes [−1, 1]
        AffineQuantizer q = AffineQuantizer.perTensor(3, true, -0.2, 0.8);
        assertEquals(0.8, q.scale(0), 1e-15);
        assertEquals(0, q.zero(0));
        assertEquals(-1, q.qmin());
        assertEquals(1, q.qmax());
        assertArrayEquals(new int[] {-1, -1, 0, 1, 1}, q.quantize(Tensor.of(new float[] {-2f, -0.5f, -0.3f, 0.5f, 9f}, 5)));
        // M=256, [−1, 2]: S = 2/127.5, codes [−128, 127]; 2/S = 127.5 rounds (half-even) to 128, clipped to 127
        AffineQuantizer b = AffineQuantizer.perTensor(256, true, -1, 2);
        assertEquals(2 / 127.5, b.scale(0), 1e-15);
        assertEquals(-128, b.qmin());
        assertEquals(127, b.qmax());
        assertEquals(127, b.code(2, 0));
        assertEquals(-128, b.code(-2, 0));
        assertEquals(-128 * 2 / 127.5, b.dequantize(-128, 0), 1e-12);
        // M=2 symmetric: codes {−1, 0}, S = 2·max|x|
        AffineQuantizer s2 = AffineQuantizer.perTensor(2, true, -1, 1);
        assertEquals(2.0, s2.scale(0), 0);
        assertEquals(-1, s2.qmin());
        assertEquals(0, s2.qmax());
    }

    @Test
    void perChannelAlongRowsAndColumns() {
        // [2, 3]: rows {−1, 0, 1} and {0, 2, 4}
        Tensor x = Tensor.of(new float[] {-1, 0, 1, 0, 2, 4}, 2, 3);
        AffineQuantizer rows = AffineQuantizer.fromRange(3, false, 0, new double[] {-1, 0}, new double[] {1, 4});
        assertEquals(1.0, rows.scale(0), 0);
        assertEquals(-1, rows.zero(0));
        assertEquals(2.0, rows.scale(1), 0);
        assertEquals(0, rows.zero(1));
        assertArrayEquals(new int[] {0, 1, 2, 0, 1, 2}, rows.quantize(x));
        assertArrayEquals(x.data, rows.quantizeDequantize(x, Tensor.zeros(2, 3)).data);
        // along columns: {−1, 0}: S = 0.5, Z = −2; {0, 2}: S = 1, Z = 0; {1, 4} → [0, 4]: S = 2, Z = 0
        AffineQuantizer cols = AffineQuantizer.fromRange(3, false, 1, new double[] {-1, 0, 1}, new double[] {0, 2, 4});
        assertEquals(0.5, cols.scale(0), 0);
        assertEquals(-2, cols.zero(0));
        // x = 1 in column 2: 1/2 = 0.5 rounds half-to-even to 0
        assertArrayEquals(new int[] {0, 0, 0, 2, 2, 2}, cols.quantize(x));
        assertArrayEquals(new float[] {-1, 0, 0, 0, 2, 4}, cols.quantizeDequantize(x, Tensor.zeros(2, 3)).data);
        assertThrows(IllegalArgumentException.class, () -> cols.quantize(Tensor.zeros(3, 2)));
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> AffineQuantizer.perTensor(1, false, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> AffineQuantizer.perTensor(4, false, 2, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class,
                () -> AffineQuantizer.fromRange(4, false, -1, new double[] {0, 0}, new double[] {1, 1}));
        // a constant range still gives a finite scale
        AffineQuantizer c = AffineQuantizer.perTensor(4, false, 0, 0);
        assertEquals(AffineQuantizer.MIN_SCALE, c.scale(0), 0);
        assertEquals(0, c.code(0, 0));
    }
}
