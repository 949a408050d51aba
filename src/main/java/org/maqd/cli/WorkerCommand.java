package org.maqd.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Callable;
import org.maqd.cluster.ClusterMember;
import org.maqd.cluster.ClusterSecret;
import org.maqd.cluster.ClusterWorker;
import org.maqd.experiment.ExperimentException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code maqd worker}: a cluster member that runs sweep trials sent by {@code maqd sweep FILE --cluster …}.
 * Start one per machine (or several on one machine on different ports); stop with Ctrl-C (its running trial is
 * resumed elsewhere from its last checkpoint).
 */
@Command(name = "worker", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Join (or start) a MaQD cluster and run sweep trials for it. Belongs on a trusted network: "
                + "Hazelcast's open-source edition neither encrypts nor authenticates; messages are signed with the secret.")
public final class WorkerCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "N", description = "cluster port (default 5701; the next free one when taken)") int port = ClusterMember.DEFAULT_PORT;
    @Option(names = "--join", paramLabel = "HOST:PORT,…", split = ",", description = "members to join (default: start a new cluster)") List<String> join = List.of();
    @Option(names = "--threads", paramLabel = "N", description = "compute threads per trial (default: all cores)") Integer threads;
    @Option(names = "--secret-file", paramLabel = "F", required = true, description = "file holding the cluster's shared secret (at least 16 characters)") Path secretFile;
    @Option(names = "--bind", paramLabel = "ADDRESS", description = "network interface to bind (e.g. 127.0.0.1)") String bind;
    @Option(names = "--scratch", paramLabel = "DIR", description = "folder for running trials (default: a temporary folder)") Path scratch;

    @Override
    public Integer call() throws Exception {
        ClusterSecret secret = ClusterSecret.read(secretFile);
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (n < 1) throw new ExperimentException("--threads: expected a positive integer, got " + n);
        Path dir = scratch != null ? Files.createDirectories(scratch) : Files.createTempDirectory("maqd-worker");
        ClusterMember member = ClusterMember.start(secret.clusterName(), port, join, bind, false);
        ClusterWorker worker = new ClusterWorker(member, secret, dir, n, System.out);
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            worker.stop();
            try {   // wait for the member to leave cleanly (not for the main thread: it blocks in System.exit meanwhile)
                closed.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "maqd-worker-stop"));
        String me = member.identity();
        System.out.println("worker " + me + " ready (" + member.members() + " member(s), " + n
                + " thread(s) per trial)");
        System.out.flush();
        try {
            worker.run();
        } finally {
            member.close();
            System.out.println("worker " + me + " stopped");
            System.out.flush();
            closed.countDown();
        }
        return MaqdCommand.OK;
    }
}
