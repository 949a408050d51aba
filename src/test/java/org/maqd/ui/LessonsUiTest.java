package org.maqd.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextArea;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.maqd.experiment.Experiment;
import org.maqd.experiment.ExperimentIO;
import org.maqd.ui.engine.Engine;
import org.maqd.ui.vm.LessonViewModel;
import org.maqd.ui.vm.LockRules;
import org.maqd.ui.vm.RecentFiles;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The shipped lessons, the lesson text beside the work, and teacher mode (lock, unlock, edit, save). */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class LessonsUiTest {
    static final Path LESSONS = Path.of("experiments", "lessons");
    @TempDir static Path dir;
    private WorkbenchApp.Window w;
    private final TestPrompts prompts = new TestPrompts();
    private Path lesson;

    @Start
    void start(Stage stage) throws Exception {
        Path copy = Files.createDirectories(dir.resolve("l" + System.nanoTime()));
        lesson = copy.resolve("states-cost.json");
        Files.copy(LESSONS.resolve("states-cost.json"), lesson);
        Files.copy(LESSONS.resolve("states-cost.lesson.md"), LessonViewModel.textFile(lesson));
        w = WorkbenchApp.open(stage, Engine.standard(), lesson, dir.resolve("runs"), new RecentFiles(null), prompts);
    }

    @Test
    void threeLessonsShipWithLocksThatLockSomethingAndAnInstructionText() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(LESSONS)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        for (String name : List.of("states-cost.json", "lbn-vs-bn.json", "qat-vs-ptq.json"))
            assertTrue(files.contains(LESSONS.resolve(name)), name);
        for (String name : List.of("states-cost.json", "lbn-vs-bn.json", "qat-vs-ptq.json", "playground-spirals.json")) {
            Path f = LESSONS.resolve(name);
            Experiment e = ExperimentIO.read(f);
            assertFalse(e.locks() == null || e.locks().isEmpty(), name + " has locks");
            LockRules rules = new LockRules(e.locks());
            assertTrue(rules.isLocked("training.learningRate") && rules.layerFieldLocked(1, "units"), name);
            String text = Files.readString(LessonViewModel.textFile(f));
            for (String part : List.of("**Question.**", "**What to change.**", "**What to look at.**"))
                assertTrue(text.contains(part), name + ": " + part);
        }
    }

    private String shownText(FxRobot robot) {
        StringBuilder sb = new StringBuilder();
        for (Node n : robot.lookup("#lessonPane .lesson-text").queryAll())
            for (Node t : ((TextFlow) n).getChildren()) sb.append(((Text) t).getText());
        return sb.toString();
    }

    @Test
    void theLessonTextIsShownBesideTheWork(FxRobot robot) {
        assertTrue(robot.lookup("#lessonPane").query().isVisible());
        String shown = shownText(robot);
        assertTrue(shown.contains("Question.") && shown.contains("What to look at."), shown);
        assertFalse(shown.contains("**"), "markup is rendered, not shown");
        robot.interact(() -> w.vm().newExperiment());
        assertFalse(robot.lookup("#lessonPane").query().isVisible(), "no lesson for a new experiment");
    }

    @Test
    void theLessonTextCanBeHiddenAndShownFromTheKeyboard(FxRobot robot) {
        assertTrue(robot.lookup("#lessonPane").query().isVisible());
        robot.press(KeyCode.CONTROL).type(KeyCode.L).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#lessonPane").query().isVisible(), "Ctrl+L hides the lesson text");
        robot.press(KeyCode.CONTROL).type(KeyCode.L).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#lessonPane").query().isVisible(), "and shows it again");
    }

    @Test
    void teacherModeLocksUnlocksEditsAndSavesTheLesson(FxRobot robot) throws Exception {
        robot.interact(() -> w.vm().lesson().teacherModeProperty().set(true));
        CheckBox batch = robot.lookup("#lock-training-batchSize").queryAs(CheckBox.class);
        assertTrue(batch.isSelected());
        robot.clickOn(batch);
        assertFalse(w.vm().document().locks().isLocked("training.batchSize"), "unlocked");
        CheckBox seedBox = robot.lookup("#lock-seed").queryAs(CheckBox.class);
        assertTrue(seedBox.isSelected());
        CheckBox threads = robot.lookup("#lock-threads").queryAs(CheckBox.class);
        robot.clickOn(threads);
        assertTrue(w.vm().document().locks().isLocked("threads"), "locked");
        TextArea text = robot.lookup("#lessonText").queryAs(TextArea.class);
        robot.interact(() -> text.setText("# New lesson\n\n**Question.** Why?\n"));
        // below the lock list (scrolled): pressed as a keyboard user would
        robot.interact(() -> robot.lookup("#saveLessonButton").queryButton().fire());
        assertTrue(prompts.errors.isEmpty(), prompts.errors.toString());
        Experiment saved = ExperimentIO.read(lesson);
        assertTrue(saved.locks().contains("threads") && !saved.locks().contains("training.batchSize"), saved.locks().toString());
        assertEquals("# New lesson\n\n**Question.** Why?\n", Files.readString(LessonViewModel.textFile(lesson)));
        robot.interact(() -> {
            w.vm().lesson().teacherModeProperty().set(false);
            w.vm().newExperiment();
        });
        robot.interact(() -> w.vm().open(lesson));
        assertTrue(shownText(robot).contains("Why?"));
    }
}
