package org.maqd.ui.view;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.maqd.ui.vm.SweepViewModel;
import org.maqd.ui.vm.SweepViewModel.TrialItem;

/**
 * The Sweep tab: open a sweep file, run it on this machine or on a cluster, watch every trial's state and the
 * grouped table (mean ± 95% CI over seeds) fill in; double-click a finished trial (or "Open trial") to see it in
 * the Training and Runs views.
 */
public final class SweepView extends BorderPane {
    private final SweepViewModel vm;
    private final TableView<TrialItem> trials = new TableView<>();
    private final TableView<List<String>> groups = new TableView<>();

    /**
     * {@code choose} asks the user for a file (null when cancelled); {@code openTrial} shows a trial's run folder in
     * the Training and Runs views; {@code error} shows a message; {@code report} writes the sweep's report (File →
     * Export report).
     */
    public SweepView(SweepViewModel vm, java.util.function.Supplier<Path> choose, Consumer<Path> openTrial, Consumer<String> error,
                     Runnable report) {
        this.vm = vm;
        setId("sweepView");
        Button open = new Button("Open sweep…");
        open.setId("sweepOpen");
        open.setOnAction(e -> {
            Path f = choose.get();
            if (f != null) {
                String err = vm.open(f);
                if (err != null) error.accept(err);
            }
        });
        Label file = new Label();
        file.textProperty().bind(vm.fileProperty().map(p -> p.getFileName().toString()).orElse("no sweep open"));
        ToggleGroup where = new ToggleGroup();
        RadioButton local = new RadioButton("This machine"), cluster = new RadioButton("Cluster:");
        local.setToggleGroup(where);
        cluster.setToggleGroup(where);
        cluster.setId("sweepOnCluster");
        local.setSelected(!vm.onClusterProperty().get());
        cluster.setSelected(vm.onClusterProperty().get());
        cluster.selectedProperty().addListener((o, a, b) -> vm.onClusterProperty().set(b));
        local.disableProperty().bind(vm.runningProperty());     // where a sweep runs is fixed while it runs
        cluster.disableProperty().bind(vm.runningProperty());
        TextField addresses = new TextField();
        addresses.setId("sweepAddresses");
        addresses.setPromptText("host:port, host:port");
        addresses.setPrefColumnCount(16);
        addresses.textProperty().bindBidirectional(vm.addressesProperty());
        addresses.disableProperty().bind(cluster.selectedProperty().not());
        Button secret = new Button("Secret file…");
        secret.disableProperty().bind(cluster.selectedProperty().not());
        secret.setOnAction(e -> {
            Path f = choose.get();
            if (f != null) vm.secretFileProperty().set(f);
        });
        Label secretName = new Label();
        secretName.textProperty().bind(vm.secretFileProperty().map(p -> p.getFileName().toString()).orElse(""));
        Button run = new Button("▶ Run sweep");
        run.setId("sweepRun");
        run.getStyleClass().add("run-button");
        run.setOnAction(e -> vm.run());
        run.disableProperty().bind(vm.runningProperty().or(vm.fileProperty().isNull()));
        Button stop = new Button("■ Stop");
        stop.setId("sweepStop");
        stop.setOnAction(e -> vm.stop());
        stop.disableProperty().bind(vm.runningProperty().not());
        Button openTrialButton = new Button("Open trial");
        openTrialButton.setId("sweepOpenTrial");
        openTrialButton.disableProperty().bind(trials.getSelectionModel().selectedItemProperty().isNull());
        openTrialButton.setOnAction(e -> open(trials.getSelectionModel().getSelectedItem(), openTrial, error));
        Button reportButton = new Button("Report");
        reportButton.setId("sweepReport");
        reportButton.setTooltip(new Tooltip("Write the sweep's report.html and report.pdf into its folder: test accuracy per "
                + "swept value, mean ± 95% interval over the seeds, and every trial's row (as maqd report SWEEP_DIR --pdf)."));
        reportButton.disableProperty().bind(vm.fileProperty().isNull().or(vm.runningProperty()));
        reportButton.setOnAction(e -> report.run());
        // three groups that wrap onto a second row in a narrow window (in one row every button and label was cut,
        // "Open swee…", "This machi…", "Clust…", beside the lesson or at 900 px)
        javafx.scene.layout.FlowPane bar = new javafx.scene.layout.FlowPane(16, 6,
                group(open, file), group(local, cluster, addresses, secret, secretName),
                group(run, stop, openTrialButton, reportButton));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setId("sweepBar");
        Label message = new Label();
        message.setId("sweepMessage");
        message.getStyleClass().add("hint");
        message.textProperty().bind(vm.messageProperty());
        VBox top = new VBox(6, bar, message);
        top.setPadding(new Insets(8));
        setTop(top);

        trials.setId("sweepTrials");
        trials.setPlaceholder(new Label("No sweep open"));
        trials.setItems(vm.trials());
        trials.setRowFactory(t -> {
            TableRow<TrialItem> row = new TableRow<>();
            row.setOnMouseClicked(e -> { if (e.getClickCount() == 2 && !row.isEmpty()) open(row.getItem(), openTrial, error); });
            return row;
        });
        groups.setId("sweepGroups");
        groups.setPlaceholder(new Label("The grouped table fills in as trials finish"));
        groups.setItems(vm.groups());
        vm.groupColumns().addListener((ListChangeListener<String>) c -> rebuildColumns());
        rebuildColumns();
        // fixed widths: a constrained policy squeezed the setting columns of a wide trial id to nothing; none narrower
        // than its header ("test accuracy (mean ± 95% CI)" was cut at 220 px)
        Columns.keepHeadersReadable(trials);
        Columns.keepHeadersReadable(groups);
        SplitPane split = new SplitPane(titled("Trials", trials), titled("Grouped over seeds (test accuracy, mean ± 95% CI)", groups));
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.6);
        setCenter(split);
    }

    /** Controls kept together on one row at their whole width. */
    private static HBox group(javafx.scene.Node... nodes) {
        for (javafx.scene.Node n : nodes) if (n instanceof javafx.scene.control.Control c) c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox g = new HBox(8, nodes);
        g.setAlignment(Pos.CENTER_LEFT);
        return g;
    }

    private static VBox titled(String title, TableView<?> table) {
        Label l = new Label(title);
        l.getStyleClass().add("section-title");
        VBox box = new VBox(4, l, table);
        box.setPadding(new Insets(0, 8, 8, 8));
        VBox.setVgrow(table, javafx.scene.layout.Priority.ALWAYS);
        return box;
    }

    private static void open(TrialItem t, Consumer<Path> openTrial, Consumer<String> error) {
        if (t == null) return;
        if (!"done".equals(t.stateProperty().get())) error.accept("Trial " + t.id() + " has not finished yet (" + t.stateProperty().get() + ").");
        else openTrial.accept(t.dir());
    }

    private void rebuildColumns() {
        trials.getColumns().clear();
        trials.getColumns().add(col("trial", 330, t -> new SimpleStringProperty(t.id())));
        for (int i = 0; i < vm.fieldColumns().size(); i++) {
            int k = i;
            trials.getColumns().add(col(vm.fieldColumns().get(i), 80, t -> new SimpleStringProperty(t.values().get(k))));
        }
        trials.getColumns().add(col("seed", 50, t -> new SimpleStringProperty(Long.toString(t.seed()))));
        trials.getColumns().add(col("state", 90, TrialItem::stateProperty));
        trials.getColumns().add(col("where", 140, TrialItem::whereProperty));
        trials.getColumns().add(col("test accuracy", 100, TrialItem::accuracyProperty));
        trials.getColumns().add(col("detail", 360, TrialItem::detailProperty));
        groups.getColumns().clear();
        int n = vm.groupColumns().size();
        for (int i = 0; i < n; i++) groups.getColumns().add(gcol(vm.groupColumns().get(i), i, 110));
        groups.getColumns().add(gcol("n", n, 50));
        groups.getColumns().add(gcol("test accuracy (mean ± 95% CI)", n + 1, 220));
    }

    private static TableColumn<TrialItem, String> col(String name, double w, Function<TrialItem, ObservableValue<String>> f) {
        TableColumn<TrialItem, String> c = new TableColumn<>(name);
        c.setPrefWidth(w);
        c.setMinWidth(Math.min(w, 60));
        c.setCellValueFactory(d -> f.apply(d.getValue()));
        return c;
    }

    private static TableColumn<List<String>, String> gcol(String name, int index, double w) {
        TableColumn<List<String>, String> c = new TableColumn<>(name);
        c.setPrefWidth(w);
        c.setMinWidth(Math.min(w, 60));
        c.setCellValueFactory(d -> new SimpleStringProperty(index < d.getValue().size() ? d.getValue().get(index) : ""));
        return c;
    }
}
