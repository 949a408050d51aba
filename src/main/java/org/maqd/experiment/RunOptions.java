package org.maqd.experiment;

import java.nio.file.Path;

/**
 * Where a run reads and writes. {@code baseDir}: folder that relative data paths resolve against (the
 * experiment file's folder). {@code outDir}: the exact run folder, or null for
 * {@code runsRoot/<yyyyMMdd-HHmmss>-<name>}. {@code resume}: continue the run in {@code outDir} (from its
 * checkpoint, from the start when it has none). {@code console}: print progress (true for the CLI).
 * {@code force}: move an existing run in {@code outDir} aside instead of refusing. {@code skipJitWarmup}: the JIT is
 * already compiled for this network (a warm-up ran in this process), so the run starts training at once and records
 * {@code warmup_seconds} 0; it changes no trained bit (the warm-up works on throwaway copies).
 */
public record RunOptions(Path baseDir, Path runsRoot, Path outDir, boolean resume, boolean console,
                         boolean interactiveConsole, boolean force, boolean skipJitWarmup) {
    public RunOptions(Path baseDir, Path runsRoot, Path outDir, boolean resume, boolean console, boolean interactiveConsole,
                      boolean force) {
        this(baseDir, runsRoot, outDir, resume, console, interactiveConsole, force, false);
    }

    public RunOptions(Path baseDir, Path runsRoot, Path outDir, boolean resume, boolean console, boolean interactiveConsole) {
        this(baseDir, runsRoot, outDir, resume, console, interactiveConsole, false);
    }

    public static RunOptions quiet(Path baseDir, Path runsRoot) {
        return new RunOptions(baseDir, runsRoot, null, false, false, false);
    }

    /** These options for a process whose JIT is already warm for the run's network (see {@code skipJitWarmup}). */
    public RunOptions withoutJitWarmup() {
        return new RunOptions(baseDir, runsRoot, outDir, resume, console, interactiveConsole, force, true);
    }
}
