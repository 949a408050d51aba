package org.maqd.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.maqd.cluster.ClusterMember;
import org.maqd.cluster.ClusterSecret;
import org.maqd.cluster.ClusterTrialRunner;
import org.maqd.experiment.Experiment;
import org.maqd.experiment.ExperimentIO;
import org.maqd.sweep.SweepPlan;
import org.maqd.sweep.SweepRunner;
import org.maqd.train.RunControl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code maqd sweep FILE}: runs every trial of the experiment's sweep block into a sweep folder; run it again to
 * finish an interrupted sweep (finished trials are skipped). Ctrl-C stops the running trials at the next step,
 * leaving checkpoints to resume from.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Run the trials of the sweep declared in FILE (grid × list × seeds) into a sweep folder with "
                + "results.csv and summary.csv. Resumable: run again to finish the missing trials.")
public final class SweepCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "experiment file (JSON) with a \"sweep\" block") Path file;
    @Option(names = "--out", paramLabel = "DIR", description = "sweep folder (default: runs/<name>-sweep)") Path out;
    @Option(names = "--parallel", paramLabel = "N", description = "trials at once (default 1); each gets threads/N compute threads") int parallel = 1;
    @Option(names = "--epochs", paramLabel = "N", description = "override training.epochs of every trial") Integer epochs;
    @Option(names = "--threads", paramLabel = "N", description = "compute threads in total (default: the experiment's threads, else all cores)") Integer threads;
    @Option(names = "--cluster", paramLabel = "HOST:PORT,…", split = ",", description = "run the trials on the workers of this cluster (maqd worker); this process coordinates") List<String> cluster;
    @Option(names = "--secret-file", paramLabel = "F", description = "the cluster's shared secret (with --cluster)") Path secretFile;
    @Option(names = "--bind", paramLabel = "ADDRESS", description = "with --cluster: network interface to bind (e.g. 127.0.0.1)") String bind;
    @Option(names = "--dry-run", description = "check the sweep and list its trials without running them") boolean dryRun;
    @Option(names = "--max-trials", paramLabel = "N", description = "allow up to N trials (default 10000, at most 1000000)") long maxTrials = SweepPlan.DEFAULT_MAX_TRIALS;

    @Override
    public Integer call() throws Exception {
        Experiment e = ExperimentIO.read(file);
        if (e.name() == null) e = e.withName(Overrides.baseName(file));
        if (maxTrials < 1 || maxTrials > SweepPlan.HARD_MAX_TRIALS) {
            throw new org.maqd.experiment.ExperimentException("--max-trials: expected 1.." + SweepPlan.HARD_MAX_TRIALS + ", got " + maxTrials);
        }
        SweepPlan plan = SweepPlan.of(e, file.toString(), epochs, maxTrials);
        if (parallel < 1) {
            System.err.println("maqd: --parallel: expected a positive integer, got " + parallel);
            return MaqdCommand.BAD_INPUT;
        }
        if (threads != null && threads < 1) {
            System.err.println("maqd: --threads: expected a positive integer, got " + threads);
            return MaqdCommand.BAD_INPUT;
        }
        Path dir = out != null ? out : Path.of("runs").resolve(plan.name() + "-sweep");
        if (dryRun) {
            System.out.println(plan.trials().size() + " trials; fields " + plan.fields());
            plan.trials().forEach(t -> System.out.println("  " + t.id()));
            return MaqdCommand.OK;
        }
        int total = threads != null ? threads : e.threads() != null ? e.threads() : Runtime.getRuntime().availableProcessors();
        RunControl control = new RunControl();
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            control.stop();
            try {
                done.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "maqd-sweep-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        if (cluster != null && secretFile == null) {
            System.err.println("maqd: --cluster needs --secret-file F (the secret the workers were started with)");
            return MaqdCommand.BAD_INPUT;
        }
        SweepRunner.Outcome o;
        ClusterMember member = null;
        try {
            int atOnce = parallel;
            SweepRunner runner;
            if (cluster != null) {
                ClusterSecret secret = ClusterSecret.read(secretFile);
                member = ClusterMember.start(secret.clusterName(), ClusterMember.DEFAULT_PORT, cluster, bind, true);
                System.out.println("coordinator " + member.identity() + " joined a cluster of " + member.members() + " member(s)");
                atOnce = Math.max(parallel, plan.trials().size());     // queue every trial; the workers take them
            }
            runner = new SweepRunner(plan, new SweepRunner.Options(dir, file.toAbsolutePath().getParent(), atOnce, total, System.out),
                    control, List.of());
            if (member != null) runner.on(new ClusterTrialRunner(member, ClusterSecret.read(secretFile)));
            o = runner.run();
        } finally {
            if (member != null) member.close();
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it waits for the latch released above
            }
        }
        return o.failed() > 0 ? MaqdCommand.FAILURE : MaqdCommand.OK;
    }
}
