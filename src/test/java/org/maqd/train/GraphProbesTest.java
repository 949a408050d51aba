package org.maqd.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.maqd.deploy.DeployFixtures;
import org.maqd.experiment.Experiment;
import org.maqd.experiment.ExperimentDefaults;
import org.maqd.model.Network;
import org.maqd.model.NetworkBuilder;
import org.maqd.nn.Mode;
import org.maqd.tensor.Parallel;
import org.maqd.tensor.Rng;
import org.maqd.tensor.Tensor;

/** Probes of a graph: every quantized block and every add's Q_a; concat (no quantizer of its own) has no entry. */
class GraphProbesTest {
    @Test
    void addNodesAreProbedWithTheirActivationQuantizerAndConcatIsNot() {
        Experiment e = ExperimentDefaults.resolve(DeployFixtures.graph("probes",
                "\"weightStates\": 3, \"activationStates\": 4, \"norm\": \"lbn\"", DeployFixtures.GRAPH, 0, 0, 1));
        try (Parallel par = new Parallel(1)) {
            Network net = NetworkBuilder.build(e.network(), new int[] {1, 28, 28}, 10, par, 5);
            ProbeCollector probes = new ProbeCollector(net, new ProbeSpec(true, 1, 16, 2));
            List<String> names = probes.layerNames();
            assertTrue(names.stream().anyMatch(n -> n.endsWith(":r1")), names.toString());
            assertTrue(names.stream().anyMatch(n -> n.endsWith(":r2")), names.toString());
            assertFalse(names.stream().anyMatch(n -> n.endsWith(":cat")), names.toString());
            Tensor x = Tensor.zeros(8, 1, 28, 28);
            Rng rng = new Rng(1);
            for (int i = 0; i < x.data.length; i++) x.data[i] = rng.nextFloat();
            net.forward(x, Mode.TRAIN);
            ProbeSnapshot s = probes.sample(1, 1, x);
            assertEquals(names.size(), s.layers().size());
            for (LayerProbe p : s.layers()) {
                if (!p.name().endsWith(":r1") && !p.name().endsWith(":r2")) continue;
                int i = Integer.parseInt(p.name().substring(0, p.name().indexOf(':')));
                assertEquals(4, p.activationStates(), p.name());
                assertEquals(0, p.weightStates(), p.name());
                assertEquals(0, p.latentHistogram().length, p.name());
                assertTrue(Double.isNaN(p.flipRate()), p.name());
                assertEquals("none", p.norm(), p.name());
                assertEquals(net.output(i).size(), Arrays.stream(p.activationOccupancy()).sum(), p.name());
                assertTrue(p.activationHistogram().length > 0 && p.firingRate() > 0, p.name());
                assertTrue(p.activationSqnrDb() > 0, p.name());
            }
            LayerValues add = s.values().stream().filter(v -> v.name().endsWith(":r1")).findFirst().orElseThrow();
            assertNull(add.weights());
            assertEquals(net.output(Integer.parseInt(add.name().substring(0, add.name().indexOf(':')))).size(), add.activationInput().size());
        }
    }
}
