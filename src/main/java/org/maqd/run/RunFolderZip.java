package org.maqd.run;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A run folder as zip bytes and back, for sending it through the cluster (the folder's lock file stays behind);
 * owned here with every other run-folder format.
 */
public final class RunFolderZip {
    private RunFolderZip() {}

    public static byte[] zip(Path dir) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes); Stream<Path> walk = Files.walk(dir)) {
            List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
            for (Path f : files) {
                String name = dir.relativize(f).toString().replace('\\', '/');
                if (name.equals(RunFiles.LOCK)) continue;
                z.putNextEntry(new ZipEntry(name));
                z.write(Files.readAllBytes(f));
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot pack " + dir + ": " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    /**
     * Replaces {@code dir} with the zip's files, atomically as far as a reader of {@code dir} can tell: the files are
     * written into a sibling folder first, which then takes the folder's place in one rename. A kill or an error
     * on the way leaves the old folder (or, between the delete and the rename, no folder), never a partial one.
     */
    public static void unzipReplacing(byte[] zip, Path dir) {
        Path part = dir.resolveSibling(dir.getFileName() + ".unzip");
        try {
            AtomicFiles.deleteTree(part);
            unzip(zip, part);
            AtomicFiles.deleteTree(dir);
            Files.move(part, dir, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack into " + dir + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            try {
                AtomicFiles.deleteTree(part);
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** Writes the zip's files under {@code dir}; entries may not leave it. */
    public static void unzip(byte[] zip, Path dir) {
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(zip))) {
            Files.createDirectories(dir);
            Path root = dir.toAbsolutePath().normalize();
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                Path f = root.resolve(e.getName()).normalize();
                if (!f.startsWith(root) || e.isDirectory()) continue;
                Files.createDirectories(f.getParent());
                Files.write(f, z.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack into " + dir + ": " + e.getMessage(), e);
        }
    }
}
