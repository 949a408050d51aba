package org.maqd.ui.engine;

import java.nio.file.Path;
import java.util.List;
import org.maqd.cluster.ClusterMember;
import org.maqd.cluster.ClusterSecret;
import org.maqd.cluster.ClusterTrialRunner;
import org.maqd.sweep.TrialRunner;

/** {@link SweepCluster} on Hazelcast: the window becomes a lite (data-less) member, as `maqd sweep --cluster` does. */
public final class EngineSweepCluster implements SweepCluster {
    private final String bind;

    /** {@code bind}: the network interface to use (e.g. 127.0.0.1), or null for Hazelcast's choice. */
    public EngineSweepCluster(String bind) { this.bind = bind; }

    @Override
    public Session connect(List<String> addresses, Path secretFile) {
        ClusterSecret secret = ClusterSecret.read(secretFile);
        ClusterMember member = ClusterMember.start(secret.clusterName(), ClusterMember.DEFAULT_PORT, addresses, bind, true);
        TrialRunner runner = new ClusterTrialRunner(member, secret);
        return new Session() {
            @Override public TrialRunner runner() { return runner; }
            @Override public void close() { member.close(); }
        };
    }
}
