package org.maqd.ui.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
