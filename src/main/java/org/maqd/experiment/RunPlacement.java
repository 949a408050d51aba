package org.maqd.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.stream.Stream;
import org.maqd.run.RunFiles;
import org.maqd.run.RunLock;
import org.maqd.run.Summary;

/**
 * Where a run writes, decided before anything is written: a new folder under the runs root, or {@code --out}.
 * An existing run in {@code --out} is never overwritten: it is continued ({@code resume}), moved aside to
 * {@code <out>.replaced-N} ({@code force}), or refused. The folder's {@link RunLock} is held until {@link #close}.
 */
final class RunPlacement implements AutoCloseable {
    /** Longest folder name accepted (file systems allow 255 bytes; room is kept for suffixes). */
    static final int MAX_NAME = 200;

    private final Path dir;
    private final RunLock lock;
    private final boolean resuming;

    private RunPlacement(Path dir, RunLock lock, boolean resuming) {
        this.dir = dir;
        this.lock = lock;
        this.resuming = resuming;
    }

    Path dir() { return dir; }

    /** True when the run continues from what the folder holds (its checkpoint, if any). */
    boolean resuming() { return resuming; }

    static RunPlacement open(RunOptions opts, String name) {
        Path dir = opts.outDir() != null ? opts.outDir() : newRunDir(opts.runsRoot(), name);
        Path fn = dir.toAbsolutePath().getFileName();
        if (fn != null && fn.toString().length() > MAX_NAME) {
            throw new ExperimentException(dir + ": folder name is " + fn.toString().length() + " characters long; expected at most " + MAX_NAME);
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new ExperimentException(dir + ": is a file, not a run folder; give a folder path to --out");
        }
        RunLock lock = lockOrRefuse(dir);
        try {
            boolean used = holdsRun(dir);
            if (used && opts.force() && !opts.resume()) {
                lock.close();
                Path aside = moveAside(dir);
                lock = lockOrRefuse(dir);
                System.err.println("maqd: the run that was in " + dir + " is now in " + aside);
                used = false;
            }
            if (used && !opts.resume()) {
                throw new ExperimentException(dir + ": already holds a run; pass --resume to continue it or --force to move it aside");
            }
            if (used) refuseFinished(dir);
            return new RunPlacement(dir, lock, used);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static RunLock lockOrRefuse(Path dir) {
        try {
            return RunLock.acquire(dir);
        } catch (RunLock.LockedException e) {
            throw new ExperimentException(e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new ExperimentException(dir + ": cannot create the run folder: " + e.getCause().getMessage(), e);
        }
    }

    /** True when the folder holds any file other than its lock. */
    static boolean holdsRun(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(p -> !p.getFileName().toString().equals(RunFiles.LOCK));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void refuseFinished(Path dir) {
        Summary s = Summary.read(dir);
        boolean modelKept = Files.isRegularFile(dir.resolve(RunFiles.MODEL_WEIGHTS)) && Files.isRegularFile(dir.resolve(RunFiles.MODEL_JSON));
        if (s != null && (Summary.DIVERGED.equals(s.status()) || (Summary.COMPLETED.equals(s.status()) && modelKept))) {
            throw new ExperimentException(dir + ": the run already finished (" + s.status() + ", " + s.epochs()
                    + " epochs); nothing to resume (its files are unchanged)");
        }
    }

    private static Path moveAside(Path dir) {
        Path abs = dir.toAbsolutePath();
        for (int i = 1; ; i++) {
            Path aside = abs.resolveSibling(abs.getFileName() + ".replaced-" + i);
            if (Files.exists(aside)) continue;
            try {
                Files.move(abs, aside);
                return aside;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot move " + dir + " aside to " + aside + ": " + e.getMessage(), e);
            }
        }
    }

    static Path newRunDir(Path root, String name) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        String safe = name.replaceAll("[^A-Za-z0-9._-]+", "-");
        if (safe.length() > MAX_NAME - 24) safe = safe.substring(0, MAX_NAME - 24);
        Path p = root.resolve(stamp + "-" + safe);
        for (int i = 2; Files.exists(p); i++) p = root.resolve(stamp + "-" + safe + "-" + i);
        return p;
    }

    @Override
    public void close() { lock.close(); }
}
