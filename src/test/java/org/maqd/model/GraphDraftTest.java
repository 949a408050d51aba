package org.maqd.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GraphDraftTest {
    private static LayerSpec node(String id, LayerSpec s, String... inputs) { return s.withId(id).withInputs(List.of(inputs)); }

    private static NetworkSpec graph(LayerSpec... nodes) {
        return NetworkSpec.graph(List.of(1, 8, 8), null, List.of(nodes));
    }

    @Test
    void aValidNetworkGivesTheGraphsShapes() {
        NetworkSpec r = NetworkTemplates.resnet(List.of(1, 28, 28), 10, 8, 16, false);
        Map<String, GraphDraft.Node> d = GraphDraft.of(r);
        NetworkGraph g = NetworkGraph.of(NetworkResolver.resolve(r), false);
        assertEquals(g.nodes().size(), d.size());
        for (NetworkGraph.Node n : g.nodes()) assertArrayEquals(n.outShape(), d.get(n.id()).outShape());
        assertTrue(d.values().stream().allMatch(GraphDraft.Node::ok));
        assertArrayEquals(new int[] {784}, GraphDraft.of(NetworkTemplates.mlp(List.of(1, 28, 28), 10)).get("layers.0").outShape());
    }

    @Test
    void everyProblemStaysOnItsNodeAndTheOtherShapesAreKept() {
        Map<String, GraphDraft.Node> d = GraphDraft.of(graph(
                node("a", LayerSpec.conv(4, 3, 1, 1), "input"),
                node("free", LayerSpec.linear(8)),                       // not wired yet
                node("b", LayerSpec.conv(4, 3, 1, 1), "a", "input"),     // two inputs into a conv
                node("sum", LayerSpec.of("add"), "a", "input"),          // [4,8,8] + [1,8,8]
                node("c1", LayerSpec.conv(4, 3, 1, 1), "c2"),
                node("c2", LayerSpec.conv(4, 3, 1, 1), "c1"),
                node("f", LayerSpec.of("flatten"), "a"),
                node("out", LayerSpec.output(10), "f")));
        assertArrayEquals(new int[] {4, 8, 8}, d.get("a").outShape());
        assertArrayEquals(new int[] {256}, d.get("f").outShape());
        assertEquals(GraphDraft.Issue.NONE, d.get("out").issue());
        assertEquals(GraphDraft.Issue.MISSING_INPUT, d.get("free").issue());
        assertEquals("node free (linear): not connected — no input is wired into it", d.get("free").error());
        assertEquals(GraphDraft.Issue.PORT_FULL, d.get("b").issue());
        assertEquals("node b (conv2d): needs 1 input, has 2", d.get("b").error());
        assertEquals(GraphDraft.Issue.SHAPE, d.get("sum").issue());
        assertEquals("inputs [4, 8, 8] and [1, 8, 8] differ (ports 1 and 2)", d.get("sum").error());
        assertEquals(GraphDraft.Issue.CYCLE, d.get("c1").issue());
        assertTrue(d.get("c1").error().contains("its inputs form a cycle (c1 → c2 → c1)"), d.get("c1").error());
        assertTrue(d.get("free").issue().unfinished() && !d.get("b").issue().unfinished());
    }

    @Test
    void aNodeWhoseResultLeadsNowhereIsUnusedButKeepsItsShape() {
        Map<String, GraphDraft.Node> d = GraphDraft.of(graph(
                node("f", LayerSpec.of("flatten"), "input"),
                node("side", LayerSpec.linear(8), "f"),
                node("out", LayerSpec.output(10), "f")));
        assertEquals(GraphDraft.Issue.UNUSED, d.get("side").issue());
        assertArrayEquals(new int[] {8}, d.get("side").outShape());
        assertNull(d.get("out").error());
        List<LayerSpec> nodes = new ArrayList<>(List.of(node("f", LayerSpec.of("flatten"), "input"), node("out", LayerSpec.output(10), "f")));
        assertTrue(GraphDraft.of(graph(nodes.toArray(LayerSpec[]::new))).values().stream().allMatch(GraphDraft.Node::ok));
    }

    @Test
    void anOutputFeedingANodeIsShownOnThatNodeWhereverItStandsAndSortedSaysTheSame() {
        LayerSpec[] nodes = {
                node("f", LayerSpec.of("flatten"), "input"),
                node("out", LayerSpec.output(10), "f"),
                node("after", LayerSpec.linear(8), "out")};   // the logits feed a node later in the file
        Map<String, GraphDraft.Node> d = GraphDraft.of(graph(nodes));
        assertEquals(GraphDraft.Issue.OTHER, d.get("after").issue());
        assertEquals("node out: the output node's logits cannot feed node after", d.get("after").error());
        NetworkGraph.GraphException e = org.junit.jupiter.api.Assertions.assertThrows(NetworkGraph.GraphException.class,
                () -> NetworkGraph.sorted(List.of(nodes)));
        assertEquals(d.get("after").error(), e.getMessage());
        assertEquals("network.nodes[1]", e.field());
    }
}
