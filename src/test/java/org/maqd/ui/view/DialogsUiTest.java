package org.maqd.ui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The dialogs' shape: bounded width whatever the message, and Enter never saves over a file. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class DialogsUiTest {
    @Start
    void start(Stage stage) { stage.show(); }

    @Test
    void anErrorAboutAnUnknownFieldFitsOnScreen(FxRobot robot) {
        String known = String.join(", ", java.util.Collections.nCopies(60, "\"weightStandardization\""));
        String msg = "experiments/x.json: unknown field \"weightStates2\" in network.defaults; known fields: " + known;
        for (String m : new String[]{msg, "short", msg.replace(", ", ",")}) {
            double[] w = new double[2];
            robot.interact(() -> {
                Alert a = FxPrompts.message(Alert.AlertType.ERROR, "Cannot open the experiment", m);
                // styled and skinned as when shown (the window takes this size): without a skin a label has no width
                a.getDialogPane().applyCss();
                w[0] = a.getDialogPane().prefWidth(-1);
                w[1] = a.getDialogPane().prefHeight(w[0]);
            });
            assertTrue(w[0] <= FxPrompts.TEXT_WIDTH + 120, "dialog width " + w[0]);
            assertTrue(w[1] <= 560, "dialog height " + w[1]);
        }
    }

    /** "Report written": each path whole on one line, selectable, never wrapped mid-name (a wrapped label split them). */
    @Test
    void aWrittenFilesPathIsShownWholeAndSelectable(FxRobot robot) {
        java.nio.file.Path html = java.nio.file.Path.of("/home/someone/projects/maqd-workbench/runs",
                "2026-12-04T10-15-30_quickstart-mlp-784-256-256-10_seed-1234", "report.html").toAbsolutePath();
        java.util.List<javafx.scene.control.TextField> fields = new java.util.ArrayList<>();
        java.util.List<String> labels = new java.util.ArrayList<>();
        double[] w = new double[1];
        robot.interact(() -> {
            Alert a = FxPrompts.written("Export report", "Report written:", java.util.List.of(html, html.resolveSibling("report.pdf")));
            a.getDialogPane().applyCss();
            a.getDialogPane().layout();
            w[0] = a.getDialogPane().prefWidth(-1);
            for (javafx.scene.Node n : a.getDialogPane().lookupAll(".text-field")) fields.add((javafx.scene.control.TextField) n);
            for (javafx.scene.Node n : a.getDialogPane().lookupAll(".label")) labels.add(((javafx.scene.control.Label) n).getText());
        });
        assertEquals(java.util.List.of(html.toString(), html.resolveSibling("report.pdf").toString()),
                fields.stream().map(javafx.scene.control.TextField::getText).toList(), "one field per file, its whole path");
        assertTrue(fields.stream().noneMatch(javafx.scene.control.TextField::isEditable), "read-only, selectable");
        assertTrue(labels.stream().noneMatch(t -> t != null && t.contains(html.getFileName().toString())),
                "no path in a wrapping label: " + labels);
        assertTrue(w[0] <= FxPrompts.PATH_WIDTH + 120, "dialog width " + w[0]);
    }

    @Test
    void unsavedChangesDoesNotDefaultToSave(FxRobot robot) {
        boolean[] saveDefault = new boolean[1], cancelDefault = new boolean[1];
        robot.interact(() -> {
            Alert a = FxPrompts.unsaved("quickstart.json");
            for (ButtonType t : a.getButtonTypes()) {
                Button b = (Button) a.getDialogPane().lookupButton(t);
                if (t.getButtonData() == ButtonBar.ButtonData.YES) saveDefault[0] = b.isDefaultButton();
                if (t == ButtonType.CANCEL) cancelDefault[0] = b.isDefaultButton();
            }
        });
        assertFalse(saveDefault[0], "Enter must not save over the file");
        assertTrue(cancelDefault[0], "Enter cancels");
    }
}
