package org.maqd.ui.view;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.DirectoryChooser;
import org.maqd.ui.chart.ChartPane;
import org.maqd.ui.chart.ChartStyle;
import org.maqd.ui.chart.LineChartCanvas;
import org.maqd.ui.vm.DeploymentBadge;
import org.maqd.ui.vm.GroupStats;
import org.maqd.ui.vm.RunFolder;
import org.maqd.ui.vm.RunsViewModel;

/** The runs table, and overlays of the selected runs' test-accuracy curves and a layer's final weight histogram. */
public final class RunsView {
    @FXML private TableView<RunsViewModel.Row> table;
    @FXML private TableView<GroupStats.Group> groupTable;
    @FXML private javafx.scene.control.SplitPane tables;
    @FXML private ComboBox<String> groupBox;
    @FXML private Button verifyButton, exportCButton, exportOnnxButton;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Label messageLabel, deployLabel;
    @FXML private HBox overlay;
    private RunsViewModel vm;
    private final LineChartCanvas curves = new LineChartCanvas(), histograms = new LineChartCanvas();
    private final ComboBox<Integer> layerBox = new ComboBox<>();
    private final java.util.Map<Integer, String> names = new java.util.HashMap<>();

    public void init(RunsViewModel vm, StringProperty theme) {
        this.vm = vm;
        vm.setUiExecutor(javafx.application.Platform::runLater);
        TableColumn<RunsViewModel.Row, String> badge = minWidth(col("Deployment", 150, RunsViewModel.Row::deployment), 80);
        badge.setCellFactory(c -> new TableCell<>() {
            @Override protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
                setTooltip(empty || s == null ? null : new Tooltip(s));
                getStyleClass().removeAll("badge-pass", "badge-fail", "badge-none");
                if (!empty && s != null) getStyleClass().add(DeploymentBadge.passed(s) ? "badge-pass"
                        : s.equals(DeploymentBadge.NOT_VERIFIED) ? "badge-none" : "badge-fail");
            }
        });
        TableColumn<RunsViewModel.Row, String> size = minWidth(col("Size", 80, RunsViewModel.Row::size), 66);
        size.setStyle("-fx-alignment: CENTER-RIGHT;");
        headerTip(size, "Deployed size: packed weights at the chosen states plus thresholds (from certificate.json "
                + "once verified; before that the weight memory of model.json), not the float model file.");
        headerTip(badge, "Integer-only deployment: the equivalence certificate of \"Verify integer model\" "
                + "(maqd export RUN_DIR --verify), or why the model cannot run on the integer engine.");
        TableColumn<RunsViewModel.Row, String> differs = minWidth(col("Differs in", 260, RunsViewModel.Row::differences), 90);
        differs.setCellFactory(c -> new TableCell<>() {
            @Override protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
                setTooltip(empty || s == null || s.isEmpty() ? null : wrapped(s.replace("  ", "\n")));
            }
        });
        TableColumn<RunsViewModel.Row, String> accuracy = minWidth(col("Test acc.", 90, RunsViewModel.Row::accuracy), 60);
        headerTip(accuracy, "Test accuracy of the run's final model on its data set's test split.");
        headerTip(differs, "The settings in which the runs differ (all others are the same in every run).");
        table.getColumns().setAll(List.of(
                minWidth(col("Run", 230, r -> "#" + r.number() + " " + r.run().name()), 120),
                differs,
                accuracy,
                size, badge,
                status()));
        TableColumn<GroupStats.Group, String> groupRuns = minWidth(gcol("Runs", 44,
                g -> g.n() == g.runs().size() ? String.valueOf(g.n()) : g.n() + " of " + g.runs().size()), 40);
        headerTip(groupRuns, "Runs that trained to their end, which the mean and interval are over, of the runs in the group "
                + "(a stopped run's accuracy is from an earlier epoch).");
        groupTable.getColumns().setAll(List.of(
                minWidth(gcol("Value", 80, GroupStats.Group::value), 40),
                groupRuns,
                minWidth(gcol("Test accuracy ± 95% CI", 200, GroupStats.Group::text), 90)));
        groupTable.setItems(vm.groups());
        groupTable.setPlaceholder(new Label("Runs differ in no setting yet."));
        groupBox.setItems(vm.groupKeys());
        groupBox.valueProperty().bindBidirectional(vm.groupByProperty());
        groupBox.setTooltip(new Tooltip("Group the runs by a setting that differs between them; the interval is "
                + "Student's t over the runs of a group (n − 1 degrees of freedom)."));
        var noRow = table.getSelectionModel().selectedItemProperty().isNull();
        verifyButton.disableProperty().bind(vm.busyProperty().or(noRow));
        exportCButton.disableProperty().bind(vm.busyProperty().or(noRow));
        verifyButton.setTooltip(new Tooltip("Fold the selected run into an integer-only model, run it and the float model "
                + "on the run's test set, and write certificate.json (as maqd export RUN_DIR --verify)."));
        exportCButton.setTooltip(new Tooltip("Write the selected run's integer model as C99 (model.h, model.c, main.c)."));
        exportOnnxButton.disableProperty().bind(vm.busyProperty().or(noRow));
        exportOnnxButton.setTooltip(new Tooltip("Write the selected run's trained network as an ONNX model (opset 13) for "
                + "onnxruntime or Netron: input float32 [N, C, H, W] scaled to [0, 1], output logits [N, classes]."));
        busyIndicator.visibleProperty().bind(vm.busyProperty());
        busyIndicator.managedProperty().bind(vm.busyProperty());
        deployLabel.textProperty().bind(vm.deployMessageProperty());
        Columns.keepHeadersReadable(table);
        Columns.keepHeadersReadable(groupTable);
        Columns.fitOrScroll(table);
        Columns.fitOrScroll(groupTable);
        table.setItems(vm.rows());
        table.setPlaceholder(new Label("No run folders yet."));
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        // the table's selection and the view model's are the same run folders; replacing the rows (a refresh)
        // drops the table's, and the view model then gives it back
        table.getSelectionModel().getSelectedItems().addListener((javafx.collections.ListChangeListener<RunsViewModel.Row>) c -> {
            if (!syncing) {
                syncing = true;
                try {
                    vm.selected().setAll(selectedRuns().stream().map(r -> r.run().dir()).toList());
                } finally {
                    syncing = false;
                }
            }
            draw();
        });
        vm.selected().addListener((javafx.collections.ListChangeListener<java.nio.file.Path>) c -> { if (!syncing) showSelection(); });
        messageLabel.textProperty().bind(vm.messageProperty());
        curves.setLegendBelow(true);
        curves.setXLabel("epoch");
        curves.setEmptyText("Select runs in the table to compare their test accuracy");
        histograms.setXLabel("standardized weight Ŵ");
        histograms.setEmptyText("Select runs that saved weight histograms");
        var style = new SimpleObjectProperty<ChartStyle>();
        style.bind(Bindings.createObjectBinding(() -> "dark".equals(theme.get()) ? ChartStyle.DARK : ChartStyle.LIGHT, theme));
        curves.chartStyleProperty().bind(style);
        histograms.chartStyleProperty().bind(style);
        ChartPane cp = new ChartPane("Test accuracy of the selected runs", "Test accuracy after each epoch, read from each "
                + "run folder's metrics.csv. Select several rows (Ctrl+click) to overlay them.", curves);
        ChartPane hp = new ChartPane("Final weight histogram", "The last latent-weight histogram each selected run saved "
                + "for the chosen layer (histograms.csv), as a fraction of the layer's weights per bin: compare how "
                + "sharply different settings snap the weights onto their levels.", histograms);
        layerBox.setPromptText("layer");
        PromptCell.keep(layerBox);
        layerBox.setConverter(new javafx.util.StringConverter<>() {
            @Override public String toString(Integer k) { return k == null ? "" : names.getOrDefault(k, "probe " + k); }
            @Override public Integer fromString(String s) { return null; }
        });
        layerBox.setOnAction(e -> { if (!refilling) draw(); });
        // under the title, not beside it (beside it, the title was cut to "Final weight hi…" at 900 px)
        layerBox.setId("histogramLayer");
        hp.getChildren().add(1, layerBox);
        for (ChartPane p : List.of(cp, hp)) {
            HBox.setHgrow(p, Priority.ALWAYS);
            p.setPrefWidth(600);
            overlay.getChildren().add(p);
        }
        vm.rows().addListener((javafx.collections.ListChangeListener<RunsViewModel.Row>) c -> showSelection());
        vm.refresh();
    }

    private boolean syncing, refilling;

    /** Selects the rows of the view model's selected run folders (the last one focused and in view); the user's own clicks are not replayed here. */
    private void showSelection() {
        syncing = true;
        try {
            var sm = table.getSelectionModel();
            sm.clearSelection();
            int last = -1;
            for (int i = 0; i < table.getItems().size(); i++) {
                java.nio.file.Path d = table.getItems().get(i).run().dir();
                if (vm.selected().stream().anyMatch(p -> p.toAbsolutePath().normalize().equals(d.toAbsolutePath().normalize()))) {
                    sm.select(i);
                    last = i;
                }
            }
            if (last >= 0) {
                table.getFocusModel().focus(last);
                table.scrollTo(last);
            }
        } finally {
            syncing = false;
        }
        draw();
    }

    private void draw() {
        List<LineChartCanvas.Series> acc = new ArrayList<>(), hist = new ArrayList<>();
        TreeSet<Integer> layers = new TreeSet<>();
        List<RunsViewModel.Row> rows = new ArrayList<>(table.getSelectionModel().getSelectedItems());
        rows.removeIf(r -> r == null);
        for (RunsViewModel.Row r : rows) layers.addAll(r.run().histogramLayers());
        List<RunFolder.ProbeLayers> probes = rows.stream().map(r -> r.run().probeLayers()).toList();
        Map<Integer, String> layerLabels = RunFolder.ProbeLayers.labels(probes);
        // the labels say the selected runs' states: refreshed when they change, not only when the layers do
        if (!layers.equals(new TreeSet<>(layerBox.getItems())) || !layerLabels.equals(names)) {
            Integer keep = layerBox.getValue();
            names.clear();
            names.putAll(layerLabels);
            int preferred = probes.stream().mapToInt(RunFolder.ProbeLayers::preferred).filter(k -> k >= 0).findFirst().orElse(-1);
            Integer pick = keep != null && layers.contains(keep) ? keep : layers.isEmpty() ? null
                    : layers.contains(preferred) ? Integer.valueOf(preferred)
                    : layers.higher(layers.first()) != null ? layers.higher(layers.first()) : layers.first();
            refilling = true;   // the box's own action would draw again midway
            try {
                layerBox.getItems().setAll(layers);
                layerBox.setValue(null);   // the same layer under a new label is drawn again only through a change
                layerBox.setValue(pick);
            } finally {
                refilling = false;
            }
        }
        List<String> labels = RunsViewModel.overlayLabels(rows);
        for (int i = 0; i < rows.size(); i++) {
            RunsViewModel.Row r = rows.get(i);
            double[][] c = r.run().testAccuracyCurve();
            acc.add(LineChartCanvas.Series.of(labels.get(i), c[0], c[1], i));
            if (layerBox.getValue() != null) {
                double[][] h = r.run().lastWeightHistogram(layerBox.getValue());
                if (h[0].length > 0) hist.add(new LineChartCanvas.Series(labels.get(i), h[0], h[1], h[0].length, i, true));
            }
        }
        curves.setSeries(acc);
        histograms.setSeries(hist);
    }

    /** The run's status; a long one (why a folder is unreadable) is cut in the column and given whole as a tooltip. */
    private static TableColumn<RunsViewModel.Row, String> status() {
        TableColumn<RunsViewModel.Row, String> c = col("Status", 90, r -> r.run().status());
        c.setMaxWidth(220);
        c.setMinWidth(76);
        c.setCellFactory(x -> new TableCell<>() {
            @Override protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
                setTooltip(empty || s == null || s.length() < 20 ? null : wrapped(s));
            }
        });
        return c;
    }

    private static Tooltip wrapped(String text) {
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(480);
        return t;
    }

    /** A column that the constrained resize policy does not shrink below {@code min} (its value stays readable). */
    private static <S> TableColumn<S, String> minWidth(TableColumn<S, String> c, double min) {
        c.setMinWidth(min);
        return c;
    }

    private static void headerTip(TableColumn<?, ?> c, String tip) {
        Label l = new Label(c.getText());
        l.setTooltip(new Tooltip(tip));
        c.setText(null);
        c.setGraphic(l);
    }

    private static TableColumn<GroupStats.Group, String> gcol(String name, double w, Function<GroupStats.Group, String> f) {
        TableColumn<GroupStats.Group, String> c = new TableColumn<>(name);
        c.setPrefWidth(w);
        c.setCellValueFactory(d -> new SimpleStringProperty(f.apply(d.getValue())));
        return c;
    }

    /** Selects every run (overlays all of them); the focused row becomes the last one. */
    public void selectAll() {
        table.getSelectionModel().selectAll();
        if (!table.getItems().isEmpty()) table.getFocusModel().focus(table.getItems().size() - 1);
    }

    /** The run the deployment commands act on: the focused row of the selection. */
    public javafx.beans.property.ReadOnlyObjectProperty<RunsViewModel.Row> selectionProperty() {
        return table.getSelectionModel().selectedItemProperty();
    }

    /** The rows selected in the table, in table order. */
    public List<RunsViewModel.Row> selectedRuns() {
        List<RunsViewModel.Row> out = new ArrayList<>(table.getSelectionModel().getSelectedItems());
        out.removeIf(java.util.Objects::isNull);
        out.sort(java.util.Comparator.comparingInt(RunsViewModel.Row::number));
        return out;
    }

    LineChartCanvas accuracyOverlay() { return curves; }

    /** Adds the PTQ panel beside the tables; it follows the focused run. */
    public void addPtq(org.maqd.ui.vm.PtqViewModel ptq) {
        tables.getItems().add(new PtqPanel(ptq));
        DividerIntent.keep(tables, 0.42, 0.7);   // the grouped table at 28%: at 18% it cut "Test accuracy ± 95% CI"
        selectionProperty().addListener((o, a, b) -> ptq.select(b == null ? null : b.run()));
    }

    /** Selects the run in folder {@code dir} alone (after the table lists it); false when it is not listed. */
    public boolean select(java.nio.file.Path dir) {
        for (RunsViewModel.Row r : table.getItems()) {
            if (r.run().dir().toAbsolutePath().normalize().equals(dir.toAbsolutePath().normalize())) {
                vm.selected().setAll(java.util.List.of(r.run().dir()));
                return true;
            }
        }
        return false;
    }

    public RunsViewModel.Row selectedRun() { return table.getSelectionModel().getSelectedItem(); }

    @FXML void onVerify() { vm.verify(selectedRun()); }

    @FXML void onExportC() {
        RunsViewModel.Row r = selectedRun();
        if (r == null) return;
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle("Folder for model.h, model.c and main.c");
        dc.setInitialDirectory(r.run().dir().toAbsolutePath().toFile());
        File f = dc.showDialog(table.getScene().getWindow());
        if (f != null) vm.exportC(r, f.toPath());
    }

    @FXML void onExportOnnx() {
        RunsViewModel.Row r = selectedRun();
        if (r == null) return;
        javafx.stage.FileChooser fc = new javafx.stage.FileChooser();
        fc.setTitle("ONNX model file");
        fc.setInitialDirectory(r.run().dir().toAbsolutePath().toFile());
        fc.setInitialFileName(r.run().name() + ".onnx");
        fc.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("ONNX model", "*.onnx"));
        File f = fc.showSaveDialog(table.getScene().getWindow());
        if (f != null) vm.exportOnnx(r, f.toPath());
    }

    private static TableColumn<RunsViewModel.Row, String> col(String name, double w, Function<RunsViewModel.Row, String> f) {
        TableColumn<RunsViewModel.Row, String> c = new TableColumn<>(name);
        c.setPrefWidth(w);
        c.setCellValueFactory(d -> new SimpleStringProperty(f.apply(d.getValue())));
        return c;
    }

    @FXML void onRefresh() { vm.refresh(); }

    @FXML void onFolder() {
        DirectoryChooser dc = new DirectoryChooser();
        if (vm.rootProperty().get() != null && vm.rootProperty().get().toFile().isDirectory())
            dc.setInitialDirectory(vm.rootProperty().get().toAbsolutePath().toFile());
        File f = dc.showDialog(table.getScene().getWindow());
        if (f != null) {
            vm.rootProperty().set(f.toPath());
            vm.refresh();
        }
    }
}
