package org.maqd.ui.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.maqd.ui.engine.EngineExperimentFiles;
import org.maqd.ui.engine.EngineNetworkAnalyzer;

class BulkEditTest {
    @Test
    void openingAnotherDocumentStartsTheBulkEditAfresh() {
        ExperimentDocument doc = new ExperimentDocument(new EngineExperimentFiles(), Templates.quickstart(), null);
        BulkEdit bulk = new BulkEdit(new ComposerViewModel(doc, new EngineNetworkAnalyzer()));
        bulk.scopeProperty().set(BulkEdit.Scope.SELECTED);
        bulk.fieldProperty().set(LayerField.NORM);
        bulk.valueProperty().set("bn");
        doc.load(Templates.quickstart().withName("another"), null);
        assertEquals(BulkEdit.Scope.HIDDEN, bulk.scopeProperty().get());
        assertEquals(BulkEdit.FIELDS.get(0), bulk.fieldProperty().get(), "the first field again, not the last document's");
        assertEquals("", bulk.valueProperty().get(), "the hidden layers' weight states differ (256 and 3): no shared value");
        bulk.valueProperty().set("5");
        doc.load(Templates.quickstart(), null);
        assertEquals("", bulk.valueProperty().get(), "a value typed for the last document is gone");
    }

    @Test
    void aFieldALessonLocksOnEveryHiddenLayerIsNotOffered() {
        ExperimentDocument doc = new ExperimentDocument(new EngineExperimentFiles(), Templates.quickstart(), null);
        BulkEdit bulk = new BulkEdit(new ComposerViewModel(doc, new EngineNetworkAnalyzer()));
        assertTrue(bulk.fields().contains(LayerField.NORM));
        bulk.fieldProperty().set(LayerField.NORM);
        doc.edit("lock", e -> e.withLocks(java.util.List.of("network.layers.*.norm")));
        assertFalse(bulk.fields().contains(LayerField.NORM), "locked on every layer: " + bulk.fields());
        assertTrue(bulk.fields().contains(LayerField.WEIGHT_STATES));
        assertEquals(bulk.fields().get(0), bulk.fieldProperty().get(), "the chosen field moved to one that can change");
        doc.load(Templates.quickstart().withLocks(java.util.List.of("network.layers.*.weightStates", "network.defaults.weightStates")), null);
        assertFalse(bulk.fields().contains(LayerField.WEIGHT_STATES), bulk.fields().toString());
        assertEquals(bulk.fields().get(0), bulk.fieldProperty().get());
    }
}
