package org.maqd.ui.vm;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.core.options.PortConstraints;
import org.eclipse.elk.core.options.PortSide;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.ElkPort;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Places the canvas nodes with ELK's layered (Sugiyama) algorithm, top to bottom, then puts the nodes the user
 * moved where the user left them. Plain Java: runs headless and in tests.
 */
public final class LayeredLayout {
    /** Width over height the layout aims for (the canvas is landscape). */
    static final double ASPECT = 1.6;
    /** Networks of up to this many nodes stay in one column. */
    static final int WRAP_AFTER = 10;
    private static volatile boolean ready;

    private LayeredLayout() {}

    /**
     * Loads ELK (about a second of class loading on a quiet machine, several on a busy one); call it off the UI
     * thread. Until it has run, {@link #column} places the nodes.
     */
    public static synchronized boolean warmUp() {
        if (!ready) {
            LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
            // a three-node chain runs every phase once, so the first real layout does not load classes
            GraphNode a = new GraphNode("a", 0, "linear", "", "", "", "", null, 1, true, "", null);
            GraphNode b = new GraphNode("b", 1, "linear", "", "", "", "", null, 1, true, "", null);
            GraphNode c = new GraphNode("c", 2, "output", "", "", "", "", null, 1, false, "", null);
            elk(new ComposerGraph(java.util.List.of(a, b, c), java.util.List.of(new GraphEdge("a", "b", 0, "", 1),
                    new GraphEdge("b", "c", 0, "", 2))), Map.of());
            ready = true;
        }
        return true;
    }

    public static boolean ready() { return ready; }

    /** A placeholder while ELK loads: the nodes stacked in graph order, the moved ones where the user left them. */
    public static Map<String, NodeBox> column(ComposerGraph g, Map<String, double[]> moved) {
        Map<String, NodeBox> out = new LinkedHashMap<>();
        double y = 0;
        for (GraphNode n : g.nodes()) {
            NodeBox b = NodeBox.sized(n).at(0, y);
            double[] at = moved == null ? null : moved.get(n.id());
            out.put(n.id(), at == null || at.length < 2 ? b : b.at(at[0], at[1]));
            y += b.h() + 36;
        }
        return out;
    }

    public static Map<String, NodeBox> layout(ComposerGraph g, Map<String, double[]> moved) {
        return layoutWithRoutes(g, moved, new HashMap<>());
    }

    /**
     * Lays the graph out; {@code routes} receives ELK's route of each wire (x0, y0, x1, y1, … from the output port to
     * the input port, in world units), except wires of nodes the user moved (they are drawn as plain curves).
     */
    public static Map<String, NodeBox> layoutWithRoutes(ComposerGraph g, Map<String, double[]> moved, Map<GraphEdge, double[]> routes) {
        if (!ready) warmUp();
        return elk(g, moved, routes);
    }

    private static Map<String, NodeBox> elk(ComposerGraph g, Map<String, double[]> moved) { return elk(g, moved, new HashMap<>()); }

    private static Map<String, NodeBox> elk(ComposerGraph g, Map<String, double[]> moved, Map<GraphEdge, double[]> routes) {
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.DIRECTION, Direction.DOWN);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 36.0);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE, 40.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 20.0);
        if (g.nodes().size() > WRAP_AFTER) {
            // a deep network is wrapped into side-by-side columns, so it fits a landscape view
            root.setProperty(LayeredOptions.WRAPPING_STRATEGY, org.eclipse.elk.alg.layered.options.WrappingStrategy.MULTI_EDGE);
            root.setProperty(LayeredOptions.ASPECT_RATIO, ASPECT);
        }
        Map<String, ElkNode> elk = new HashMap<>();
        Map<String, ElkPort[]> ports = new HashMap<>();
        for (GraphNode n : g.nodes()) {
            ElkNode e = ElkGraphUtil.createNode(root);
            NodeBox size = NodeBox.sized(n);
            e.setDimensions(size.w(), size.h());
            // wires leave at the bottom centre and arrive at the top centre, where the canvas draws the ports
            e.setProperty(CoreOptions.PORT_CONSTRAINTS, PortConstraints.FIXED_POS);
            ElkPort in = ElkGraphUtil.createPort(e), out = ElkGraphUtil.createPort(e);
            in.setLocation(size.w() / 2, 0);
            in.setProperty(CoreOptions.PORT_SIDE, PortSide.NORTH);
            out.setLocation(size.w() / 2, size.h());
            out.setProperty(CoreOptions.PORT_SIDE, PortSide.SOUTH);
            elk.put(n.id(), e);
            ports.put(n.id(), new ElkPort[] {in, out});
        }
        Map<GraphEdge, ElkEdge> edges = new HashMap<>();
        for (GraphEdge e : g.edges()) {
            ElkPort[] a = ports.get(e.from()), b = ports.get(e.to());
            if (a != null && b != null) edges.put(e, ElkGraphUtil.createSimpleEdge(a[1], b[0]));
        }
        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
        edges.forEach((ge, ee) -> {
            if (moved != null && (moved.containsKey(ge.from()) || moved.containsKey(ge.to())) || ee.getSections().isEmpty()) return;
            ElkEdgeSection sec = ee.getSections().get(0);
            double[] pts = new double[4 + 2 * sec.getBendPoints().size()];
            pts[0] = sec.getStartX();
            pts[1] = sec.getStartY();
            int k = 2;
            for (ElkBendPoint p : sec.getBendPoints()) {
                pts[k++] = p.getX();
                pts[k++] = p.getY();
            }
            pts[k++] = sec.getEndX();
            pts[k] = sec.getEndY();
            routes.put(ge, pts);
        });
        Map<String, NodeBox> out = new LinkedHashMap<>();
        for (GraphNode n : g.nodes()) {
            ElkNode e = elk.get(n.id());
            double[] at = moved == null ? null : moved.get(n.id());
            NodeBox box = new NodeBox(e.getX(), e.getY(), e.getWidth(), e.getHeight());
            out.put(n.id(), at == null || at.length < 2 ? box : box.at(at[0], at[1]));
        }
        return out;
    }
}
