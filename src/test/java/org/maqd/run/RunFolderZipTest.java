package org.maqd.run;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run folder through the cluster: zipped, then put in place of the receiver's copy without ever being partial. */
class RunFolderZipTest {
    @TempDir Path tmp;

    private static List<String> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void replacingGivesExactlyTheZippedFilesAndLeavesNoTemporaryFolder() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src/checkpoint"));
        Files.writeString(src.resolve("model.safetensors"), "weights");
        Files.writeString(src.getParent().resolve(RunFiles.SUMMARY), "{}");
        Files.writeString(src.getParent().resolve(RunFiles.LOCK), "pid");
        byte[] zip = RunFolderZip.zip(src.getParent());
        Path dst = Files.createDirectories(tmp.resolve("trials/a"));
        Files.writeString(dst.resolve("stale.csv"), "old");
        RunFolderZip.unzipReplacing(zip, dst);
        assertEquals(List.of("checkpoint/model.safetensors", RunFiles.SUMMARY), files(dst), "the lock stays behind, the stale file goes");
        assertEquals(List.of("a"), Files.list(tmp.resolve("trials")).map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void aZipThatBreaksOffMidFileLeavesTheOldFolderWhole() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src"));
        byte[] big = new byte[200_000];
        new java.util.Random(1).nextBytes(big);   // incompressible: the cut falls inside this file's data
        Files.write(src.resolve(RunFiles.MODEL_WEIGHTS), big);
        Files.writeString(src.resolve(RunFiles.SUMMARY), "{\"status\": \"completed\"}");
        byte[] zip = RunFolderZip.zip(src);
        Path dst = Files.createDirectories(tmp.resolve("trials/a"));
        Files.writeString(dst.resolve(RunFiles.SUMMARY), "old");
        assertThrows(RuntimeException.class, () -> RunFolderZip.unzipReplacing(Arrays.copyOf(zip, zip.length / 2), dst));
        assertEquals(List.of(RunFiles.SUMMARY), files(dst));
        assertEquals("old", Files.readString(dst.resolve(RunFiles.SUMMARY)));
        assertEquals(List.of("a"), Files.list(tmp.resolve("trials")).map(p -> p.getFileName().toString()).toList(), "no partial folder left");
    }
}
