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
        boolean named = !n.isInput() && !n.label().equals(String.valueOf(n.layer()));
        Label title = new Label(n.isInput() ? "input " + n.shape() : named ? n.title() : n.layer() + "  " + n.title());
        title.getStyleClass().add("node-title");
        if (named) card.getChildren().add(line(n.label(), "node-id"));
        card.getChildren().add(title);
        if (!n.detail().isEmpty()) card.getChildren().add(line(n.detail(), "node-detail"));
        if (!n.cost().isEmpty()) card.getChildren().add(line(n.cost(), "node-cost"));
        if (!n.isInput()) {
            boolean soft = !n.ok() && n.unfinished();
            Label shape = line(n.ok() ? "→ " + n.shape() : (soft ? "… " : "✖ ") + unprefixed(n),
                    n.ok() ? "node-shape" : soft ? "node-unfinished" : "node-error");
            if (soft) {
                shape.setWrapText(true);
                shape.setMaxHeight(34);
                Tooltip.install(card, new Tooltip(n.error()));
                card.getStyleClass().add("unfinished");
            } else if (!n.ok()) {
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

    /** The node's problem without the "node ID" the canvas already shows on the card. */
    private static String unprefixed(GraphNode n) {
        String e = n.error();
        for (String p : new String[] {"node " + n.label() + " (" + n.kind() + "): ", "node " + n.label() + ": ", "node " + n.label() + ", "}) {
            if (e.startsWith(p)) return e.substring(p.length());
        }
        return e;
    }

    private static Label line(String text, String style) {
        Label l = new Label(text);
        l.getStyleClass().add(style);
        l.setMinWidth(0);
        l.setMaxWidth(NodeBox.WIDTH - 16);
        return l;
    }
}
