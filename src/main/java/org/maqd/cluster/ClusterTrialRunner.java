package org.maqd.cluster;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.maqd.run.RunFolderZip;
import org.maqd.experiment.Experiment;
import org.maqd.experiment.ExperimentIO;
import org.maqd.experiment.RunOptions;
import org.maqd.experiment.RunResult;
import org.maqd.sweep.Trial;
import org.maqd.sweep.TrialFolder;
import org.maqd.sweep.TrialRunner;
import org.maqd.sweep.TrialState;
import org.maqd.train.RunControl;
import org.maqd.train.RunOutcome;
import org.maqd.train.TrainingListener;

/**
 * The coordinator's side of a cluster sweep: queues each trial (signed) for the workers, waits for its signed
 * result and unpacks the run folder where a local sweep would have written it. A trial running on a member that
 * leaves is queued again (its last checkpoint stays in the cluster, so the next worker resumes it). Trial keys
 * derive from the trial's experiment, so a restarted coordinator finds trials that are queued, running or done
 * and only waits for them.
 */
public final class ClusterTrialRunner implements TrialRunner {
    private static final long POLL_MILLIS = 200;
    /** How long a trial may show "queued" in no queue before it counts as lost (see {@link #requeueOrphans}). */
    static final long TAKEN_GRACE_MILLIS = 2000;
    private final ClusterMember member;
    private final ClusterSecret secret;

    public ClusterTrialRunner(ClusterMember member, ClusterSecret secret) {
        this.member = member;
        this.secret = secret;
        member.hazelcast().getCluster().addMembershipListener(new MembershipListener() {
            @Override public void memberAdded(MembershipEvent e) { }
            @Override public void memberRemoved(MembershipEvent e) { requeueOrphans(); }
        });
        requeueOrphans();
    }

    /** The cluster key of a trial: a hash of its experiment (threads aside) and its id. */
    public static String key(Trial t) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(
                    ExperimentIO.toJson(t.experiment().withThreads(null)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 6) + "/" + t.id();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean local() { return false; }

    @Override
    public RunResult run(Trial trial, Experiment experiment, RunOptions options, RunControl control,
                         List<TrainingListener> listeners) {
        String key = key(trial);
        Path dir = options.outDir();
        synchronized (this) {
            if (!member.results().containsKey(key) && !runningOnLiveMember(member.status().get(key))
                    && !member.queue().contains(key) && !justTaken(key)) {
                member.tasks().set(key, secret.sign(TrialTask.of(trial.id(), experiment, options.baseDir()).toBytes()));
                member.status().put(key, "queued");
                member.queue().offer(key);
            }
        }
        String told = null;
        while (!member.results().containsKey(key)) {
            String st = member.status().get(key);
            if (st != null && st.startsWith("running ") && !st.equals(told)) {
                told = st;
                String where = st.split(" ").length > 2 ? st.split(" ")[2] : st.substring("running ".length());
                for (TrainingListener l : listeners) if (l instanceof TrialState.Placement p) p.placed(where);
            }
            if (st != null && (st.startsWith("failed") || st.startsWith("refused"))) {
                member.status().delete(key);
                throw new IllegalStateException("trial " + trial.id() + " " + st);
            }
            if (control.isStopped()) return new RunResult(dir, new RunOutcome(RunOutcome.STOPPED, "stopped", null, 0, 0));
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new RunResult(dir, new RunOutcome(RunOutcome.STOPPED, "interrupted", null, 0, 0));
            }
        }
        byte[] zip = secret.open(member.results().get(key), "result of " + key);
        RunFolderZip.unzipReplacing(zip, dir);   // a kill mid-way leaves no partial trial folder
        member.results().delete(key);
        member.tasks().delete(key);
        member.status().delete(key);
        return new RunResult(dir, new RunOutcome(TrialFolder.status(dir), "", null, 0, 0));
    }

    /**
     * Trials whose status names a member no longer in the cluster go back to the queue, and so do trials "queued"
     * in no queue (a worker took one and left before saying so) once they stay so for {@link #TAKEN_GRACE_MILLIS}:
     * a live worker that has just taken a trial says "running" within moments, and queueing it again then would
     * run it twice.
     */
    private synchronized void requeueOrphans() {
        List<String> unclaimed = new ArrayList<>();
        for (Map.Entry<String, String> e : member.status().entrySet()) {
            String st = e.getValue();
            if (member.queue().contains(e.getKey())) continue;
            if (st.startsWith("running ") && !runningOnLiveMember(st)) requeue(e.getKey());
            else if ("queued".equals(st)) unclaimed.add(e.getKey());
        }
        for (String key : unclaimed) if (!justTaken(key)) requeue(key);
    }

    private void requeue(String key) {
        member.status().put(key, "queued");
        member.queue().offer(key);
    }

    /**
     * For a trial whose status is "queued" while it is in no queue: waits up to {@link #TAKEN_GRACE_MILLIS} for a
     * worker that has just taken it to say so; true when one did (or the trial finished). False at once for
     * any other status.
     */
    private boolean justTaken(String key) {
        if (!"queued".equals(member.status().get(key))) return false;
        long end = System.nanoTime() + TAKEN_GRACE_MILLIS * 1_000_000L;
        while (System.nanoTime() < end) {
            String st = member.status().get(key);
            if (member.results().containsKey(key) || runningOnLiveMember(st) || (st != null && st.startsWith("done "))) return true;
            if (member.queue().contains(key)) return true;   // queued again meanwhile: nothing to do
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private boolean runningOnLiveMember(String status) {
        if (status == null || !status.startsWith("running ")) return false;
        return member.alive(status.split(" ")[1]);
    }
}
