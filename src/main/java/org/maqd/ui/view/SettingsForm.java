package org.maqd.ui.view;

import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import org.maqd.ui.vm.LockRules;
import org.maqd.ui.vm.TrainingSettings;
import org.maqd.ui.vm.TrainingViewModel;

/** The run settings as label + field pairs; refreshed from the document, locked fields read-only. */
final class SettingsForm {
    private final FlowPane pane;
    private final TrainingViewModel vm;

    SettingsForm(FlowPane pane, TrainingViewModel vm) {
        this.pane = pane;
        this.vm = vm;
    }

    void build() {
        vm.document().experimentProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    private void refresh() {
        pane.getChildren().clear();
        var e = vm.document().get();
        for (TrainingSettings s : TrainingSettings.values()) {
            boolean locked = vm.document().locks().isLocked(s.path);
            Control c = locked ? lockedField(s.get(e)) : control(s, s.get(e));
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
                if (v != null && !v.equals(value) && !vm.setSetting(s, v)) box.setValue(value);
            });
            return box;
        }
        TextField t = new TextField(value);
        t.setPrefColumnCount(s == TrainingSettings.LEARNING_RATE ? 6 : 4);
        // a refused value is not left in the field: the field shows the document's value, the message says why
        Runnable commit = () -> {
            if (!t.getText().trim().equals(value == null ? "" : value) && !vm.setSetting(s, t.getText())) t.setText(value);
        };
        t.setOnAction(ev -> commit.run());
        t.focusedProperty().addListener((o, was, now) -> { if (!now) commit.run(); });
        return t;
    }
}
