package org.maqd.ui.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.maqd.model.LayerSpec;
import org.maqd.ui.engine.EngineExperimentFiles;
import org.maqd.ui.engine.EngineNetworkAnalyzer;

class CanvasViewModelTest {
    @org.junit.jupiter.api.BeforeAll
    static void loadLayoutLibrary() { LayeredLayout.warmUp(); }

    private static CanvasViewModel canvas() {
        ExperimentDocument doc = new ExperimentDocument(new EngineExperimentFiles(), Templates.quickstart(), null);
        return new CanvasViewModel(new ComposerViewModel(doc, new EngineNetworkAnalyzer()));
    }

    private static List<String> types(CanvasViewModel c) {
        return c.composer().document().get().network().layers().stream().map(LayerSpec::type).toList();
    }

    @Test
    void aChainIsALinearGraphWithShapesOnTheWiresLaidOutTopToBottom() {
        CanvasViewModel c = canvas();
        ComposerGraph g = c.composer().graph();
        assertEquals(List.of("input", "0", "1", "2", "3"), g.nodes().stream().map(GraphNode::id).toList());
        assertEquals(4, g.edges().size());
        assertEquals("[1, 28, 28]", g.edges().get(0).shape());
        assertEquals("[784]", g.edges().get(1).shape());
        assertEquals("[256]", g.edges().get(2).shape());
        assertEquals("W 3 · A 2 · lbn", g.layerNode(2).detail());
        assertTrue(g.layerNode(1).cost().startsWith("201k params"), g.layerNode(1).cost());
        Map<String, NodeBox> b = c.boxes();
        for (int i = 1; i < g.nodes().size(); i++) {
            assertTrue(b.get(g.nodes().get(i).id()).y() > b.get(g.nodes().get(i - 1).id()).bottom(), "layer " + i + " below the one before");
        }
    }

    @Test
    void deletingALayerSelectsTheOneThatTookItsPlaceOnTheCanvasToo() {
        CanvasViewModel c = canvas();
        assertTrue(c.composer().insert(3, "linear"));
        c.click("3", false);
        assertTrue(c.deleteSelection());
        assertEquals(List.of("flatten", "linear", "linear", "output"), types(c));
        assertEquals(3, c.composer().selectedProperty().get(), "the property sheet shows the output layer");
        assertEquals(List.of(3), c.composer().selection());
        assertEquals(java.util.Set.of("3"), c.selected(), "and the canvas highlights it");
    }

    /** File → New or Open: nothing of the last document stays selected (its layer index, node or wire). */
    @Test
    void aNewDocumentStartsWithNothingSelected() {
        CanvasViewModel c = canvas();
        c.click("2", false);
        assertEquals(2, c.composer().selectedProperty().get());
        c.composer().document().load(Templates.quickstart().withName("other"), null);
        assertEquals(-1, c.composer().selectedProperty().get(), "the property sheet edits no layer");
        assertTrue(c.composer().selection().isEmpty());
        assertTrue(c.selected().isEmpty(), "and the canvas highlights none");
        assertTrue(c.composer().fields().isEmpty());
        c.selectWire(c.composer().graph().edges().get(1));
        c.composer().document().load(Templates.quickstart().withName("third"), null);
        assertNull(c.selectedWireProperty().get(), "nor a wire");
    }

    @Test
    void aDeepNetworkIsWrappedIntoColumnsToFitALandscapeView() {
        CanvasViewModel c = canvas();
        c.applyTemplate("Small ResNet");
        java.util.List<LayerSpec> many = new java.util.ArrayList<>(c.composer().document().get().network().layers());
        for (int i = 0; i < 8; i++) many.add(1, LayerSpec.of("residual").withChannels(16).withStride(1));
        c.composer().document().edit("deep", e -> e.withNetwork(e.network().withLayers(many)));
        double[] b = c.bounds();
        assertTrue(b[2] - b[0] > 2 * NodeBox.WIDTH, "more than one column: " + java.util.Arrays.toString(b));
        assertTrue((b[2] - b[0]) / (b[3] - b[1]) > 0.5, java.util.Arrays.toString(b));
    }

    @Test
    void droppingOnAWireInsertsThereAndIsOneUndoableEdit() {
        CanvasViewModel c = canvas();
        NodeBox a = c.boxes().get("1"), b = c.boxes().get("2");
        GraphEdge wire = c.wireNear(a.centerX(), (a.bottom() + b.y()) / 2, 10);
        assertEquals("1", wire.from());
        assertTrue(c.dropOnWire(wire, "dropout"));
        assertEquals(List.of("flatten", "linear", "dropout", "linear", "output"), types(c));
        assertEquals(List.of("2"), List.copyOf(c.selected()));
        c.composer().document().undo();
        assertEquals(List.of("flatten", "linear", "linear", "output"), types(c));
        assertNull(c.wireNear(a.centerX() + 500, a.bottom(), 10), "nothing within reach");
    }

    @Test
    void multiSelectDeleteCopyPasteAndKeyboardNavigation() {
        CanvasViewModel c = canvas();
        c.navigate(CanvasViewModel.Direction.DOWN);
        assertEquals("input", c.primary());
        c.navigate(CanvasViewModel.Direction.DOWN);
        c.navigate(CanvasViewModel.Direction.DOWN);
        assertEquals("1", c.primary());
        assertEquals(1, c.composer().selectedProperty().get());
        c.click("2", true);
        assertEquals(List.of(1, 2), List.copyOf(c.composer().selection()));
        assertEquals(2, c.copySelection());
        assertTrue(c.paste());
        assertEquals(List.of("flatten", "linear", "linear", "linear", "linear", "output"), types(c));
        assertEquals(List.of("3", "4"), List.copyOf(c.selected()).stream().sorted().toList());
        assertTrue(c.deleteSelection());
        assertEquals(List.of("flatten", "linear", "linear", "output"), types(c));
        c.navigate(CanvasViewModel.Direction.UP);
        c.composer().document().undo();
        c.composer().document().undo();
        assertEquals(Templates.quickstart(), c.composer().document().get());
    }

    @Test
    void thePropertySheetEditsEverySelectedLayerAndShowsMixedValues() {
        CanvasViewModel c = canvas();
        c.click("1", false);
        assertTrue(c.composer().setField(1, LayerField.WEIGHT_STATES, "4"));
        c.click("2", true);
        FieldItem ws = c.composer().fields().stream().filter(f -> f.field() == LayerField.WEIGHT_STATES).findFirst().orElseThrow();
        assertTrue(ws.mixed());
        assertTrue(c.composer().setFieldOnSelection(LayerField.NORM, "bn"));
        assertEquals("bn", c.composer().layer(1).norm());
        assertEquals("bn", c.composer().layer(2).norm());
        assertEquals(null, c.composer().layer(3).norm());
        c.composer().document().undo();
        assertEquals(null, c.composer().layer(2).norm());
    }

    @Test
    void impossibleWiresAreRefusedWithTheReason() {
        CanvasViewModel c = canvas();
        assertTrue(c.connectRefusal("2", "2").contains("cannot be its own input"), c.connectRefusal("2", "2"));
        assertTrue(c.connectRefusal("3", "1").contains("output node"), c.connectRefusal("3", "1"));
        assertTrue(c.connectRefusal("2", "1").contains("cycle"), c.connectRefusal("2", "1"));
        assertEquals("already connected", c.connectRefusal("1", "2"));
        c.composer().insert(1, "conv2d");
        String why = c.connectRefusal("input", "2");
        assertNotNull(why);
        assertFalse(c.connect("2", "2"));
        assertTrue(c.composer().messageProperty().get().contains("own input"));
    }

    /**
     * A wire into a full port is refused with what the node takes, under that node: the message read "needs 1 input,
     * has 2" (the network with the wire) and showed under whichever node was selected.
     */
    @Test
    void aWireIntoAFullPortSaysSoUnderThatNode() {
        CanvasViewModel c = canvas();
        c.click("1", false);
        assertFalse(c.connect("1", "3"));
        String msg = c.composer().messageProperty().get();
        assertTrue(msg.contains("takes one input and has it already"), msg);
        assertFalse(msg.contains("has 2"), msg);
        assertEquals(3, c.composer().selectedProperty().get(), "the message belongs to the node the wire went into");
    }

    @Test
    void fitShowsTheWholeNetworkCentred() {
        CanvasViewModel c = canvas();
        c.fit(400, 300);
        double[] b = c.bounds();
        Viewport v = c.viewport();
        double z = v.zoom();
        assertTrue(z < 1);
        double left = b[0] * z + v.panXProperty().get(), top = b[1] * z + v.panYProperty().get();
        double right = b[2] * z + v.panXProperty().get(), bottom = b[3] * z + v.panYProperty().get();
        assertTrue(left >= 0 && top >= 0 && right <= 400 && bottom <= 300, left + " " + top + " " + right + " " + bottom);
        assertEquals(400 - right, left, 1e-6);
        v.zoomAt(2, 100, 50);
        assertEquals(v.worldX(100), (100 - v.panXProperty().get()) / v.zoom(), 1e-9);
    }
}
