package org.maqd.ui.engine;

import java.nio.file.Path;
import java.util.List;

/** The report engine: report.html and report.pdf for a run or sweep folder, or comparing runs. Slow: call it off the FX thread. */
public interface Reports {
    /** Writes report.html, report.pdf and the CSV files into {@code dir}; returns the path of report.html. */
    Path write(Path dir);

    /** Writes one report comparing the run folders {@code runs} into {@code out}; returns the path of report.html. */
    Path compare(List<Path> runs, Path out);
}
