package org.maqd.ui.vm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.maqd.ui.engine.Deployer;

/**
 * The runs table: every run folder under the runs root, the settings that differ between them (so two runs
 * that differ only in norm show "network.defaults.norm=bn"), final accuracy, deployed model size and the
 * deployment badge; runs grouped by one differing setting with mean ± 95% CI of the final test accuracy; and the
 * deployment commands (verify the integer model, export C), which run on a background thread and report back
 * through {@link #setUiExecutor the UI executor}. The selection is the run folders in {@link #selected()}: a refresh
 * (the tab shown again, a run ended, a deployment written) keeps it, since the rows are new objects each time.
 */
public final class RunsViewModel {
    /** One table row. */
    public record Row(RunFolder run, int number, String differences, String accuracy, String size, String deployment) {}

    private final ObjectProperty<Path> root = new SimpleObjectProperty<>();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Path> selected = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");
    private final ObservableList<String> groupKeys = FXCollections.observableArrayList();
    private final StringProperty groupBy = new SimpleStringProperty();
    private final ObservableList<GroupStats.Group> groups = FXCollections.observableArrayList();
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final StringProperty deployMessage = new SimpleStringProperty("");
    private final Map<Path, String> failures = new java.util.HashMap<>();
    private final Deployer deployer;
    private Executor ui = Runnable::run;
    private Map<String, String> shortToKey = Map.of();
    /** Each differing setting's value in each row, by row number - 1 (as the rows show them). */
    private Map<String, List<String>> shownValues = Map.of();

    public RunsViewModel(Path root) { this(root, null); }

    public RunsViewModel(Path root, Deployer deployer) {
        this.root.set(root);
        this.deployer = deployer;
        groupBy.addListener((o, a, b) -> regroup());
    }

    /** Where results of background work are published (the FX thread in the window; the caller's thread by default). */
    public void setUiExecutor(Executor ui) { this.ui = ui; }

    /** Lists the run folders again, keeping the selected ones selected (else the last run). */
    public void refresh() {
        List<Path> wasSelected = List.copyOf(selected);
        Path r = root.get();
        List<RunFolder> runs = new ArrayList<>();
        if (r != null && Files.isDirectory(r)) {
            try (Stream<Path> s = Files.list(r)) {
                s.filter(Files::isDirectory).filter(RunFolder::looksLikeRun).sorted(BY_NAME).forEach(d -> runs.add(RunFolder.read(d)));
            } catch (IOException e) {
                message.set(r + ": cannot list run folders (" + e.getMessage() + ")");
            }
        }
        Map<String, List<String>> differing = differences(runs);
        List<Row> out = new ArrayList<>();
        for (RunFolder f : runs) {
            String b = org.maqd.report.SettingDifferences.values(differing, out.size());
            String failed = failures.get(f.dir());
            String badge = f.certificate() == null && failed != null ? "not integer-only: " + failed : f.badge();
            out.add(new Row(f, out.size() + 1, b, Double.isNaN(f.testAccuracy()) ? f.status()
                    : String.format("%.2f%%", 100 * f.testAccuracy()), f.deployedBytes() == 0 ? "" : bytes(f.deployedBytes()), badge));
        }
        rows.setAll(out);
        List<Path> still = new ArrayList<>();
        for (Row row : out) if (wasSelected.stream().anyMatch(k -> same(k, row.run().dir()))) still.add(row.run().dir());
        if (still.isEmpty() && !out.isEmpty()) still.add(out.get(out.size() - 1).run().dir());
        selected.setAll(still);
        Map<String, String> keys = new java.util.LinkedHashMap<>();
        for (String k : differing.keySet()) keys.put(shortKey(k), k);
        shortToKey = keys;
        shownValues = differing;
        String keep = groupBy.get();
        groupKeys.setAll(keys.keySet());
        // replacing the choices may clear a bound chooser's value: set the choice again after
        groupBy.set(keep != null && keys.containsKey(keep) ? keep : keys.isEmpty() ? null : keys.keySet().iterator().next());
        regroup();
        message.set(runs.isEmpty() ? "No runs under " + (r == null ? "?" : r.toAbsolutePath()) + " yet: train one in the Training tab."
                : runs.size() + " run(s) in " + r.toAbsolutePath());
    }

    /**
     * Folder names in reading order: runs of digits compare as numbers ("weightStates=2_seed=0" before
     * "weightStates=16_seed=0"), the rest as text; time-stamped run names keep their order.
     */
    static final java.util.Comparator<Path> BY_NAME = (a, b) -> compareNatural(a.getFileName().toString(), b.getFileName().toString());

    static int compareNatural(String a, String b) {
        int i = 0, j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i), y = b.charAt(j);
            if (Character.isDigit(x) && Character.isDigit(y)) {
                int i1 = i, j1 = j;
                while (i1 < a.length() && Character.isDigit(a.charAt(i1))) i1++;
                while (j1 < b.length() && Character.isDigit(b.charAt(j1))) j1++;
                String p = a.substring(i, i1).replaceFirst("^0+(?=.)", ""), q = b.substring(j, j1).replaceFirst("^0+(?=.)", "");
                int c = p.length() != q.length() ? Integer.compare(p.length(), q.length()) : p.compareTo(q);
                if (c != 0) return c;
                i = i1;
                j = j1;
            } else {
                if (x != y) return Character.compare(x, y);
                i++;
                j++;
            }
        }
        int c = Integer.compare(a.length() - i, b.length() - j);
        return c != 0 ? c : a.compareTo(b);
    }

    /**
     * Shows the run in folder {@code dir} selected, alone: the Runs view lists its parent folder from now on (a run
     * just trained lists with the runs beside it, a sweep's trial with the sweep's trials).
     */
    public void select(Path dir) {
        Path parent = dir.toAbsolutePath().normalize().getParent();
        if (root.get() == null || !same(root.get(), parent)) root.set(parent);
        selected.setAll(List.of(dir));
        refresh();
    }

    /** The selected runs' folders, in table order (the view keeps the table's selection and this list the same). */
    public ObservableList<Path> selected() { return selected; }

    static boolean same(Path a, Path b) { return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize()); }

    /**
     * The settings whose values are not the same in every run, each with its value in each run as shown (see
     * {@link org.maqd.report.SettingDifferences}: a network of another structure is one "network" setting).
     */
    static Map<String, List<String>> differences(List<RunFolder> runs) {
        if (runs.isEmpty()) return Map.of();
        return org.maqd.report.SettingDifferences.of(runs.stream().map(RunFolder::settings).toList());
    }

    /**
     * Labels for an overlay of {@code rows}: each run's number and the settings that differ among these runs only (the
     * table's "Differs in" is over every run in the folder: two runs that differ in batch size alone were labelled
     * with the seed, the data limit and the network of the others too); the run's name when none differ.
     */
    public static List<String> overlayLabels(List<Row> rows) {
        Map<String, List<String>> differing = differences(rows.stream().map(Row::run).toList());
        List<String> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            String b = org.maqd.report.SettingDifferences.values(differing, i);
            out.add("#" + rows.get(i).number() + " " + (b.isEmpty() ? rows.get(i).run().name() : b));
        }
        return out;
    }


    private static String shortKey(String k) { return org.maqd.report.SettingDifferences.shortKey(k); }

    static String bytes(long b) { return org.maqd.model.MemoryEstimate.human(b); }

    private void regroup() {
        String k = groupBy.get() == null ? null : shortToKey.get(groupBy.get());
        if (k == null) {
            groups.clear();
            return;
        }
        // a stopped or failed run's accuracy is an earlier epoch's: it is listed in its group, not averaged in
        List<String> values = shownValues.get(k);
        groups.setAll(GroupStats.of(rows, r -> values.get(r.number() - 1), r -> r.run().name(),
                r -> org.maqd.run.Summary.finished(r.run().status()) ? r.run().testAccuracy() : Double.NaN));
    }

    /**
     * Folds the run's model, compares it with the float model on the run's test set and writes certificate.json,
     * on a background thread; the table refreshes when it is done and {@link #deployMessageProperty} says how it went.
     * Returns false (and does nothing) while another deployment command runs.
     */
    public boolean verify(Row r) {
        if (r == null || deployer == null || busy.get()) return false;
        Path dir = r.run().dir();
        return background("Verifying the integer model of " + r.run().name() + " on its test set…", () -> {
            Map<String, Object> cert = deployer.verify(dir);
            return r.run().name() + ": " + DeploymentBadge.text(cert, null) + " (certificate.json written)";
        }, dir);
    }

    /** Writes the run's integer model as C99 sources into {@code outDir}, on a background thread. */
    public boolean exportC(Row r, Path outDir) {
        if (r == null || deployer == null || busy.get()) return false;
        return background("Exporting " + r.run().name() + " as C…", () -> "C written to " + deployer.exportC(r.run().dir(), outDir), null);
    }

    /** Writes the run's trained network as an ONNX model into {@code file}, on a background thread. */
    public boolean exportOnnx(Row r, Path file) {
        if (r == null || deployer == null || busy.get()) return false;
        return background("Exporting " + r.run().name() + " as ONNX…", () -> "ONNX written to " + deployer.exportOnnx(r.run().dir(), file), null);
    }

    private boolean background(String start, java.util.concurrent.Callable<String> work, Path failureKey) {
        busy.set(true);
        deployMessage.set(start);
        BackgroundTask.start("maqd-deploy", work, ui, (msg, why) -> {
            if (failureKey != null) {
                if (why != null && why.startsWith("not integer-only because ")) failures.put(failureKey, why.substring(25));
                else failures.remove(failureKey);
            }
            refresh();                                   // the table shows the result before busy ends
            deployMessage.set(why == null ? msg : why);
            busy.set(false);
        });
        return true;
    }

    public Map<String, String> settingsOf(Row r) { return r.run().settings(); }
    public ObjectProperty<Path> rootProperty() { return root; }
    public ObservableList<Row> rows() { return rows; }
    public StringProperty messageProperty() { return message; }
    public ObservableList<String> groupKeys() { return groupKeys; }
    public StringProperty groupByProperty() { return groupBy; }
    public ObservableList<GroupStats.Group> groups() { return groups; }
    public BooleanProperty busyProperty() { return busy; }
    public StringProperty deployMessageProperty() { return deployMessage; }
    public boolean canDeploy() { return deployer != null; }
}
