package org.maqd.ui.view;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.maqd.ui.vm.PtqViewModel;

/**
 * Post-training quantization of the selected float run (the options of {@code maqd ptq}) and the comparison with
 * the MaQD runs at the same number of states.
 */
public final class PtqPanel extends VBox {
    private GridPane options;

    public PtqPanel(PtqViewModel vm) {
        super(6);
        setId("ptqPanel");
        setPadding(new Insets(0, 0, 0, 6));
        Label title = new Label("Post-training quantization");
        title.getStyleClass().add("section-title");
        Spinner<Integer> states = new Spinner<>(2, 256, vm.statesProperty().get());
        states.setId("ptqStates");
        states.setEditable(true);
        states.setPrefWidth(80);
        states.valueProperty().addListener((o, a, b) -> { if (b != null) vm.statesProperty().set(b); });
        Spinner<Integer> samples = new Spinner<>(1, 60000, vm.samplesProperty().get(), 128);
        samples.setEditable(true);
        samples.setPrefWidth(90);
        samples.valueProperty().addListener((o, a, b) -> { if (b != null) vm.samplesProperty().set(b); });
        GridPane g = new GridPane();
        g.setId("ptqOptions");
        g.setHgap(6);
        g.setVgap(4);
        g.addRow(0, new Label("States"), states);
        g.addRow(1, new Label("Calibration"), choice("ptqCalibration", PtqViewModel.CALIBRATIONS, vm.calibrationProperty()));
        g.addRow(2, new Label("Weights"), choice("ptqWeights", PtqViewModel.QUANTIZERS, vm.weightsProperty()),
                per(choice("ptqWeightGranularity", PtqViewModel.GRANULARITIES, vm.weightGranularityProperty())));
        g.addRow(3, new Label("Activations"), choice("ptqActivations", PtqViewModel.QUANTIZERS, vm.activationsProperty()),
                per(choice("ptqActivationGranularity", PtqViewModel.GRANULARITIES, vm.activationGranularityProperty())));
        g.addRow(4, new Label("Samples"), samples);
        Button run = new Button("Quantize");
        run.setId("ptqQuantize");
        run.setOnAction(e -> vm.quantize());
        run.disableProperty().bind(vm.busyProperty().or(vm.floatRunProperty().not()));
        g.add(run, 2, 4);
        for (javafx.scene.Node n : g.getChildren()) {   // the panel claims the width its options need: nothing is cut
            if (n instanceof Region r) r.setMinWidth(Region.USE_PREF_SIZE);
        }
        Label message = new Label();
        message.setId("ptqMessage");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);   // wrapped whole: a one-line minimum cut it ("…a float …")
        message.getStyleClass().add("hint");
        message.textProperty().bind(vm.messageProperty());
        TableView<PtqViewModel.Row> table = new TableView<>(vm.rows());
        table.setId("ptqTable");
        table.setPlaceholder(new Label("No PTQ results yet"));
        table.getColumns().setAll(List.of(col("Method", 120, PtqViewModel.Row::method),
                col("States", 50, r -> r.states() == 0 ? "fp32" : Integer.toString(r.states())),
                col("Test accuracy", 90, PtqViewModel.Row::accuracy), col("vs float", 60, PtqViewModel.Row::vsFloat),
                col("", 60, PtqViewModel.Row::verdict), col("Options / run", 180, PtqViewModel.Row::options)));
        Columns.keepHeadersReadable(table);
        Columns.fitOrScroll(table);
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().setAll(title, g, message, table);
        options = g;
    }

    /** As narrow as the options allow (the results table scrolls), so a split pane never cuts an option. */
    @Override
    protected double computeMinWidth(double height) {
        if (options == null) return super.computeMinWidth(height);
        return snappedLeftInset() + options.minWidth(-1) + snappedRightInset();
    }

    /** A granularity choice shown as "per tensor" / "per channel". */
    private static ComboBox<String> per(ComboBox<String> c) {
        c.setConverter(new javafx.util.StringConverter<>() {
            @Override public String toString(String v) { return v == null ? "" : "per " + v; }
            @Override public String fromString(String s) { return s == null ? null : s.replaceFirst("^per ", ""); }
        });
        return c;
    }

    private static ComboBox<String> choice(String id, List<String> items, StringProperty value) {
        ComboBox<String> c = new ComboBox<>();
        c.setId(id);
        c.getItems().setAll(items);
        c.valueProperty().bindBidirectional(value);
        return c;
    }

    private static TableColumn<PtqViewModel.Row, String> col(String name, double w, Function<PtqViewModel.Row, String> f) {
        TableColumn<PtqViewModel.Row, String> c = new TableColumn<>(name);
        c.setPrefWidth(w);
        c.setCellValueFactory(d -> new SimpleStringProperty(f.apply(d.getValue())));
        return c;
    }
}
