package org.maqd.ui.engine;

import java.nio.file.Path;
import java.util.List;
import org.maqd.sweep.TrialRunner;

/** The cluster side of a sweep run from the window: a coordinating member joined to the workers, and its trial runner. */
public interface SweepCluster {
    /** A coordinator in the cluster; closing it leaves the cluster (the workers keep any trial they hold). */
    interface Session extends AutoCloseable {
        TrialRunner runner();
        @Override void close();
    }

    /** Joins the workers at {@code addresses} ("host:port") with the secret in {@code secretFile}. */
    Session connect(List<String> addresses, Path secretFile);
}
