package org.maqd.experiment;

import java.nio.file.Path;

/**
 * Where a run reads and writes. {@code baseDir}: folder that relative data paths resolve against (the
 * experiment file's folder). {@code outDir}: the exact run folder, or null for
 * {@code runsRoot/<yyyyMMdd-HHmmss>-<name>}. {@code resume}: continue from {@code outDir/checkpoint}.
 * {@code console}: print progress (true for the CLI).
 */
public record RunOptions(Path baseDir, Path runsRoot, Path outDir, boolean resume, boolean console,
                         boolean interactiveConsole) {
    public static RunOptions quiet(Path baseDir, Path runsRoot) {
        return new RunOptions(baseDir, runsRoot, null, false, false, false);
    }
}
