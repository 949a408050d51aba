package org.maqd.ui.engine;

import java.nio.file.Path;

/** The report engine: report.html for a run or sweep folder. Slow: call it off the FX thread. */
public interface Reports {
    /** Writes report.html (and its CSV files) into {@code dir}; returns the path of report.html. */
    Path write(Path dir);
}
