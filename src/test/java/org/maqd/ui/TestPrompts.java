package org.maqd.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.maqd.ui.view.Prompts;

/** Scripted answers to the workbench's questions; records the errors it was shown. */
public final class TestPrompts implements Prompts {
    public volatile Path openAnswer, saveAnswer;
    public volatile Unsaved unsavedAnswer = Unsaved.CANCEL;
    public final List<String> errors = new ArrayList<>(), infos = new ArrayList<>();
    public volatile int unsavedAsked;

    @Override public Path chooseOpen(Path dir) { return openAnswer; }
    @Override public Path chooseSave(Path dir, String name) { return saveAnswer; }
    @Override public synchronized void error(String title, String message) { errors.add(title + ": " + message); }

    @Override public synchronized void info(String title, String message) { infos.add(title + ": " + message); }

    @Override
    public Unsaved unsavedChanges(String name) {
        unsavedAsked++;
        return unsavedAnswer;
    }
}
