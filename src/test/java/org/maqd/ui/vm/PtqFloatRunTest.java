package org.maqd.ui.vm;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The PTQ panel takes a run as float by its layers, as {@code maqd ptq} does, not by the network's defaults: the
 * qat-vs-ptq lesson sets every layer to 0 states in the Composer (the defaults stay 3 and 3), and the panel called
 * that run "not a float run" and kept Quantize disabled; a run with float defaults but a 256-state classifier was
 * offered for PTQ, which then failed on it.
 */
class PtqFloatRunTest {
    private static RunFolder run(Map<String, String> settings) {
        return new RunFolder(Path.of("r"), "r", settings, 0.9, "completed", 0, 0, Map.of(), null);
    }

    private static Map<String, String> layers(String defaultW, String defaultA, String... perLayer) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("network.defaults.weightStates", defaultW);
        m.put("network.defaults.activationStates", defaultA);
        m.put("network.layers[0].type", "flatten");
        for (int i = 0; i < perLayer.length; i += 2) {
            m.put("network.layers[" + (i / 2 + 1) + "].weightStates", perLayer[i]);
            m.put("network.layers[" + (i / 2 + 1) + "].activationStates", perLayer[i + 1]);
        }
        return m;
    }

    @Test
    void everyLayerAtZeroStatesIsAFloatRunWhateverTheDefaults() {
        assertTrue(PtqViewModel.isFloat(run(layers("3", "3", "0", "0", "0", "0", "0", "0"))));
    }

    @Test
    void aQuantizedClassifierIsNotAFloatRunEvenWithFloatDefaults() {
        assertFalse(PtqViewModel.isFloat(run(layers("0", "0", "0", "0", "0", "0", "256", "0"))));
    }

    @Test
    void aRunFolderWithoutLayerValuesIsJudgedByItsDefaults() {
        assertTrue(PtqViewModel.isFloat(run(layers("0", "0"))));
        assertFalse(PtqViewModel.isFloat(run(layers("3", "2"))));
    }
}
