package org.maqd.ui.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maqd.ui.engine.EngineExperimentFiles;

class ExperimentDocumentTest {
    @TempDir Path dir;

    @Test
    void saveReopenRoundTripAndDirtyTracking() {
        ExperimentDocument d = new ExperimentDocument(new EngineExperimentFiles(), Templates.quickstart(), null);
        assertFalse(d.isDirty());
        assertTrue(d.edit("Seed", e -> e.withSeed(7L)));
        assertFalse(d.edit("Seed again", e -> e.withSeed(7L)), "an edit that changes nothing is not recorded");
        assertTrue(d.isDirty());
        assertThrows(IllegalStateException.class, d::save);
        Path f = dir.resolve("exp.json");
        d.saveAs(f);
        assertFalse(d.isDirty());
        ExperimentDocument r = new ExperimentDocument(new EngineExperimentFiles(), Templates.quickstart(), null);
        r.open(f);
        assertEquals(d.get(), r.get());
        assertEquals(f, r.fileProperty().get());
        d.undo();
        assertTrue(d.isDirty(), "undoing past the save point is a change");
    }

    @Test
    void badFilesNameTheFileAndTheField() throws Exception {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{\"name\":\"x\",\"colour\":\"red\"}");
        ExperimentDocument d = new ExperimentDocument(new EngineExperimentFiles(), Templates.quickstart(), null);
        RuntimeException e = assertThrows(RuntimeException.class, () -> d.open(f));
        assertTrue(e.getMessage().contains("bad.json"), e.getMessage());
        assertTrue(e.getMessage().contains("colour"), e.getMessage());
        assertEquals(Templates.quickstart(), d.get(), "a failed open keeps the document");
        Files.writeString(f, "{\"name\": ");
        assertThrows(RuntimeException.class, () -> d.open(f));
    }

    @Test
    void locksFollowTheDocument() {
        ExperimentDocument d = new ExperimentDocument(new EngineExperimentFiles(),
                Templates.quickstart().withLocks(List.of("seed")), null);
        assertTrue(d.locks().isLocked("seed"));
        d.load(Templates.quickstart(), null);
        assertFalse(d.locks().isLocked("seed"));
    }

    /** A new document saved as student.json is named "student" (its runs were all "…-untitled"); a named one keeps its name. */
    @Test
    void anUntitledDocumentTakesItsFilesNameWhenSavedAs() {
        ExperimentDocument d = new ExperimentDocument(new EngineExperimentFiles(),
                Templates.quickstart().withName(ExperimentDocument.UNTITLED), null);
        Path f = dir.resolve("student.json");
        d.saveAs(f);
        assertEquals("student", d.get().name());
        assertFalse(d.isDirty(), "what is on disk is the document");
        ExperimentDocument r = new ExperimentDocument(new EngineExperimentFiles(), Templates.quickstart(), null);
        r.open(f);
        assertEquals("student", r.get().name());
        r.saveAs(dir.resolve("copy.json"));
        assertEquals("student", r.get().name(), "a named document keeps its name under another file");
    }
}
