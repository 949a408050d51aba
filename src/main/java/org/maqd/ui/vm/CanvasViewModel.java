package org.maqd.ui.vm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import org.maqd.model.LayerSpec;

/**
 * The composer canvas: the network graph laid out in layers, the selected nodes, the camera, and the canvas
 * commands (select, navigate with the keyboard, delete, copy and paste, drop a layer on a wire, connect ports).
 * Every change to the network goes through the {@link ComposerViewModel}, so it is one undoable edit.
 */
public final class CanvasViewModel {
    public enum Direction { UP, DOWN, LEFT, RIGHT }

    private final ComposerViewModel composer;
    private final Viewport viewport = new Viewport();
    private final ReadOnlyObjectWrapper<Map<String, NodeBox>> boxes = new ReadOnlyObjectWrapper<>(Map.of());
    private final ObservableSet<String> selected = FXCollections.observableSet(new LinkedHashSet<>());
    private final ReadOnlyIntegerWrapper fitRequests = new ReadOnlyIntegerWrapper();
    /**
     * Counts the layouts: a view redraws on it, not on {@link #boxesProperty} alone, since an edit that changes a
     * card's text (units, states, norm) or a newly opened network of the same shape gives equal boxes, and a
     * property does not report a value equal to the last.
     */
    private final ReadOnlyIntegerWrapper layouts = new ReadOnlyIntegerWrapper();
    private final javafx.beans.property.ReadOnlyBooleanWrapper laidOut = new javafx.beans.property.ReadOnlyBooleanWrapper();
    private final Connections connections;
    private final ReadOnlyObjectWrapper<GraphEdge> selectedWire = new ReadOnlyObjectWrapper<>();
    /** The layout's route of each wire (x0, y0, x1, y1, …), set with the boxes; wires without one are curves. */
    private Map<GraphEdge, double[]> routes = Map.of();
    private List<LayerSpec> clipboard = List.of();
    private boolean syncing;
    /** The positions the current layout used (an edit that only moves nodes relays out without a new graph). */
    private Map<String, List<Double>> laidOutWith = Map.of();

    public CanvasViewModel(ComposerViewModel composer) {
        this.composer = composer;
        this.connections = new Connections(composer);
        composer.graphProperty().addListener((o, a, g) -> {
            if (selectedWire.get() != null && !g.edges().contains(selectedWire.get())) selectedWire.set(null);
            relayout(a == null || a.nodes().size() <= 1);
        });
        composer.document().experimentProperty().addListener((o, a, b) -> {
            if (!key(placed()).equals(laidOutWith)) relayout(false);
        });
        composer.selection().addListener((javafx.collections.ListChangeListener<Integer>) c -> fromComposer());
        composer.document().loadsProperty().addListener((o, a, b) -> {
            selectedWire.set(null);
            fitRequests.set(fitRequests.get() + 1);
        });
        selected.addListener((SetChangeListener<String>) c -> toComposer());
        relayout(true);
        fromComposer();
    }

    private void relayout(boolean fit) {
        boolean elk = LayeredLayout.ready();
        Map<String, double[]> moved = placed();
        laidOutWith = key(moved);
        Map<GraphEdge, double[]> r = new java.util.HashMap<>();
        Map<String, NodeBox> b = elk ? LayeredLayout.layoutWithRoutes(composer.graph(), moved, r) : LayeredLayout.column(composer.graph(), moved);
        routes = Map.copyOf(r);
        boxes.set(b);
        laidOut.set(elk);
        layouts.set(layouts.get() + 1);
        if (fit) fitRequests.set(fitRequests.get() + 1);
    }

    private static Map<String, List<Double>> key(Map<String, double[]> m) {
        Map<String, List<Double>> k = new java.util.HashMap<>();
        m.forEach((id, p) -> k.put(id, List.of(p[0], p[1])));
        return k;
    }

    /** Where the user put nodes ({@code pos} in the experiment file), by node id. */
    private Map<String, double[]> placed() {
        Map<String, double[]> out = new java.util.HashMap<>();
        var net = composer.document().get().network();
        List<LayerSpec> all = net == null ? List.of() : net.all();
        for (int i = 0; i < all.size(); i++) {
            List<Double> p = all.get(i).pos();
            if (p != null && p.size() == 2) out.put(String.valueOf(i), new double[] {p.get(0), p.get(1)});
        }
        return out;
    }

    /** Keeps where the user dragged nodes (node id → top-left corner in world units) in the experiment, one edit. */
    public boolean place(Map<String, double[]> at) {
        Map<Integer, double[]> byIndex = new java.util.HashMap<>();
        at.forEach((id, p) -> {
            GraphNode n = composer.graph().node(id);
            if (n != null && !n.isInput()) byIndex.put(n.layer(), p);
        });
        return composer.place(byIndex);
    }

    /** Loads the layout library off the UI thread, then lays the network out with it (a column until then). */
    public void setUiExecutor(java.util.concurrent.Executor ui) {
        if (LayeredLayout.ready()) relayout(false);
        else BackgroundTask.start("maqd-layout", LayeredLayout::warmUp, ui, (ok, err) -> relayout(true));
    }

    /** Selects a node (additive: toggles it in the selection). */
    public void click(String id, boolean additive) {
        selectedWire.set(null);
        if (!additive) selected.clear();
        if (additive && selected.contains(id)) selected.remove(id);
        else {
            selected.remove(id);
            selected.add(id);
        }
    }

    public void selectAll() {
        selected.clear();
        for (GraphNode n : composer.graph().nodes()) if (!n.isInput()) selected.add(n.id());
    }

    public void clearSelection() { selected.clear(); }

    /** The last node selected, or null. */
    public String primary() {
        String last = null;
        for (String s : selected) last = s;
        return last;
    }

    /** Moves the selection to the neighbour in a direction: along the wires up and down, across a layer left and right. */
    public void navigate(Direction d) {
        ComposerGraph g = composer.graph();
        String from = primary();
        if (from == null || g.node(from) == null) {
            click(GraphNode.INPUT, false);
            return;
        }
        String to = null;
        if (d == Direction.DOWN) to = g.from(from).stream().map(GraphEdge::to).findFirst().orElse(null);
        else if (d == Direction.UP) to = g.into(from).stream().map(GraphEdge::from).findFirst().orElse(null);
        else {
            NodeBox b = boxes.get().get(from);
            int sign = d == Direction.RIGHT ? 1 : -1;
            to = boxes.get().entrySet().stream()
                    .filter(e -> sign * (e.getValue().centerX() - b.centerX()) > 1)
                    .min(Comparator.comparingDouble(e -> Math.abs(e.getValue().centerX() - b.centerX())
                            + 2 * Math.abs(e.getValue().centerY() - b.centerY())))
                    .map(Map.Entry::getKey).orElse(null);
        }
        if (to != null) click(to, false);
    }

    /** Deletes the selected wire, or else the selected nodes (one edit). */
    public boolean deleteSelection() {
        GraphEdge w = selectedWire.get();
        if (w != null) {
            selectedWire.set(null);
            return connections.disconnect(w);
        }
        return composer.removeAll(selectedLayers());
    }

    /** Selects a wire (Delete then removes it); null clears. */
    public void selectWire(GraphEdge e) {
        if (e != null) selected.clear();
        selectedWire.set(e);
    }

    public ReadOnlyObjectProperty<GraphEdge> selectedWireProperty() { return selectedWire.getReadOnlyProperty(); }

    public int copySelection() {
        List<LayerSpec> c = new ArrayList<>();
        for (int i : selectedLayers()) c.add(composer.layer(i));
        if (!c.isEmpty()) clipboard = List.copyOf(c);
        return c.size();
    }

    /** Pastes the copied layers after the last selected layer (at the end before the classifier when none is). */
    public boolean paste() {
        if (clipboard.isEmpty()) return false;
        List<Integer> sel = selectedLayers();
        if (composer.document().get().network().isGraph()) {
            String after = sel.isEmpty() ? (selected.contains(GraphNode.INPUT) ? GraphNode.INPUT : null) : String.valueOf(sel.get(sel.size() - 1));
            GraphEdge out = after == null ? composer.graph().edges().stream().filter(e -> !composer.graph().node(e.to()).output()).findFirst().orElse(null)
                    : composer.graph().from(after).stream().findFirst().orElse(null);
            return out != null && composer.insertOnWire(composer.graph().node(out.to()).layer(), out.port(), clipboard);
        }
        int n = composer.document().get().network().layers().size();
        int at = !sel.isEmpty() ? sel.get(sel.size() - 1) + 1 : selected.contains(GraphNode.INPUT) ? 0 : Math.max(0, n - 1);
        return composer.insertAll(at, clipboard);
    }

    /** Inserts a new layer of a kind on a wire. */
    public boolean dropOnWire(GraphEdge wire, String kind) {
        if (wire == null) return false;
        return composer.insertOnWire(composer.graph().node(wire.to()).layer(), wire.port(), kind);
    }

    /**
     * Adds a layer of a kind after the selected node, on its first outgoing wire (before the classifier when nothing
     * is selected).
     */
    public boolean addAfterSelection(String kind) {
        ComposerGraph g = composer.graph();
        String p = primary();
        GraphEdge wire = p == null ? null : g.from(p).stream().findFirst().orElse(null);
        if (wire == null) {
            wire = g.edges().stream().filter(e -> !g.node(e.to()).output()).findFirst()
                    .orElse(g.edges().isEmpty() ? null : g.edges().get(g.edges().size() - 1));
        }
        return wire != null ? dropOnWire(wire, kind) : dropAt(0, 0, kind);
    }

    /** Adds a node of a kind with no wires, its top-left corner at a world point (the network becomes a graph). */
    public boolean dropAt(double x, double y, String kind) { return composer.addFree(kind, x, y); }

    /** The wire nearest to a world point within {@code reach} world units, or null. */
    public GraphEdge wireNear(double x, double y, double reach) {
        GraphEdge best = null;
        double bestD = reach;
        for (GraphEdge e : composer.graph().edges()) {
            NodeBox a = boxes.get().get(e.from()), b = boxes.get().get(e.to());
            if (a == null || b == null) continue;
            double[] r = routes.get(e);
            double d = r != null ? routeDistance(x, y, r) : curveDistance(x, y, a.centerX(), a.bottom(), b.centerX(), b.y());
            if (d <= bestD) {
                bestD = d;
                best = e;
            }
        }
        return best;
    }

    /** Why a wire from {@code from}'s output to {@code to}'s input port is refused, or null when it can be made. */
    public String connectRefusal(String from, String to) { return connections.refusal(composer.graph(), from, to); }

    /** Connects two ports; false (with the reason as the composer message) when refused. */
    public boolean connect(String from, String to) { return connections.connect(composer.graph(), from, to); }

    /** Removes a wire (one edit). */
    public boolean disconnect(GraphEdge e) { return connections.disconnect(e); }

    /** The world box holding every node: minX, minY, maxX, maxY. */
    public double[] bounds() {
        double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (NodeBox n : boxes.get().values()) {
            b[0] = Math.min(b[0], n.x());
            b[1] = Math.min(b[1], n.y());
            b[2] = Math.max(b[2], n.x() + n.w());
            b[3] = Math.max(b[3], n.bottom());
        }
        return boxes.get().isEmpty() ? new double[] {0, 0, 1, 1} : b;
    }

    public void fit(double width, double height) {
        double[] b = bounds();
        viewport.fit(b[0], b[1], b[2], b[3], width, height, 16);
    }

    public boolean applyTemplate(String name) { return applyTemplate(name, Templates.DEFAULT_DEPTH); }

    public boolean applyTemplate(String name, int depth) {
        boolean ok = composer.applyTemplate(name, depth);
        if (ok) fitRequests.set(fitRequests.get() + 1);
        return ok;
    }

    private List<Integer> selectedLayers() {
        ComposerGraph g = composer.graph();
        List<Integer> out = new ArrayList<>();
        for (String id : selected) {
            GraphNode n = g.node(id);
            if (n != null && !n.isInput()) out.add(n.layer());
        }
        return out.stream().sorted().toList();
    }

    private void toComposer() {
        if (syncing) return;
        syncing = true;
        GraphNode p = primary() == null ? null : composer.graph().node(primary());
        List<Integer> layers = selectedLayers();
        if (p != null && p.isInput() && layers.isEmpty()) composer.selectInput();
        else composer.select(layers, p == null || p.isInput() ? -1 : p.layer());
        syncing = false;
    }

    private void fromComposer() {
        if (syncing) return;
        syncing = true;
        List<String> ids = new ArrayList<>();
        int primary = composer.selectedProperty().get();
        for (int i : composer.selection()) if (i != primary) ids.add(String.valueOf(i));
        if (primary >= 0 && composer.selection().contains(primary)) ids.add(String.valueOf(primary));
        boolean keepInput = selected.contains(GraphNode.INPUT) && ids.isEmpty();
        if (!keepInput) {
            selected.clear();
            selected.addAll(ids);
        }
        syncing = false;
    }

    /** The bend of a wire's curve (its control points are this far below its start and above its end). */
    public static double bend(double y1, double y2) { return Math.max(16, Math.abs(y2 - y1) / 2); }

    /** Distance from a point to the wire curve from (x1, y1) down to (x2, y2), over 24 straight pieces. */
    static double curveDistance(double px, double py, double x1, double y1, double x2, double y2) {
        double bend = bend(y1, y2), best = Double.MAX_VALUE, lx = x1, ly = y1;
        for (int k = 1; k <= 24; k++) {
            double t = k / 24.0, u = 1 - t;
            double cx = u * u * u * x1 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t * t * t * x2;
            double cy = u * u * u * y1 + 3 * u * u * t * (y1 + bend) + 3 * u * t * t * (y2 - bend) + t * t * t * y2;
            best = Math.min(best, segmentDistance(px, py, lx, ly, cx, cy));
            lx = cx;
            ly = cy;
        }
        return best;
    }

    static double routeDistance(double px, double py, double[] r) {
        double best = Double.MAX_VALUE;
        for (int k = 0; k + 3 < r.length; k += 2) best = Math.min(best, segmentDistance(px, py, r[k], r[k + 1], r[k + 2], r[k + 3]));
        return best;
    }

    static double segmentDistance(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax, dy = by - ay, len = dx * dx + dy * dy;
        double t = len == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len));
        return Math.hypot(px - ax - t * dx, py - ay - t * dy);
    }

    public ComposerViewModel composer() { return composer; }
    public Viewport viewport() { return viewport; }
    public ReadOnlyObjectProperty<Map<String, NodeBox>> boxesProperty() { return boxes.getReadOnlyProperty(); }
    public Map<String, NodeBox> boxes() { return boxes.get(); }
    /** The route of a wire as laid out (x0, y0, x1, y1, …), or null when it is drawn as a curve. */
    public double[] route(GraphEdge e) { return routes.get(e); }
    public ObservableSet<String> selected() { return selected; }
    /** True once the layout library placed the nodes (a plain column is shown while it loads). */
    public javafx.beans.property.ReadOnlyBooleanProperty laidOutProperty() { return laidOut.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty fitRequestsProperty() { return fitRequests.getReadOnlyProperty(); }
    /** Changes after every layout, whether or not the boxes moved: the graph's cards are to be drawn again. */
    public ReadOnlyIntegerProperty layoutsProperty() { return layouts.getReadOnlyProperty(); }
}
