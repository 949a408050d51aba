package org.maqd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `maqd inspect` names what it was given when it cannot describe it: a missing path, a sweep, an unfinished run. */
class InspectCommandTest {
    @Test
    void aMissingPathIsNamedAsMissing(@TempDir Path dir) {
        CliCapture.Result r = CliCapture.run("inspect", dir.resolve("nope").toString());
        assertEquals(MaqdCommand.BAD_INPUT, r.code());
        assertTrue(r.err().contains("no such file or folder"), r.err());
    }

    @Test
    void aSweepFolderPointsToItsTrials(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("sweep.json"), "{}");
        Files.createDirectories(dir.resolve("trials"));
        CliCapture.Result r = CliCapture.run("inspect", dir.toString());
        assertEquals(MaqdCommand.BAD_INPUT, r.code());
        assertTrue(r.err().contains("a sweep folder") && r.err().contains("trials"), r.err());
    }

    @Test
    void aRunWithoutAModelSaysItDidNotFinish(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("experiment.json"), "{}");
        CliCapture.Result r = CliCapture.run("inspect", dir.toString());
        assertEquals(MaqdCommand.BAD_INPUT, r.code());
        assertTrue(r.err().contains("a run folder without a trained model") && r.err().contains("--resume"), r.err());
    }
}
