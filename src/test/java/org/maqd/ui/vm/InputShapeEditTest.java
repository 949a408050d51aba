package org.maqd.ui.vm;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.maqd.experiment.ExperimentValidator;
import org.maqd.ui.engine.EngineExperimentFiles;
import org.maqd.ui.engine.EngineNetworkAnalyzer;

/** The input node in the property sheet: selecting it offers its shape, an edit of it is one undoable edit. */
class InputShapeEditTest {
    private final ExperimentDocument doc = new ExperimentDocument(new EngineExperimentFiles(), Templates.quickstart(), null);
    private final ComposerViewModel vm = new ComposerViewModel(doc, new EngineNetworkAnalyzer());
    private final CanvasViewModel canvas = new CanvasViewModel(vm);

    private List<Integer> input() { return doc.get().network().input(); }

    @Test
    void selectingTheInputNodeOffersItsShapeAndEditingItIsUndoable() {
        canvas.click(GraphNode.INPUT, false);
        assertTrue(vm.inputSelectedProperty().get(), "the property sheet edits the input");
        assertEquals("1, 28, 28", vm.inputShapeProperty().get());
        assertTrue(vm.setInput("2"), vm.messageProperty().get());
        assertEquals(List.of(2, 1, 1), input(), "one size is flat features, the shape the toy data sets give");
        assertEquals("2, 1, 1", vm.inputShapeProperty().get());
        assertEquals("[2]", vm.graph().layerNode(0).shape(), "flatten follows");
        assertDoesNotThrow(() -> ExperimentValidator.validate(doc.get(), "test"), "what Save writes opens again");
        assertTrue(vm.inputSelectedProperty().get(), "still editing the input after the edit");
        doc.undo();
        assertEquals(List.of(1, 28, 28), input());
        assertEquals("1, 28, 28", vm.inputShapeProperty().get());
        doc.redo();
        assertEquals(List.of(2, 1, 1), input());
        canvas.click("1", false);
        assertFalse(vm.inputSelectedProperty().get(), "a layer selected: the sheet edits the layer");
    }

    @Test
    void badTextIsRefusedWithAMessageAndChangesNothing() {
        canvas.click(GraphNode.INPUT, false);
        for (String bad : List.of("1, 28", "3, 0, 4", "a, b, c", "")) {
            assertFalse(vm.setInput(bad), bad);
            assertTrue(vm.messageProperty().get().startsWith("Input shape: expected [channels, height, width]"), vm.messageProperty().get());
            assertEquals(List.of(1, 28, 28), input());
        }
        assertEquals(0, doc.history().size());
    }
}
