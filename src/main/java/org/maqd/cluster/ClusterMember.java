package org.maqd.cluster;

import com.hazelcast.collection.IQueue;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An embedded Hazelcast member of a MaQD cluster and the distributed structures the cluster shares:
 * the {@link #queue} of trial keys waiting for a worker, and maps from trial key to the signed {@link #tasks},
 * the latest signed {@link #checkpoints} (a zipped run folder at its last epoch end), the signed {@link #results}
 * (the finished run folder) and the {@link #status} ("queued", "running UUID HOST:PORT", "done …", "failed …",
 * "refused …"). Members join by TCP/IP to the listed addresses (no multicast); the cluster name comes from the secret.
 */
public final class ClusterMember implements AutoCloseable {
    public static final int DEFAULT_PORT = 5701;
    /** Held so the level set on it stays (the logging framework keeps loggers weakly). */
    private static final Logger HAZELCAST_LOG = Logger.getLogger("com.hazelcast");
    private final HazelcastInstance hz;

    private ClusterMember(HazelcastInstance hz) { this.hz = hz; }

    /**
     * Starts a member on {@code port} (the next free one when taken), joining {@code join} ("host:port" each; empty
     * to start a new cluster), bound to {@code bind} when not null (e.g. 127.0.0.1). A coordinator is a lite
     * member: it holds no data, so it can stop and come back without losing any.
     */
    public static ClusterMember start(String clusterName, int port, List<String> join, String bind, boolean coordinator) {
        HAZELCAST_LOG.setLevel(Level.WARNING);
        Config c = new Config();
        c.setClusterName(clusterName);
        c.setProperty("hazelcast.wait.seconds.before.join", "0");
        c.setProperty("hazelcast.phone.home.enabled", "false");
        c.setProperty("hazelcast.logging.type", "jdk");
        // The commands close their member themselves once their work has stopped; Hazelcast's own hook shut the
        // member down under a worker still polling, which then reported Ctrl+C as a failure.
        c.setProperty("hazelcast.shutdownhook.enabled", "false");
        c.setLiteMember(coordinator);
        NetworkConfig n = c.getNetworkConfig();
        n.setPort(port).setPortAutoIncrement(true);
        if (bind != null) {
            n.getInterfaces().setEnabled(true).addInterface(bind);
            c.setProperty("hazelcast.local.localAddress", bind);
        }
        JoinConfig j = n.getJoin();
        j.getMulticastConfig().setEnabled(false);
        j.getAutoDetectionConfig().setEnabled(false);
        j.getTcpIpConfig().setEnabled(true);
        for (String m : join) j.getTcpIpConfig().addMember(m.trim());
        return new ClusterMember(Hazelcast.newHazelcastInstance(c));
    }

    public HazelcastInstance hazelcast() { return hz; }
    public IQueue<String> queue() { return hz.getQueue("maqd.queue"); }
    public IMap<String, byte[]> tasks() { return hz.getMap("maqd.tasks"); }
    public IMap<String, byte[]> checkpoints() { return hz.getMap("maqd.checkpoints"); }
    public IMap<String, byte[]> results() { return hz.getMap("maqd.results"); }
    public IMap<String, String> status() { return hz.getMap("maqd.status"); }

    /** "UUID HOST:PORT" of this member, as it appears in {@link #status}. */
    public String identity() {
        var m = hz.getCluster().getLocalMember();
        return m.getUuid() + " " + m.getAddress().getHost() + ":" + m.getAddress().getPort();
    }

    public int members() { return hz.getCluster().getMembers().size(); }

    /** Whether the member whose {@link #identity} starts {@code statusIdentity} is in the cluster. */
    public boolean alive(String uuid) {
        return hz.getCluster().getMembers().stream().anyMatch(m -> m.getUuid().toString().equals(uuid));
    }

    @Override public void close() { hz.shutdown(); }
}
