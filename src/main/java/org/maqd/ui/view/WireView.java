package org.maqd.ui.view;

import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.shape.CubicCurve;
import org.maqd.ui.vm.GraphEdge;
import org.maqd.ui.vm.NodeBox;

/** A wire on the canvas: a curve from an output port to an input port, labelled with the shape it carries. */
final class WireView {
    private WireView() {}

    static Group of(GraphEdge e, NodeBox a, NodeBox b) {
        double x1 = a.centerX(), y1 = a.bottom(), x2 = b.centerX(), y2 = b.y();
        double bend = org.maqd.ui.vm.CanvasViewModel.bend(y1, y2);
        CubicCurve c = new CubicCurve(x1, y1, x1, y1 + bend, x2, y2 - bend, x2, y2);
        c.getStyleClass().add("wire");
        c.setMouseTransparent(true);
        // a wide transparent twin catches clicks near the wire (the drawn curve is thin)
        CubicCurve hit = new CubicCurve(x1, y1, x1, y1 + bend, x2, y2 - bend, x2, y2);
        hit.setFill(null);
        hit.setStroke(javafx.scene.paint.Color.TRANSPARENT);
        hit.setStrokeWidth(10);
        hit.getStyleClass().add("wire-hit");
        Label shape = new Label(e.shape());
        shape.getStyleClass().add("wire-label");
        shape.setMouseTransparent(true);
        shape.setLayoutX((x1 + x2) / 2 + 8);
        shape.setLayoutY((y1 + y2) / 2 - 9);
        Group g = new Group(hit, c, shape);
        g.setId("wire-" + e.from() + "-" + e.to());
        g.getProperties().put(GraphEdge.class, e);
        return g;
    }
}
