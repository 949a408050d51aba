package org.maqd.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.maqd.data.Augmentation;
import org.maqd.data.Batcher;
import org.maqd.data.DataSplit;
import org.maqd.data.Datasets;
import org.maqd.model.Network;
import org.maqd.model.NetworkBuilder;
import org.maqd.model.Safetensors;
import org.maqd.optim.Optimizer;
import org.maqd.tensor.Parallel;
import org.maqd.train.Checkpoint;
import org.maqd.train.ConsoleProgress;
import org.maqd.train.LayersCsv;
import org.maqd.train.MetricsCsv;
import org.maqd.train.Optimizers;
import org.maqd.train.ProbeCollector;
import org.maqd.train.RunControl;
import org.maqd.train.RunOutcome;
import org.maqd.train.Trainer;
import org.maqd.train.TrainingListener;

/**
 * Runs one experiment end to end and leaves a run folder: {@code experiment.json} (resolved), {@code metrics.csv},
 * {@code layers.csv}, {@code histograms.csv}, {@code checkpoint/}, {@code model.safetensors} + {@code model.json},
 * {@code summary.json}. Blocking: the UI calls it from a background thread. Listener order: the run's files
 * (metrics, layers, checkpoint), then console progress, then the caller's listeners.
 */
public final class RunLauncher {
    private RunLauncher() {}

    public static RunResult run(Experiment exp, Path baseDir, Path runsRoot, RunControl control,
                                List<TrainingListener> listeners) {
        return run(exp, RunOptions.quiet(baseDir, runsRoot), control, listeners);
    }

    public static RunResult run(Experiment raw, RunOptions opts, RunControl control, List<TrainingListener> extra) {
        ExperimentValidator.validate(raw, "experiment '" + (raw.name() == null ? "?" : raw.name()) + "'");
        Experiment exp = ExperimentDefaults.resolve(raw);
        DataSplit data = Datasets.load(exp.data(), opts.baseDir());
        int threads = exp.threads();
        try (Parallel par = new Parallel(threads)) {
            Network net = NetworkBuilder.build(exp.network(), data.train().sampleShape(), data.train().classes(), par, exp.seed());
            Path runDir = opts.outDir() != null ? opts.outDir() : newRunDir(opts.runsRoot(), exp.name());
            if (opts.resume() && !Files.isDirectory(runDir.resolve("checkpoint")) && !Files.isDirectory(runDir.resolve("checkpoint.old"))) {
                throw new ExperimentException(runDir + ": cannot resume: no checkpoint/ folder in it");
            }
            createDirs(runDir);
            int stepsPerEpoch = Batcher.batches(data.train().size(), exp.training().batchSize(), false);
            Optimizer opt = Optimizers.create(exp.training(), net.paramList(), par);
            int startEpoch = opts.resume() ? Checkpoint.restore(runDir, net, opt) : 0;
            if (startEpoch >= exp.training().epochs()) {
                throw new ExperimentException(runDir + ": the run already finished all " + exp.training().epochs()
                        + " epochs; nothing to resume (its files are unchanged)");
            }
            ExperimentIO.write(exp, runDir.resolve("experiment.json"));
            ProbeCollector probes = exp.probes().enabled() ? new ProbeCollector(net, exp.probes()) : null;
            Trainer.Setup setup = new Trainer.Setup(net, data.train(), data.test(), opt,
                    Optimizers.schedule(exp.training(), stepsPerEpoch), exp.seed(), exp.training().epochs(),
                    exp.training().batchSize(), Augmentation.from(exp.data(), data.train().sampleShape()), probes, exp.probes().everySteps(), threads, exp.name());
            List<TrainingListener> ls = new ArrayList<>();
            ls.add(new MetricsCsv(runDir.resolve("metrics.csv")));
            ls.add(new LayersCsv(runDir));
            ls.add(new Checkpoint(runDir, net, opt));
            if (opts.console()) ls.add(new ConsoleProgress(System.err, opts.interactiveConsole()));
            ls.addAll(extra);
            RunOutcome outcome = new Trainer(setup, ls, control).run(startEpoch);
            if (!"diverged".equals(outcome.status())) saveModel(runDir, net, exp);
            writeSummary(runDir, exp, data, net, outcome);
            return new RunResult(runDir, outcome);
        }
    }

    public static void saveModel(Path runDir, Network net, Experiment exp) {
        Safetensors.write(runDir.resolve("model.safetensors"), net.stateDict(),
                Map.of("format", "pt", "producer", "maqd-workbench"));
        ExperimentIO.writeJson(exp.network(), runDir.resolve("model.json"));
    }

    private static void writeSummary(Path runDir, Experiment exp, DataSplit data, Network net, RunOutcome o) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", exp.name());
        s.put("status", o.status());
        if (!o.message().isEmpty()) s.put("message", o.message());
        var last = o.last();
        s.put("test_accuracy", last == null ? null : last.testAccuracy());
        s.put("test_loss", last == null ? null : last.testLoss());
        s.put("train_accuracy", last == null ? null : last.trainAccuracy());
        s.put("train_loss", last == null ? null : last.trainLoss());
        s.put("epochs", o.epochsCompleted());
        s.put("seed", exp.seed());
        s.put("threads", exp.threads());
        s.put("batch_size", exp.training().batchSize());
        s.put("seconds", o.seconds());
        s.put("samples_per_second", last == null ? null : last.samplesPerSecond());
        s.put("parameters", net.parameterCount());
        s.put("dataset", data.train().name());
        s.put("dataset_hash", data.sha256());
        s.put("train_samples", data.train().size());
        s.put("test_samples", data.test().size());
        s.putAll(Environment.describe());
        ExperimentIO.writeJson(s, runDir.resolve("summary.json"));
    }

    static Path newRunDir(Path root, String name) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        String safe = name.replaceAll("[^A-Za-z0-9._-]+", "-");
        Path p = root.resolve(stamp + "-" + safe);
        for (int i = 2; Files.exists(p); i++) p = root.resolve(stamp + "-" + safe + "-" + i);
        return p;
    }

    private static void createDirs(Path p) {
        try {
            Files.createDirectories(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create run folder " + p + ": " + e.getMessage(), e);
        }
    }
}
