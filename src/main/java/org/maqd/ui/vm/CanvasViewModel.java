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
    private final javafx.beans.property.ReadOnlyBooleanWrapper laidOut = new javafx.beans.property.ReadOnlyBooleanWrapper();
    private final Connections connections;
    private List<LayerSpec> clipboard = List.of();
    private boolean syncing;

    public CanvasViewModel(ComposerViewModel composer) {
        this.composer = composer;
        this.connections = new Connections(composer);
        composer.graphProperty().addListener((o, a, g) -> relayout(a == null || a.nodes().size() <= 1));
        composer.selection().addListener((javafx.collections.ListChangeListener<Integer>) c -> fromComposer());
        composer.document().loadsProperty().addListener((o, a, b) -> fitRequests.set(fitRequests.get() + 1));
        selected.addListener((SetChangeListener<String>) c -> toComposer());
        relayout(true);
        fromComposer();
    }

    private void relayout(boolean fit) {
        boolean elk = LayeredLayout.ready();
        boxes.set(elk ? LayeredLayout.layout(composer.graph(), Map.of()) : LayeredLayout.column(composer.graph(), Map.of()));
        laidOut.set(elk);
        if (fit) fitRequests.set(fitRequests.get() + 1);
    }

    /** Loads the layout library off the UI thread, then lays the network out with it (a column until then). */
    public void setUiExecutor(java.util.concurrent.Executor ui) {
        if (LayeredLayout.ready()) relayout(false);
        else BackgroundTask.start("maqd-layout", LayeredLayout::warmUp, ui, (ok, err) -> relayout(true));
    }

    /** Selects a node (additive: toggles it in the selection). */
    public void click(String id, boolean additive) {
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

    public boolean deleteSelection() { return composer.removeAll(selectedLayers()); }

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
        int n = composer.document().get().network().layers().size();
        int at = !sel.isEmpty() ? sel.get(sel.size() - 1) + 1 : selected.contains(GraphNode.INPUT) ? 0 : Math.max(0, n - 1);
        return composer.insertAll(at, clipboard);
    }

    /** Inserts a new layer of a kind on a wire. */
    public boolean dropOnWire(GraphEdge wire, String kind) {
        return composer.insert(wire == null ? composer.document().get().network().layers().size() : wire.insertAt(), kind);
    }

    /** The wire nearest to a world point within {@code reach} world units, or null. */
    public GraphEdge wireNear(double x, double y, double reach) {
        GraphEdge best = null;
        double bestD = reach;
        for (GraphEdge e : composer.graph().edges()) {
            NodeBox a = boxes.get().get(e.from()), b = boxes.get().get(e.to());
            if (a == null || b == null) continue;
            double d = segmentDistance(x, y, a.centerX(), a.bottom(), b.centerX(), b.y());
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

    public boolean applyTemplate(String name) {
        boolean ok = composer.applyTemplate(name);
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
        composer.select(selectedLayers(), p == null ? -1 : p.layer());
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

    static double segmentDistance(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax, dy = by - ay, len = dx * dx + dy * dy;
        double t = len == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len));
        return Math.hypot(px - ax - t * dx, py - ay - t * dy);
    }

    public ComposerViewModel composer() { return composer; }
    public Viewport viewport() { return viewport; }
    public ReadOnlyObjectProperty<Map<String, NodeBox>> boxesProperty() { return boxes.getReadOnlyProperty(); }
    public Map<String, NodeBox> boxes() { return boxes.get(); }
    public ObservableSet<String> selected() { return selected; }
    /** True once the layout library placed the nodes (a plain column is shown while it loads). */
    public javafx.beans.property.ReadOnlyBooleanProperty laidOutProperty() { return laidOut.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty fitRequestsProperty() { return fitRequests.getReadOnlyProperty(); }
}
