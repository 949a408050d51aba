package org.maqd.run;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The run folder has one owner: no main class outside {@code org.maqd.run} names a run or sweep file by a string
 * literal (they use {@link RunFiles}), reads a CSV file as untyped cells or looks up its columns by name (they read
 * the owner's typed rows), splits lines at commas or imports a CSV library.
 */
class RunFilesOwnershipTest {
    static final Path SRC = Path.of("src/main/java/org/maqd");

    static List<String> fileNames() throws IllegalAccessException {
        List<String> names = new ArrayList<>();
        for (Field f : RunFiles.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) names.add((String) f.get(null));
        }
        return names;
    }

    static List<Path> outside() throws IOException {
        try (Stream<Path> s = Files.walk(SRC)) {
            return s.filter(p -> p.toString().endsWith(".java") && !p.startsWith(SRC.resolve("run"))).toList();
        }
    }

    @Test
    void noClassOutsideTheRunPackageNamesARunFile() throws Exception {
        List<String> names = fileNames();
        assertTrue(names.contains("metrics.csv") && names.contains("summary.json"), "the constants are read");
        Pattern literal = Pattern.compile("\"([^\"\\\\]*)\"");
        List<String> bad = new ArrayList<>();
        for (Path f : outside()) {
            if (f.endsWith(Path.of("ui/view/MainView.java"))) continue;   // "experiment.json": a new experiment file's default name
            List<String> lines = Files.readAllLines(f);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).trim();
                if (line.startsWith("*") || line.startsWith("//") || line.startsWith("/*")) continue;
                if (line.startsWith("@Command(")) continue;                    // a command's name, not a file
                Matcher m = literal.matcher(line);
                while (m.find()) {
                    String lit = m.group(1);
                    for (String n : names) {
                        if (lit.equals(n)) bad.add(f + ":" + (i + 1) + ": \"" + lit + "\"");
                    }
                }
            }
        }
        assertTrue(bad.isEmpty(), "run file names outside org.maqd.run (use RunFiles): " + bad);
    }

    @Test
    void noClassOutsideTheRunPackageParsesCsv() throws Exception {
        List<String> bad = new ArrayList<>();
        for (Path f : outside()) {
            String text = Files.readString(f);
            if (text.contains("import com.fasterxml.jackson.dataformat.csv")) bad.add(f + ": imports the CSV library");
            if (text.contains("CsvTable.read(") || text.contains("CsvTable.parse(")) {
                bad.add(f + ": reads a CSV file as untyped cells (read run files as their owner's records)");
            }
            if (text.contains(".get(r, \"") || text.contains(".column(\"")) bad.add(f + ": looks up a CSV column by name");
            boolean readsRunFiles = text.contains("RunFiles.") || text.contains("CsvTable");
            if (readsRunFiles && (text.contains("split(\",\"") || text.contains("split(',')") || text.contains("indexOf(',')"))) {
                bad.add(f + ": splits CSV by hand");
            }
        }
        assertTrue(bad.isEmpty(), "CSV read outside org.maqd.run: " + bad);
    }
}
