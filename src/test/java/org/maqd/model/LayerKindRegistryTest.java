package org.maqd.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The kind registry is the only place that switches on kind names; every kind is complete. */
class LayerKindRegistryTest {
    static final Path SRC = Path.of("src/main/java/org/maqd");

    /** The registry's own files: the kinds, their shared bases, the registry, the field descriptors. */
    static boolean registry(Path f) {
        String n = f.getFileName().toString();
        return f.startsWith(SRC.resolve("model")) && (n.endsWith("Kind.java") || n.equals("LayerKinds.java") || n.equals("KindField.java"));
    }

    @Test
    void noFileOutsideTheRegistrySwitchesOnKindNames() throws IOException {
        String names = String.join("|", LayerKinds.names());
        Pattern sw = Pattern.compile("case\\s+\"(" + names + ")\"|\"(" + names + ")\"\\s*(\\.equals|::equals)|equals(IgnoreCase)?\\(\\s*\"(" + names
                + ")\"\\s*\\)|Set\\.of\\([^)]*\"(" + names + ")\"|switch\\s*\\([^)]*\\.(type|kind)\\(\\)\\s*\\)");
        List<String> bad = new ArrayList<>();
        try (Stream<Path> s = Files.walk(SRC)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (registry(f)) continue;
                Matcher m = sw.matcher(Files.readString(f));
                while (m.find()) bad.add(f + ": " + m.group());
            }
        }
        assertTrue(bad.isEmpty(), "kind names switched on outside the registry: " + bad);
    }

    /**
     * Exporters lower the network through {@link Lowering} (each kind picks its primitive in its own class); no file
     * outside the model package keeps a table from layer classes to what they become (the ONNX writer had one).
     */
    @Test
    void noFileOutsideTheModelPackageMapsLayerClassesToAForm() throws IOException {
        Pattern table = Pattern.compile("\\b(Linear|Conv2d|Flatten|Dropout|MaxPool2d|AvgPool2d|GlobalAvgPool|Concat|Add|AddBlock|QuantBlock)\\.class\\b");
        List<String> bad = new ArrayList<>();
        try (Stream<Path> s = Files.walk(SRC)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (f.startsWith(SRC.resolve("model"))) continue;
                Matcher m = table.matcher(Files.readString(f));
                while (m.find()) bad.add(f + ": " + m.group());
            }
        }
        assertTrue(bad.isEmpty(), "layer classes mapped outside the registry (lower through org.maqd.model.Lowering): " + bad);
    }

    @Test
    void everyKindIsComplete() {
        for (LayerKind k : LayerKinds.all()) {
            assertNotNull(k.label(), k.name());
            assertNotNull(k.description(), k.name());
            LayerSpec p = k.paletteSpec();
            assertEquals(k.name(), p.type());
            for (KindField f : k.fields()) {
                if (f.required()) assertNotNull(f.get().apply(p), k.name() + "." + f.name() + " is required but the palette spec leaves it out");
            }
            assertTrue(k.minInputs() >= 1 && k.maxInputs() >= k.minInputs(), k.name());
            assertEquals(k, LayerKinds.get(k.name()));
        }
    }
}
