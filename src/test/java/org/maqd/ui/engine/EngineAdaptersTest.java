package org.maqd.ui.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.maqd.model.LayerSpec;
import org.maqd.model.NetworkSpec;
import org.maqd.ui.vm.Templates;

class EngineAdaptersTest {
    private final EngineNetworkAnalyzer a = new EngineNetworkAnalyzer();

    @Test
    void quickstartMlpCostsAsTheCostPanelShowsThem() {
        CostReport r = a.analyze(Templates.network("MLP"));
        assertEquals(-1, r.firstError());
        CostRow l1 = r.rows().get(1), l2 = r.rows().get(2), out = r.rows().get(3);
        assertEquals("[784]", r.rows().get(0).shape());
        assertEquals("-", r.rows().get(0).norm());
        assertEquals(256, l1.weightStates(), "first block: 8-bit weights");
        assertEquals(3, l2.weightStates());
        assertEquals(2, l2.activationStates());
        assertEquals("lbn", l2.norm());
        assertEquals(256L * 256, l2.macs());
        assertEquals(256L * 256 * 2 + 2 * 256 * 32, l2.weightBits(), "ternary packs into 2 bits; norm γ, β are fp32");
        assertEquals(10, l2.accumulatorBits(), "256 products of |code| ≤ 1: sign + 9 bits");
        assertEquals("[10]", out.shape());
        assertEquals(784L * 256 + 256 * 256 + 2560, r.macs());
        assertEquals(32L * r.params(), r.fp32Bits());
        assertTrue(r.compression() > 4);
    }

    @Test
    void eachLayerSaysWhetherItRunsOnTheIntegerEngine() {
        CostReport mlp = a.analyze(Templates.network("MLP"));
        assertTrue(mlp.rows().stream().allMatch(CostRow::integerOnly), "quickstart MLP with LBN folds to integers");
        assertEquals(null, mlp.notIntegerOnly());
        NetworkSpec ln = Templates.network("MLP");
        ln = ln.withLayers(ln.layers().stream().map(l -> l.isBlock() ? l.withNorm("ln") : l).toList());
        CostReport r = a.analyze(ln);
        assertFalse(r.rows().get(1).integerOnly());
        assertTrue(r.rows().get(1).notIntegerOnly().startsWith("uses LN"), r.rows().get(1).notIntegerOnly());
        assertTrue(r.rows().get(0).integerOnly(), "flatten");
        assertTrue(r.notIntegerOnly().startsWith("layer 1 (linear) uses LN"), r.notIntegerOnly());
        CostReport resnet = a.analyze(Templates.network("Small ResNet"));
        assertEquals(null, resnet.notIntegerOnly(), "residual blocks fold to integers (fixed-point adds)");
    }

    @Test
    void shapeErrorsLandOnTheOffendingRowAndLaterRowsSaySo() {
        NetworkSpec n = new NetworkSpec(List.of(1, 28, 28), null, List.of(LayerSpec.linear(64), LayerSpec.output(10)));
        CostReport r = a.analyze(n);
        assertEquals(0, r.firstError());
        assertTrue(r.rows().get(0).error().contains("flatten"), r.rows().get(0).error());
        assertFalse(r.rows().get(1).ok());
        assertEquals("?", r.rows().get(1).shape());
        CostReport conv = a.analyze(new NetworkSpec(List.of(3, 32, 32), null, List.of(LayerSpec.conv(8, 3, 2, 1),
                LayerSpec.of("globalavgpool"), LayerSpec.output(10))));
        assertEquals("[8, 16, 16]", conv.rows().get(0).shape());
        assertEquals("[8]", conv.rows().get(1).shape());
        CostReport unknown = a.analyze(n.withLayers(List.of(LayerSpec.of("lstm"))));
        assertEquals(0, unknown.firstError());
    }

    /** A node dropped but not wired: the cost panel names it as not connected (it said "no shape" on another row). */
    @Test
    void aNodeNotConnectedIsNamedAsSuchNotAsAMissingShape() {
        NetworkSpec g = NetworkSpec.graph(List.of(1, 28, 28), null, List.of(
                LayerSpec.of("flatten").withId("f").withInputs(List.of("input")),
                LayerSpec.linear(64).withId("h").withInputs(List.of("f")),
                LayerSpec.output(10).withId("out").withInputs(List.of("h")),
                LayerSpec.conv(16, 3, 1, 1).withId("loose").withInputs(List.of())));
        CostReport r = a.analyze(g);
        assertEquals("node loose (conv2d): not connected — no input is wired into it", r.why());
        CostRow loose = r.rows().stream().filter(x -> "loose".equals(x.id())).findFirst().orElseThrow();
        assertEquals(r.why(), loose.error());
        for (CostRow row : r.rows()) {
            assertFalse(row.error().contains("an earlier layer cannot take its input"), row.id() + ": " + row.error());
            assertTrue(row.error().contains("node loose"), row.id() + ": " + row.error());
        }
    }

    @Test
    void quantMathStaircaseAndSurrogates() {
        EngineQuantMath q = new EngineQuantMath();
        assertEquals(1.224, q.gaussianStep(3, true), 1e-3);
        assertEquals(1.224, q.gaussianStep(2, false), 1e-3);
        assertEquals(0.5, q.quantize(0.3, 1.0, 2, true), 1e-12, "M = 2 signed is ±Δ/2");
        assertEquals(-0.5, q.quantize(-0.01, 1.0, 2, true), 1e-12);
        assertEquals(1.0, q.quantize(7, 1.0, 3, true), 1e-12);
        assertEquals(0.0, q.quantize(-3, 1.0, 4, false), 1e-12);
        assertEquals(3.0, q.quantize(9, 1.0, 4, false), 1e-12);
        assertEquals(1.0, q.surrogate("ste", 4, 1.4, 1.0, 3, true));
        assertEquals(0.0, q.surrogate("ste", 4, 1.6, 1.0, 3, true));
        assertEquals(1.0, q.surrogate("triangle", 4, 0.5, 1.0, 3, true), 1e-12, "peak at the step between levels 0 and 1");
        assertEquals(1 + 4 * sig(4) * (1 - sig(4)), q.surrogate("sigmoid", 4, 0.5, 1.0, 3, true), 1e-9, "own step plus the neighbour");
    }

    private static double sig(double u) {
        return 1 / (1 + Math.exp(-u));
    }
}
