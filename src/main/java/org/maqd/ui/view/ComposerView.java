package org.maqd.ui.view;

import java.util.List;
import javafx.beans.property.StringProperty;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.maqd.ui.engine.CostReport;
import org.maqd.ui.vm.ComposerViewModel;
import org.maqd.ui.vm.LayerField;
import org.maqd.ui.vm.LayerItem;
import org.maqd.ui.vm.Templates;

/**
 * The composer: palette, the layer chain (drag from the palette to insert, drag a node to reorder, Delete to
 * remove), templates, bulk edit, the property sheet of the selected layer and the cost table.
 */
public final class ComposerView {
    static final String DRAG_PALETTE = "palette:", DRAG_LAYER = "layer:";
    @FXML private SplitPane root;
    @FXML private VBox chain;
    @FXML private javafx.scene.layout.TilePane palette;
    @FXML private ComboBox<String> templateBox;
    @FXML private ComboBox<LayerField> bulkField;
    @FXML private ComboBox<String> bulkValue;
    @FXML private Button templateButton, bulkButton;
    @FXML private Label propertyTitle, messageLabel, costTotals;
    @FXML private GridPane propertySheet;
    @FXML private TableView<org.maqd.ui.engine.CostRow> costTable;

    private ComposerViewModel vm;
    private PropertySheet sheet;

    public void init(ComposerViewModel vm, StringProperty theme) {
        this.vm = vm;
        for (String t : ComposerViewModel.PALETTE) palette.getChildren().add(paletteButton(t));
        templateBox.getItems().setAll(Templates.NAMES);
        templateBox.getSelectionModel().selectFirst();
        bulkField.getItems().setAll(LayerField.WEIGHT_STATES, LayerField.ACTIVATION_STATES, LayerField.NORM,
                LayerField.WS, LayerField.ACTIVATION_SURROGATE);
        bulkField.setConverter(new javafx.util.StringConverter<>() {
            @Override public String toString(LayerField f) { return f == null ? "" : f.label; }
            @Override public LayerField fromString(String s) { return null; }
        });
        bulkField.valueProperty().addListener((o, a, f) -> bulkValue.getItems().setAll(
                f == null || f.choices.isEmpty() ? List.of("2", "3", "4", "8", "16", "256", "0") : f.choices));
        bulkField.getSelectionModel().selectFirst();
        bulkValue.setValue("3");
        sheet = new PropertySheet(propertySheet, vm);
        vm.nodes().addListener((javafx.collections.ListChangeListener<LayerItem>) c -> rebuildChain());
        vm.selectedProperty().addListener((o, a, b) -> rebuildChain());
        vm.fields().addListener((javafx.collections.ListChangeListener<org.maqd.ui.vm.FieldItem>) c -> sheet.rebuild());
        messageLabel.textProperty().bind(vm.messageProperty());
        CostTable.setup(costTable, vm);
        vm.costProperty().addListener((o, a, r) -> showTotals(r));
        showTotals(vm.cost());
        chain.setOnDragOver(this::acceptDrag);
        chain.setOnDragDropped(e -> drop(e, vm.nodes().size()));
        root.setOnKeyPressed(e -> {
            if ((e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) && !(e.getTarget() instanceof javafx.scene.control.TextInputControl)
                    && vm.selectedProperty().get() >= 0) {
                vm.remove(vm.selectedProperty().get());
                e.consume();
            }
        });
        rebuildChain();
        sheet.rebuild();
    }

    private Button paletteButton(String type) {
        Button b = new Button(type);
        b.setId("palette-" + type);
        b.setMaxWidth(Double.MAX_VALUE);
        b.setPrefWidth(104);
        b.getStyleClass().add("palette-item");
        b.setTooltip(new Tooltip("Drag onto the chain, or click to add after the selected layer"));
        b.setOnAction(e -> vm.insert(vm.selectedProperty().get() + 1 <= 0 ? vm.nodes().size() : vm.selectedProperty().get() + 1, type));
        b.setOnDragDetected(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(DRAG_PALETTE + type);
            b.startDragAndDrop(TransferMode.COPY).setContent(c);
            e.consume();
        });
        return b;
    }

    private void rebuildChain() {
        chain.getChildren().clear();
        var exp = vm.document().get();
        String input = exp.network() == null || exp.network().input() == null ? "?" : exp.network().input().toString();
        Label in = new Label("input " + input);
        in.setId("input-node");
        in.getStyleClass().addAll("layer-node", "input-node");
        in.setTooltip(new javafx.scene.control.Tooltip("Double-click to change the input shape per sample"));
        in.setOnMouseClicked(e -> {
            if (e.getClickCount() < 2) return;
            javafx.scene.control.TextInputDialog d = new javafx.scene.control.TextInputDialog(input.replaceAll("[\\[\\]]", ""));
            d.setHeaderText("Input shape per sample: channels, height, width (or a number of features)");
            d.initOwner(in.getScene().getWindow());
            d.showAndWait().ifPresent(vm::setInput);
        });
        chain.getChildren().add(in);
        for (LayerItem item : vm.nodes()) {
            Label arrow = new Label("↓");
            arrow.getStyleClass().add("chain-arrow");
            chain.getChildren().addAll(arrow, node(item));
        }
    }

    private Node node(LayerItem item) {
        Label title = new Label(item.index() + "  " + item.title());
        title.getStyleClass().add("node-title");
        Label detail = new Label(item.detail());
        detail.getStyleClass().add("node-detail");
        Label shape = new Label(item.ok() ? "→ " + item.shape() : "✖ " + item.error());
        shape.setWrapText(true);
        shape.getStyleClass().add(item.ok() ? "node-shape" : "node-error");
        VBox card = new VBox(2, title, detail, shape);
        card.setId("layer-" + item.index());
        card.getStyleClass().addAll("layer-node", "type-" + item.type());
        if (!item.ok()) card.getStyleClass().add("invalid");
        if (item.index() == vm.selectedProperty().get()) card.getStyleClass().add("selected");
        if (item.detail().isEmpty()) detail.setManaged(false);
        card.setFocusTraversable(true);
        card.setOnMouseClicked(e -> {
            vm.selectedProperty().set(item.index());
            card.requestFocus();
        });
        card.setOnDragDetected(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(DRAG_LAYER + item.index());
            card.startDragAndDrop(TransferMode.MOVE).setContent(c);
            e.consume();
        });
        card.setOnDragOver(this::acceptDrag);
        card.setOnDragDropped(e -> {
            boolean after = e.getY() > card.getHeight() / 2;
            drop(e, item.index() + (after ? 1 : 0));
        });
        return card;
    }

    private void acceptDrag(DragEvent e) {
        if (e.getDragboard().hasString()) e.acceptTransferModes(TransferMode.COPY_OR_MOVE);
        e.consume();
    }

    private void drop(DragEvent e, int position) {
        String s = e.getDragboard().getString();
        boolean done = false;
        if (s != null && s.startsWith(DRAG_PALETTE)) done = vm.insert(position, s.substring(DRAG_PALETTE.length()));
        else if (s != null && s.startsWith(DRAG_LAYER)) {
            int from = Integer.parseInt(s.substring(DRAG_LAYER.length()));
            done = vm.move(from, position > from ? position - 1 : position);
        }
        e.setDropCompleted(done);
        e.consume();
    }

    private void showTotals(CostReport r) {
        if (r == null) return;
        int bad = r.firstError();
        if (bad >= 0) {
            costTotals.setText("The network cannot be built: layer " + bad + " (" + r.rows().get(bad).type() + ") — "
                    + r.rows().get(bad).error());
            return;
        }
        String why = r.notIntegerOnly();
        costTotals.setText(String.format("%,d parameters · %s at the chosen states vs %s in fp32 (%.1f× smaller) · %,d MACs per sample · %s",
                r.params(), CostTable.bits(r.bits()), CostTable.bits(r.fp32Bits()), r.compression(), r.macs(),
                why == null ? "integer-only ✓" : "not integer-only: " + CostTable.shortReason(why)));
    }

    @FXML void onTemplate() { vm.applyTemplate(templateBox.getValue()); }

    @FXML void onBulk() {
        if (bulkField.getValue() != null) vm.bulkHidden(bulkField.getValue(), bulkValue.getEditor().getText());
    }
}
