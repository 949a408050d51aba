package org.maqd.cluster;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.maqd.run.AtomicFiles;
import org.maqd.run.RunFolderZip;
import org.maqd.experiment.RunLauncher;
import org.maqd.experiment.RunOptions;
import org.maqd.experiment.RunResult;
import org.maqd.run.RunFiles;
import org.maqd.train.EpochMetrics;
import org.maqd.train.RunControl;
import org.maqd.train.TrainingListener;

/**
 * A worker: takes trial keys from the cluster's queue one at a time and runs each trial in a scratch folder. A
 * task whose signature does not match the secret is refused (status "refused …", never run). After every epoch
 * the run folder (with its checkpoint) goes to the checkpoint map, so when this worker dies another one resumes
 * the trial from there; the finished folder goes to the result map. Runs until {@link #stop()}.
 */
public final class ClusterWorker {
    private final ClusterMember member;
    private final ClusterSecret secret;
    private final Path scratch;
    private final int threads;
    private final PrintStream log;
    private final RunControl control = new RunControl();
    private volatile boolean running = true;

    public ClusterWorker(ClusterMember member, ClusterSecret secret, Path scratch, int threads, PrintStream log) {
        this.member = member;
        this.secret = secret;
        this.scratch = scratch;
        this.threads = threads;
        this.log = log;
    }

    public void stop() {
        running = false;
        control.stop();
    }

    /** Serves trials until stopped. */
    public void run() throws InterruptedException {
        while (running) {
            String key = member.queue().poll(500, TimeUnit.MILLISECONDS);
            if (key != null) serve(key);
        }
    }

    private void serve(String key) {
        String me = member.identity();
        TrialTask task;
        try {
            task = TrialTask.parse(secret.open(member.tasks().get(key), "trial " + key));
        } catch (SecurityException | IllegalArgumentException e) {
            member.status().put(key, "refused " + me + ": " + e.getMessage());
            say("refused " + key + ": " + e.getMessage());
            return;
        }
        member.status().put(key, "running " + me);
        Path dir = scratch.resolve(key.replaceAll("[^A-Za-z0-9._=-]", "_"));
        try {
            AtomicFiles.deleteTree(dir);
            boolean resume = false;
            byte[] ck = member.checkpoints().get(key);
            if (ck != null) {
                RunFolderZip.unzipReplacing(secret.open(ck, "checkpoint of " + key), dir);
                resume = Files.isDirectory(dir.resolve(RunFiles.CHECKPOINT)) || Files.isDirectory(dir.resolve(RunFiles.CHECKPOINT_OLD));
            }
            say((resume ? "resuming " : "running ") + key);
            TrainingListener upload = new TrainingListener() {
                @Override public void onEpoch(EpochMetrics m) {
                    member.checkpoints().set(key, secret.sign(RunFolderZip.zip(dir)));
                }
            };
            RunResult r = RunLauncher.run(task.experiment().withThreads(threads),
                    new RunOptions(Path.of(task.baseDir()), dir.getParent(), dir, resume, false, false), control, List.of(upload));
            if (!running) return;    // stopped: the coordinator requeues the trial when this member leaves
            member.results().set(key, secret.sign(RunFolderZip.zip(dir)));
            member.checkpoints().delete(key);
            member.status().put(key, "done " + me + " " + r.outcome().status());
            say("finished " + key + ": " + r.outcome().status());
        } catch (RuntimeException e) {
            member.status().put(key, "failed " + me + ": " + e.getMessage());
            say("failed " + key + ": " + e);
        } finally {
            AtomicFiles.deleteTree(dir);
        }
    }

    private void say(String line) {
        if (log != null) log.println("worker: " + line);
    }

}
