package org.maqd.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.maqd.model.ModelFormatException;
import org.maqd.model.Network;
import org.maqd.model.Safetensors;
import org.maqd.optim.Optimizer;
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

    public Checkpoint(Path runDir, Network network, Optimizer optimizer) {
        this.runDir = runDir;
        this.network = network;
        this.optimizer = optimizer;
    }

    @Override
    public void onEpoch(EpochMetrics m) {
        save(runDir, network, optimizer, m.epoch(), m.step());
    }

    public static void save(Path runDir, Network net, Optimizer opt, int epoch, long step) {
        Path cur = runDir.resolve("checkpoint"), fresh = runDir.resolve("checkpoint.new"), old = runDir.resolve("checkpoint.old");
        Map<String, String> meta = Map.of("epoch", Integer.toString(epoch), "step", Long.toString(step),
                "optimizer_steps", Long.toString(opt.steps()));
        try {
            deleteTree(fresh);
            Safetensors.write(fresh.resolve("model.safetensors"), net.stateDict(), meta);
            Safetensors.write(fresh.resolve("optimizer.safetensors"), opt.state(), meta);
            deleteTree(old);
            if (Files.exists(cur)) Files.move(cur, old);
            Files.move(fresh, cur);
            deleteTree(old);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint in " + runDir + ": " + e.getMessage(), e);
        }
    }

    /** Loads the newest complete checkpoint into the network and optimizer; returns the epoch it holds. */
    public static int restore(Path runDir, Network net, Optimizer opt) {
        Path dir = runDir.resolve("checkpoint");
        if (!Files.isDirectory(dir)) dir = runDir.resolve("checkpoint.old");
        if (!Files.isDirectory(dir)) {
            throw new ModelFormatException(runDir + ": no checkpoint/ folder to resume from (the run has not finished an epoch)");
        }
        Safetensors.Contents model = Safetensors.read(dir.resolve("model.safetensors"));
        Safetensors.Contents state = Safetensors.read(dir.resolve("optimizer.safetensors"));
        String e1 = model.metadata().get("epoch"), e2 = state.metadata().get("epoch");
        if (e1 == null || !e1.equals(e2)) {
            throw new ModelFormatException(dir + ": model and optimizer checkpoints disagree on the epoch (" + e1 + " vs " + e2 + ")");
        }
        net.loadStateDict(model.tensors(), dir.resolve("model.safetensors").toString());
        Map<String, Tensor> mine = new LinkedHashMap<>(opt.state());
        for (var e : mine.entrySet()) {
            Tensor t = state.tensors().get(e.getKey());
            if (t == null || t.size() != e.getValue().size()) {
                throw new ModelFormatException(dir.resolve("optimizer.safetensors") + ": tensor '" + e.getKey() + "' missing or of the wrong size");
            }
            e.getValue().copyFrom(t);
        }
        opt.setSteps(Long.parseLong(state.metadata().getOrDefault("optimizer_steps", "0")));
        return Integer.parseInt(e1);
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(q);
        }
    }
}
