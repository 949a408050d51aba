package org.maqd.ui.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Run folders written before the run-folder format had a version (summary.json without format_version or
 * dataset_path, as the workbench wrote them until the format was versioned) are read, not shown as "unreadable".
 */
class OldRunFoldersTest {
    @TempDir Path root;

    /** summary.json exactly as the unversioned writer produced it (field order and set of that writer). */
    static final String OLD_SUMMARY = """
            {
              "name" : "quickstart",
              "status" : "completed",
              "test_accuracy" : 0.9451097804391217,
              "test_loss" : 0.18,
              "train_accuracy" : 0.95,
              "train_loss" : 0.17,
              "epochs" : 2,
              "seed" : 42,
              "threads" : 2,
              "batch_size" : 64,
              "seconds" : 12.5,
              "samples_per_second" : 4100.0,
              "parameters" : 203530,
              "dataset" : "mnist-10k:train",
              "dataset_hash" : "ab12",
              "train_samples" : 8000,
              "test_samples" : 2000,
              "jdk" : "Eclipse Adoptium 17.0.12",
              "os" : "Linux 6.1 amd64",
              "cpu" : "x86",
              "cores" : 2,
              "max_heap_mb" : 1024,
              "git_revision" : "bd25698"
            }
            """;

    @Test
    void aSummaryWithoutFormatVersionIsReadAsVersionZero() throws Exception {
        FakeRuns.write(root, "2026-11-20-old", "lbn", 0.9);
        Files.writeString(root.resolve("2026-11-20-old").resolve("summary.json"), OLD_SUMMARY);
        RunsViewModel vm = new RunsViewModel(root);
        vm.refresh();
        RunsViewModel.Row r = vm.rows().get(0);
        assertEquals("completed", r.run().status(), "status of an old run folder");
        assertEquals(0.9451097804391217, r.run().testAccuracy(), 1e-12);
        assertFalse(r.accuracy().startsWith("unreadable"), r.accuracy());
    }

    @Test
    void aFolderFromANewerWorkbenchSaysWhyItCannotBeRead() throws Exception {
        FakeRuns.write(root, "2027-01-01-new", "lbn", 0.9);
        Path s = root.resolve("2027-01-01-new").resolve("summary.json");
        Files.writeString(s, Files.readString(s).replaceFirst("\"format_version\"\\s*:\\s*\\d+", "\"format_version\" : 99"));
        RunsViewModel vm = new RunsViewModel(root);
        vm.refresh();
        String status = vm.rows().get(0).run().status();
        assertTrue(status.contains("format_version") && status.contains("this version of the workbench")
                && status.contains("found 99"), status);
    }
}
