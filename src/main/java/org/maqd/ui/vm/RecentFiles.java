package org.maqd.ui.vm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The most recently opened or saved experiment files, newest first, kept in a small text file. */
public final class RecentFiles {
    private static final int MAX = 8;
    private final Path store;
    private final ObservableList<Path> files = FXCollections.observableArrayList();

    /** store null keeps the list in memory only. */
    public RecentFiles(Path store) {
        this.store = store;
        if (store != null && Files.isRegularFile(store)) {
            try {
                for (String l : Files.readAllLines(store)) if (!l.isBlank()) files.add(Path.of(l.trim()));
            } catch (IOException | RuntimeException ignored) {
                files.clear();
            }
        }
    }

    public void add(Path p) {
        Path a = p.toAbsolutePath().normalize();
        files.remove(a);
        files.add(0, a);
        while (files.size() > MAX) files.remove(files.size() - 1);
        if (store == null) return;
        try {
            Files.createDirectories(store.toAbsolutePath().getParent());
            List<String> lines = new ArrayList<>();
            for (Path f : files) lines.add(f.toString());
            Files.write(store, lines);
        } catch (IOException ignored) {
            // the list is a convenience: failing to persist it must not disturb the user
        }
    }

    public ObservableList<Path> files() { return files; }
}
