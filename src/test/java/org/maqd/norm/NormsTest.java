package org.maqd.norm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.maqd.norm.NormTestSupport.KINDS;
import static org.maqd.norm.NormTestSupport.gaussian;

import org.junit.jupiter.api.Test;
import org.maqd.nn.Mode;
import org.maqd.nn.ShapeException;
import org.maqd.tensor.Parallel;
import org.maqd.tensor.Rng;
import org.maqd.tensor.Tensor;

/** The factory, parameters, shape errors, and buffer reuse shared by all norms. */
class NormsTest {

    @Test
    void factoryBuildsEachKind() {
        assertInstanceOf(LayerBatchNorm.class, Norms.create("lbn", 8, 8, null));
        assertInstanceOf(BatchNorm.class, Norms.create("bn", 8, 8, null));
        assertInstanceOf(LayerNorm.class, Norms.create("ln", 8, 8, null));
        assertInstanceOf(GroupNorm.class, Norms.create("gn", 16, 8, null));
        assertEquals(GroupNorm.DEFAULT_GROUPS, ((GroupNorm) Norms.create("gn", 16, null)).groups());
        assertInstanceOf(LayerBatchNorm.class, Norms.create(" LBN ", 8, 8, null), "kind is trimmed, any case");
        assertNull(Norms.create("none", 8, 8, null));
        for (String k : KINDS) assertEquals(k, Norms.create(k, 16, 8, null).kind());
    }

    @Test
    void unknownKindListsTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Norms.create("batchnorm", 8, 8, null));
        assertTrue(e.getMessage().contains("batchnorm") && e.getMessage().contains("lbn, bn, ln, gn, none"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Norms.create(null, 8, 8, null));
    }

    @Test
    void groupNormNeedsDivisibleChannels() {
        ShapeException e = assertThrows(ShapeException.class, () -> Norms.create("gn", 30, 8, null));
        assertTrue(e.getMessage().contains("30") && e.getMessage().contains("8"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new GroupNorm(8, 0, null));
    }

    @Test
    void groupNormWithOneGroupIsLayerNorm() {
        Rng rng = new Rng(10);
        Tensor x = gaussian(rng, 2, 1, 3, 16, 4, 4), g = gaussian(rng, 1, 0, 3, 16, 4, 4);
        Norm ln = new LayerNorm(16, null), gn = new GroupNorm(16, 1, null);
        assertArrayEquals(ln.forward(x, Mode.TRAIN).data, gn.forward(x, Mode.TRAIN).data);
        assertArrayEquals(ln.backward(g).data, gn.backward(g).data);
        assertArrayEquals(ln.weight().grad.data, gn.weight().grad.data);
        // With 16 groups each channel of each sample is normalised on its own (instance normalization).
        Norm in = new GroupNorm(16, 16, null);
        float[] y = in.forward(x, Mode.EVAL).data;
        for (int plane = 0; plane < 3 * 16; plane++) {
            double m = 0;
            for (int i = 0; i < 16; i++) m += y[plane * 16 + i];
            assertEquals(0.0, m / 16, 1e-5, "plane " + plane + " mean");
        }
    }

    @Test
    void foldabilityAndRunningStatisticsByKind() {
        for (String k : KINDS) {
            Norm n = Norms.create(k, 16, 8, null);
            boolean fold = k.equals("lbn") || k.equals("bn");
            assertEquals(fold, n.foldable(), k);
            assertEquals(fold, n instanceof FoldableNorm, k);
            int expected = k.equals("lbn") ? 1 : k.equals("bn") ? 16 : 0;
            assertEquals(expected, n.runningMean().length, k);
            assertEquals(expected, n.runningVar().length, k);
            assertEquals(fold ? 3 : 0, n.buffers().size(), k);
        }
    }

    @Test
    void parametersAreGammaOneAndBetaZeroPerChannel() {
        for (String k : KINDS) {
            Norm n = Norms.create(k, 16, 8, null);
            assertEquals(2, n.params().size());
            assertEquals("weight", n.params().get(0).name);
            assertEquals("bias", n.params().get(1).name);
            assertArrayEquals(new int[] {16}, n.weight().value.shape());
            for (int c = 0; c < 16; c++) {
                assertEquals(1f, n.weight().value.data[c]);
                assertEquals(0f, n.bias().value.data[c]);
            }
            assertFalse(n.weight().decay, "no weight decay on γ");
        }
    }

    @Test
    void shapesAreCheckedWithHelpfulMessages() {
        for (String k : KINDS) {
            Norm n = Norms.create(k, 16, 8, null);
            assertArrayEquals(new int[] {3, 16, 5, 5}, n.outputShape(new int[] {3, 16, 5, 5}));
            assertArrayEquals(new int[] {3, 16}, n.outputShape(new int[] {3, 16}));
            ShapeException e = assertThrows(ShapeException.class, () -> n.outputShape(new int[] {3, 32}));
            assertTrue(e.getMessage().contains("16") && e.getMessage().contains("[3, 32]"), e.getMessage());
            assertThrows(ShapeException.class, () -> n.forward(Tensor.zeros(16), Mode.TRAIN));
            assertThrows(ShapeException.class, () -> n.forward(Tensor.zeros(0, 16), Mode.TRAIN));
            assertThrows(IllegalStateException.class, () -> n.backward(Tensor.zeros(2, 16)));
            n.forward(Tensor.zeros(2, 16), Mode.TRAIN);
            assertThrows(ShapeException.class, () -> n.backward(Tensor.zeros(4, 16)));
        }
    }

    @Test
    void outputBuffersAreReusedWhileTheShapeIsUnchanged() {
        Rng rng = new Rng(8);
        for (String k : KINDS) {
            Norm n = Norms.create(k, 16, 8, null);
            Tensor x = gaussian(rng, 1, 0, 4, 16, 3, 3);
            Tensor y1 = n.forward(x, Mode.TRAIN);
            Tensor d1 = n.backward(x);
            assertSame(y1, n.forward(gaussian(rng, 1, 0, 4, 16, 3, 3), Mode.TRAIN), k);
            assertSame(d1, n.backward(x), k);
            assertSame(y1, n.forward(x, Mode.EVAL), k);
            assertNotSame(y1, n.forward(gaussian(rng, 1, 0, 5, 16, 3, 3), Mode.TRAIN), k + " new batch size");
        }
    }

    /** A steady-state training step (forward + backward, serial) allocates nothing on the heap. */
    @Test
    void steadyStateStepsDoNotAllocate() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        if (!(mx instanceof com.sun.management.ThreadMXBean sun) || !sun.isThreadAllocatedMemorySupported()) return;
        Rng rng = new Rng(9);
        for (int[] shape : new int[][] {{4, 256}, {4, 16, 6, 6}}) {
            for (String k : KINDS) {
                Norm n = Norms.create(k, shape[1], 8, Parallel.serial());
                Tensor x = gaussian(rng, 1, 0, shape), g = gaussian(rng, 1, 0, shape);
                for (int i = 0; i < 3000; i++) step(n, x, g);
                // steady state = once the JIT has compiled the vector kernels (the interpreter boxes vectors):
                // the least allocating of rounds of 1000 steps, run until one is clean or for up to 60 s (a fixed
                // count of rounds can run out before the compiler finishes on a loaded machine), must be clean
                long tid = Thread.currentThread().getId(), bytes = Long.MAX_VALUE, deadline = System.nanoTime() + 60_000_000_000L;
                while (bytes >= 4096 && System.nanoTime() < deadline) {
                    long before = sun.getThreadAllocatedBytes(tid);
                    for (int i = 0; i < 1000; i++) step(n, x, g);
                    bytes = Math.min(bytes, sun.getThreadAllocatedBytes(tid) - before);
                }
                assertTrue(bytes < 4096, k + " allocated " + bytes + " bytes in 1000 steps");
            }
        }
    }

    private static void step(Norm n, Tensor x, Tensor g) {
        n.forward(x, Mode.TRAIN);
        n.backward(g);
        n.forward(x, Mode.EVAL);
    }
}
