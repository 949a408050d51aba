package org.maqd.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.maqd.tensor.Parallel;
import org.maqd.tensor.Rng;
import org.maqd.tensor.Tensor;

class PoolingTest {
    private static final Parallel TWO = new Parallel(2);

    @AfterAll
    static void close() { TWO.close(); }

    /** Distinct values spaced far apart relative to the FD step, so max pooling has no ties. */
    static Tensor distinct(Rng rng, int... shape) {
        Tensor t = Tensor.zeros(shape);
        int[] perm = new int[t.size()];
        for (int i = 0; i < perm.length; i++) perm[i] = i;
        rng.shuffle(perm);
        for (int i = 0; i < perm.length; i++) t.data[i] = perm[i] * 0.1f - perm.length * 0.05f;
        return t;
    }

    static void fd(Layer layer, Tensor x, long seed) {
        Rng rng = new Rng(seed);
        Tensor r = GradCheck.random(rng, layer.outputShape(x.shape()));
        layer.forward(x, Mode.TRAIN);
        float[] dx = layer.backward(r).data.clone();
        GradCheck.check(layer.kind() + " dx", () -> GradCheck.loss(layer, x, r), x.data, dx, 400, 1e-2f, 1e-3, rng);
    }

    @Test
    void maxPoolForwardBackwardByHand() {
        MaxPool2d pool = new MaxPool2d(2, 2, TWO);
        Tensor x = Tensor.of(new float[] {
                1, 5, 2, 0,
                3, 4, 8, 7,
                -1, -2, 0, 6,
                -3, -4, 9, 1}, 1, 1, 4, 4);
        Tensor y = pool.forward(x, Mode.TRAIN);
        assertArrayEquals(new float[] {5, 8, -1, 9}, y.data);
        Tensor dx = pool.backward(Tensor.of(new float[] {10, 20, 30, 40}, 1, 1, 2, 2));
        assertArrayEquals(new float[] {0, 10, 0, 0, 0, 0, 20, 0, 30, 0, 0, 0, 0, 0, 40, 0}, dx.data);
    }

    @Test
    void maxPoolTiesGoToTheFirstMaximum() {
        for (int k : new int[] {2, 3}) {
            MaxPool2d pool = new MaxPool2d(k, k);
            Tensor x = Tensor.zeros(1, 1, k, k);
            x.fill(1.5f);
            pool.forward(x, Mode.TRAIN);
            Tensor dx = pool.backward(Tensor.of(new float[] {7f}, 1, 1, 1, 1));
            float[] expected = new float[k * k];
            expected[0] = 7f;
            assertArrayEquals(expected, dx.data, "kernel " + k);
        }
    }

    @Test
    void maxPoolFiniteDifferences() {
        fd(new MaxPool2d(2, 2, TWO), distinct(new Rng(1), 3, 4, 6, 7), 2);
        fd(new MaxPool2d(3, 1), distinct(new Rng(3), 2, 2, 5, 6), 4);   // overlapping windows
        fd(new MaxPool2d(3, 2), distinct(new Rng(5), 2, 3, 7, 7), 6);
    }

    @Test
    void avgPoolForwardBackwardByHand() {
        AvgPool2d pool = new AvgPool2d(2, 2, TWO);
        Tensor x = Tensor.of(new float[] {1, 3, 5, 7, 2, 2, 2, 2}, 1, 1, 2, 4);
        assertArrayEquals(new float[] {2, 4}, pool.forward(x, Mode.TRAIN).data);
        Tensor dx = pool.backward(Tensor.of(new float[] {4, 8}, 1, 1, 1, 2));
        assertArrayEquals(new float[] {1, 1, 2, 2, 1, 1, 2, 2}, dx.data);
    }

    @Test
    void avgPoolFiniteDifferences() {
        fd(new AvgPool2d(2, 2, TWO), GradCheck.random(new Rng(7), 3, 4, 6, 7), 8);
        fd(new AvgPool2d(3, 1), GradCheck.random(new Rng(9), 2, 2, 5, 6), 10);
    }

    @Test
    void globalAvgPoolForwardBackward() {
        GlobalAvgPool pool = new GlobalAvgPool(TWO);
        Tensor x = Tensor.of(new float[] {1, 2, 3, 6, 0, 0, 0, 4}, 1, 2, 2, 2);
        Tensor y = pool.forward(x, Mode.TRAIN);
        assertArrayEquals(new int[] {1, 2}, y.shape());
        assertArrayEquals(new float[] {3, 1}, y.data);
        Tensor dx = pool.backward(Tensor.of(new float[] {4, -8}, 1, 2));
        assertArrayEquals(new float[] {1, 1, 1, 1, -2, -2, -2, -2}, dx.data);
        fd(new GlobalAvgPool(), GradCheck.random(new Rng(11), 3, 5, 3, 4), 12);
    }

    @Test
    void shapesAndErrors() {
        assertArrayEquals(new int[] {8, 32, 14, 14}, new MaxPool2d(2, 2).outputShape(new int[] {8, 32, 28, 28}));
        assertArrayEquals(new int[] {8, 32, 9, 9}, new AvgPool2d(3, 3).outputShape(new int[] {8, 32, 28, 28}));
        assertArrayEquals(new int[] {8, 32}, new GlobalAvgPool().outputShape(new int[] {8, 32, 7, 7}));
        ShapeException e = assertThrows(ShapeException.class, () -> new MaxPool2d(2, 2).outputShape(new int[] {1, 3, 1, 5}));
        assertEquals("maxpool window 2x2 does not fit input 1x5", e.getMessage());
        e = assertThrows(ShapeException.class, () -> new AvgPool2d(3, 1).outputShape(new int[] {1, 3, 5, 2}));
        assertEquals("avgpool window 3x3 does not fit input 5x2", e.getMessage());
        e = assertThrows(ShapeException.class, () -> new GlobalAvgPool().outputShape(new int[] {1, 64}));
        assertEquals("globalavgpool expects input [batch, channels, height, width], gets [1, 64]", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MaxPool2d(0, 1));
        assertEquals("maxpool", new MaxPool2d(2, 2).kind());
        assertEquals("avgpool", new AvgPool2d(2, 2).kind());
        assertEquals("globalavgpool", new GlobalAvgPool().kind());
    }

    @Test
    void identicalAcrossThreadCountsAndBuffersReused() {
        Tensor x = GradCheck.random(new Rng(13), 9, 7, 8, 8);
        Tensor g = GradCheck.random(new Rng(14), 9, 7, 4, 4);
        Layer[] one = {new MaxPool2d(2, 2), new AvgPool2d(2, 2)};
        Layer[] two = {new MaxPool2d(2, 2, TWO), new AvgPool2d(2, 2, TWO)};
        for (int i = 0; i < one.length; i++) {
            assertArrayEquals(one[i].forward(x, Mode.TRAIN).data, two[i].forward(x, Mode.TRAIN).data);
            assertArrayEquals(one[i].backward(g).data, two[i].backward(g).data);
            Tensor y1 = two[i].forward(x, Mode.TRAIN), d1 = two[i].backward(g);
            assertSame(y1, two[i].forward(x, Mode.TRAIN));
            assertSame(d1, two[i].backward(g));
        }
    }
}
