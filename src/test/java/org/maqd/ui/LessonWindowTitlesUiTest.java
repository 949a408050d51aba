package org.maqd.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A lesson's window at 1000×700 keeps the lesson text beside the work, which leaves each Training chart ~210 px: the
 * titles were cut to "Latent weigh…", "Activation st…", "Quantization …" and "Normalizatio…" (the chart the LBN lesson
 * asks students to read). A title that does not fit its row wraps onto a second line.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class LessonWindowTitlesUiTest {
    @TempDir static Path dir;
    private WorkbenchApp.Window w;

    @Start
    void start(Stage stage) throws Exception {
        for (String f : List.of("lbn-vs-bn.json", "lbn-vs-bn.lesson.md"))
            Files.copy(Path.of("experiments/lessons").resolve(f), dir.resolve(f));
        w = TestWindows.onFile(stage, dir.resolve("lbn-vs-bn.json"), dir);
    }

    @AfterEach
    void restoreSize(FxRobot robot) {
        TestWindows.restoreOpenedSize(robot, w);
    }

    @Test
    void everyChartTitleIsWholeBesideTheLessonAt1000x700(FxRobot robot) {
        TestWindows.restoreSize(robot, w, 1000, 700);
        robot.clickOn("Training");
        robot.interact(() -> robot.lookup("#chart-latent-weights").queryAs(org.maqd.ui.chart.ChartPane.class).setTitle("Latent weights · 2:linear"));
        robot.interact(() -> w.scene().getRoot().layout());
        WaitForAsyncUtils.waitForFxEvents();
        List<String> cut = new ArrayList<>();
        int[] seen = {0};
        boolean[] lesson = {false};
        robot.interact(() -> {
            w.scene().getRoot().layout();
            lesson[0] = robot.lookup(".lesson-pane").tryQuery().map(javafx.scene.Node::isVisible).orElse(false);
            for (Label title : robot.lookup("#charts .chart-title").queryAllAs(Label.class)) {
                seen[0]++;
                Text shown = (Text) title.lookup(".text");
                String drawn = shown == null ? "" : shown.getText();
                if (!title.getText().equals(drawn)) cut.add("'" + title.getText() + "' drawn as '" + drawn + "'");
            }
        });
        assertTrue(lesson[0], "the lesson text is beside the work");
        assertEquals(9, seen[0], "the Training view has nine chart titles");
        assertTrue(cut.isEmpty(), "chart titles cut beside the lesson at 1000×700: " + cut);
    }
}
