package org.maqd.ui.view;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.DragEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import org.maqd.ui.vm.CanvasViewModel;
import org.maqd.ui.vm.GraphEdge;
import org.maqd.ui.vm.GraphNode;
import org.maqd.ui.vm.NodeBox;

/**
 * The canvas gestures that make wires: dragging from an output port to an input port (the reason shows at the
 * port while a wire is refused) and dropping a palette layer on a wire (the wire under the pointer is marked; a
 * drop away from every wire places a node with no wires there).
 */
final class Wiring {
    static final String DRAG_PALETTE = "palette:";
    private static final double PORT = 6, HIT = 14, REACH = 30;
    private final CanvasViewModel vm;
    private final GraphCanvas canvas;
    private final Group overlay;
    private final Line rubber = new Line(), marker = new Line();
    private final Label reason = new Label();
    private String from;

    Wiring(CanvasViewModel vm, GraphCanvas canvas, Group overlay) {
        this.vm = vm;
        this.canvas = canvas;
        this.overlay = overlay;
        rubber.getStyleClass().add("wire-drag");
        marker.getStyleClass().add("wire-marker");
        reason.setId("port-reason");
        reason.getStyleClass().add("port-reason");
        reason.setMouseTransparent(true);
        rubber.setMouseTransparent(true);
        marker.setMouseTransparent(true);
        canvas.setOnDragOver(this::dragOver);
        canvas.setOnDragExited(e -> overlay.getChildren().remove(marker));
        canvas.setOnDragDropped(this::dropped);
    }

    /** The port circles of a node: its input on top, its output below. */
    List<Node> ports(GraphNode n, NodeBox b) {
        List<Node> out = new ArrayList<>();
        if (n.inputs() > 0) out.add(port("in-" + n.id(), b.centerX(), b.y(), "port-in"));
        if (n.output()) {
            Circle c = port("out-" + n.id(), b.centerX(), b.bottom(), "port-out");
            c.setOnMousePressed(e -> start(n.id(), e));
            c.setOnMouseDragged(this::drag);
            c.setOnMouseReleased(this::release);
            out.add(c);
        }
        return out;
    }

    private static Circle port(String id, double x, double y, String style) {
        Circle c = new Circle(x, y, PORT);
        c.setId(id);
        c.getStyleClass().addAll("port", style);
        return c;
    }

    private void start(String id, MouseEvent e) {
        from = id;
        NodeBox b = vm.boxes().get(id);
        rubber.setStartX(b.centerX());
        rubber.setStartY(b.bottom());
        rubber.setEndX(b.centerX());
        rubber.setEndY(b.bottom());
        overlay.getChildren().setAll(rubber);
        canvas.requestFocus();
        e.consume();
    }

    private void drag(MouseEvent e) {
        if (from == null) return;
        Point2D w = canvas.toWorld(e.getSceneX(), e.getSceneY());
        rubber.setEndX(w.getX());
        rubber.setEndY(w.getY());
        String to = inputPortAt(w);
        String why = to == null ? null : vm.connectRefusal(from, to);
        rubber.getStyleClass().remove("refused");
        overlay.getChildren().remove(reason);
        if (why != null) {
            rubber.getStyleClass().add("refused");
            NodeBox b = vm.boxes().get(to);
            reason.setText("✖ " + why);
            reason.setLayoutX(b.centerX() + HIT);
            reason.setLayoutY(b.y() - 26);
            overlay.getChildren().add(reason);
        }
        e.consume();
    }

    private void release(MouseEvent e) {
        if (from == null) return;
        String to = inputPortAt(canvas.toWorld(e.getSceneX(), e.getSceneY()));
        String f = from;
        from = null;
        overlay.getChildren().clear();
        if (to != null) vm.connect(f, to);
        e.consume();
    }

    /** The node whose input port is under a world point, or null. */
    private String inputPortAt(Point2D w) {
        double hit = HIT / Math.max(0.5, vm.viewport().zoom());
        for (var entry : vm.boxes().entrySet()) {
            NodeBox b = entry.getValue();
            GraphNode n = vm.composer().graph().node(entry.getKey());
            if (n != null && n.inputs() > 0 && Math.hypot(w.getX() - b.centerX(), w.getY() - b.y()) <= hit) return entry.getKey();
        }
        return null;
    }

    private void dragOver(DragEvent e) {
        String s = e.getDragboard().hasString() ? e.getDragboard().getString() : null;
        if (s == null || !s.startsWith(DRAG_PALETTE)) return;
        e.acceptTransferModes(TransferMode.COPY);
        GraphEdge wire = wireAt(e.getSceneX(), e.getSceneY());
        if (wire == null) overlay.getChildren().remove(marker);
        else {
            NodeBox a = vm.boxes().get(wire.from()), b = vm.boxes().get(wire.to());
            marker.setStartX(a.centerX());
            marker.setStartY(a.bottom());
            marker.setEndX(b.centerX());
            marker.setEndY(b.y());
            if (!overlay.getChildren().contains(marker)) overlay.getChildren().add(marker);
        }
        e.consume();
    }

    private void dropped(DragEvent e) {
        String s = e.getDragboard().hasString() ? e.getDragboard().getString() : null;
        boolean done = false;
        if (s != null && s.startsWith(DRAG_PALETTE)) {
            String kind = s.substring(DRAG_PALETTE.length());
            GraphEdge wire = wireAt(e.getSceneX(), e.getSceneY());
            Point2D w = canvas.toWorld(e.getSceneX(), e.getSceneY());
            done = wire != null ? vm.dropOnWire(wire, kind) : vm.dropAt(w.getX() - NodeBox.WIDTH / 2, w.getY() - 20, kind);
        }
        overlay.getChildren().remove(marker);
        e.setDropCompleted(done);
        e.consume();
    }

    /** The wire a drop at a scene point goes to (within {@link #REACH} screen pixels), or null: a free node. */
    private GraphEdge wireAt(double sceneX, double sceneY) {
        Point2D w = canvas.toWorld(sceneX, sceneY);
        return vm.wireNear(w.getX(), w.getY(), REACH / vm.viewport().zoom());
    }
}
