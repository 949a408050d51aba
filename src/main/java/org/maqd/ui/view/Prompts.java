package org.maqd.ui.view;

import java.nio.file.Path;

/** The questions the workbench asks the user; replaced in tests so no native dialog opens. */
public interface Prompts {
    enum Unsaved { SAVE, DISCARD, CANCEL }

    Path chooseOpen(Path initialDir);

    Path chooseSave(Path initialDir, String initialName);

    void error(String title, String message);

    /** Tells the user something finished (e.g. where a report was written). */
    void info(String title, String message);

    /**
     * Tells the user which files were written (a report, a lesson): {@code what} ("Report written:") and the full
     * paths, each readable whole (not wrapped mid-name).
     */
    default void filesWritten(String title, String what, java.util.List<Path> files) {
        StringBuilder sb = new StringBuilder(what);
        for (Path f : files) sb.append('\n').append(f.toAbsolutePath());
        info(title, sb.toString());
    }

    Unsaved unsavedChanges(String name);
}
