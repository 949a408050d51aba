package org.maqd.deploy;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.maqd.model.Network;
import org.maqd.tensor.Parallel;

/** Overflow detection with narrow accumulators, and thread-count independence. */
class IntEngineTest {
    static FoldedModel mlp(Parallel par) {
        Network net = DeployFixtures.calibrated(DeployFixtures.experiment("mlp",
                "\"weightStates\": 3, \"activationStates\": 2, \"norm\": \"lbn\"", DeployFixtures.MLP, 0, 0, 1), par);
        return Folder.fold(net);
    }

    /** Saturating accumulation in the engine's order (inputs ascending), counted per output element. */
    static long referenceSaturations(IntBlock b, byte[] in, int off, int bits) {
        long max = (1L << (bits - 1)) - 1, min = -(1L << (bits - 1)), count = 0;
        int fan = b.fanIn();
        for (int o = 0; o < b.outChannels(); o++) {
            long s = 0;
            boolean hit = false;
            for (int j = 0; j < fan; j++) {
                s += (in[off + j] & 0xFF) * b.weights()[o * fan + j];
                if (s > max) { s = max; hit = true; } else if (s < min) { s = min; hit = true; }
            }
            if (hit) count++;
        }
        return count;
    }

    @Test
    void narrowAccumulatorsSaturateAndAreCounted() {
        try (Parallel par = new Parallel(2)) {
            FoldedModel m = mlp(par);
            IntBlock first = (IntBlock) m.ops().get(0);
            assertTrue(first.accBound() > (1 << 13), "bound " + first.accBound());
            int n = 60;
            byte[] px = DeployFixtures.randomPixels(n, m.inputSize(), 9);

            IntEngine wide = new IntEngine(m);
            assertFalse(wide.checked(0));
            IntEngine.Result ok = wide.predict(px, n, par);
            assertArrayEquals(new long[m.ops().size()], ok.saturations());

            IntEngine narrow = new IntEngine(m, 14);
            assertTrue(narrow.checked(0));
            IntEngine.Result r = narrow.predict(px, n, par);
            long want = 0;
            for (int s = 0; s < n; s++) want += referenceSaturations(first, px, s * m.inputSize(), 14);
            assertTrue(want > 0);
            assertEquals(want, r.saturations()[0]);
            IntEngine.Trace t = narrow.trace();
            narrow.predict(px, 0, narrow.workspace(), t);
            for (int o = 0; o < first.outChannels(); o++) {
                assertTrue(t.acc[0][o] <= (1 << 13) - 1 && t.acc[0][o] >= -(1 << 13));
            }
        }
    }

    @Test
    void predictionsDoNotDependOnThreadsOrOnTheDensePath() {
        try (Parallel par = new Parallel(2)) {
            FoldedModel m = mlp(par);
            int n = 100;
            byte[] px = DeployFixtures.randomPixels(n, m.inputSize(), 4);
            int[] one = new IntEngine(m).predict(px, n, Parallel.serial()).predictions();
            int[] two = new IntEngine(m).predict(px, n, par).predictions();
            assertArrayEquals(one, two);
            // one bit less than the worst case forces the checked loop on layer 1; real accumulators stay far below it
            IntEngine checkedPath = new IntEngine(m, ((IntBlock) m.ops().get(0)).accumulatorBits() - 1);
            assertTrue(checkedPath.checked(0));
            IntEngine.Result r = checkedPath.predict(px, n, par);
            assertEquals(0, r.saturations()[0]);
            assertArrayEquals(one, r.predictions());
        }
    }

    @Test
    void fastLoopsEqualThePlainReferenceLoops() {
        try (Parallel par = new Parallel(2)) {
            // int8 and half-code rows, binary (add-only) and multi-state inputs, convolutions
            String[][] cases = {
                    {DeployFixtures.MLP, "\"weightStates\": 3, \"activationStates\": 3"},
                    {DeployFixtures.MLP, "\"weightStates\": 3, \"activationStates\": 2"},
                    {DeployFixtures.MLP, "\"weightStates\": 4, \"activationStates\": 4, \"firstWeightStates\": 16, \"outputWeightStates\": 2"},
                    {DeployFixtures.MLP, "\"weightStates\": 2, \"activationStates\": 2, \"firstWeightStates\": 255"},
                    {DeployFixtures.CNN, "\"weightStates\": 3, \"activationStates\": 3"}};
            for (String[] c : cases) {
                Network net = DeployFixtures.calibrated(DeployFixtures.experiment("x",
                        c[1] + ", \"norm\": \"lbn\"", c[0], 0, 0, 1), par);
                FolderTest.flipGammas(net);
                FoldedModel m = Folder.fold(net);
                IntEngine fast = new IntEngine(m), ref = IntEngine.reference(m);
                assertFalse(fast.checked(0));
                assertTrue(ref.checked(0));
                IntEngine.Trace a = fast.trace(), b = ref.trace();
                int n = 30;
                byte[] px = DeployFixtures.randomPixels(n, m.inputSize(), 12);
                for (int s = 0; s < n; s++) {
                    assertEquals(ref.predict(px, s * m.inputSize(), ref.workspace(), b),
                            fast.predict(px, s * m.inputSize(), fast.workspace(), a));
                    for (int i = 0; i < m.ops().size(); i++) {
                        assertArrayEquals(b.codes[i], a.codes[i], c[1] + ": op " + i);
                        if (a.acc[i] != null) assertArrayEquals(b.acc[i], a.acc[i], c[1] + ": op " + i);
                    }
                }
            }
        }
    }
}
