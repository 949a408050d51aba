package org.maqd.ui.view;

import java.util.HashMap;
import java.util.Map;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import org.maqd.ui.vm.CanvasViewModel;
import org.maqd.ui.vm.ComposerGraph;
import org.maqd.ui.vm.GraphEdge;
import org.maqd.ui.vm.GraphNode;
import org.maqd.ui.vm.NodeBox;

/**
 * The composer canvas: node cards and wires in a world group that the camera scales and moves (pan and zoom
 * change one transform, so they stay fluid on large graphs). Wheel zooms at the pointer, dragging the background
 * pans, dragging a node moves it (the place is kept in the experiment file), clicking a wire selects it, double-clicking
 * the input node puts the caret in the property sheet's input shape field, arrows walk
 * the graph, Delete, Ctrl+C, Ctrl+V and Ctrl+A act on the selection, F fits the network.
 */
public final class GraphCanvas extends Region {
    private final CanvasViewModel vm;
    private final Group world = new Group();
    private final Group wires = new Group(), cards = new Group(), overlay = new Group();
    private final Map<String, Region> nodeViews = new HashMap<>();
    private final Map<String, java.util.List<Node>> portViews = new HashMap<>();
    /** A node drag in progress: where it started (scene) and the nodes it moves. */
    private double dragX, dragY;
    private java.util.Set<String> dragging = java.util.Set.of();
    private boolean dragMoved;
    private final Wiring wiring;
    private double lastX, lastY;
    private boolean panning;
    /** What a double-click on the input node opens (the input shape field of the property sheet). */
    private Runnable openInput = () -> {};

    public GraphCanvas(CanvasViewModel vm) {
        this.vm = vm;
        setId("composerViewport");
        getStyleClass().add("graph-canvas");
        setFocusTraversable(true);
        world.getChildren().addAll(wires, cards, overlay);
        world.setManaged(false);
        getChildren().add(world);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        javafx.scene.transform.Translate pan = new javafx.scene.transform.Translate();
        pan.xProperty().bind(vm.viewport().panXProperty());
        pan.yProperty().bind(vm.viewport().panYProperty());
        javafx.scene.transform.Scale scale = new javafx.scene.transform.Scale();
        scale.xProperty().bind(vm.viewport().zoomProperty());
        scale.yProperty().bind(vm.viewport().zoomProperty());
        world.getTransforms().addAll(pan, scale);
        // while the camera moves, the world is drawn from a cached bitmap (a blit per frame instead of every card
        // and label); 250 ms after the last move it is drawn crisp again
        javafx.animation.PauseTransition settle = new javafx.animation.PauseTransition(javafx.util.Duration.millis(250));
        settle.setOnFinished(e -> world.setCache(false));
        javafx.beans.InvalidationListener moving = o -> {
            if (!world.isCache()) {
                world.setCacheHint(javafx.scene.CacheHint.SPEED);
                world.setCache(true);
            }
            settle.playFromStart();
        };
        vm.viewport().panXProperty().addListener(moving);
        vm.viewport().panYProperty().addListener(moving);
        vm.viewport().zoomProperty().addListener(moving);
        wiring = new Wiring(vm, this, overlay);
        vm.layoutsProperty().addListener((o, a, b) -> {
            rebuild();
            // a layer added or removed keeps the whole network in view until the user zooms or pans (not a moved card)
            int n = vm.composer().graph().nodes().size();
            if (n != nodesFitted) fitPending();
            nodesFitted = n;
        });
        vm.selected().addListener((javafx.collections.SetChangeListener<String>) c -> restyle());
        vm.selectedWireProperty().addListener((o, a, b) -> restyle());
        vm.fitRequestsProperty().addListener((o, a, b) -> fitWhenSized());
        widthProperty().addListener((o, a, b) -> fitPending());
        heightProperty().addListener((o, a, b) -> fitPending());
        setOnScroll(this::scroll);
        setOnMousePressed(this::pressed);
        setOnMouseDragged(this::dragged);
        setOnMouseReleased(e -> panning = false);
        addEventHandler(KeyEvent.KEY_PRESSED, this::key);
        rebuild();
    }

    /** The node count the view was last fitted for (a layout with another count refits). */
    private int nodesFitted = -1;

    /** True until the user zooms or pans: the network then stays fitted as the window is resized. */
    private boolean autoFit = true;

    private void fitWhenSized() {
        autoFit = true;
        fitPending();
    }

    private void fitPending() {
        if (autoFit && getWidth() > 1 && getHeight() > 1) vm.fit(getWidth(), getHeight());
    }

    /** Shows the whole network (and keeps it fitted while the window is resized). */
    public void fit() {
        autoFit = true;
        vm.fit(getWidth(), getHeight());
    }

    /** Zooms by a factor about the centre of the view. */
    public void zoom(double factor) {
        autoFit = false;
        vm.viewport().zoomAt(factor, getWidth() / 2, getHeight() / 2);
    }

    /** The world point under a scene point. */
    Point2D toWorld(double sceneX, double sceneY) {
        Point2D p = sceneToLocal(sceneX, sceneY);
        return new Point2D(vm.viewport().worldX(p.getX()), vm.viewport().worldY(p.getY()));
    }

    private void rebuild() {
        ComposerGraph g = vm.composer().graph();
        Map<String, NodeBox> boxes = vm.boxes();
        nodeViews.clear();
        portViews.clear();
        cards.getChildren().clear();
        drawWires(boxes);
        for (GraphNode n : g.nodes()) {
            NodeBox b = boxes.get(n.id());
            if (b == null) continue;
            Region card = NodeView.card(n, b);
            card.setOnMousePressed(e -> pressNode(n, e));
            card.setOnMouseDragged(this::dragNode);
            card.setOnMouseReleased(this::releaseNode);
            nodeViews.put(n.id(), card);
            cards.getChildren().add(card);
            java.util.List<Node> ports = wiring.ports(n, b);
            portViews.put(n.id(), ports);
            cards.getChildren().addAll(ports);
        }
        restyle();
    }

    private void drawWires(Map<String, NodeBox> boxes) {
        wires.getChildren().clear();
        java.util.Set<String> labelledFrom = new java.util.HashSet<>();
        for (GraphEdge e : vm.composer().graph().edges()) {
            NodeBox a = boxes.get(e.from()), b = boxes.get(e.to());
            if (a == null || b == null) continue;
            boolean dragged = dragging.contains(e.from()) || dragging.contains(e.to());
            double[] route = dragged ? null : vm.route(e);
            // routed wires of one node leave its port together: one label; a curve's label sits at its own middle
            boolean labelled = route == null || labelledFrom.add(e.from());
            Group w = WireView.of(e, a, b, route, labelled);
            if (labelled) w.setViewOrder(-1);   // in front: no unlabelled wire (a skip wire from the same port) crosses its label
            w.setOnMousePressed(ev -> {
                if (ev.getButton() != MouseButton.PRIMARY) return;
                vm.selectWire(e);
                requestFocus();
                ev.consume();
            });
            if (e.equals(vm.selectedWireProperty().get())) w.getStyleClass().add("selected");
            wires.getChildren().add(w);
        }
    }

    private void pressNode(GraphNode n, MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY) return;
        boolean additive = e.isShiftDown() || e.isShortcutDown();
        if (!(vm.selected().contains(n.id()) && !additive)) vm.click(n.id(), additive);
        dragging = vm.selected().contains(n.id()) ? java.util.Set.copyOf(vm.selected()) : java.util.Set.of(n.id());
        dragX = e.getSceneX();
        dragY = e.getSceneY();
        dragMoved = false;
        requestFocus();
        if (n.isInput() && e.getClickCount() == 2) openInput.run();
        e.consume();
    }

    /** Sets what a double-click on the input node does (the composer puts the caret in the input shape field). */
    public void setOnOpenInput(Runnable r) { openInput = r; }

    /** Moves the dragged nodes (their wires follow); the positions are kept when the mouse is released. */
    private void dragNode(MouseEvent e) {
        if (dragging.isEmpty()) return;
        double z = vm.viewport().zoom(), dx = (e.getSceneX() - dragX) / z, dy = (e.getSceneY() - dragY) / z;
        dragMoved |= Math.abs(dx) * z > 3 || Math.abs(dy) * z > 3;
        if (dragMoved) {
            for (String id : dragging) {
                Node card = nodeViews.get(id);
                if (card == null) continue;
                card.setTranslateX(dx);
                card.setTranslateY(dy);
                for (Node p : portViews.getOrDefault(id, java.util.List.of())) {
                    p.setTranslateX(dx);
                    p.setTranslateY(dy);
                }
            }
            drawWires(draggedBoxes(dx, dy));
        }
        e.consume();
    }

    private Map<String, NodeBox> draggedBoxes(double dx, double dy) {
        Map<String, NodeBox> m = new HashMap<>(vm.boxes());
        for (String id : dragging) {
            NodeBox b = m.get(id);
            if (b != null) m.put(id, b.at(b.x() + dx, b.y() + dy));
        }
        return m;
    }

    private void releaseNode(MouseEvent e) {
        if (dragging.isEmpty()) return;
        double z = vm.viewport().zoom(), dx = (e.getSceneX() - dragX) / z, dy = (e.getSceneY() - dragY) / z;
        java.util.Set<String> moved = dragging;
        dragging = java.util.Set.of();
        if (dragMoved) {
            Map<String, double[]> at = new HashMap<>();
            Map<String, NodeBox> boxes = draggedBoxes(0, 0);
            for (String id : moved) {
                NodeBox b = boxes.get(id);
                if (b != null && !GraphNode.INPUT.equals(id)) at.put(id, new double[] {b.x() + dx, b.y() + dy});
            }
            // after the scene has finished with this release: the edit rebuilds the cards, this one included
            javafx.application.Platform.runLater(() -> {
                if (!vm.place(at)) rebuild();
            });
        }
        e.consume();
    }

    private void restyle() {
        for (Node w : wires.getChildren()) {
            boolean sel = w.getProperties().get(GraphEdge.class) != null && w.getProperties().get(GraphEdge.class).equals(vm.selectedWireProperty().get());
            if (sel && !w.getStyleClass().contains("selected")) w.getStyleClass().add("selected");
            if (!sel) w.getStyleClass().remove("selected");
        }
        nodeViews.forEach((id, v) -> {
            if (vm.selected().contains(id)) {
                if (!v.getStyleClass().contains("selected")) v.getStyleClass().add("selected");
            } else v.getStyleClass().remove("selected");
        });
    }

    private void scroll(ScrollEvent e) {
        if (e.getDeltaY() == 0) return;
        Point2D p = sceneToLocal(e.getSceneX(), e.getSceneY());
        autoFit = false;
        vm.viewport().zoomAt(Math.pow(1.0015, e.getDeltaY()), p.getX(), p.getY());
        e.consume();
    }

    private void pressed(MouseEvent e) {
        requestFocus();
        if (e.isConsumed()) return;
        panning = true;
        lastX = e.getSceneX();
        lastY = e.getSceneY();
        if (e.getButton() == MouseButton.PRIMARY && !e.isShiftDown()) {
            vm.clearSelection();
            vm.selectWire(null);
        }
    }

    private void dragged(MouseEvent e) {
        if (!panning) return;
        autoFit = false;
        vm.viewport().panBy(e.getSceneX() - lastX, e.getSceneY() - lastY);
        lastX = e.getSceneX();
        lastY = e.getSceneY();
    }

    private void key(KeyEvent e) {
        if (e.getTarget() instanceof javafx.scene.control.TextInputControl) return;
        KeyCode k = e.getCode();
        boolean handled = true;
        if (k == KeyCode.DELETE || k == KeyCode.BACK_SPACE) vm.deleteSelection();
        else if (k == KeyCode.UP) vm.navigate(CanvasViewModel.Direction.UP);
        else if (k == KeyCode.DOWN) vm.navigate(CanvasViewModel.Direction.DOWN);
        else if (k == KeyCode.LEFT) vm.navigate(CanvasViewModel.Direction.LEFT);
        else if (k == KeyCode.RIGHT) vm.navigate(CanvasViewModel.Direction.RIGHT);
        else if (e.isShortcutDown() && k == KeyCode.C) vm.copySelection();
        else if (e.isShortcutDown() && k == KeyCode.V) vm.paste();
        else if (e.isShortcutDown() && k == KeyCode.A) vm.selectAll();
        else if (k == KeyCode.F) fit();
        else if (k == KeyCode.PLUS || k == KeyCode.EQUALS || k == KeyCode.ADD) zoom(1.25);
        else if (k == KeyCode.MINUS || k == KeyCode.SUBTRACT) zoom(0.8);
        else handled = false;
        if (handled) e.consume();
    }

    Region nodeView(String id) { return nodeViews.get(id); }

    @Override protected void layoutChildren() {}

    Node worldGroup() { return world; }
}
