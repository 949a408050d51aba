package org.maqd.ui.view;

import javafx.beans.property.StringProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.util.StringConverter;
import org.maqd.ui.engine.CostReport;
import org.maqd.ui.engine.CostRow;
import org.maqd.ui.vm.BulkEdit;
import org.maqd.ui.vm.CanvasViewModel;
import org.maqd.ui.vm.ComposerViewModel;
import org.maqd.ui.vm.LayerField;
import org.maqd.ui.vm.TemplateMatch;
import org.maqd.ui.vm.Templates;

/**
 * The composer: palette, templates and bulk edit on the left, the network canvas in the middle, the property
 * sheet of the selection on the right and the cost table below.
 */
public final class ComposerView {
    @FXML private SplitPane root;
    @FXML private StackPane canvasHost;
    @FXML private javafx.scene.layout.TilePane palette;
    @FXML private ComboBox<String> templateBox;
    @FXML private ComboBox<Integer> depthBox;
    @FXML private javafx.scene.layout.HBox depthRow;
    @FXML private ComboBox<BulkEdit.Scope> bulkScope;
    @FXML private ComboBox<LayerField> bulkField;
    @FXML private ComboBox<String> bulkValue;
    @FXML private Button templateButton, bulkButton;
    @FXML private Label propertyTitle, messageLabel, costTotals, zoomLabel, memoryLabel;
    @FXML private GridPane propertySheet;
    @FXML private TableView<org.maqd.ui.engine.CostRow> costTable;

    private CanvasViewModel canvasVm;
    private ComposerViewModel vm;
    private BulkEdit bulk;
    private GraphCanvas canvas;
    private PropertySheet sheet;

    public void init(CanvasViewModel canvasVm, BulkEdit bulk, StringProperty theme) {
        for (Label l : java.util.List.of(costTotals, memoryLabel)) wrapInRow(l, (javafx.scene.layout.FlowPane) l.getParent());
        this.canvasVm = canvasVm;
        this.vm = canvasVm.composer();
        this.bulk = bulk;
        canvas = new GraphCanvas(canvasVm);
        canvasHost.getChildren().add(canvas);
        for (String t : ComposerViewModel.PALETTE) palette.getChildren().add(paletteButton(t));
        templateBox.getItems().setAll(Templates.NAMES);
        depthBox.getItems().setAll(Templates.DEPTHS);
        // the box names the template the open network is ("Custom" for none) until another one is picked to apply
        vm.templateProperty().addListener((o, a, m) -> showTemplate(m));
        showTemplate(vm.templateProperty().get());
        // a locked layer list (a lesson) would refuse a template or a new layer: disabled rather than refused after a click
        templateButton.disableProperty().bind(templateBox.valueProperty().isEqualTo(TemplateMatch.CUSTOM)
                .or(vm.structureLockedProperty()));
        palette.disableProperty().bind(vm.structureLockedProperty());
        depthRow.visibleProperty().bind(templateBox.valueProperty().isEqualTo(Templates.RESNET));
        depthRow.managedProperty().bind(depthRow.visibleProperty());
        BulkControls.bind(bulk, bulkScope, bulkField, bulkValue);
        sheet = new PropertySheet(propertySheet, vm);
        vm.fields().addListener((javafx.collections.ListChangeListener<org.maqd.ui.vm.FieldItem>) c -> sheet.rebuild());
        vm.selection().addListener((javafx.collections.ListChangeListener<Integer>) c -> title());
        vm.inputSelectedProperty().addListener((o, a, b) -> { sheet.rebuild(); title(); });
        vm.inputShapeProperty().addListener((o, a, b) -> { if (vm.inputSelectedProperty().get()) sheet.rebuild(); });
        canvas.setOnOpenInput(sheet::focusInput);
        messageLabel.textProperty().bind(vm.messageProperty());
        CostTable.setup(costTable, vm);
        vm.costProperty().addListener((o, a, r) -> showTotals(r));
        zoomLabel.textProperty().bind(canvasVm.viewport().zoomProperty().multiply(100).asString("%.0f%%"));
        showTotals(vm.cost());
        vm.memoryProperty().addListener((o, a, m) -> showMemory(m));
        showMemory(vm.memoryProperty().get());
        sheet.rebuild();
        title();
    }

    private void showTemplate(TemplateMatch.Match m) {
        // "Custom" is one of the box's items while the network is none of the templates: a value outside the items
        // leaves the box blank once it has shown an item
        boolean custom = TemplateMatch.CUSTOM.equals(m.name());
        if (custom && !templateBox.getItems().contains(TemplateMatch.CUSTOM)) templateBox.getItems().add(0, TemplateMatch.CUSTOM);
        if (!custom) templateBox.getItems().remove(TemplateMatch.CUSTOM);
        templateBox.setValue(m.name());
        depthBox.setValue(m.depth());
    }

    private Button paletteButton(String type) {
        org.maqd.model.LayerKind kind = org.maqd.model.LayerKinds.get(type);
        Button b = new Button(type);
        b.setId("palette-" + type);
        b.setMaxWidth(Double.MAX_VALUE);
        b.getStyleClass().add("palette-item");
        b.setTooltip(new Tooltip(kind.label() + ": " + kind.description()
                + "\nDrag onto a wire to insert it there, onto free space to place it unwired; click to add after the selection"));
        b.setOnAction(e -> canvasVm.addAfterSelection(type));
        b.setOnDragDetected(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(Wiring.DRAG_PALETTE + type);
            b.startDragAndDrop(TransferMode.COPY).setContent(c);
            e.consume();
        });
        return b;
    }

    private void title() {
        int n = vm.selection().size();
        propertyTitle.setText(n > 1 ? "Properties — " + n + " layers (edits apply to all)"
                : vm.inputSelectedProperty().get() ? "Properties — input" : "Properties");
    }

    private void showMemory(org.maqd.ui.vm.MemoryNote m) {
        memoryLabel.setText(m.text().isEmpty() ? "" : "· " + m.text());
        memoryLabel.getStyleClass().remove("memory-warning");
        if (m.tooLarge()) memoryLabel.getStyleClass().add("memory-warning");
        memoryLabel.setTooltip(m.text().isEmpty() ? null : new Tooltip("Estimated from the layers' shapes: per parameter "
                + "the weight, its gradient, the optimizer's moments and quantized copies; per activation value of a batch "
                + "the output, its normalized and quantized forms and their gradients. A lower bound, checked when Train is "
                + "pressed."));
    }

    private void showTotals(CostReport r) {
        if (r == null) return;
        if (r.firstError() >= 0) {
            setTotals("The network cannot be built: " + r.why());
            return;
        }
        String why = r.notIntegerOnly();
        setTotals(String.format("%,d parameters · %s · %,d MACs per sample · %s", r.params(),
                CostTable.size(r.bits(), r.fp32Bits()), r.macs(),
                why == null ? "integer-only ✓" : "not integer-only: " + CostTable.shortReason(why)));
    }

    private final java.util.List<Label> totalsParts = new java.util.ArrayList<>();

    /**
     * The totals as one label per part (split at " · "), so the cost row wraps between them, and each part wraps
     * within the row: as one label, a float network's line ("… · not integer-only: layer 1 (linear) has float
     * weights …") was wider than the window and pushed the cost panel past its right edge.
     */
    private void setTotals(String text) {
        javafx.scene.layout.FlowPane row = (javafx.scene.layout.FlowPane) costTotals.getParent();
        row.getChildren().removeAll(totalsParts);
        totalsParts.clear();
        String[] parts = text.split(" · ");
        costTotals.setText(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            Label l = new Label("· " + parts[i]);
            l.getStyleClass().add("cost-totals");
            totalsParts.add(l);
        }
        for (Label l : totalsParts) wrapInRow(l, row);
        row.getChildren().addAll(row.getChildren().indexOf(costTotals) + 1, totalsParts);
    }

    private static void wrapInRow(Label l, javafx.scene.layout.FlowPane row) {
        l.setWrapText(true);
        l.setMinWidth(0);
        l.maxWidthProperty().bind(row.widthProperty().subtract(row.getInsets().getLeft() + row.getInsets().getRight() + 1));
    }

    /** The canvas, for tests and measurements. */
    public GraphCanvas canvas() { return canvas; }

    @FXML void onTemplate() { canvasVm.applyTemplate(templateBox.getValue(), depthBox.getValue()); }

    @FXML void onBulk() { bulk.apply(); }

    @FXML void onFit() { canvas.fit(); }

    @FXML void onZoomIn() { canvas.zoom(1.25); }

    @FXML void onZoomOut() { canvas.zoom(0.8); }
}
