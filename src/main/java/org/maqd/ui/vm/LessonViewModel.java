package org.maqd.ui.vm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A lesson: an experiment whose locks fix what the student may not change, and an instruction text (the question,
 * what to change, what to look at) kept beside the experiment file as {@code NAME.lesson.md}, shown beside the
 * work. Teacher mode edits the text and locks or unlocks fields; {@link #saveText} writes the text file. The text
 * file is owned here (read and written only by this class).
 */
public final class LessonViewModel {
    public static final String SUFFIX = ".lesson.md";
    /** The fields a teacher can lock from the lesson panel (any other lock path can be kept in the file). */
    public static final List<String> LOCKABLE = List.of("data.dataset", "data.trainLimit", "training.optimizer",
            "training.learningRate", "training.schedule", "training.epochs", "training.batchSize", "seed", "threads",
            "network.input", "network.layers.*.type", "network.layers.*.units", "network.layers.*.weightStates",
            "network.layers.*.activationStates", "network.layers.*.norm", "network.layers.*.weightStandardization",
            "network.layers");

    private final ExperimentDocument doc;
    private final StringProperty text = new SimpleStringProperty("");
    private final BooleanProperty teacher = new SimpleBooleanProperty(false);
    /** Whether the lesson text is shown beside the work (View → Lesson text); a narrow window can hide it. */
    private final BooleanProperty shown = new SimpleBooleanProperty(true);
    private final StringProperty message = new SimpleStringProperty("");
    private String savedText = "";

    public LessonViewModel(ExperimentDocument doc) {
        this.doc = doc;
        doc.loadsProperty().addListener((o, a, b) -> {
            shown.set(true);   // another document's lesson is shown again
            reload();
        });
        doc.fileProperty().addListener((o, a, b) -> { if (a == null && b != null && text.get().isEmpty()) reload(); });
        reload();
    }

    /** The instruction file of an experiment file: experiments/lessons/x.json → experiments/lessons/x.lesson.md. */
    public static Path textFile(Path experimentFile) {
        String n = experimentFile.getFileName().toString();
        return experimentFile.resolveSibling((n.endsWith(".json") ? n.substring(0, n.length() - 5) : n) + SUFFIX);
    }

    /**
     * The shipped lessons in teaching order, by file name: what a state is first, then quantizers, PTQ against QAT,
     * normalization, and the playground. File → Lessons listed them alphabetically, the introduction last.
     */
    static final List<String> COURSE = List.of("states-cost", "affine-vs-maqd", "qat-vs-ptq", "lbn-vs-bn", "playground-spirals");

    /** Lesson experiment files in {@link #COURSE} order; others (a teacher's own) after them, by name. */
    public static List<Path> inCourseOrder(java.util.Collection<Path> lessons) {
        java.util.function.ToIntFunction<Path> rank = p -> {
            int i = COURSE.indexOf(p.getFileName().toString().replaceFirst("\\.json$", ""));
            return i < 0 ? COURSE.size() : i;
        };
        return lessons.stream().sorted(java.util.Comparator.comparingInt(rank).thenComparing(p -> p.getFileName().toString())).toList();
    }

    /**
     * How File → Lessons names a lesson: the title line ("# …") of its text, else the experiment file's name (the menu
     * listed "lbn-vs-bn", "qat-vs-ptq"… where the lessons have titles).
     */
    public static String title(Path experimentFile) {
        String name = experimentFile.getFileName().toString().replaceFirst("\\.json$", "");
        Path text = textFile(experimentFile);
        if (!Files.isRegularFile(text)) return name;
        try (var lines = Files.lines(text)) {
            return lines.map(String::strip).filter(l -> !l.isEmpty()).findFirst()
                    .filter(l -> l.startsWith("# ")).map(l -> l.substring(2).strip()).orElse(name);
        } catch (IOException | java.io.UncheckedIOException e) {
            return name;
        }
    }

    private void reload() {
        Path f = doc.fileProperty().get();
        String t = "";
        message.set("");
        if (f != null && Files.isRegularFile(textFile(f))) {
            try {
                t = Files.readString(textFile(f));
            } catch (IOException e) {
                message.set(textFile(f) + ": cannot read the lesson text (" + e.getMessage() + ")");
            }
        }
        savedText = t;
        text.set(t);
    }

    /** True when the document is a lesson (has a text or locks) or the teacher is editing one. */
    public BooleanProperty shownProperty() { return shown; }

    public boolean isLesson() { return !text.get().isBlank() || !doc.locks().isEmpty(); }

    /** Locks or unlocks a field path as an undoable edit of the document. */
    public void setLocked(String path, boolean locked) {
        Set<String> locks = new LinkedHashSet<>(doc.get().locks() == null ? List.of() : doc.get().locks());
        if (locked ? !locks.add(path) : !locks.remove(path)) return;
        List<String> l = new ArrayList<>(locks);
        doc.edit((locked ? "Lock " : "Unlock ") + path, e -> e.withLocks(l.isEmpty() ? null : l));
    }

    public boolean locked(String path) { return doc.get().locks() != null && doc.get().locks().contains(path); }

    /**
     * How the teacher's lock list names a path: the label the student sees on the field ("Batch size"; "Weight
     * states M_w, every layer"), or the path itself for one the window has no field for.
     */
    public static String label(String path) {
        for (TrainingSettings s : TrainingSettings.values()) if (s.path.equals(path)) return s.label;
        if (path.startsWith("network.layers.*.")) {
            String key = path.substring("network.layers.*.".length());
            for (LayerField f : LayerField.values()) if (f.key.equals(key)) return f.label + ", every layer";
            if (key.equals("type")) return "Layer types";
        }
        return switch (path) {
            case "network.input" -> "Input shape";
            case "network.layers" -> "Layer list (add, remove, move)";
            case "network" -> "The whole network";
            case "data" -> "Every data setting";
            case "training" -> "Every training setting";
            case "probes" -> "Probes (what the charts record)";
            default -> path;
        };
    }

    /** A broader lock that already covers {@code path} (e.g. "data" for "data.dataset"), or null. */
    public String coveredBy(String path) {
        if (locked(path) || doc.get().locks() == null) return null;
        for (String l : doc.get().locks()) if (!l.equals(path) && new LockRules(java.util.List.of(l)).isLocked(path)) return l;
        return null;
    }

    /** The lock paths the panel shows: the usual ones and any other the experiment has. */
    public List<String> lockPaths() {
        boolean graph = doc.get().network() != null && doc.get().network().isGraph();
        Set<String> all = new LinkedHashSet<>();
        // a graph's nodes are locked under network.nodes (a lock under network.layers would lock nothing there)
        for (String p : LOCKABLE) all.add(graph ? p.replace("network.layers", "network.nodes") : p);
        if (doc.get().locks() != null) all.addAll(doc.get().locks());
        return List.copyOf(all);
    }

    /** Writes the text beside the experiment file (which must have been saved); null or the error text. */
    public String saveText() {
        Path f = doc.fileProperty().get();
        if (f == null) return "Save the experiment first: the lesson text is kept beside it.";
        try {
            Path t = textFile(f);
            if (text.get().isBlank()) Files.deleteIfExists(t);
            else Files.writeString(t, text.get().endsWith("\n") ? text.get() : text.get() + "\n");
            savedText = text.get();
            return null;
        } catch (IOException e) {
            return textFile(f) + ": cannot write the lesson text (" + e.getMessage() + ")";
        }
    }

    public boolean textDirty() { return !text.get().equals(savedText); }
    public StringProperty textProperty() { return text; }
    public BooleanProperty teacherModeProperty() { return teacher; }
    public StringProperty messageProperty() { return message; }
}
