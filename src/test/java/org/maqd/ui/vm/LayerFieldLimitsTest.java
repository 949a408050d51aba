package org.maqd.ui.vm;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.maqd.experiment.Experiment;
import org.maqd.experiment.ExperimentValidator;
import org.maqd.ui.engine.EngineExperimentFiles;
import org.maqd.ui.engine.EngineNetworkAnalyzer;

/**
 * The window refuses, at the field, every layer value the experiment file would refuse (the validator's limits),
 * with the field's name and what it expects; the layer keeps its value, so what Save writes opens again.
 */
class LayerFieldLimitsTest {
    private final ExperimentDocument doc = new ExperimentDocument(new EngineExperimentFiles(), Templates.quickstart(), null);
    private final ComposerViewModel vm = new ComposerViewModel(doc, new EngineNetworkAnalyzer());

    /** Refused with a message naming the field and the expectation; the document and the shown value are unchanged. */
    private void refused(int layer, LayerField f, String text, String expected) {
        Experiment before = doc.get();
        vm.selectedProperty().set(layer);
        String shown = shown(f);
        assertFalse(vm.setFieldOnSelection(f, text), f.label + " " + text + " was accepted");
        String m = vm.messageProperty().get();
        assertTrue(m.contains(f.label) && m.contains(expected) && m.contains(text), m);
        assertEquals(before, doc.get(), "the refused value is not in the document");
        assertEquals(shown, shown(f), "the field shows the layer's value again");
        assertDoesNotThrow(() -> ExperimentValidator.validate(doc.get(), "test"));
    }

    private String shown(LayerField f) {
        return vm.fields().stream().filter(i -> i.field() == f).findFirst().orElseThrow().value();
    }

    @Test
    void weightStatesAboveTheEngineMaximumAreRefused() {
        refused(1, LayerField.WEIGHT_STATES, "1000", "0 (float) or a number of states from 2 to 256");
        refused(1, LayerField.ACTIVATION_STATES, "257", "from 2 to 256");
        assertTrue(vm.setField(1, LayerField.WEIGHT_STATES, "256"), "256 is the largest allowed");
    }

    @Test
    void bulkEditRefusesStatesAboveTheMaximumAndShowsTheLayersValueAgain() {
        BulkEdit bulk = new BulkEdit(vm);
        bulk.fieldProperty().set(LayerField.WEIGHT_STATES);
        String shared = bulk.valueProperty().get();
        Experiment before = doc.get();
        bulk.valueProperty().set("300");
        assertEquals(0, bulk.apply());
        assertEquals(before, doc.get());
        String m = vm.messageProperty().get();
        assertTrue(m.contains("Weight states M_w") && m.contains("from 2 to 256") && m.contains("300"), m);
        assertEquals(shared, bulk.valueProperty().get(), "the refused value is not left in the box");
        assertDoesNotThrow(() -> ExperimentValidator.validate(doc.get(), "test"));
    }

    @Test
    void aDropoutRateOfOneOrMoreIsRefused() {
        assertTrue(vm.insert(3, "dropout"));
        refused(3, LayerField.RATE, "1.5", "a number in [0, 1)");
        refused(3, LayerField.RATE, "1", "a number in [0, 1)");
        assertTrue(vm.setField(3, LayerField.RATE, "0.5"));
    }

    @Test
    void aSurrogateAlphaOfZeroIsRefused() {
        refused(2, LayerField.ALPHA, "0", "a positive number");
    }

    @Test
    void anActivationStepOfZeroIsRefused() {
        refused(2, LayerField.ACTIVATION_STEP_VALUE, "0", "a positive number");
        assertTrue(vm.setField(2, LayerField.ACTIVATION_STEP_VALUE, "0.25"));
    }
}
