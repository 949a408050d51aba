package org.maqd.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** JavaFX stays inside org.maqd.ui, and the view models stay free of scene-graph and toolkit classes. */
class JavaFxBoundaryTest {
    private static List<Path> sources(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList());
        }
    }

    @Test
    void onlyTheUiPackageImportsJavaFx() throws IOException {
        Path main = Path.of("src", "main", "java", "org", "maqd");
        List<String> offenders = sources(main).stream()
                .filter(p -> !p.startsWith(main.resolve("ui")))
                .filter(p -> read(p).contains("import javafx."))
                .map(Path::toString).collect(Collectors.toList());
        assertEquals(List.of(), offenders);
    }

    @Test
    void viewModelsUseOnlyObservableBeansAndCollections() throws IOException {
        Path vm = Path.of("src", "main", "java", "org", "maqd", "ui", "vm");
        List<Path> files = sources(vm);
        assertTrue(files.size() > 10);
        for (Path p : files) {
            for (String line : read(p).split("\n")) {
                if (!line.startsWith("import javafx.")) continue;
                assertTrue(line.startsWith("import javafx.beans.") || line.startsWith("import javafx.collections."),
                        p + ": " + line);
            }
            assertTrue(!read(p).contains("Platform.runLater"), p + " must not touch the FX thread");
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
