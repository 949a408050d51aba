package org.maqd.ui.engine;

import java.nio.file.Path;
import org.maqd.experiment.Experiment;

/** Reads and writes experiment files; errors are runtime exceptions whose message names the file and field. */
public interface ExperimentFiles {
    Experiment read(Path file);

    void write(Experiment e, Path file);

    Experiment parse(String json, String sourceName);
}
