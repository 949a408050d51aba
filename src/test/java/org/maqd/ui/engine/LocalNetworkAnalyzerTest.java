package org.maqd.ui.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.maqd.model.LayerSpec;
import org.maqd.model.NetworkSpec;
import org.maqd.ui.vm.Templates;

class LocalNetworkAnalyzerTest {
    private final LocalNetworkAnalyzer a = new LocalNetworkAnalyzer();

    @Test
    void quickstartMlpCosts() {
        CostReport r = a.analyze(Templates.network("MLP"));
        CostRow l1 = r.rows().get(1), l2 = r.rows().get(2), out = r.rows().get(3);
        assertEquals("[784]", r.rows().get(0).shape());
        assertEquals(784 * 256 + 2 * 256, l1.params());
        assertEquals(256, l1.weightStates());
        assertEquals(3, l2.weightStates());
        assertEquals(2, l2.activationStates());
        assertEquals("lbn", l2.norm());
        assertEquals(256L * 256, l2.macs());
        assertEquals(Math.round(256 * 256 * Math.log(3) / Math.log(2)), l2.weightBits());
        assertEquals(256 * 10 + 10, out.params());
        assertEquals(784L * 256 + 256 * 256 + 2560, r.macs());
        assertEquals(32L * r.params(), r.fp32Bits());
        assertTrue(r.compression() > 4);
        // 256 inputs of code ≤ 1 times ternary codes ≤ 1: |acc| ≤ 256 → 1 + 9 bits
        assertEquals(10, l2.accumulatorBits());
    }

    @Test
    void convShapesAndReasons() {
        NetworkSpec n = new NetworkSpec(List.of(3, 32, 32), null, List.of(LayerSpec.conv(8, 3, 2, 1),
                LayerSpec.of("maxpool").withKernel(2).withStride(2), LayerSpec.of("globalavgpool"), LayerSpec.output(10)));
        CostReport r = a.analyze(n);
        assertEquals("[8, 16, 16]", r.rows().get(0).shape());
        assertEquals(3L * 8 * 9 * 16 * 16, r.rows().get(0).macs());
        assertEquals("[8, 8, 8]", r.rows().get(1).shape());
        assertEquals("[8]", r.rows().get(2).shape());
        assertEquals(-1, r.firstError());
        CostReport bad = a.analyze(n.withLayers(List.of(LayerSpec.conv(8, 40, 1, 0), LayerSpec.output(10))));
        assertEquals(0, bad.firstError());
        assertTrue(bad.rows().get(0).error().contains("does not fit"));
        CostReport unknown = a.analyze(n.withLayers(List.of(LayerSpec.of("lstm"))));
        assertTrue(unknown.rows().get(0).error().contains("unknown layer type 'lstm'"));
    }

    @Test
    void accumulatorWidthGrowsWithStatesAndFanIn() {
        assertEquals(10, LocalNetworkAnalyzer.accumulatorBits(256, 3, 2));
        assertTrue(LocalNetworkAnalyzer.accumulatorBits(784, 256, 256) > LocalNetworkAnalyzer.accumulatorBits(784, 3, 2));
        assertEquals(32, LocalNetworkAnalyzer.accumulatorBits(100, 0, 2));
    }
}
