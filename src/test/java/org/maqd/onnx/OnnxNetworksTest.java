package org.maqd.onnx;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.maqd.data.Datasets;
import org.maqd.deploy.DeployFixtures;
import org.maqd.experiment.Experiment;
import org.maqd.model.Network;
import org.maqd.tensor.Parallel;

/**
 * Untrained networks whose running statistics were set by training-mode passes over MNIST: every layer kind, norm and
 * quantizer option written as ONNX agrees with the workbench's float model under onnxruntime.
 */
class OnnxNetworksTest {
    static OnnxAgreement.Result agreement(Experiment e, String what) throws Exception {
        Network net;
        try (Parallel par = new Parallel(1)) {
            net = DeployFixtures.calibrated(e, par);
        }
        OnnxExport.Model m = OnnxExport.encode(net, Map.of());
        OnnxAgreement.Result r = OnnxAgreement.compare(net, m.bytes(), Datasets.embedded(1, 500).test());
        System.out.println(r.describe(what.replaceAll("\\s+", " ")));
        return r;
    }

    static void assertAgrees(String defaults, String layers) throws Exception {
        assertAgrees(DeployFixtures.experiment("onnx", defaults, layers, 256, 500, 1), defaults + " " + layers);
    }

    static void assertAgrees(Experiment e, String what) throws Exception {
        OnnxAgreement.Result r = agreement(e, what);
        assertTrue(r.fraction() >= 0.998, r.describe(what));
        assertTrue(r.maxDiffAgreeing() < 0.05, r.describe(what));
    }

    @Test
    void mlpWithLbn() throws Exception {
        assertAgrees("\"weightStates\": 3, \"activationStates\": 2, \"norm\": \"lbn\"",
                "[{\"type\": \"flatten\"}, {\"type\": \"linear\", \"units\": 64}, {\"type\": \"dropout\", \"rate\": 0.1}, {\"type\": \"output\", \"units\": 10}]");
    }

    static final String CNN = DeployFixtures.CNN, AVG = DeployFixtures.AVG;

    static final String RESNET = """
            [{"type": "conv2d", "channels": 8, "kernel": 3, "stride": 2, "padding": 1},
             {"type": "residual", "channels": 8, "stride": 1}, {"type": "residual", "channels": 16, "stride": 2},
             {"type": "globalavgpool"}, {"type": "output", "units": 10}]""";

    @Test
    void cnnWithBnAndEvenWeightStates() throws Exception {
        assertAgrees("\"weightStates\": 4, \"activationStates\": 3, \"norm\": \"bn\"", CNN);
    }

    @Test
    void averagePoolsWithLayerNorm() throws Exception {
        assertAgrees("\"weightStates\": 3, \"activationStates\": 4, \"norm\": \"ln\"", AVG);
    }

    @Test
    void groupNormOnFeatureMaps() throws Exception {
        assertAgrees("\"weightStates\": 5, \"activationStates\": 2, \"norm\": \"gn\", \"groups\": 2", AVG);
    }

    @Test
    void residualBlocksWithProjection() throws Exception {
        assertAgrees("\"weightStates\": 3, \"activationStates\": 2, \"norm\": \"lbn\"", RESNET);
    }

    @Test
    void graphOfResidualTemplatesSideBranchAndConcat() throws Exception {
        for (String defaults : new String[] {"\"weightStates\": 3, \"activationStates\": 2, \"norm\": \"lbn\"",
                "\"weightStates\": 5, \"activationStates\": 4, \"norm\": \"bn\""}) {
            assertAgrees(DeployFixtures.graph("onnx-graph", defaults, DeployFixtures.GRAPH, 256, 500, 1), defaults + " graph");
        }
    }

    @Test
    void floatWeightsReluAndNoNormWithBias() throws Exception {
        assertAgrees("\"weightStates\": 0, \"activationStates\": 0, \"norm\": \"none\", \"weightStandardization\": false",
                CNN.replace("\"padding\": 1}", "\"padding\": 1, \"bias\": true}").replace("\"units\": 10}", "\"units\": 10, \"bias\": true}"));
    }

    @Test
    void standardizedFloatWeightsAndEightBitLayers() throws Exception {
        assertAgrees("\"weightStates\": 256, \"activationStates\": 256, \"norm\": \"lbn\"",
                "[{\"type\": \"flatten\"}, {\"type\": \"linear\", \"units\": 32, \"weightStates\": 0}, {\"type\": \"output\", \"units\": 10}]");
    }

    @Test
    void learnedAndFixedActivationSteps() throws Exception {
        assertAgrees("\"weightStates\": 3, \"activationStates\": 4, \"norm\": \"lbn\"", """
                [{"type": "flatten"}, {"type": "linear", "units": 32, "activationStep": "learned"},
                 {"type": "linear", "units": 32, "activationStep": "fixed", "activationStepValue": 0.4}, {"type": "output", "units": 10}]""");
    }
}
