package org.maqd.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maqd.data.Dataset;
import org.maqd.data.Datasets;
import org.maqd.model.Network;
import org.maqd.tensor.Parallel;

/** A residual graph folds to an integer-only model with fixed-point adds; certified, and its C export agrees. */
class GraphDeployTest {
    static Network calibrated(int activationStates, Parallel par) {
        return DeployFixtures.calibrated(DeployFixtures.graph("g", "\"weightStates\": 3, \"activationStates\": " + activationStates
                + ", \"norm\": \"lbn\"", DeployFixtures.GRAPH, 0, 0, 1), par);
    }

    @Test
    void residualGraphIsIntegerOnlyCertifiedAndItsCExportAgrees(@TempDir Path dir) throws Exception {
        try (Parallel par = new Parallel(2)) {
            for (int states : new int[] {2, 4}) {
                Network net = calibrated(states, par);
                FolderTest.flipGammas(net);
                FoldedModel m = Folder.fold(net);
                assertTrue(m.ops().stream().anyMatch(op -> op instanceof IntAdd));
                assertTrue(m.ops().stream().anyMatch(op -> op instanceof IntConcat));
                Dataset test = Datasets.embedded(1, 300).test();
                Certificate c = Certificate.compute(net, m, test);
                assertTrue(c.percent() >= 99.9, c.describe());
                for (Certificate.LayerAgreement l : c.layers()) {
                    if (l.elements() > 0) assertTrue(l.percent() >= 99.9, c.describe());
                }
                assertEquals(2, c.layers().stream().filter(l -> l.kind().equals("add")).count());
                byte[] px = PixelCodes.of(test);
                int[] java = new IntEngine(m).predict(px, test.size(), par).predictions();
                assertArrayEquals(java, IntEngine.reference(m).predict(px, test.size(), par).predictions());
                assertArrayEquals(java, ExportRunTest.compileAndRun(m, dir.resolve("c" + states), px, test.size(), 28, 28));
            }
        }
    }
}
