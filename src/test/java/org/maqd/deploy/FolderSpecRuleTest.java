package org.maqd.deploy;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.maqd.experiment.Experiment;
import org.maqd.experiment.ExperimentDefaults;
import org.maqd.model.LayerSpec;
import org.maqd.model.Network;
import org.maqd.tensor.Parallel;

/** The spec-level rule {@link Folder#integerOnlyReason} gives the same verdict and reason as folding the built network. */
class FolderSpecRuleTest {
    private static final String MLP = "[{\"type\": \"flatten\"}, {\"type\": \"linear\", \"units\": 8}, {\"type\": \"output\", \"units\": 10}]";

    /** The first reason the spec rule gives, as "layer i (type) reason", or null. */
    private static String specReason(Experiment raw) {
        List<LayerSpec> layers = ExperimentDefaults.resolve(raw).network().layers();
        for (int i = 0; i < layers.size(); i++) {
            String r = Folder.integerOnlyReason(layers.get(i), i == layers.size() - 1);
            if (r != null) return "layer " + i + " (" + layers.get(i).type() + ") " + r;
        }
        return null;
    }

    private static void agrees(String defaults, String layers) {
        Experiment e = DeployFixtures.experiment("rule", defaults, layers, 0, 0, 1);
        String spec = specReason(e);
        try (Parallel par = new Parallel(1)) {
            Network net = DeployFixtures.calibrated(e, par);
            String folded;
            try {
                Folder.fold(net);
                folded = null;
            } catch (NotIntegerOnlyException ex) {
                folded = ex.getMessage();
            }
            if (spec == null) {
                assertNull(folded, "the spec rule says integer-only, folding says: " + folded);
            } else {
                assertTrue(folded != null && folded.equals("not integer-only because " + spec),
                        "spec rule: " + spec + " / fold: " + folded);
            }
        }
    }

    @Test
    void specRuleMatchesFolding() {
        agrees("\"weightStates\": 3, \"activationStates\": 2, \"norm\": \"lbn\"", MLP);
        agrees("\"weightStates\": 3, \"activationStates\": 2, \"norm\": \"bn\"", MLP);
        agrees("\"weightStates\": 3, \"activationStates\": 2, \"norm\": \"ln\"", MLP);
        agrees("\"weightStates\": 3, \"activationStates\": 2, \"norm\": \"gn\", \"groups\": 2", MLP);
        agrees("\"weightStates\": 3, \"activationStates\": 0, \"norm\": \"lbn\"", MLP);
        agrees("\"weightStates\": 3, \"activationStates\": 2, \"norm\": \"lbn\"",
                "[{\"type\": \"flatten\"}, {\"type\": \"linear\", \"units\": 8, \"weightStates\": 0}, {\"type\": \"output\", \"units\": 10}]");
        agrees("\"weightStates\": 3, \"activationStates\": 2, \"norm\": \"lbn\"",
                "[{\"type\": \"residual\", \"channels\": 2}, {\"type\": \"flatten\"}, {\"type\": \"output\", \"units\": 10}]");
    }

    @Test
    void poolsFlattenAndDropoutAreIntegerOnly() {
        for (String t : List.of("flatten", "dropout", "maxpool", "avgpool", "globalavgpool")) {
            assertNull(Folder.integerOnlyReason(LayerSpec.of(t), false), t);
        }
        assertTrue(Folder.integerOnlyReason(LayerSpec.output(10).withWeightStates(0), true).contains("float weights"));
    }
}
