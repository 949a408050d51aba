package org.maqd.ui.chart;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * A chart with its title, a "what am I looking at" explanation (toggled by "?"), and a Save menu for the chart as
 * PNG or SVG and its data as CSV.
 */
public final class ChartPane extends VBox {
    private final ChartCanvas chart;
    private final Label title;
    private final javafx.scene.Node[] buttons;

    public ChartPane(String title, String help, ChartCanvas chart) {
        this.chart = chart;
        this.title = new Label(title);
        this.title.getStyleClass().add("chart-title");
        Label helpText = new Label(help);
        helpText.setWrapText(true);
        helpText.getStyleClass().add("chart-help");
        helpText.setMinHeight(Region.USE_PREF_SIZE);
        helpText.managedProperty().bind(helpText.visibleProperty());
        ToggleButton q = new ToggleButton("?");
        q.setTooltip(new Tooltip("What am I looking at?"));
        helpText.visibleProperty().bind(q.selectedProperty());
        // one "Save" menu, not three buttons: in a third of a 900 px window three buttons left the title ~130 px
        MenuButton save = new MenuButton("Save");
        save.setTooltip(new Tooltip("Save this chart as a PNG image or an SVG drawing, or its data as CSV"));
        MenuItem png = new MenuItem("PNG image…"), svg = new MenuItem("SVG drawing…"), csv = new MenuItem("CSV data…");
        png.setOnAction(e -> choose("PNG image", "*.png", this::savePng));
        svg.setOnAction(e -> choose("SVG drawing", "*.svg", this::saveSvg));
        csv.setOnAction(e -> choose("CSV data", "*.csv", this::saveCsv));
        save.getItems().addAll(png, svg, csv);
        save.disableProperty().bind(chart.showsDataProperty().not());   // an empty chart saved a blank image
        save.getStyleClass().add("chart-button");
        save.setMinWidth(Region.USE_PREF_SIZE);
        q.getStyleClass().add("chart-button");
        q.setMinWidth(Region.USE_PREF_SIZE);
        this.title.setMinWidth(0);
        // a title that does not fit beside the buttons wraps onto a second line (beside a lesson at 1000 px a chart is
        // ~210 px wide and its title was cut: "Normalizatio…", "Activation st…")
        this.title.setWrapText(true);
        this.title.setMinHeight(Region.USE_PREF_SIZE);
        Tooltip full = new Tooltip();
        full.textProperty().bind(this.title.textProperty());
        this.title.setTooltip(full);   // the whole title when a narrow pane still cuts it (a long layer name)
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(6, this.title, spacer, q, save);
        buttons = new javafx.scene.Node[] {q, save};
        header.getStyleClass().add("chart-header");
        getChildren().addAll(header, helpText, chart);
        VBox.setVgrow(chart, Priority.ALWAYS);
        getStyleClass().add("chart-pane");
        setId("chart-" + title.toLowerCase().replaceAll("[^a-z0-9]+", "-"));
    }

    public ChartCanvas chart() { return chart; }

    public void setTitle(String t) { title.setText(t); }

    /** The chart under its title as a PNG image (the "?" and Save buttons left out); on the FX thread. */
    public void savePng(Path file) throws IOException {
        for (javafx.scene.Node b : buttons) b.setVisible(false);
        try {
            PngWriter.write(this, file);
        } finally {
            for (javafx.scene.Node b : buttons) b.setVisible(true);
        }
    }

    public void saveSvg(Path file) throws IOException { Files.writeString(file, chart.svg()); }

    public void saveCsv(Path file) throws IOException { Files.writeString(file, chart.csv()); }

    private interface Saver { void save(Path p) throws IOException; }

    private void choose(String what, String pattern, Saver saver) {
        FileChooser fc = new FileChooser();
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(what, pattern));
        fc.setInitialFileName(getId() + pattern.substring(1));
        File f = fc.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (f == null) return;
        try {
            saver.save(f.toPath());
        } catch (IOException ex) {
            new Alert(Alert.AlertType.ERROR, f + ": cannot save (" + ex.getMessage() + ")").showAndWait();
        }
    }
}
