package org.maqd.ui.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.maqd.experiment.Experiment;
import org.maqd.experiment.ExperimentIO;
import org.maqd.model.LayerSpec;
import org.maqd.model.NetworkSpec;
import org.maqd.ui.engine.EngineExperimentFiles;
import org.maqd.ui.engine.EngineNetworkAnalyzer;

/** The canvas edits graphs: wires make a chain a graph, refusals come from the engine, every edit undoes. */
class GraphEditingTest {
    @BeforeAll
    static void loadLayoutLibrary() { LayeredLayout.warmUp(); }

    private static CanvasViewModel canvas(Experiment e) {
        ExperimentDocument doc = new ExperimentDocument(new EngineExperimentFiles(), e, null);
        return new CanvasViewModel(new ComposerViewModel(doc, new EngineNetworkAnalyzer()));
    }

    private static NetworkSpec net(CanvasViewModel c) { return c.composer().document().get().network(); }

    private static String id(CanvasViewModel c, int i) { return net(c).all().get(i).id(); }

    @Test
    void aWireThatMakesAChainNonLinearTurnsItIntoNodesAndUndoTurnsItBack() throws Exception {
        CanvasViewModel c = canvas(Templates.quickstart());   // flatten, linear, linear, output
        NetworkSpec chain = net(c);
        assertTrue(c.dropOnWire(c.composer().graph().into("3").get(0), "add"));   // linear → add → output
        assertFalse(net(c).isGraph(), "a drop on a chain's wire keeps it a chain");
        assertNull(c.connectRefusal("1", "3"), "the first linear's [256] fits the add's [256]");
        assertTrue(c.connect("1", "3"));
        NetworkSpec g = net(c);
        assertTrue(g.isGraph());
        assertEquals(List.of("flatten", "linear", "linear_2", "add", "output"), g.nodes().stream().map(LayerSpec::id).toList());
        assertEquals(List.of("linear_2", "linear"), g.nodes().get(3).inputs());
        assertTrue(c.composer().graph().layerNode(3).ok());
        assertEquals(2, c.composer().graph().into("3").size(), "two wires into the add");
        // the edited experiment is one the engine accepts and trains
        ExperimentIO.parse(ExperimentIO.toJson(c.composer().document().get()), "edited.json");
        c.composer().document().undo();
        assertEquals(chain.withLayers(net(c).layers()), net(c));
        assertFalse(net(c).isGraph());
    }

    @Test
    void refusalsAreTheEnginesMessagesForPortCycleAndShape() {
        CanvasViewModel c = canvas(Templates.quickstart());
        assertTrue(c.connectRefusal("0", "2").startsWith("port full: node linear_2 (linear) takes one input and has it already"), c.connectRefusal("0", "2"));
        assertTrue(c.connectRefusal("2", "1").contains("its inputs form a cycle (linear → linear_2 → linear)"), c.connectRefusal("2", "1"));
        assertTrue(c.dropOnWire(c.composer().graph().into("3").get(0), "add"));
        String why = c.connectRefusal("0", "3");
        assertEquals("inputs [256] and [784] differ (ports 1 and 2)", why);
        var before = c.composer().document().get();
        assertFalse(c.connect("0", "3"));
        assertEquals(before, c.composer().document().get(), "a refused wire changes nothing");
        assertTrue(c.composer().messageProperty().get().contains("[784] differ"));
    }

    @Test
    void aFreeNodeIsUnfinishedNotAnErrorAndTheOtherShapesStay() {
        CanvasViewModel c = canvas(Templates.quickstart());
        assertTrue(c.dropAt(400, 50, "linear"));
        ComposerGraph g = c.composer().graph();
        GraphNode free = g.layerNode(4);
        assertTrue(free.unfinished(), free.error());
        assertTrue(free.error().endsWith("not connected — no input is wired into it"), free.error());
        assertEquals("[256]", g.layerNode(2).shape(), "the rest of the network keeps its shapes");
        assertEquals(List.of(400.0, 50.0), net(c).nodes().get(4).pos());
        assertEquals(400, c.boxes().get("4").x(), 1e-9, "placed where it was dropped");
        assertNull(c.connectRefusal("0", "4"));
        assertTrue(c.connect("0", "4"));   // flatten feeds the new linear, which feeds nothing yet
        GraphNode wired = c.composer().graph().layerNode(4);
        assertTrue(wired.unfinished() && wired.error().contains("unused"), wired.error());
        assertEquals("[128]", wired.shape());
    }

    @Test
    void deletingAWireOrANodeKeepsThePathWholeAndUndoes() {
        CanvasViewModel c = canvas(canvas(Templates.quickstart()).composer().document().get()
                .withNetwork(Templates.network(Templates.RESNET, 8)));
        NetworkSpec before = net(c);
        int conv1 = GraphEdits.indexOf(before, "s1.b1.conv1");
        c.click(String.valueOf(conv1), false);
        assertTrue(c.deleteSelection());
        NetworkSpec after = net(c);
        assertEquals(List.of("stem"), after.nodes().get(GraphEdits.indexOf(after, "s1.b1.conv2")).inputs(), "its consumer is fed by its input");
        c.composer().document().undo();
        assertEquals(before, net(c));
        GraphEdge wire = c.composer().graph().into(String.valueOf(GraphEdits.indexOf(before, "s1.b1"))).get(1);
        c.selectWire(wire);
        assertTrue(c.deleteSelection());
        LayerSpec add = net(c).nodes().get(GraphEdits.indexOf(before, "s1.b1"));
        assertEquals(1, add.inputs().size());
        assertTrue(c.composer().graph().layerNode(GraphEdits.indexOf(before, "s1.b1")).unfinished());
        c.composer().document().undo();
        assertEquals(before, net(c));
    }

    @Test
    void movedNodesKeepTheirPlaceInTheFileAndOnOpen() throws Exception {
        CanvasViewModel c = canvas(Templates.quickstart());
        assertTrue(c.place(Map.of("2", new double[] {333.3, 444.4})));
        assertEquals(List.of(333.3, 444.4), net(c).layers().get(2).pos(), "a chain layer keeps pos too");
        assertEquals(333.3, c.boxes().get("2").x(), 1e-9);
        String json = ExperimentIO.toJson(c.composer().document().get());
        assertTrue(json.contains("\"pos\""), json);
        CanvasViewModel reopened = canvas(ExperimentIO.parse(json, "moved.json"));
        assertEquals(444.4, reopened.boxes().get("2").y(), 1e-9, "restored on open");
        assertTrue(reopened.boxes().get("1").x() != 333.3, "the others are laid out");
        c.composer().document().undo();
        assertNull(net(c).layers().get(2).pos());
    }

    @Test
    void theResnetTemplateIsAGraphOfTheEnginesTemplateWithDepthAsASetting() {
        CanvasViewModel c = canvas(Templates.quickstart());
        assertTrue(c.applyTemplate(Templates.RESNET, 20));
        NetworkSpec n = net(c);
        assertTrue(n.isGraph());
        assertEquals(org.maqd.model.NetworkTemplates.resnet(List.of(1, 28, 28), 10, 20, 16, false), n);
        assertEquals(n.nodes().size() + 1, c.composer().graph().nodes().size());
        assertTrue(c.composer().graph().nodes().stream().allMatch(GraphNode::ok));
        assertEquals(-1, c.composer().cost().firstError());
        assertTrue(c.applyTemplate(Templates.RESNET, 8));
        assertTrue(net(c).nodes().size() < n.nodes().size());
        assertNotNull(c.composer().graph().node(String.valueOf(GraphEdits.indexOf(net(c), "s3.b1.shortcut"))));
    }

    @Test
    void theLayoutRoutesEveryWireFromItsOutputPortToItsInputPort() {
        CanvasViewModel c = canvas(Templates.quickstart());
        assertTrue(c.applyTemplate(Templates.RESNET, 20));
        for (GraphEdge e : c.composer().graph().edges()) {
            double[] r = c.route(e);
            assertNotNull(r, "wire " + e);
            NodeBox a = c.boxes().get(e.from()), b = c.boxes().get(e.to());
            assertEquals(a.centerX(), r[0], 1e-6);
            assertEquals(a.bottom(), r[1], 1e-6);
            assertEquals(b.centerX(), r[r.length - 2], 1e-6);
            assertEquals(b.y(), r[r.length - 1], 1e-6);
        }
        // a moved node's wires are drawn as curves to where it now is
        GraphEdge first = c.composer().graph().edges().get(0);
        assertTrue(c.place(Map.of(first.to(), new double[] {900, 900})));
        assertNull(c.route(c.composer().graph().edges().get(0)));
    }

    @Test
    void thePropertySheetAndBulkEditActOnGraphNodes() {
        CanvasViewModel c = canvas(Templates.quickstart());
        assertTrue(c.applyTemplate(Templates.RESNET, 8));
        int a = GraphEdits.indexOf(net(c), "s1.b1.conv1"), b = GraphEdits.indexOf(net(c), "s2.b1.conv2");
        c.click(String.valueOf(a), false);
        c.click(String.valueOf(b), true);
        FieldItem ws = c.composer().fields().stream().filter(f -> f.field() == LayerField.WEIGHT_STATES).findFirst().orElseThrow();
        assertEquals("3", ws.value(), "the resolved default of both nodes");
        assertTrue(c.composer().setFieldOnSelection(LayerField.WEIGHT_STATES, "4"));
        assertEquals(4, net(c).nodes().get(a).weightStates());
        assertEquals(4, net(c).nodes().get(b).weightStates());
        assertTrue(net(c).isGraph(), "a field edit keeps the graph a graph");
        assertEquals(9, c.composer().bulkHidden(LayerField.NORM, "bn"), "stem, 6 convs and 2 shortcuts");
        assertTrue(net(c).nodes().stream().filter(LayerSpec::isBlock).allMatch(l -> "bn".equals(l.norm())));
        c.composer().document().undo();
        c.composer().document().undo();
        assertNull(net(c).nodes().get(a).weightStates());
    }
}
