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

    Unsaved unsavedChanges(String name);
}
