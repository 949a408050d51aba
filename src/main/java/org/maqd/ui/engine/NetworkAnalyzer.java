package org.maqd.ui.engine;

import java.nio.file.Path;
import org.maqd.experiment.Experiment;
import org.maqd.model.NetworkSpec;

/** Shapes, parameters, memory and MACs of a network spec; never throws for bad shapes (the row says why). */
public interface NetworkAnalyzer {
    CostReport analyze(NetworkSpec spec);

    /**
     * Why the experiment's network cannot take its data set (input shape against the samples, output units against
     * the classes, or the data set itself unreadable), by the checks a run makes; null when it fits. Blocking (it
     * reads the data set): call it off the UI thread. {@code baseDir} resolves relative data folders.
     */
    default String dataMismatch(Experiment e, Path baseDir) { return null; }
}
