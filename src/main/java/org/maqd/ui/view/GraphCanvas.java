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
 * pans, arrows walk the graph, Delete, Ctrl+C, Ctrl+V and Ctrl+A act on the selection, F fits the network.
 */
public final class GraphCanvas extends Region {
    private final CanvasViewModel vm;
    private final Group world = new Group();
    private final Group wires = new Group(), cards = new Group(), overlay = new Group();
    private final Map<String, Region> nodeViews = new HashMap<>();
    private final Wiring wiring;
    private double lastX, lastY;
    private boolean panning;

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
        wiring = new Wiring(vm, this, overlay);
        vm.boxesProperty().addListener((o, a, b) -> rebuild());
        vm.selected().addListener((javafx.collections.SetChangeListener<String>) c -> restyle());
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
        cards.getChildren().clear();
        wires.getChildren().clear();
        for (GraphEdge e : g.edges()) {
            NodeBox a = boxes.get(e.from()), b = boxes.get(e.to());
            if (a != null && b != null) wires.getChildren().add(WireView.of(e, a, b));
        }
        for (GraphNode n : g.nodes()) {
            NodeBox b = boxes.get(n.id());
            if (b == null) continue;
            Region card = NodeView.card(n, b);
            card.setOnMousePressed(e -> {
                if (e.getButton() != MouseButton.PRIMARY) return;
                vm.click(n.id(), e.isShiftDown() || e.isShortcutDown());
                requestFocus();
                e.consume();
            });
            nodeViews.put(n.id(), card);
            cards.getChildren().add(card);
            cards.getChildren().addAll(wiring.ports(n, b));
        }
        restyle();
    }

    private void restyle() {
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
        if (e.getButton() == MouseButton.PRIMARY && !e.isShiftDown()) vm.clearSelection();
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
