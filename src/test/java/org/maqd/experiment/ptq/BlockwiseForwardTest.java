package org.maqd.experiment.ptq;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.maqd.experiment.ExperimentDefaults;
import org.maqd.experiment.ExperimentIO;
import org.maqd.model.Network;
import org.maqd.model.NetworkBuilder;
import org.maqd.model.NetworkSpec;
import org.maqd.nn.Mode;
import org.maqd.tensor.Parallel;
import org.maqd.tensor.Rng;
import org.maqd.tensor.Tensor;

/** The layer-by-layer inference with hooks, on a float CNN with a residual block. */
class BlockwiseForwardTest {
    static Network net() {
        NetworkSpec raw = ExperimentIO.parse("""
                {"network": {"input": [1, 8, 8], "defaults": {"weightStates": 0, "activationStates": 0, "firstWeightStates": 0,
                   "outputWeightStates": 0, "weightStandardization": false, "norm": "bn"},
                   "layers": [{"type": "conv2d", "channels": 4, "kernel": 3}, {"type": "residual", "channels": 6, "stride": 2},
                              {"type": "flatten"}, {"type": "linear", "units": 12}, {"type": "output", "units": 3}]}}
                """, "cnn.json").network();
        NetworkSpec spec = ExperimentDefaults.resolve(new org.maqd.experiment.Experiment(null, null, null, 1, null, raw,
                null, null, null, null)).network();
        return NetworkBuilder.build(spec, new int[] {1, 8, 8}, 3, Parallel.serial(), 5L);
    }

    static Tensor input() {
        Rng rng = new Rng(9);
        float[] x = new float[5 * 64];
        for (int i = 0; i < x.length; i++) x[i] = rng.nextFloat();
        return Tensor.of(x, 5, 1, 8, 8);
    }

    @Test
    void withoutAHookItIsTheNetworksOwnForward() {
        Network n = net();
        float[] ref = n.forward(input(), Mode.EVAL).data.clone();
        BlockwiseForward bf = new BlockwiseForward(n);
        assertArrayEquals(ref, bf.forward(input(), BlockwiseForward.NONE).data.clone());
    }

    @Test
    void everyActivationPointIsVisitedInOrderAndChangesPropagate() {
        Network n = net();
        BlockwiseForward bf = new BlockwiseForward(n);
        assertEquals(4, bf.points(), "conv, residual inner + outer, linear");
        List<String> seen = new ArrayList<>();
        float[] ref = bf.forward(input(), (p, h) -> seen.add(p + ":" + Arrays.toString(h.shape()))).data.clone();
        assertEquals(List.of("0:[5, 4, 8, 8]", "1:[5, 6, 4, 4]", "2:[5, 6, 4, 4]", "3:[5, 12]"), seen);
        for (float v : ref) assertTrue(Float.isFinite(v));
        // zeroing the residual block's output (point 2) leaves only the classifier's view of zeros
        float[] zeroed = bf.forward(input(), (p, h) -> { if (p == 3) h.fill(0f); }).data.clone();
        float[] again = bf.forward(input(), (p, h) -> { if (p == 3) h.fill(0f); }).data.clone();
        assertArrayEquals(zeroed, again);
        assertFalse(Arrays.equals(ref, zeroed));
        for (int b = 1; b < 5; b++) for (int c = 0; c < 3; c++) assertEquals(zeroed[c], zeroed[b * 3 + c], "same logits for every sample");
    }
}
