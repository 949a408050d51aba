package org.maqd.arch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The direction of imports between packages (see README, Layout): JavaFX only in ui; the engine never imports
 * the ui or the cli; low-level packages stay low.
 */
class LayeringTest {
    static final Path SRC = Path.of("src/main/java/org/maqd");

    /** package → prefixes it must not import. */
    static final Map<String, List<String>> FORBIDDEN = Map.of(
            "tensor", List.of("org.maqd.nn", "org.maqd.quant", "org.maqd.norm", "org.maqd.model", "org.maqd.train", "org.maqd.experiment", "org.maqd.ui", "org.maqd.cli"),
            "nn", List.of("org.maqd.model", "org.maqd.train", "org.maqd.experiment", "org.maqd.ui", "org.maqd.cli"),
            "quant", List.of("org.maqd.model", "org.maqd.train", "org.maqd.experiment", "org.maqd.ui", "org.maqd.cli", "org.maqd.norm"),
            "norm", List.of("org.maqd.model", "org.maqd.train", "org.maqd.experiment", "org.maqd.ui", "org.maqd.cli", "org.maqd.quant"),
            "data", List.of("org.maqd.model", "org.maqd.train", "org.maqd.ui", "org.maqd.cli", "org.maqd.nn", "org.maqd.experiment"),
            "model", List.of("org.maqd.train", "org.maqd.ui", "org.maqd.cli", "org.maqd.experiment"),
            "train", List.of("org.maqd.ui", "org.maqd.cli", "org.maqd.experiment"),
            "run", List.of("org.maqd.tensor", "org.maqd.nn", "org.maqd.quant", "org.maqd.norm", "org.maqd.optim", "org.maqd.data",
                    "org.maqd.model", "org.maqd.train", "org.maqd.experiment", "org.maqd.sweep", "org.maqd.deploy", "org.maqd.report",
                    "org.maqd.ui", "org.maqd.cli", "org.maqd.bench"),
            "experiment", List.of("org.maqd.ui", "org.maqd.cli"));

    static List<String> imports(Path file) {
        try {
            return Files.readAllLines(file).stream().filter(l -> l.startsWith("import ")).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Path> javaFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

    @Test
    void onlyTheUiImportsJavaFx() throws IOException {
        List<String> bad = new ArrayList<>();
        for (Path f : javaFiles(SRC)) {
            if (f.startsWith(SRC.resolve("ui"))) continue;
            for (String i : imports(f)) if (i.startsWith("import javafx.") || i.startsWith("import static javafx.")) bad.add(f + ": " + i);
        }
        assertTrue(bad.isEmpty(), "JavaFX outside org.maqd.ui: " + bad);
    }

    @Test
    void importsFollowThePackageLayering() throws IOException {
        List<String> bad = new ArrayList<>();
        for (var e : FORBIDDEN.entrySet()) {
            Path dir = SRC.resolve(e.getKey());
            if (!Files.isDirectory(dir)) continue;
            for (Path f : javaFiles(dir)) {
                for (String i : imports(f)) {
                    for (String p : e.getValue()) if (i.contains(" " + p + ".")) bad.add(f + ": " + i);
                }
            }
        }
        assertTrue(bad.isEmpty(), "imports against the layering: " + bad);
    }
}
