package org.maqd.ui.vm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The runs table: every run folder under the runs root, the settings that differ between them (so two runs
 * that differ only in norm show "network.defaults.norm=bn"), final accuracy and model size.
 */
public final class RunsViewModel {
    /** One table row. */
    public record Row(RunFolder run, String differences, String accuracy, String size) {}

    private final ObjectProperty<Path> root = new SimpleObjectProperty<>();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");

    public RunsViewModel(Path root) { this.root.set(root); }

    public void refresh() {
        Path r = root.get();
        List<RunFolder> runs = new ArrayList<>();
        if (r != null && Files.isDirectory(r)) {
            try (Stream<Path> s = Files.list(r)) {
                s.filter(Files::isDirectory).filter(RunFolder::looksLikeRun).sorted().forEach(d -> runs.add(RunFolder.read(d)));
            } catch (IOException e) {
                message.set(r + ": cannot list run folders (" + e.getMessage() + ")");
            }
        }
        Set<String> differing = differingKeys(runs);
        List<Row> out = new ArrayList<>();
        for (RunFolder f : runs) {
            StringBuilder b = new StringBuilder();
            for (String k : differing) {
                if (b.length() > 0) b.append("  ");
                b.append(shortKey(k)).append('=').append(f.settings().getOrDefault(k, "–"));
            }
            out.add(new Row(f, b.toString(), Double.isNaN(f.testAccuracy()) ? f.status()
                    : String.format("%.2f%%", 100 * f.testAccuracy()), f.modelBytes() == 0 ? "" : bytes(f.modelBytes())));
        }
        rows.setAll(out);
        message.set(runs.isEmpty() ? "No runs under " + (r == null ? "?" : r.toAbsolutePath()) + " yet: train one in the Training tab."
                : runs.size() + " run(s) in " + r.toAbsolutePath());
    }

    /** Setting paths whose values are not the same in every run (run names and descriptions excluded). */
    static Set<String> differingKeys(List<RunFolder> runs) {
        Set<String> keys = new LinkedHashSet<>();
        for (RunFolder f : runs) keys.addAll(f.settings().keySet());
        Set<String> out = new LinkedHashSet<>();
        for (String k : keys) {
            if (k.equals("name") || k.equals("description")) continue;
            String first = runs.get(0).settings().get(k);
            for (RunFolder f : runs) {
                if (!Objects.equals(first, f.settings().get(k))) {
                    out.add(k);
                    break;
                }
            }
        }
        // a changed default shows up again in every resolved layer: keep only the default
        out.removeIf(k -> {
            java.util.regex.Matcher m = LAYER_KEY.matcher(k);
            return m.matches() && out.contains("network.defaults." + m.group(1));
        });
        return out;
    }

    private static final java.util.regex.Pattern LAYER_KEY = java.util.regex.Pattern.compile("network\\.layers\\[\\d+]\\.(\\w+)");

    private static String shortKey(String k) {
        return k.replace("network.defaults.", "").replace("network.layers", "L").replace("training.", "").replace("data.", "");
    }

    static String bytes(long b) {
        return b >= 1 << 20 ? String.format("%.1f MB", b / 1048576.0) : b >= 1024 ? String.format("%.1f kB", b / 1024.0) : b + " B";
    }

    public Map<String, String> settingsOf(Row r) { return r.run().settings(); }
    public ObjectProperty<Path> rootProperty() { return root; }
    public ObservableList<Row> rows() { return rows; }
    public StringProperty messageProperty() { return message; }
}
