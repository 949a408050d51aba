package org.maqd.experiment;

import java.nio.file.Path;

/**
 * Where a run reads and writes. {@code baseDir}: folder that relative data paths resolve against (the
 * experiment file's folder). {@code outDir}: the exact run folder, or null for
 * {@code runsRoot/<yyyyMMdd-HHmmss>-<name>}. {@code resume}: continue the run in {@code outDir} (from its
 * checkpoint, from the start when it has none). {@code console}: print progress (true for the CLI).
 * {@code force}: move an existing run in {@code outDir} aside instead of refusing.
 */
public record RunOptions(Path baseDir, Path runsRoot, Path outDir, boolean resume, boolean console,
                         boolean interactiveConsole, boolean force) {
    public RunOptions(Path baseDir, Path runsRoot, Path outDir, boolean resume, boolean console, boolean interactiveConsole) {
        this(baseDir, runsRoot, outDir, resume, console, interactiveConsole, false);
    }

    public static RunOptions quiet(Path baseDir, Path runsRoot) {
        return new RunOptions(baseDir, runsRoot, null, false, false, false);
    }
}
