package org.maqd.ui.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.maqd.ui.engine.EngineExperimentFiles;
import org.maqd.ui.engine.EngineNetworkAnalyzer;

/** A property-sheet message belongs to the refused edit: it does not follow the user to other layers or documents. */
class ComposerMessagesTest {
    @Test
    void aRefusalMessageGoesWithAnotherSelectionOrDocument() {
        ExperimentDocument doc = new ExperimentDocument(new EngineExperimentFiles(), Templates.quickstart(), null);
        ComposerViewModel vm = new ComposerViewModel(doc, new EngineNetworkAnalyzer());
        vm.selectedProperty().set(0);
        assertFalse(vm.setFieldOnSelection(LayerField.WEIGHT_STATES, "1"));
        String m = vm.messageProperty().get();
        assertTrue(m.contains("Weight states"), m);
        vm.selectedProperty().set(1);
        assertEquals("", vm.messageProperty().get(), "a message about layer 0 under layer 1");

        assertFalse(vm.setFieldOnSelection(LayerField.WEIGHT_STATES, "1"));
        assertFalse(vm.messageProperty().get().isEmpty());
        doc.load(Templates.quickstart().withName("other"), null);
        assertEquals("", vm.messageProperty().get(), "a message about the previous document");
    }
}
