package org.maqd.ui.view;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.maqd.ui.chart.ChartPane;
import org.maqd.ui.chart.ChartStyle;
import org.maqd.ui.chart.LineChartCanvas;
import org.maqd.ui.vm.RunsViewModel;

/** The runs table and an overlay of the selected runs' test-accuracy curves. */
public final class RunsView {
    @FXML private TableView<RunsViewModel.Row> table;
    @FXML private Label messageLabel;
    @FXML private VBox overlay;
    private RunsViewModel vm;
    private final LineChartCanvas curves = new LineChartCanvas();

    public void init(RunsViewModel vm, StringProperty theme) {
        this.vm = vm;
        table.getColumns().setAll(List.of(
                col("Run", 230, r -> r.run().name()),
                col("Differs in", 420, RunsViewModel.Row::differences),
                col("Test accuracy", 110, RunsViewModel.Row::accuracy),
                col("Model size", 90, RunsViewModel.Row::size),
                col("Status", 100, r -> r.run().status())));
        table.setItems(vm.rows());
        table.setPlaceholder(new Label("No run folders yet."));
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getSelectionModel().getSelectedItems().addListener((javafx.collections.ListChangeListener<RunsViewModel.Row>) c -> drawCurves());
        messageLabel.textProperty().bind(vm.messageProperty());
        curves.setYRange(0, 1);
        curves.setXLabel("epoch");
        curves.setEmptyText("Select runs in the table to compare their test accuracy");
        var style = new SimpleObjectProperty<ChartStyle>();
        style.bind(Bindings.createObjectBinding(() -> "dark".equals(theme.get()) ? ChartStyle.DARK : ChartStyle.LIGHT, theme));
        curves.chartStyleProperty().bind(style);
        ChartPane p = new ChartPane("Test accuracy of the selected runs", "Test accuracy after each epoch, read from each "
                + "run folder's metrics.csv. Select several rows (Ctrl+click) to overlay them.", curves);
        VBox.setVgrow(p, Priority.ALWAYS);
        overlay.getChildren().add(p);
        vm.rows().addListener((javafx.collections.ListChangeListener<RunsViewModel.Row>) c -> {
            if (table.getSelectionModel().isEmpty() && !vm.rows().isEmpty()) table.getSelectionModel().selectLast();
        });
        vm.refresh();
    }

    private void drawCurves() {
        List<LineChartCanvas.Series> s = new ArrayList<>();
        int i = 0;
        for (RunsViewModel.Row r : table.getSelectionModel().getSelectedItems()) {
            if (r == null) continue;
            double[][] c = r.run().testAccuracyCurve();
            s.add(LineChartCanvas.Series.of(r.run().name(), c[0], c[1], i++));
        }
        curves.setSeries(s);
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
