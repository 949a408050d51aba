package org.maqd.ui.view;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.maqd.ui.vm.ExperimentDocument;
import org.maqd.ui.vm.LessonViewModel;

/**
 * The lesson beside the work: its instruction text (headings, **bold** lead-ins and "- " items of the .lesson.md
 * file), and in teacher mode an editor for the text, a check box per lockable field and "Save lesson".
 */
final class LessonPane extends VBox {
    private final LessonViewModel vm;
    private final ExperimentDocument doc;
    private final VBox body = new VBox(6);
    private final Runnable save;

    LessonPane(LessonViewModel vm, ExperimentDocument doc, Runnable save) {
        super(6);
        this.vm = vm;
        this.doc = doc;
        this.save = save;
        setId("lessonPane");
        getStyleClass().add("lesson-pane");
        setPrefWidth(320);
        setMinWidth(240);
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("lesson-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().add(scroll);
        vm.textProperty().addListener(o -> { if (!vm.teacherModeProperty().get()) rebuild(); });
        vm.teacherModeProperty().addListener(o -> rebuild());
        doc.experimentProperty().addListener(o -> { if (vm.teacherModeProperty().get()) rebuildLocks(); });
        visibleProperty().bind(Bindings.createBooleanBinding(vm::isLesson, vm.textProperty(), doc.locksProperty())
                .and(vm.shownProperty()).or(vm.teacherModeProperty()));
        managedProperty().bind(visibleProperty());
        rebuild();
    }

    private VBox locks;

    private void rebuild() {
        body.getChildren().clear();
        Label title = new Label(vm.teacherModeProperty().get() ? "Lesson (teacher mode)" : "Lesson");
        title.getStyleClass().add("section-title");
        body.getChildren().add(title);
        if (!vm.teacherModeProperty().get()) {
            body.getChildren().addAll(render(vm.textProperty().get()));
            return;
        }
        Label hint = new Label("The instruction text students see beside the work (# heading, **bold**, - item):");
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");
        TextArea editor = new TextArea();
        editor.setId("lessonText");
        editor.setWrapText(true);
        editor.setPrefRowCount(14);
        editor.textProperty().bindBidirectional(vm.textProperty());
        Label lockTitle = new Label("Locked fields (students cannot change them):");
        lockTitle.setWrapText(true);
        lockTitle.getStyleClass().add("section-title");
        locks = new VBox(2);
        rebuildLocks();
        Button saveButton = new Button("Save lesson");
        saveButton.setId("saveLessonButton");
        saveButton.setOnAction(e -> save.run());
        Label msg = new Label();
        msg.setWrapText(true);
        msg.getStyleClass().add("message");
        msg.textProperty().bind(vm.messageProperty());
        body.getChildren().addAll(hint, editor, lockTitle, locks, saveButton, msg);
    }

    /** One check box per lock path; boxes are kept (only their state follows the document) while the paths stay. */
    private void rebuildLocks() {
        if (locks == null) return;
        List<String> paths = vm.lockPaths();
        List<Object> shown = locks.getChildren().stream().map(Node::getUserData).toList();
        if (!paths.equals(shown)) {
            locks.getChildren().clear();
            for (String p : paths) {
                // the student's name for the field; the experiment file's path on hover
                CheckBox c = new CheckBox(LessonViewModel.label(p));
                c.setUserData(p);
                c.setId("lock-" + p.replaceAll("[^A-Za-z0-9]+", "-"));
                c.setOnAction(e -> vm.setLocked(p, c.isSelected()));
                locks.getChildren().add(c);
            }
        }
        for (Node n : locks.getChildren()) {
            CheckBox c = (CheckBox) n;
            String p = (String) c.getUserData();
            String by = vm.coveredBy(p);
            // a field a broader lock covers shows as locked (and cannot be unlocked on its own)
            c.setSelected(vm.locked(p) || by != null);
            c.setDisable(by != null);
            c.setTooltip(new javafx.scene.control.Tooltip(by == null ? p : p + " is locked with \"" + LessonViewModel.label(by) + "\""));
        }
    }

    /** The lesson text as wrapped paragraphs: "# " a heading, "**lead.**" bold, "- " a bullet. */
    static List<Node> render(String md) {
        List<Node> out = new ArrayList<>();
        StringBuilder para = new StringBuilder();
        for (String line : (md + "\n\n").split("\n", -1)) {
            String t = line.strip();
            boolean item = t.startsWith("- ");
            if (t.isEmpty() || t.startsWith("#") || item) {
                if (para.length() > 0) out.add(flow(para.toString()));
                para.setLength(0);
            }
            if (t.startsWith("#")) {
                Label h = new Label(t.replaceFirst("^#+\\s*", ""));
                h.setWrapText(true);
                h.getStyleClass().add("lesson-heading");
                out.add(h);
            } else if (item) {
                para.append("•  ").append(t.substring(2));
            } else if (!t.isEmpty()) {
                para.append(para.length() > 0 ? " " : "").append(t);
            }
        }
        return out;
    }

    private static TextFlow flow(String s) {
        TextFlow f = new TextFlow();
        f.getStyleClass().add("lesson-text");
        String[] parts = s.split("\\*\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            Text t = new Text(parts[i].replace("*", "").replace("`", ""));
            t.getStyleClass().add(i % 2 == 1 ? "lesson-bold" : "lesson-plain");
            f.getChildren().add(t);
        }
        f.setMaxWidth(Double.MAX_VALUE);
        return f;
    }
}
