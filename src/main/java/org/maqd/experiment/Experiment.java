package org.maqd.experiment;

import org.maqd.train.ProbeSpec;
import org.maqd.train.TrainingSpec;
import org.maqd.data.DataSpec;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.maqd.model.NetworkSpec;

/**
 * An experiment file: what to train, on what, how, and what to observe. Immutable; saved resolved (all defaults
 * filled in) in every run folder. {@code locks} lists field paths (e.g. "network.defaults.norm",
 * "training.batchSize") that classroom mode shows read-only. {@code sweep} declares a grid of trials.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Experiment(
        String description,
        String name,
        Long seed,
        Integer threads,
        DataSpec data,
        NetworkSpec network,
        TrainingSpec training,
        ProbeSpec probes,
        List<String> locks,
        SweepSpec sweep) {

    public Experiment withSeed(Long v) { return new Experiment(description, name, v, threads, data, network, training, probes, locks, sweep); }
    public Experiment withThreads(Integer v) { return new Experiment(description, name, seed, v, data, network, training, probes, locks, sweep); }
    public Experiment withData(DataSpec v) { return new Experiment(description, name, seed, threads, v, network, training, probes, locks, sweep); }
    public Experiment withNetwork(NetworkSpec v) { return new Experiment(description, name, seed, threads, data, v, training, probes, locks, sweep); }
    public Experiment withTraining(TrainingSpec v) { return new Experiment(description, name, seed, threads, data, network, v, probes, locks, sweep); }
    public Experiment withProbes(ProbeSpec v) { return new Experiment(description, name, seed, threads, data, network, training, v, locks, sweep); }
    public Experiment withName(String v) { return new Experiment(description, v, seed, threads, data, network, training, probes, locks, sweep); }
    public Experiment withDescription(String v) { return new Experiment(v, name, seed, threads, data, network, training, probes, locks, sweep); }
    public Experiment withLocks(List<String> v) { return new Experiment(description, name, seed, threads, data, network, training, probes, v, sweep); }
    public Experiment withSweep(SweepSpec v) { return new Experiment(description, name, seed, threads, data, network, training, probes, locks, v); }
}
