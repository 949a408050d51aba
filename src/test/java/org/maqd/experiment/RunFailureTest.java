package org.maqd.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maqd.run.MetricRow;
import org.maqd.run.RunFiles;
import org.maqd.run.Summary;
import org.maqd.train.EpochMetrics;
import org.maqd.train.TrainingListener;

/** A run that fails for a reason other than its input ends with summary.json status failed, the reason and error.log. */
class RunFailureTest {
    @TempDir Path dir;

    @Test
    void aDiskFullInTheSecondEpochLeavesAFailedSummaryWithTheReason() throws Exception {
        Path out = dir.resolve("runs/tiny");
        TrainingListener full = new TrainingListener() {
            @Override public void onEpoch(EpochMetrics m) {
                if (m.epoch() == 2) throw new UncheckedIOException(new IOException("No space left on device"));
            }
        };
        RunFailedException e = assertThrows(RunFailedException.class, () -> RunLauncher.run(RunFolderSafetyTest.tiny(3),
                new RunOptions(Path.of("."), out.getParent(), out, false, false, false, false), null, List.of(full)));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(e.getMessage().contains("No space left on device") && e.getMessage().contains(RunFiles.ERROR_LOG), e.getMessage());
        assertTrue(Files.readString(out.resolve(RunFiles.ERROR_LOG)).contains("\tat "), "the trace is in error.log");
        Summary s = Summary.read(out);
        assertNotNull(s, "summary.json written");
        assertEquals(Summary.FAILED, s.status());
        assertTrue(s.message().contains("No space left on device"), s.message());
        assertEquals(2, s.epochs(), "the last epoch in metrics.csv");
        assertEquals(2, MetricRow.FILE.read(out).size());
        assertTrue(s.parameters() > 0);
        assertTrue(Files.isDirectory(out.resolve(RunFiles.CHECKPOINT)), "the checkpoint is kept for --resume");
        RunResult resumed = RunLauncher.run(RunFolderSafetyTest.tiny(3),
                new RunOptions(Path.of("."), out.getParent(), out, true, false, false, false), null, List.of());
        assertEquals(Summary.COMPLETED, Summary.read(resumed.runDir()).status());
    }
}
