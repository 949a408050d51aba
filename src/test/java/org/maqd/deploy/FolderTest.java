package org.maqd.deploy;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.maqd.model.Network;
import org.maqd.model.QuantBlock;
import org.maqd.nn.Mode;
import org.maqd.norm.Norm;
import org.maqd.tensor.Parallel;

/** Folded blocks against the float fake-quant model, code by code; and the reasons a model is not integer-only. */
class FolderTest {
    static final String MIXED = """
            [{"type": "flatten"},
             {"type": "linear", "units": 24, "activationStates": 3},
             {"type": "linear", "units": 16, "weightStates": 4, "norm": "bn", "activationStates": 4},
             {"type": "linear", "units": 12, "weightStates": 5, "norm": "none", "bias": true, "activationStates": 2},
             {"type": "output", "units": 10, "weightStates": 7}]""";

    /** Negative and zero γ on every norm, so both directions and constant channels occur. */
    static void flipGammas(Network net) {
        for (var l : net.layers()) {
            if (l instanceof QuantBlock b && b.norm() != null) {
                Norm n = b.norm();
                float[] g = n.weight().value.data;
                for (int c = 0; c < g.length; c++) if (c % 3 == 0) g[c] = -g[c] * 0.8f;
                g[1] = 0f;
                n.bias().value.data[2] = 0.37f;
            }
        }
    }

    /** Compares every hidden code and every prediction; a mismatch must be within float error of a rounding point. */
    static void assertAgrees(Network net, FoldedModel m, int n, long seed) {
        int size = m.inputSize();
        byte[] px = DeployFixtures.randomPixels(n, size, seed);
        float[] logits = net.forward(DeployFixtures.pixelsToTensor(px, n, m.inputShape()), Mode.EVAL).data;
        IntEngine e = new IntEngine(m);
        IntEngine.Workspace ws = e.workspace();
        IntEngine.Trace tr = e.trace();
        long codes = 0, diff = 0;
        int predDiff = 0;
        for (int s = 0; s < n; s++) {
            int p = e.predict(px, s * size, ws, tr);
            if (p != Certificate.argmax(logits, s * m.classes(), m.classes())) predDiff++;
            for (int i = 0; i < m.ops().size(); i++) {
                if (!(m.ops().get(i) instanceof IntBlock b) || b.isOutput()) continue;
                byte[] fc = ((QuantBlock) net.layers().get(b.layer())).activation().lastCodes();
                int per = tr.codes[i].length, sp = b.outShape()[1] * b.outShape()[2];
                for (int k = 0; k < per; k++) {
                    codes++;
                    if (fc[s * per + k] != tr.codes[i][k]) {
                        diff++;
                        int o = k / sp;
                        double t = b.preScale()[o] * tr.acc[i][k] + b.preShift()[o];
                        assertEquals(0.5, Math.abs(t - Math.floor(t)), 1e-3, "layer " + b.layer() + " element " + k);
                    }
                }
            }
        }
        assertTrue(diff <= codes / 1000, diff + " of " + codes + " codes differ");
        assertTrue(predDiff <= n / 100, predDiff + " of " + n + " predictions differ");
    }

    @Test
    void mixedStatesNormsBiasAndNegativeGammaAgreeWithTheFloatModel() {
        try (Parallel par = new Parallel(2)) {
            Network net = DeployFixtures.calibrated(DeployFixtures.experiment("mixed",
                    "\"weightStates\": 3, \"activationStates\": 2, \"norm\": \"lbn\"", MIXED, 0, 0, 1), par);
            flipGammas(net);
            FoldedModel m = Folder.fold(net);
            assertEquals(4, m.ops().size());
            IntBlock first = (IntBlock) m.ops().get(0), second = (IntBlock) m.ops().get(1);
            assertEquals(256, first.weightStates());
            assertTrue(max(first.weights()) <= 255);                 // even M: odd integers ±1 … ±255
            for (short w : first.weights()) assertEquals(1, Math.abs(w) % 2);
            assertEquals(3, max(second.weights()));                  // M = 4: ±1, ±3
            assertTrue(contains(first.direction(), -1) && contains(first.direction(), 1));
            assertEquals(2, first.thresholdCount());
            assertAgrees(net, m, 400, 1);
        }
    }

    @Test
    void convolutionAndMaxPoolAgreeWithTheFloatModel() {
        try (Parallel par = new Parallel(2)) {
            Network net = DeployFixtures.calibrated(DeployFixtures.experiment("cnn",
                    "\"weightStates\": 3, \"activationStates\": 3, \"norm\": \"lbn\"", DeployFixtures.CNN, 0, 0, 1), par);
            flipGammas(net);
            FoldedModel m = Folder.fold(net);
            assertInstanceOf(IntMaxPool.class, m.ops().get(1));
            assertFalse(((IntBlock) m.ops().get(0)).dense());
            assertTrue(m.output().dense());
            assertAgrees(net, m, 120, 2);
        }
    }

    @Test
    void averagePoolsAsSumsOfCodesAgreeWithTheFloatModel() {
        try (Parallel par = new Parallel(2)) {
            Network net = DeployFixtures.calibrated(DeployFixtures.experiment("avg",
                    "\"weightStates\": 3, \"activationStates\": 2, \"norm\": \"lbn\"", DeployFixtures.AVG, 0, 0, 1), par);
            flipGammas(net);
            FoldedModel m = Folder.fold(net);
            IntSumPool pool = (IntSumPool) m.ops().get(1), global = (IntSumPool) m.ops().get(3);
            assertEquals(5, pool.outStates());                       // sums of 4 binary codes: 0…4
            assertEquals(145, global.outStates());                   // 12·12 binary codes
            assertArrayEquals(new int[] {6, 1, 1}, global.outShape());
            assertEquals(4, ((IntBlock) m.ops().get(2)).inStates() - 1);
            assertAgrees(net, m, 120, 3);
        }
    }

    static String reason(String defaults, String layers) {
        try (Parallel par = new Parallel(1)) {
            Network net = DeployFixtures.calibrated(DeployFixtures.experiment("bad", defaults, layers, 0, 0, 1), par);
            return assertThrows(NotIntegerOnlyException.class, () -> Folder.fold(net)).getMessage();
        }
    }

    @Test
    void refusesWhatIsNotIntegerOnlyAndSaysWhy() {
        String mlp = "[{\"type\": \"flatten\"}, {\"type\": \"linear\", \"units\": 8}, {\"type\": \"output\", \"units\": 10}]";
        String ln = reason("\"weightStates\": 3, \"activationStates\": 2, \"norm\": \"ln\"", mlp);
        assertTrue(ln.startsWith("not integer-only because layer 1 (linear) uses LN"), ln);
        String relu = reason("\"weightStates\": 3, \"activationStates\": 0, \"norm\": \"lbn\"", mlp);
        assertTrue(relu.contains("layer 1 (linear) uses ReLU activations"), relu);
        String fp = reason("\"weightStates\": 3, \"activationStates\": 2, \"norm\": \"lbn\"",
                "[{\"type\": \"flatten\"}, {\"type\": \"linear\", \"units\": 8, \"weightStates\": 0}, {\"type\": \"output\", \"units\": 10}]");
        assertTrue(fp.contains("layer 1 (linear) has float weights"), fp);
        String avg = reason("\"weightStates\": 3, \"activationStates\": 256, \"norm\": \"lbn\"",
                "[{\"type\": \"conv2d\", \"channels\": 2, \"kernel\": 3}, {\"type\": \"avgpool\", \"kernel\": 2}, {\"type\": \"flatten\"}, {\"type\": \"output\", \"units\": 10}]");
        assertTrue(avg.contains("layer 1 (avgpool) sums 4 codes of up to 255"), avg);
    }

    static int max(short[] w) {
        int m = 0;
        for (short v : w) m = Math.max(m, Math.abs(v));
        return m;
    }

    static boolean contains(byte[] a, int v) {
        for (byte b : a) if (b == v) return true;
        return false;
    }

}
