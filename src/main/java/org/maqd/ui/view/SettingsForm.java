package org.maqd.ui.view;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import org.maqd.ui.vm.LockRules;
import org.maqd.ui.vm.TrainingSettings;
import org.maqd.ui.vm.TrainingViewModel;

/**
 * The run settings as label + field pairs; refreshed from the document, locked fields read-only. A field's text is
 * committed on Enter, on leaving the field, and before a run starts ({@link #commitPending}); a change of the document
 * updates the fields the user is not editing and keeps the text of those being edited.
 */
final class SettingsForm {
    private final FlowPane pane;
    private final TrainingViewModel vm;
    /** The text fields by setting, and the document's value each one showed last (its text differs while edited). */
    private final Map<TrainingSettings, TextField> texts = new EnumMap<>(TrainingSettings.class);
    private final Map<TrainingSettings, ComboBox<String>> boxes = new EnumMap<>(TrainingSettings.class);
    private final Map<TrainingSettings, String> shown = new EnumMap<>(TrainingSettings.class);
    private LockRules builtFor;

    SettingsForm(FlowPane pane, TrainingViewModel vm) {
        this.pane = pane;
        this.vm = vm;
    }

    void build() {
        vm.document().experimentProperty().addListener((o, a, b) -> refresh());
        vm.document().loadsProperty().addListener((o, a, b) -> rebuild());   // another document: nothing typed carries over
        refresh();
    }

    /** Commits every field whose text differs from the document; false (the message says why) if one is refused. */
    boolean commitPending() {
        for (var e : texts.entrySet()) {
            if (!commit(e.getKey(), e.getValue())) return false;
        }
        for (var e : boxes.entrySet()) {
            ComboBox<String> box = e.getValue();
            String now = shown.get(e.getKey()), typed = box.isEditable() ? box.getEditor().getText() : box.getValue();
            if (typed == null || typed.equals(now) || typed.isEmpty() && now == null) continue;
            if (!vm.setSetting(e.getKey(), typed)) {
                box.setValue(now);
                return false;
            }
        }
        return true;
    }

    private boolean commit(TrainingSettings s, TextField t) {
        String v = shown.get(s);
        if (!t.isEditable() || t.getText().trim().equals(v == null ? "" : v)) return true;
        if (vm.setSetting(s, t.getText())) {
            t.setText(shown.get(s));   // as the document holds it ("5e-2" reads 0.05): the field is no longer being edited
            return true;
        }
        t.setText(v);   // a refused value is not left in the field: it shows the document's value, the message says why
        return false;
    }

    private void refresh() {
        var e = vm.document().get();
        if (builtFor != vm.document().locks()) {
            rebuild();
            return;
        }
        for (TrainingSettings s : TrainingSettings.values()) {
            String v = s.get(e), before = shown.put(s, v);
            TextField t = texts.get(s);
            if (t != null && t.getText().trim().equals(before == null ? "" : before)) t.setText(v);   // not being edited
            ComboBox<String> box = boxes.get(s);
            if (box != null && !java.util.Objects.equals(box.getValue(), v)) box.setValue(v);
        }
    }

    private void rebuild() {
        builtFor = vm.document().locks();
        pane.getChildren().clear();
        texts.clear();
        boxes.clear();
        var e = vm.document().get();
        for (TrainingSettings s : TrainingSettings.values()) {
            boolean locked = vm.document().locks().isLocked(s.path);
            shown.put(s, s.get(e));
            Control c = locked ? lockedField(s.get(e)) : control(s, s.get(e));
            // an empty field says what it means ("all"), locked (a lesson) or not
            if (c instanceof TextField t) t.setPromptText(s.whenEmpty());
            c.setId("setting-" + s.path.replace('.', '-'));
            Label l = new Label(s.label);
            if (locked) LockMark.mark(l, c, s.label + " is " + LockRules.REASON + ": the lesson fixes it.");
            HBox box = new HBox(4, l, c);
            box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            pane.getChildren().add(box);
        }
    }

    /** A locked setting: its value, readable, not editable, focusable so the tooltip and the value can be read. */
    private static Control lockedField(String value) {
        TextField t = new TextField(value);
        t.setEditable(false);
        t.setPrefColumnCount(Math.max(4, Math.min(10, value == null ? 4 : value.length())));
        return t;
    }

    private Control control(TrainingSettings s, String value) {
        List<String> choices = s == TrainingSettings.DATASET ? TrainingSettings.DATASETS
                : s == TrainingSettings.OPTIMIZER ? TrainingSettings.OPTIMIZERS
                : s == TrainingSettings.SCHEDULE ? TrainingSettings.SCHEDULES : null;
        if (choices != null) {
            ComboBox<String> box = new ComboBox<>();
            box.getItems().setAll(choices);
            box.setEditable(s == TrainingSettings.DATASET);
            box.setValue(value);
            box.setPrefWidth(s == TrainingSettings.DATASET ? 130 : 95);
            box.setOnAction(ev -> {
                String v = box.getEditor() != null && box.isEditable() ? box.getEditor().getText() : box.getValue();
                String now = shown.get(s);
                if (v != null && !v.equals(now) && !vm.setSetting(s, v)) box.setValue(now);
            });
            boxes.put(s, box);
            return box;
        }
        TextField t = new TextField(value);
        t.setPrefColumnCount(s == TrainingSettings.LEARNING_RATE || s == TrainingSettings.THREADS ? 6 : 4);   // "all cores" whole
        t.setOnAction(ev -> commit(s, t));
        t.focusedProperty().addListener((o, was, now) -> { if (!now) commit(s, t); });
        texts.put(s, t);
        return t;
    }
}
