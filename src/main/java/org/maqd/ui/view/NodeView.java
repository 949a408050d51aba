package org.maqd.ui.view;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.maqd.ui.vm.GraphNode;
import org.maqd.ui.vm.NodeBox;

/** A node card on the canvas: title, states and norm, cost, and its output shape or the reason it fails. */
final class NodeView {
    private NodeView() {}

    static Region card(GraphNode n, NodeBox b) {
        VBox card = new VBox(1);
        card.setId(n.isInput() ? "input-node" : "layer-" + n.layer());
        card.getStyleClass().addAll("layer-node", "type-" + n.kind());
        if (n.isInput()) card.getStyleClass().add("input-node");
        Label title = new Label(n.isInput() ? "input " + n.shape() : n.layer() + "  " + n.title());
        title.getStyleClass().add("node-title");
        card.getChildren().add(title);
        if (!n.detail().isEmpty()) card.getChildren().add(line(n.detail(), "node-detail"));
        if (!n.cost().isEmpty()) card.getChildren().add(line(n.cost(), "node-cost"));
        if (!n.isInput()) {
            Label shape = line(n.ok() ? "→ " + n.shape() : "✖ " + n.error(), n.ok() ? "node-shape" : "node-error");
            if (!n.ok()) {
                shape.setWrapText(true);
                shape.setMaxHeight(34);
                Tooltip.install(card, new Tooltip(n.error()));
                card.getStyleClass().add("invalid");
            }
            card.getChildren().add(shape);
        }
        card.setLayoutX(b.x());
        card.setLayoutY(b.y());
        card.setMinSize(b.w(), b.h());
        card.setPrefSize(b.w(), b.h());
        card.setMaxSize(b.w(), b.h());
        card.resize(b.w(), b.h());
        return card;
    }

    private static Label line(String text, String style) {
        Label l = new Label(text);
        l.getStyleClass().add(style);
        l.setMinWidth(0);
        l.setMaxWidth(NodeBox.WIDTH - 16);
        return l;
    }
}
