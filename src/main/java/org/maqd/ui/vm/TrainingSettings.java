package org.maqd.ui.vm;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.maqd.data.DataSpec;
import org.maqd.experiment.Experiment;
import org.maqd.train.TrainingSpec;

/** The run settings the training view edits, by their experiment field path (the same paths locks use). */
public enum TrainingSettings {
    DATASET("data.dataset", "Dataset", false, e -> data(e).dataset(), (e, v) -> e.withData(data(e).withDataset(v))),
    TRAIN_LIMIT("data.trainLimit", "Train samples (empty = all)", true, e -> data(e).trainLimit(), (e, v) -> e.withData(data(e).withTrainLimit(i(v)))),
    OPTIMIZER("training.optimizer", "Optimizer", false, e -> tr(e).optimizer(), (e, v) -> e.withTraining(tr(e).withOptimizer(v))),
    LEARNING_RATE("training.learningRate", "Learning rate", false, e -> tr(e).learningRate(), (e, v) -> e.withTraining(tr(e).withLearningRate(d(v)))),
    SCHEDULE("training.schedule", "Schedule", false, e -> tr(e).schedule(), (e, v) -> e.withTraining(tr(e).withSchedule(v))),
    EPOCHS("training.epochs", "Epochs", true, e -> tr(e).epochs(), (e, v) -> e.withTraining(tr(e).withEpochs(i(v)))),
    BATCH_SIZE("training.batchSize", "Batch size", true, e -> tr(e).batchSize(), (e, v) -> e.withTraining(tr(e).withBatchSize(i(v)))),
    SEED("seed", "Seed", true, Experiment::seed, (e, v) -> e.withSeed(v == null ? null : Long.parseLong(v))),
    THREADS("threads", "Threads (empty = all cores)", true, Experiment::threads, (e, v) -> e.withThreads(i(v)));

    public static final List<String> DATASETS = List.of("mnist-10k", "spirals", "blobs", "xor", "circles");
    public static final List<String> OPTIMIZERS = List.of("sgd", "adam", "adamw");
    public static final List<String> SCHEDULES = List.of("constant", "step", "cosine");

    public final String path;
    public final String label;
    /** The label without its note ("Threads", not "Threads (empty = all cores)"), as messages name the field. */
    private final String name;
    private final boolean integer;
    private final Function<Experiment, Object> getter;
    private final BiFunction<Experiment, String, Experiment> setter;

    @SuppressWarnings("unchecked")
    <T> TrainingSettings(String path, String label, boolean integer, Function<Experiment, T> getter,
                         BiFunction<Experiment, String, Experiment> setter) {
        this.path = path;
        this.label = label;
        int p = label.indexOf(" (");
        this.name = p < 0 ? label : label.substring(0, p);
        this.integer = integer;
        this.getter = (Function<Experiment, Object>) getter;
        this.setter = setter;
    }

    /** What an empty field means, shown greyed in it: every training sample, every core; "" where empty is not offered. */
    public String whenEmpty() {
        return this == TRAIN_LIMIT ? "all" : this == THREADS ? "all cores" : "";
    }

    public String get(Experiment e) {
        Object v = getter.apply(e);
        return v == null ? "" : String.valueOf(v);
    }

    /** The experiment with this setting changed; empty text clears it. Throws with a readable reason. */
    public Experiment set(Experiment e, String text) {
        String t = text == null || text.isBlank() ? null : text.trim();
        try {
            // the tighter rule first: −3 epochs said "must be ≥ 0", and 0 was refused next
            if (t != null && (this == EPOCHS || this == BATCH_SIZE) && Long.parseLong(t) < 1) throw new IllegalArgumentException(name + " must be ≥ 1");
            if (t != null && integer && Long.parseLong(t) < 0) throw new IllegalArgumentException(name + " must be ≥ 0");
            if (t != null && this == LEARNING_RATE && !(Double.parseDouble(t) > 0)) throw new IllegalArgumentException(name + " must be > 0");
            return checked(setter.apply(e, t));
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException(name + ": '" + t + "' is not a " + (integer ? "whole number" : "number"));
        }
    }

    /**
     * The edited experiment, refused when the file's own validator refuses this setting (one owner of the rules: the
     * Threads field took 100000000 and the run failed at its start with "expected 1..256"). Refusals of other
     * fields, already there before this edit, are not this field's business.
     */
    private Experiment checked(Experiment n) {
        try {
            org.maqd.experiment.ExperimentValidator.validate(n, "the experiment");
        } catch (org.maqd.experiment.ExperimentException ex) {
            String expected = ex.expected(path);
            if (expected != null) throw new IllegalArgumentException(name + " must be " + expected);
        }
        return n;
    }

    private static DataSpec data(Experiment e) {
        return e.data() != null ? e.data() : new DataSpec(null, null, null, null, null, null, null, null, null);
    }

    private static TrainingSpec tr(Experiment e) {
        return e.training() != null ? e.training() : new TrainingSpec(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static Integer i(String v) { return v == null ? null : Integer.valueOf(v); }
    private static Double d(String v) { return v == null ? null : Double.valueOf(v); }
}
