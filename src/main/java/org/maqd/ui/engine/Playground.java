package org.maqd.ui.engine;

import java.nio.file.Path;
import org.maqd.experiment.Experiment;

/** Live training of a 2-D experiment, step by step, with predictions anywhere in the plane (the playground). */
public interface Playground {
    /** One network training on one 2-D set; used from one thread at a time. */
    interface Session {
        int classes();

        /** Training points as x, y pairs, and their labels. */
        float[] points();

        int[] labels();

        /** Trains {@code steps} mini-batch steps. */
        void step(int steps);

        long steps();

        /** The predicted class of each point (x, y pairs). */
        int[] predict(float[] xy);

        /** Fraction of the test set predicted correctly. */
        double testAccuracy();
    }

    /** A session for the experiment (its data must be a 2-D toy set). */
    Session open(Experiment e, Path baseDir);
}
