package org.maqd.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.maqd.model.ModelFormatException;
import org.maqd.model.Network;
import org.maqd.model.Safetensors;
import org.maqd.optim.Optimizer;
import org.maqd.run.AtomicFiles;
import org.maqd.run.RunFiles;
import org.maqd.tensor.Tensor;

/**
 * Resumable state after each epoch, in {@code checkpoint/}: {@code model.safetensors} (parameters and buffers),
 * {@code optimizer.safetensors} (moments), both with metadata {@code epoch} and {@code step}. A new checkpoint is
 * written to {@code checkpoint.new/} and swapped in by renames, so a kill at any moment leaves one complete
 * checkpoint ({@code checkpoint/} or, mid-swap, {@code checkpoint.old/}).
 */
public final class Checkpoint implements TrainingListener {
    private final Path runDir;
    private final Network network;
    private final Optimizer optimizer;
    private final ProbeCollector probes;

    public Checkpoint(Path runDir, Network network, Optimizer optimizer) { this(runDir, network, optimizer, null); }

    /** {@code probes} (nullable): its last weight states are kept too, for the first flip rate after a resume. */
    public Checkpoint(Path runDir, Network network, Optimizer optimizer, ProbeCollector probes) {
        this.runDir = runDir;
        this.network = network;
        this.optimizer = optimizer;
        this.probes = probes;
    }

    @Override
    public void onEpoch(EpochMetrics m) {
        save(runDir, network, optimizer, probes == null ? Map.of() : probes.codesState(), m.epoch(), m.step());
    }

    public static void save(Path runDir, Network net, Optimizer opt, int epoch, long step) {
        save(runDir, net, opt, Map.of(), epoch, step);
    }

    static void save(Path runDir, Network net, Optimizer opt, Map<String, Tensor> probeCodes, int epoch, long step) {
        Path cur = runDir.resolve(RunFiles.CHECKPOINT), fresh = runDir.resolve(RunFiles.CHECKPOINT_NEW), old = runDir.resolve(RunFiles.CHECKPOINT_OLD);
        Map<String, String> meta = new TreeMap<>(Map.of("epoch", Integer.toString(epoch), "step", Long.toString(step),
                "optimizer_steps", Long.toString(opt.steps())));
        try {
            deleteTree(fresh);
            Safetensors.write(fresh.resolve(RunFiles.CHECKPOINT_MODEL), net.stateDict(), meta);
            Safetensors.write(fresh.resolve(RunFiles.CHECKPOINT_OPTIMIZER), opt.state(), meta);
            if (!probeCodes.isEmpty()) Safetensors.write(fresh.resolve(RunFiles.CHECKPOINT_PROBES), probeCodes, meta);
            deleteTree(old);
            if (Files.exists(cur)) Files.move(cur, old);
            Files.move(fresh, cur);
            deleteTree(old);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint in " + runDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads the newest complete checkpoint into the network and optimizer; returns the epoch it holds (0 when the
     * run has no checkpoint: it did not finish an epoch). The metadata must agree between the two files and with
     * the run ({@code 1 ≤ epoch ≤ epochs}, {@code step = epoch × stepsPerEpoch}); nothing is changed on disk.
     */
    public static int restore(Path runDir, Network net, Optimizer opt, int epochs, int stepsPerEpoch) {
        Path dir = runDir.resolve(RunFiles.CHECKPOINT);
        if (!Files.isDirectory(dir)) dir = runDir.resolve(RunFiles.CHECKPOINT_OLD);
        if (!Files.isDirectory(dir)) return 0;
        Path mf = dir.resolve(RunFiles.CHECKPOINT_MODEL), of = dir.resolve(RunFiles.CHECKPOINT_OPTIMIZER);
        Safetensors.Contents model = Safetensors.read(mf);
        Safetensors.Contents state = Safetensors.read(of);
        int epoch = (int) number(mf, model.metadata(), "epoch", 1, epochs);
        long step = number(mf, model.metadata(), "step", 0, Long.MAX_VALUE);
        long optSteps = number(of, state.metadata(), "optimizer_steps", 0, Long.MAX_VALUE);
        if (number(of, state.metadata(), "epoch", 1, epochs) != epoch || number(of, state.metadata(), "step", 0, Long.MAX_VALUE) != step) {
            throw new ModelFormatException(dir + ": model and optimizer checkpoints disagree on the epoch or step ("
                    + model.metadata() + " vs " + state.metadata() + ")");
        }
        if (step != (long) epoch * stepsPerEpoch) {
            throw new ModelFormatException(mf + ": metadata 'step': expected " + (long) epoch * stepsPerEpoch + " (epoch "
                    + epoch + " × " + stepsPerEpoch + " steps), found " + step);
        }
        net.loadStateDict(model.tensors(), mf.toString());
        Map<String, Tensor> mine = new LinkedHashMap<>(opt.state());
        if (state.tensors().size() != mine.size()) {
            throw new ModelFormatException(of + ": expected " + mine.size() + " tensors, found " + state.tensors().size());
        }
        for (var e : mine.entrySet()) {
            Tensor t = state.tensors().get(e.getKey());
            if (t == null || t.size() != e.getValue().size()) {
                throw new ModelFormatException(of + ": tensor '" + e.getKey() + "' missing or of the wrong size");
            }
            e.getValue().copyFrom(t);
        }
        opt.setSteps(optSteps);
        return epoch;
    }

    /** The probe states kept with the newest checkpoint (empty when there are none). */
    public static Map<String, Tensor> probeCodes(Path runDir) {
        Path dir = runDir.resolve(RunFiles.CHECKPOINT);
        if (!Files.isDirectory(dir)) dir = runDir.resolve(RunFiles.CHECKPOINT_OLD);
        Path f = dir.resolve(RunFiles.CHECKPOINT_PROBES);
        return Files.isRegularFile(f) ? Safetensors.read(f).tensors() : Map.of();
    }

    private static long number(Path f, Map<String, String> meta, String key, long min, long max) {
        String v = meta.get(key);
        long n;
        try {
            n = Long.parseLong(v == null ? "" : v.trim());
        } catch (NumberFormatException e) {
            throw new ModelFormatException(f + ": metadata '" + key + "': expected an integer " + min + ".." + max + ", found "
                    + (v == null ? "nothing" : "'" + v + "'"));
        }
        if (n < min || n > max) {
            throw new ModelFormatException(f + ": metadata '" + key + "': expected an integer " + min + ".." + max + ", found " + n);
        }
        return n;
    }

    static void deleteTree(Path p) throws IOException {
        try {
            AtomicFiles.deleteTree(p);
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
