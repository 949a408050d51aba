package org.maqd.model;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkAnalysisTest {
    static NetworkSpec mlp() {
        return new NetworkSpec(List.of(1, 28, 28), null, List.of(LayerSpec.of("flatten"), LayerSpec.linear(256),
                LayerSpec.linear(256), LayerSpec.output(10)));
    }

    @Test
    void mlpShapesAndCosts() {
        NetworkAnalysis.Report r = NetworkAnalysis.analyze(mlp());
        assertTrue(r.ok(), r.firstError());
        assertArrayEquals(new int[] {784}, r.rows().get(0).outShape());
        assertArrayEquals(new int[] {10}, r.rows().get(3).outShape());
        // weights + LBN gamma/beta per block (no biases: every block has a norm)
        long expected = 784L * 256 + 2 * 256 + 256L * 256 + 2 * 256 + 256L * 10 + 2 * 10;
        assertEquals(expected, r.params());
        assertEquals(784L * 256 + 256L * 256 + 256L * 10, r.macs());
        // first layer 256 states = 8 bits, hidden 3 states = 2 bits packed
        assertEquals(784L * 256 * 8 + 2 * 256 * 32, r.rows().get(1).weightBits());
        assertEquals(256L * 256 * 2 + 2 * 256 * 32, r.rows().get(2).weightBits());
        assertTrue(r.compression() > 3.5, "compression " + r.compression());
        // hidden: fan-in 256, ternary codes |w| ≤ 1, binary inputs codes ≤ 1 → |acc| ≤ 256 → 10 bits incl. sign
        assertEquals(10, r.rows().get(2).accumulatorBits());
    }

    @Test
    void cnnShapes() {
        NetworkSpec s = new NetworkSpec(List.of(1, 28, 28), null, List.of(LayerSpec.conv(32, 3, 1, 1),
                LayerSpec.of("maxpool").withKernel(2), LayerSpec.conv(64, 3, 1, 1), LayerSpec.of("maxpool").withKernel(2),
                LayerSpec.of("flatten"), LayerSpec.output(10)));
        NetworkAnalysis.Report r = NetworkAnalysis.analyze(s);
        assertTrue(r.ok(), r.firstError());
        assertArrayEquals(new int[] {32, 28, 28}, r.rows().get(0).outShape());
        assertArrayEquals(new int[] {32, 14, 14}, r.rows().get(1).outShape());
        assertArrayEquals(new int[] {64, 7, 7}, r.rows().get(3).outShape());
        assertArrayEquals(new int[] {3136}, r.rows().get(4).outShape());
        assertEquals(28L * 28 * 32 * 9, r.rows().get(0).macs());
    }

    @Test
    void impossibleShapesCarryTheReasonOnTheOffendingLayer() {
        NetworkSpec noFlatten = new NetworkSpec(List.of(1, 28, 28), null, List.of(LayerSpec.linear(16), LayerSpec.output(10)));
        NetworkAnalysis.Report r = NetworkAnalysis.analyze(noFlatten);
        assertFalse(r.ok());
        assertTrue(r.rows().get(0).error().contains("flatten"), r.rows().get(0).error());
        assertTrue(r.firstError().startsWith("layer 0 (linear)"), r.firstError());

        NetworkSpec convAfterFlatten = new NetworkSpec(List.of(1, 28, 28), null,
                List.of(LayerSpec.of("flatten"), LayerSpec.conv(8, 3, 1, 1), LayerSpec.output(10)));
        assertTrue(NetworkAnalysis.analyze(convAfterFlatten).rows().get(1).error().contains("image input"));

        NetworkSpec poolTooBig = new NetworkSpec(List.of(1, 4, 4), null,
                List.of(LayerSpec.of("maxpool").withKernel(8), LayerSpec.of("flatten"), LayerSpec.output(10)));
        assertTrue(NetworkAnalysis.analyze(poolTooBig).rows().get(0).error().contains("does not fit"));

        NetworkSpec gn = new NetworkSpec(List.of(1, 8, 8), null,
                List.of(LayerSpec.conv(12, 3, 1, 1).withNorm("gn").withGroups(8), LayerSpec.of("flatten"), LayerSpec.output(10)));
        assertTrue(NetworkAnalysis.analyze(gn).rows().get(0).error().contains("divisible"));
    }
}
