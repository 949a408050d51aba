package org.maqd.experiment;

import org.maqd.train.ProbeSpec;
import org.maqd.train.TrainingSpec;
import org.maqd.data.DataSpec;
import java.util.List;
import java.util.Set;
import org.maqd.model.KindField;
import org.maqd.model.LayerKinds;
import org.maqd.model.LayerSpec;
import org.maqd.model.NetworkAnalysis;
import org.maqd.model.NetworkGraph;
import org.maqd.model.NetworkSpec;
import org.maqd.model.QuantDefaults;

/**
 * Checks an experiment's values (after parsing, before any work). The first problem found is thrown as an
 * {@link ExperimentException} naming the source, the field path and what was expected.
 */
public final class ExperimentValidator {
    /** Every layer type (the kind registry's names). */
    public static final Set<String> LAYER_TYPES = Set.copyOf(LayerKinds.names());
    public static final Set<String> OPTIMIZERS = Set.of("sgd", "adam", "adamw");
    public static final Set<String> SCHEDULES = Set.of("constant", "step", "cosine");
    public static final Set<String> FORMATS = Set.of("idx", "cifar10", "cifar100");
    /** Largest number of states accepted ({@link FieldRules#MAX_STATES}, the owner of the layer fields' limits). */
    public static final int MAX_STATES = FieldRules.MAX_STATES;

    private final String src;

    private ExperimentValidator(String src) { this.src = src; }

    public static void validate(Experiment e, String source) {
        new ExperimentValidator(source).check(e);
    }

    /** Checks a network spec on its own (a run's model.json) as an experiment's network is checked. */
    public static void validateNetwork(org.maqd.model.NetworkSpec n, String source) {
        new ExperimentValidator(source).checkNetwork(n);
    }

    private ExperimentException fail(String field, String expected, Object got) {
        return new ExperimentException(src + ": field '" + field + "': expected " + expected + ", got "
                + (got instanceof String s ? "\"" + s + "\"" : got), field, expected);
    }

    private void check(Experiment e) {
        LockPaths.check(e, src);
        if (e.threads() != null && (e.threads() < 1 || e.threads() > 256)) throw fail("threads", "1..256", e.threads());
        if (e.network() == null) throw fail("network", "a network object with 'input' and 'layers' or 'nodes'", null);
        checkNetwork(e.network());
        if (e.data() != null) checkData(e.data());
        if (e.training() != null) checkTraining(e.training());
        if (e.probes() != null) {
            ProbeSpec p = e.probes();
            positive("probes.everySteps", p.everySteps());
            if (p.histogramBins() != null && (p.histogramBins() < 4 || p.histogramBins() > 1024)) throw fail("probes.histogramBins", "4..1024", p.histogramBins());
            if (p.rasterSamples() != null && (p.rasterSamples() < 0 || p.rasterSamples() > 64)) throw fail("probes.rasterSamples", "0..64", p.rasterSamples());
        }
        if (e.sweep() != null) {
            SweepSpec s = e.sweep();
            positive("sweep.seeds", s.seeds());
            if (s.grid() != null) {
                for (var entry : s.grid().entrySet()) {
                    if (entry.getValue() == null || entry.getValue().isEmpty()) {
                        throw fail("sweep.grid." + entry.getKey(), "a non-empty list of values", entry.getValue());
                    }
                }
            }
        }
    }

    private void checkNetwork(NetworkSpec n) {
        List<Integer> in = n.input();
        String badInput = FieldRules.expectedInput(in);
        if (badInput != null) throw fail("network.input", badInput, in);
        if (n.defaults() != null) checkDefaults(n.defaults());
        if (n.layers() != null && n.nodes() != null) throw fail("network.nodes", "either 'layers' (a chain) or 'nodes' (a graph), not both", "both");
        if (n.nodes() != null) {
            checkGraph(n);
            return;
        }
        List<LayerSpec> layers = n.layers();
        if (layers == null || layers.isEmpty()) throw fail("network.layers", "a non-empty list of layers (or 'nodes', a graph)", layers);
        for (int i = 0; i < layers.size(); i++) checkLayer("network.layers[" + i + "]", layers.get(i));
        LayerSpec last = layers.get(layers.size() - 1);
        if (!LayerKinds.isOutput(last.type())) {
            throw fail("network.layers[" + (layers.size() - 1) + "].type",
                    "the last layer to be 'output' (the classifier)", last.type());
        }
        for (int i = 0; i < layers.size() - 1; i++) {
            if (LayerKinds.isOutput(layers.get(i).type())) {
                throw fail("network.layers[" + i + "].type", "'output' only as the last layer", LayerKinds.OUTPUT);
            }
        }
    }

    /** A graph: every node's fields, the structure (ids, inputs, cycles, unused nodes) and the shapes. */
    private void checkGraph(NetworkSpec n) {
        List<LayerSpec> nodes = n.nodes();
        if (nodes.isEmpty()) throw fail("network.nodes", "a non-empty list of nodes", nodes);
        for (int i = 0; i < nodes.size(); i++) {
            LayerSpec l = nodes.get(i);
            checkLayer("network.nodes[" + i + "]", l);
            if (l.pos() != null && (l.pos().size() != 2 || l.pos().stream().anyMatch(v -> v == null || !Double.isFinite(v)))) {
                throw fail("network.nodes[" + i + "].pos", "[x, y], two finite numbers", l.pos());
            }
        }
        try {
            NetworkGraph.sorted(nodes);
        } catch (NetworkGraph.GraphException g) {
            throw new ExperimentException(src + ": field '" + g.field() + "': " + g.getMessage());
        }
        NetworkAnalysis.Report r = NetworkAnalysis.analyze(n);
        if (!r.ok()) throw new ExperimentException(src + ": field 'network.nodes': " + r.firstError());
    }

    private void checkDefaults(QuantDefaults d) {
        String f = "network.defaults.";
        rule(f, "weightStates", d.weightStates());
        rule(f, "activationStates", d.activationStates());
        rule(f, "firstWeightStates", d.firstWeightStates());
        rule(f, "outputWeightStates", d.outputWeightStates());
        rule(f, "norm", d.norm());
        rule(f, "groups", d.groups());
        rule(f, "weightStep", d.weightStep());
        rule(f, "activationStep", d.activationStep());
        rule(f, "weightSurrogate", d.weightSurrogate());
        rule(f, "activationSurrogate", d.activationSurrogate());
        rule(f, "alpha", d.alpha());
        rule(f, "weightClip", d.weightClip());
        rule(f, "activationStepValue", d.activationStepValue());
        if ("fixed".equals(d.weightStep()) && d.weightClip() == null) throw fail(f + "weightClip", "a positive clip range s when weightStep is 'fixed'", null);
        if ("fixed".equals(d.activationStep()) && d.activationStepValue() == null) throw fail(f + "activationStepValue", "a positive step when activationStep is 'fixed'", null);
    }

    private void checkLayer(String f, LayerSpec l) {
        if (l == null) throw fail(f, "a layer object", null);
        if (l.type() == null) throw fail(f + ".type", "one of " + sorted(LAYER_TYPES), null);
        oneOf(f + ".type", l.type(), LAYER_TYPES);
        for (KindField k : LayerKinds.get(l.type()).fields()) {
            if (k.required() && k.get().apply(l) == null) {
                throw fail(f + "." + k.name(), k.type() == KindField.Type.INT
                        ? "a positive integer (required for this layer type)" : "a number in [0, 1)", null);
            }
        }
        String p = f + ".";
        rule(p, "rate", l.rate());
        rule(p, "units", l.units());
        rule(p, "channels", l.channels());
        rule(p, "kernel", l.kernel());
        rule(p, "stride", l.stride());
        rule(p, "padding", l.padding());
        rule(p, "weightStates", l.weightStates());
        rule(p, "activationStates", l.activationStates());
        rule(p, "norm", l.norm());
        rule(p, "groups", l.groups());
        rule(p, "weightStep", l.weightStep());
        rule(p, "activationStep", l.activationStep());
        rule(p, "weightSurrogate", l.weightSurrogate());
        rule(p, "activationSurrogate", l.activationSurrogate());
        rule(p, "alpha", l.alpha());
        rule(p, "weightClip", l.weightClip());
        rule(p, "activationStepValue", l.activationStepValue());
    }

    private void checkData(DataSpec d) {
        oneOf("data.format", d.format(), FORMATS);
        if (d.trainLimit() != null && d.trainLimit() < 0) throw fail("data.trainLimit", "an integer >= 0 (0 = all)", d.trainLimit());
        if (d.testLimit() != null && d.testLimit() < 0) throw fail("data.testLimit", "an integer >= 0 (0 = all)", d.testLimit());
        if (d.cropPadding() != null && (d.cropPadding() < 0 || d.cropPadding() > 16)) throw fail("data.cropPadding", "0..16", d.cropPadding());
        positive("data.toySamples", d.toySamples());
        if (d.toyNoise() != null && (d.toyNoise() < 0 || d.toyNoise() > 10)) throw fail("data.toyNoise", "a number in [0, 10]", d.toyNoise());
    }

    private void checkTraining(TrainingSpec t) {
        oneOf("training.optimizer", t.optimizer(), OPTIMIZERS);
        oneOf("training.schedule", t.schedule(), SCHEDULES);
        positiveNum("training.learningRate", t.learningRate());
        if (t.momentum() != null && (t.momentum() < 0 || t.momentum() >= 1)) throw fail("training.momentum", "a number in [0, 1)", t.momentum());
        if (t.weightDecay() != null && t.weightDecay() < 0) throw fail("training.weightDecay", "a number >= 0", t.weightDecay());
        if (t.beta1() != null && (t.beta1() < 0 || t.beta1() >= 1)) throw fail("training.beta1", "a number in [0, 1)", t.beta1());
        if (t.beta2() != null && (t.beta2() < 0 || t.beta2() >= 1)) throw fail("training.beta2", "a number in [0, 1)", t.beta2());
        if (t.warmupEpochs() != null && t.warmupEpochs() < 0) throw fail("training.warmupEpochs", "a number >= 0", t.warmupEpochs());
        positive("training.stepEvery", t.stepEvery());
        positiveNum("training.stepGamma", t.stepGamma());
        positive("training.epochs", t.epochs());
        positive("training.batchSize", t.batchSize());
    }

    private void required(String f, Integer v) {
        if (v == null) throw fail(f, "a positive integer (required for this layer type)", null);
    }

    private void positive(String f, Integer v) {
        if (v != null && v < 1) throw fail(f, "a positive integer", v);
    }

    private void positiveNum(String f, Double v) {
        if (v != null && !(v > 0 && Double.isFinite(v))) throw fail(f, "a positive number", v);
    }

    /** Field {@code name} of the object at {@code prefix}, checked by its {@link FieldRules rule}. */
    private void rule(String prefix, String name, Object v) {
        String expected = FieldRules.expected(name, v);
        if (expected != null) throw fail(prefix + name, expected, v);
    }

    private void oneOf(String f, String v, Set<String> allowed) {
        if (v != null && !allowed.contains(v)) throw fail(f, "one of " + sorted(allowed), v);
    }

    private static String sorted(Set<String> s) { return FieldRules.sorted(s); }
}
