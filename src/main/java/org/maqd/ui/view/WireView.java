package org.maqd.ui.view;

import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.shape.CubicCurve;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Shape;
import org.maqd.ui.vm.GraphEdge;
import org.maqd.ui.vm.NodeBox;

/**
 * A wire on the canvas from an output port to an input port, labelled with the shape it carries: the layout's route
 * (orthogonal, around the other nodes) when there is one, else a curve (wires of nodes the user moved or is dragging).
 */
final class WireView {
    private WireView() {}

    /**
     * The wire; {@code labelled} false leaves out its shape label (a node's routed wires all leave from its one output
     * port with the same shape: one label says it, several were drawn over each other).
     */
    static Group of(GraphEdge e, NodeBox a, NodeBox b, double[] route, boolean labelled) {
        double x1 = a.centerX(), y1 = a.bottom(), x2 = b.centerX(), y2 = b.y();
        Shape c = route != null ? polyline(route) : curve(x1, y1, x2, y2);
        c.getStyleClass().add("wire");
        c.setMouseTransparent(true);
        // a wide transparent twin catches clicks near the wire (the drawn line is thin)
        Shape hit = route != null ? polyline(route) : curve(x1, y1, x2, y2);
        hit.setFill(null);
        hit.setStroke(javafx.scene.paint.Color.TRANSPARENT);
        hit.setStrokeWidth(10);
        hit.getStyleClass().add("wire-hit");
        Label shape = new Label(e.shape());
        shape.getStyleClass().add("wire-label");
        shape.setMouseTransparent(true);
        if (route != null) {
            // beside the wire's first stretch, just below the output port it leaves
            double ly = route.length > 3 ? Math.min(route[1] + 6, (route[1] + route[3]) / 2 - 8) : route[1];
            shape.setLayoutX(route[0] + 6);
            shape.setLayoutY(ly);
        } else {
            shape.setLayoutX((x1 + x2) / 2 + 8);
            shape.setLayoutY((y1 + y2) / 2 - 9);
        }
        Group g = labelled ? new Group(hit, c, shape) : new Group(hit, c);
        g.setId("wire-" + e.from() + "-" + e.to());
        g.getProperties().put(GraphEdge.class, e);
        return g;
    }

    private static Shape curve(double x1, double y1, double x2, double y2) {
        double bend = org.maqd.ui.vm.CanvasViewModel.bend(y1, y2);
        CubicCurve c = new CubicCurve(x1, y1, x1, y1 + bend, x2, y2 - bend, x2, y2);
        c.setFill(null);
        return c;
    }

    private static Shape polyline(double[] route) {
        Polyline p = new Polyline(route);
        p.setFill(null);
        return p;
    }
}
