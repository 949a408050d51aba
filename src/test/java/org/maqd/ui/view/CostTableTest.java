package org.maqd.ui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.maqd.model.LayerSpec;
import org.maqd.model.NetworkSpec;
import org.maqd.ui.engine.CostRow;
import org.maqd.ui.engine.EngineNetworkAnalyzer;

/** The cost table's weight columns: a layer without weights shows "–" there, not "fp" (float weights). */
class CostTableTest {
    @Test
    void layersWithoutWeightsShowADashInTheWeightColumns() {
        NetworkSpec g = NetworkSpec.graph(List.of(1, 28, 28), null, List.of(
                LayerSpec.of("flatten").withId("f").withInputs(List.of("input")),
                LayerSpec.linear(64).withId("a").withInputs(List.of("f")),
                LayerSpec.linear(64).withId("b").withInputs(List.of("a")),
                LayerSpec.of("add").withId("sum").withInputs(List.of("a", "b")),
                LayerSpec.output(10).withId("out").withInputs(List.of("sum"))));
        List<CostRow> rows = new EngineNetworkAnalyzer().analyze(g).rows();
        CostRow add = rows.stream().filter(r -> "add".equals(r.type())).findFirst().orElseThrow();
        CostRow flatten = rows.get(0), hidden = rows.get(2), out = rows.get(4);
        assertEquals(CostTable.NONE, CostTable.weightStates(add), "an add node has no weights (it said fp)");
        assertEquals(CostTable.NONE, CostTable.weightMemory(add));
        assertEquals(CostTable.NONE, CostTable.weightStates(flatten));
        assertEquals(String.valueOf(hidden.weightStates()), CostTable.weightStates(hidden));
        assertEquals(String.valueOf(out.weightStates()), CostTable.weightStates(out));
        assertEquals(CostTable.bits(hidden.weightBits()), CostTable.weightMemory(hidden));
    }

    @Test
    void aLayerWithoutStatesOrNormShowsTheSameDashInEveryColumn() {
        NetworkSpec g = new NetworkSpec(List.of(1, 28, 28), null, List.of(LayerSpec.of("flatten"), LayerSpec.output(10)));
        List<CostRow> rows = new EngineNetworkAnalyzer().analyze(g).rows();
        CostRow flatten = rows.get(0), out = rows.get(1);
        // M_a was blank and Norm "-" beside M_w's "–"
        assertEquals(CostTable.NONE, CostTable.activationStates(flatten));
        assertEquals(CostTable.NONE, CostTable.norm(flatten));
        assertEquals("lbn", CostTable.norm(out));
        assertEquals("fp", CostTable.activationStates(out), "the output layer's logits are float");
    }

    @Test
    void theTotalsSayAFloatNetworkIsFloatInsteadOfOneTimesSmaller() {
        assertEquals(CostTable.bits(8_000_000) + " of float weights", CostTable.size(8_000_000, 8_000_000));
        assertTrue(CostTable.size(1_000_000, 8_000_000).endsWith("in fp32 (8.0× smaller)"), CostTable.size(1_000_000, 8_000_000));
    }
}
