package org.maqd.ui.engine;

import java.nio.file.Path;
import org.maqd.experiment.Experiment;
import org.maqd.experiment.ExperimentIO;

/** Experiment files through the engine's {@link ExperimentIO} (strict: unknown fields are errors). */
public final class EngineExperimentFiles implements ExperimentFiles {
    @Override public Experiment read(Path file) { return ExperimentIO.read(file); }
    @Override public void write(Experiment e, Path file) { ExperimentIO.write(e, file); }
    @Override public Experiment parse(String json, String sourceName) { return ExperimentIO.parse(json, sourceName); }
}
