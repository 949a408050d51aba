package org.maqd.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.maqd.ui.vm.AffineViewModel;
import org.maqd.ui.vm.LessonViewModel;

/**
 * The affine lesson: a valid experiment that locks the network and the data, with an instruction text beside it
 * (the lessons' {@code .lesson.md}) that names the explorer's controls as the window labels them (so a renamed
 * control shows up here).
 */
class AffineLessonTest {
    private static final Path LESSON = Path.of("experiments", "lessons", "affine-vs-maqd.json");

    @Test
    void lessonIsAnExperimentWithLocksAndInstructionsForTheExplorer() throws Exception {
        Experiment e = ExperimentIO.parse(Files.readString(LESSON), LESSON.toString());
        assertEquals("affine-vs-maqd", e.name());
        assertTrue(e.locks().contains("network") && e.locks().contains("data"), e.locks().toString());
        String text = Files.readString(LessonViewModel.textFile(LESSON));
        String fxml = Files.readString(Path.of("fxml", "QuantizerView.fxml"));
        for (String control : new String[] {"Overlay the live layer's data", "Affine (PTQ)", "Symmetric", "Activations (unsigned)"}) {
            assertTrue(text.contains(control), "instructions name '" + control + "'");
            assertTrue(fxml.contains(control.replace("'", "&apos;")) || fxml.contains(control), "the explorer shows '" + control + "'");
        }
        for (String cal : AffineViewModel.CALIBRATIONS) {
            if (!AffineViewModel.MANUAL.equals(cal)) assertTrue(text.contains(cal), "instructions name the calibration " + cal);
        }
    }
}
