package org.maqd.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.maqd.tensor.Parallel;
import org.maqd.tensor.Rng;
import org.maqd.tensor.Tensor;
import org.maqd.tensor.ref.RefConv;

class Conv2dTest {
    private static final Parallel TWO = new Parallel(2);
    private static final Parallel THREE = new Parallel(3);

    @AfterAll
    static void close() {
        TWO.close();
        THREE.close();
    }

    static void assertClose(float[] expected, float[] actual, float tol, String what) {
        assertEquals(expected.length, actual.length, what + " length");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tol * Math.max(1f, Math.abs(expected[i])), what + "[" + i + "]");
        }
    }

    /** Fast layer against the direct reference: output and all three gradients. */
    static void compareWithReference(int batch, int c, int h, int w, int o, int k, int stride, int pad, boolean bias, long seed) {
        for (Conv2d.Algorithm alg : Conv2d.Algorithm.values()) {
            if (alg == Conv2d.Algorithm.SHIFTED && (stride != 1 || pad >= k)) continue;
            compareWithReference(alg, batch, c, h, w, o, k, stride, pad, bias, seed);
        }
    }

    static void compareWithReference(Conv2d.Algorithm alg, int batch, int c, int h, int w, int o, int k, int stride,
                                     int pad, boolean bias, long seed) {
        Rng rng = new Rng(seed);
        Conv2d conv = new Conv2d(c, o, k, stride, pad, bias, WeightTransform.IDENTITY, TWO, rng.split());
        conv.setAlgorithm(alg);
        Tensor x = GradCheck.random(rng, batch, c, h, w);
        Tensor y = conv.forward(x, Mode.TRAIN);
        float[] bv = bias ? conv.bias().value.data : null;
        float[] yRef = RefConv.forward(x.data, batch, c, h, w, conv.weight().value.data, o, k, k, bv, stride, pad);
        String tag = alg + " B" + batch + " C" + c + " " + h + "x" + w + " O" + o + " k" + k + " s" + stride + " p" + pad;
        assertClose(yRef, y.data, 1e-4f, "y " + tag);

        Tensor dy = GradCheck.random(rng, y.shape());
        Tensor dx = conv.backward(dy);
        float[] dxRef = new float[x.size()], dwRef = new float[conv.weight().value.size()], dbRef = new float[o];
        RefConv.backward(x.data, batch, c, h, w, conv.weight().value.data, o, k, k, stride, pad, dy.data, dxRef, dwRef, dbRef);
        assertClose(dxRef, dx.data, 1e-4f, "dx " + tag);
        assertClose(dwRef, conv.weight().grad.data, 1e-4f, "dw " + tag);
        if (bias) assertClose(dbRef, conv.bias().grad.data, 1e-4f, "db " + tag);
    }

    @Test
    void matchesDirectConvolution() {
        compareWithReference(3, 2, 7, 9, 5, 3, 1, 1, true, 1);
        compareWithReference(2, 1, 28, 28, 32, 3, 1, 1, true, 2);
        compareWithReference(4, 32, 14, 14, 64, 3, 1, 1, false, 3);
        compareWithReference(2, 3, 11, 8, 4, 3, 2, 0, true, 4);
        compareWithReference(1, 2, 9, 10, 3, 5, 2, 2, true, 5);
        compareWithReference(5, 4, 6, 6, 70, 1, 1, 0, true, 6);
        compareWithReference(2, 3, 5, 5, 2, 4, 3, 1, false, 7);
        compareWithReference(9, 3, 4, 4, 3, 3, 1, 2, true, 8);
        compareWithReference(3, 64, 7, 7, 64, 3, 1, 1, true, 9);
        compareWithReference(2, 9, 5, 13, 33, 5, 1, 2, true, 10);
        compareWithReference(2, 8, 6, 5, 17, 2, 1, 1, false, 11);
        compareWithReference(2, 12, 3, 3, 5, 3, 1, 0, true, 12);
        compareWithReference(3, 6, 9, 7, 32, 3, 1, 1, true, 13);
        compareWithReference(2, 32, 28, 28, 32, 3, 1, 1, false, 14);
    }

    @Test
    void reusedBuffersAfterAGeometryChangeGiveCorrectResults() {
        for (Conv2d.Algorithm alg : new Conv2d.Algorithm[] {Conv2d.Algorithm.IM2COL, Conv2d.Algorithm.SHIFTED}) {
            Rng rng = new Rng(77);
            Conv2d conv = new Conv2d(4, 6, 3, 1, 1, true, WeightTransform.IDENTITY, TWO, rng.split());
            conv.setAlgorithm(alg);
            for (int[] hw : new int[][] {{12, 12}, {7, 9}, {12, 12}}) {
                // a large input fills the workspaces with non-zero values; smaller geometries then reuse them
                Tensor x = GradCheck.random(rng, 3, 4, hw[0], hw[1]);
                Tensor y = conv.forward(x, Mode.TRAIN);
                float[] yRef = RefConv.forward(x.data, 3, 4, hw[0], hw[1], conv.weight().value.data, 6, 3, 3,
                        conv.bias().value.data, 1, 1);
                assertClose(yRef, y.data, 1e-4f, alg + " y " + hw[0] + "x" + hw[1]);
                Tensor dy = GradCheck.random(rng, y.shape());
                conv.weight().zeroGrad();
                Tensor dx = conv.backward(dy);
                float[] dxRef = new float[x.size()], dwRef = new float[conv.weight().value.size()];
                RefConv.backward(x.data, 3, 4, hw[0], hw[1], conv.weight().value.data, 6, 3, 3, 1, 1, dy.data, dxRef, dwRef, null);
                assertClose(dxRef, dx.data, 1e-4f, alg + " dx " + hw[0] + "x" + hw[1]);
                assertClose(dwRef, conv.weight().grad.data, 1e-4f, alg + " dw " + hw[0] + "x" + hw[1]);
            }
        }
    }

    @Test
    void shiftedPathRefusesStrideTwo() {
        Conv2d conv = new Conv2d(8, 4, 3, 2, 1, false, null, null, new Rng(1));
        conv.setAlgorithm(Conv2d.Algorithm.SHIFTED);
        assertThrows(IllegalStateException.class, () -> conv.forward(Tensor.zeros(1, 8, 6, 6), Mode.TRAIN));
    }

    @Test
    void finiteDifferenceGradients() {
        finiteDifferences(new Conv2d(3, 4, 3, 2, 1, true, WeightTransform.IDENTITY, Parallel.serial(), new Rng(20)), 3);
        Conv2d shifted = new Conv2d(8, 5, 3, 1, 1, true, WeightTransform.IDENTITY, Parallel.serial(), new Rng(22));
        shifted.setAlgorithm(Conv2d.Algorithm.SHIFTED);
        finiteDifferences(shifted, 8);
        // 32 output channels: the three-tap weight-gradient kernel
        Conv2d triples = new Conv2d(5, 32, 3, 1, 1, true, WeightTransform.IDENTITY, Parallel.serial(), new Rng(23));
        triples.setAlgorithm(Conv2d.Algorithm.SHIFTED);
        finiteDifferences(triples, 5);
    }

    static void finiteDifferences(Conv2d conv, int inC) {
        Rng rng = new Rng(21);
        Tensor x = GradCheck.random(rng, 2, inC, 7, 6);
        Tensor r = GradCheck.random(rng, conv.outputShape(x.shape()));
        conv.forward(x, Mode.TRAIN);
        float[] dx = conv.backward(r).data.clone();
        GradCheck.check("dx", () -> GradCheck.loss(conv, x, r), x.data, dx, 60, 1e-2f, 2e-3, rng);
        GradCheck.check("dw", () -> GradCheck.loss(conv, x, r), conv.weight().value.data, conv.weight().grad.data, 60, 1e-2f, 2e-3, rng);
        GradCheck.check("db", () -> GradCheck.loss(conv, x, r), conv.bias().value.data, conv.bias().grad.data, 4, 1e-2f, 2e-3, rng);
    }

    @Test
    void bitIdenticalAcrossThreadCounts() {
        for (Conv2d.Algorithm alg : new Conv2d.Algorithm[] {Conv2d.Algorithm.IM2COL, Conv2d.Algorithm.SHIFTED}) {
            bitIdenticalAcrossThreadCounts(alg);
        }
    }

    static void bitIdenticalAcrossThreadCounts(Conv2d.Algorithm alg) {
        float[][] ref = null;
        for (Parallel par : new Parallel[] {Parallel.serial(), TWO, THREE}) {
            Rng rng = new Rng(33);
            Conv2d conv = new Conv2d(8, 16, 3, 1, 1, true, WeightTransform.IDENTITY, par, rng.split());
            conv.setAlgorithm(alg);
            Tensor x = GradCheck.random(rng, 13, 8, 10, 10);
            Tensor y = conv.forward(x, Mode.TRAIN);
            Tensor dx = conv.backward(GradCheck.random(rng, y.shape()));
            float[][] got = {y.data.clone(), dx.data.clone(), conv.weight().grad.data.clone(), conv.bias().grad.data.clone()};
            if (ref == null) {
                ref = got;
            } else {
                for (int i = 0; i < got.length; i++) assertArrayEquals(ref[i], got[i], alg + " threads=" + par.threads() + " part " + i);
            }
        }
    }

    /**
     * The shifted path keeps each sample's padded input from a training forward for the weight gradient; after an
     * evaluation forward it pads again in backward. Both give the same bits (32 outputs: three-tap kernel; 12: per tap),
     * also after the batch and the geometry change.
     */
    @Test
    void keptPaddedInputGivesTheRepaddedGradientsBitForBit() {
        for (int o : new int[] {32, 12}) {
            Rng rng = new Rng(40 + o);
            Conv2d conv = new Conv2d(5, o, 3, 1, 1, false, WeightTransform.IDENTITY, TWO, rng.split());
            conv.setAlgorithm(Conv2d.Algorithm.SHIFTED);
            for (int[] shape : new int[][] {{9, 5, 7, 6}, {3, 5, 7, 6}, {10, 5, 14, 14}}) {
                Tensor x = GradCheck.random(rng, shape);
                Tensor gy = GradCheck.random(rng, conv.outputShape(shape));
                float[][] got = new float[2][];
                for (Mode mode : new Mode[] {Mode.TRAIN, Mode.EVAL}) {
                    conv.weight().zeroGrad();
                    conv.forward(x, mode);
                    float[] dx = conv.backward(gy).data.clone();
                    float[] gw = conv.weight().grad.data;
                    float[] all = java.util.Arrays.copyOf(dx, dx.length + gw.length);
                    System.arraycopy(gw, 0, all, dx.length, gw.length);
                    got[mode == Mode.TRAIN ? 0 : 1] = all;
                }
                for (int i = 0; i < got[0].length; i++) {
                    assertEquals(Float.floatToRawIntBits(got[1][i]), Float.floatToRawIntBits(got[0][i]),
                            "outputs " + o + " shape " + java.util.Arrays.toString(shape) + " at " + i);
                }
            }
        }
    }

    /** Effective weight = 2·latent; counts forward calls. */
    static final class Doubling implements WeightTransform {
        int forwards;
        Tensor eff;

        @Override public Tensor forward(Tensor latent, Mode mode) {
            forwards++;
            eff = Tensor.reuse(eff, latent.shape());
            for (int i = 0; i < latent.data.length; i++) eff.data[i] = 2f * latent.data[i];
            return eff;
        }

        @Override public void backward(Tensor g, Tensor gradLatent) {
            for (int i = 0; i < g.data.length; i++) gradLatent.data[i] += 2f * g.data[i];
        }
    }

    @Test
    void weightTransformAppliedOncePerForwardAndBackpropagated() {
        Rng rng = new Rng(44);
        Doubling t = new Doubling();
        Conv2d conv = new Conv2d(2, 3, 3, 1, 1, false, t, TWO, rng.split());
        Tensor x = GradCheck.random(rng, 6, 2, 5, 5);
        Tensor y = conv.forward(x, Mode.TRAIN);
        assertEquals(1, t.forwards, "transform must run once per forward, not per sample");
        float[] w2 = conv.weight().value.data.clone();
        for (int i = 0; i < w2.length; i++) w2[i] *= 2f;
        assertClose(RefConv.forward(x.data, 6, 2, 5, 5, w2, 3, 3, 3, null, 1, 1), y.data, 1e-4f, "y with transformed weight");
        Tensor dy = GradCheck.random(rng, y.shape());
        Tensor dx = conv.backward(dy);
        float[] dxRef = new float[x.size()], dwRef = new float[w2.length];
        RefConv.backward(x.data, 6, 2, 5, 5, w2, 3, 3, 3, 1, 1, dy.data, dxRef, dwRef, null);
        assertClose(dxRef, dx.data, 1e-4f, "dx through effective weight");
        for (int i = 0; i < dwRef.length; i++) dwRef[i] *= 2f;
        assertClose(dwRef, conv.weight().grad.data, 1e-4f, "latent grad = 2 · effective grad");
    }

    @Test
    void paramGradsAccumulateAndOutputsAreReused() {
        Rng rng = new Rng(55);
        Conv2d conv = new Conv2d(2, 3, 3, 1, 0, true, null, TWO, rng.split());
        Tensor x = GradCheck.random(rng, 4, 2, 6, 6);
        Tensor y1 = conv.forward(x, Mode.TRAIN);
        Tensor dy = GradCheck.random(rng, y1.shape());
        Tensor dx1 = conv.backward(dy);
        float[] g1 = conv.weight().grad.data.clone(), b1 = conv.bias().grad.data.clone();
        Tensor y2 = conv.forward(x, Mode.TRAIN);
        Tensor dx2 = conv.backward(dy);
        assertSame(y1, y2, "output tensor reused for the same batch size");
        assertSame(dx1, dx2, "input gradient reused for the same batch size");
        for (int i = 0; i < g1.length; i++) assertEquals(2 * g1[i], conv.weight().grad.data[i], 1e-5f * Math.max(1, Math.abs(g1[i])));
        for (int i = 0; i < b1.length; i++) assertEquals(2 * b1[i], conv.bias().grad.data[i], 1e-5f * Math.max(1, Math.abs(b1[i])));
        Tensor y3 = conv.forward(GradCheck.random(rng, 5, 2, 6, 6), Mode.TRAIN);
        assertEquals(5, y3.dim(0));
    }

    @Test
    void steadyStateStepsAllocateAlmostNothing() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        // the third case (14 → 32 channels) runs the whole-panel weight gradient and the 2-row kernels of multiply6
        int[][] cases = {{0, 8, 16}, {1, 8, 16}, {1, 14, 32}};
        for (int[] cs : cases) {
            Conv2d.Algorithm alg = cs[0] == 0 ? Conv2d.Algorithm.IM2COL : Conv2d.Algorithm.SHIFTED;
            Rng rng = new Rng(66);
            Conv2d conv = new Conv2d(cs[1], cs[2], 3, 1, 1, true, null, Parallel.serial(), rng.split());
            conv.setAlgorithm(alg);
            Tensor x = GradCheck.random(rng, 16, cs[1], 12, 12);
            Tensor dy = GradCheck.random(rng, conv.outputShape(x.shape()));
            // Interpreted and C1-compiled Vector API code boxes every vector, so allocation only stops once the
            // kernels are C2-compiled: measure windows of 5 steps until one is clean, for up to 120 s (a count of
            // 400 windows took ~1 s here and ran out before the compiler had finished on a loaded machine)
            long perStep = Long.MAX_VALUE, deadline = System.nanoTime() + 120_000_000_000L;
            while (perStep >= 4096 && System.nanoTime() < deadline) {
                long before = mx.getThreadAllocatedBytes(tid);
                for (int i = 0; i < 5; i++) {
                    conv.forward(x, Mode.TRAIN);
                    conv.backward(dy);
                }
                perStep = (mx.getThreadAllocatedBytes(tid) - before) / 5;
            }
            // the step's buffers are hundreds of KB; only closures and small shape arrays may be allocated
            assertTrue(perStep < 4096, alg + " " + cs[1] + "→" + cs[2] + " allocated " + perStep + " bytes per step");
        }
    }

    @Test
    void shapesAndErrors() {
        Conv2d conv = new Conv2d(3, 8, 3, 2, 1, false, null, null, new Rng(1));
        assertArrayEquals(new int[] {4, 8, 14, 14}, conv.outputShape(new int[] {4, 3, 28, 28}));
        assertEquals("conv2d", conv.kind());
        assertEquals(1, conv.params().size());
        assertNull(conv.bias());
        ShapeException e = assertThrows(ShapeException.class, () -> conv.outputShape(new int[] {4, 1, 28, 28}));
        assertEquals("conv2d expects 3 input channels, gets 1", e.getMessage());
        e = assertThrows(ShapeException.class, () -> conv.outputShape(new int[] {4, 3, 28}));
        assertTrue(e.getMessage().contains("[4, 3, 28]"), e.getMessage());
        Conv2d big = new Conv2d(1, 1, 5, 1, 0, false, null, null, new Rng(1));
        e = assertThrows(ShapeException.class, () -> big.outputShape(new int[] {1, 1, 3, 3}));
        assertTrue(e.getMessage().contains("does not fit input 3x3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Conv2d(0, 1, 3, 1, 0, false, null, null, new Rng(1)));
    }

    @Test
    void kaimingUniformInitBounds() {
        Conv2d conv = new Conv2d(16, 32, 3, 1, 1, true, null, null, new Rng(9));
        double wb = Math.sqrt(6.0 / 144), bb = 1.0 / 12;
        double max = 0, sumSq = 0;
        for (float v : conv.weight().value.data) {
            max = Math.max(max, Math.abs(v));
            sumSq += v * v;
        }
        assertTrue(max <= wb && max > 0.95 * wb, "max |w| " + max + " vs bound " + wb);
        double var = sumSq / conv.weight().value.size();
        assertEquals(wb * wb / 3, var, 0.1 * wb * wb / 3, "uniform variance");
        for (float v : conv.bias().value.data) assertTrue(Math.abs(v) <= bb);
        assertTrue(conv.weight().decay);
        assertTrue(!conv.bias().decay);
    }
}
