package org.maqd.experiment;

import org.maqd.train.ProbeSpec;
import org.maqd.train.TrainingSpec;
import org.maqd.data.DataSpec;
import java.util.ArrayList;
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
 * Checks an experiment's values (after parsing, before any work). Every problem found is reported at once (section
 * by section: locks, threads, network, data, training, probes, sweep) by one {@link ExperimentException} naming the
 * source and, for each problem, the field path and what was expected: a file with three mistakes is fixed in one
 * round, not three. Checks that need a valid value (a layer's fields need its type; a graph's shapes need its
 * nodes' fields) are skipped where that value is bad.
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
    private final List<Problem> problems = new ArrayList<>();

    /** One refused value: its field path, what was expected, and the sentence saying so (without the source). */
    private record Problem(String field, String expected, String text) {}

    private ExperimentValidator(String src) { this.src = src; }

    public static void validate(Experiment e, String source) {
        ExperimentValidator v = new ExperimentValidator(source);
        v.check(e);
        v.report();
    }

    /** Checks a network spec on its own (a run's model.json) as an experiment's network is checked. */
    public static void validateNetwork(org.maqd.model.NetworkSpec n, String source) {
        ExperimentValidator v = new ExperimentValidator(source);
        v.checkNetwork(n);
        v.report();
    }

    /** Records a refused value (the checks go on: every problem is reported). */
    private void fail(String field, String expected, Object got) {
        problems.add(new Problem(field, expected, "field '" + field + "': expected " + expected + ", got "
                + (got instanceof String s ? "\"" + s + "\"" : got)));
    }

    /** Throws what was found: one problem as one sentence, several as a numbered list under the source. */
    private void report() {
        if (problems.isEmpty()) return;
        List<ExperimentException.Refusal> refused = problems.stream().filter(p -> p.expected() != null)
                .map(p -> new ExperimentException.Refusal(p.field(), p.expected())).toList();
        if (problems.size() == 1) throw new ExperimentException(src + ": " + problems.get(0).text(), refused);
        StringBuilder b = new StringBuilder(src).append(": ").append(problems.size()).append(" problems");
        for (int i = 0; i < problems.size(); i++) b.append("\n  ").append(i + 1).append(". ").append(problems.get(i).text());
        throw new ExperimentException(b.toString(), refused);
    }

    private void check(Experiment e) {
        for (String lock : LockPaths.problems(e)) problems.add(new Problem(null, null, lock));
        if (e.threads() != null && (e.threads() < 1 || e.threads() > 256)) fail("threads", "1..256", e.threads());
        if (e.network() == null) fail("network", "a network object with 'input' and 'layers' or 'nodes'", null);
        else checkNetwork(e.network());
        if (e.data() != null) checkData(e.data());
        if (e.training() != null) checkTraining(e.training());
        if (e.probes() != null) {
            ProbeSpec p = e.probes();
            positive("probes.everySteps", p.everySteps());
            if (p.histogramBins() != null && (p.histogramBins() < 4 || p.histogramBins() > 1024)) fail("probes.histogramBins", "4..1024", p.histogramBins());
            if (p.rasterSamples() != null && (p.rasterSamples() < 0 || p.rasterSamples() > 64)) fail("probes.rasterSamples", "0..64", p.rasterSamples());
        }
        if (e.sweep() != null) {
            SweepSpec s = e.sweep();
            positive("sweep.seeds", s.seeds());
            if (s.grid() != null) {
                for (var entry : s.grid().entrySet()) {
                    if (entry.getValue() == null || entry.getValue().isEmpty()) {
                        fail("sweep.grid." + entry.getKey(), "a non-empty list of values", entry.getValue());
                    }
                }
            }
        }
    }

    private void checkNetwork(NetworkSpec n) {
        int before = problems.size();   // a graph's structure and shapes are checked only on good input and fields
        List<Integer> in = n.input();
        String badInput = FieldRules.expectedInput(in);
        if (badInput != null) fail("network.input", badInput, in);
        if (n.defaults() != null) checkDefaults(n.defaults());
        if (n.layers() != null && n.nodes() != null) {
            fail("network.nodes", "either 'layers' (a chain) or 'nodes' (a graph), not both", "both");
            return;
        }
        if (n.nodes() != null) {
            checkGraph(n, before);
            return;
        }
        List<LayerSpec> layers = n.layers();
        if (layers == null || layers.isEmpty()) {
            fail("network.layers", "a non-empty list of layers (or 'nodes', a graph)", layers);
            return;
        }
        for (int i = 0; i < layers.size(); i++) checkLayer("network.layers[" + i + "]", layers.get(i));
        LayerSpec last = layers.get(layers.size() - 1);
        if (last != null && LAYER_TYPES.contains(last.type()) && !LayerKinds.isOutput(last.type())) {
            fail("network.layers[" + (layers.size() - 1) + "].type",
                    "the last layer to be 'output' (the classifier)", last.type());
        }
        for (int i = 0; i < layers.size() - 1; i++) {
            if (layers.get(i) != null && LayerKinds.isOutput(layers.get(i).type())) {
                fail("network.layers[" + i + "].type", "'output' only as the last layer", LayerKinds.OUTPUT);
            }
        }
    }

    /**
     * A graph: every node's fields, then, when neither they nor the network's input and defaults had problems since
     * {@code before}, the structure (ids, inputs, cycles, unused nodes) and the shapes.
     */
    private void checkGraph(NetworkSpec n, int before) {
        List<LayerSpec> nodes = n.nodes();
        if (nodes.isEmpty()) {
            fail("network.nodes", "a non-empty list of nodes", nodes);
            return;
        }
        for (int i = 0; i < nodes.size(); i++) {
            LayerSpec l = nodes.get(i);
            checkLayer("network.nodes[" + i + "]", l);
            if (l != null && l.pos() != null && (l.pos().size() != 2 || l.pos().stream().anyMatch(v -> v == null || !Double.isFinite(v)))) {
                fail("network.nodes[" + i + "].pos", "[x, y], two finite numbers", l.pos());
            }
        }
        if (problems.size() > before) return;
        try {
            NetworkGraph.sorted(nodes);
        } catch (NetworkGraph.GraphException g) {
            problems.add(new Problem(g.field(), null, "field '" + g.field() + "': " + g.getMessage()));
            return;
        }
        NetworkAnalysis.Report r = NetworkAnalysis.analyze(n);
        if (!r.ok()) problems.add(new Problem("network.nodes", null, "field 'network.nodes': " + r.firstError()));
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
        if ("fixed".equals(d.weightStep()) && d.weightClip() == null) fail(f + "weightClip", "a positive clip range s when weightStep is 'fixed'", null);
        if ("fixed".equals(d.activationStep()) && d.activationStepValue() == null) fail(f + "activationStepValue", "a positive step when activationStep is 'fixed'", null);
    }

    private void checkLayer(String f, LayerSpec l) {
        if (l == null) {
            fail(f, "a layer object", null);
            return;
        }
        if (l.type() == null || !LAYER_TYPES.contains(l.type())) {   // its fields are checked by its type
            fail(f + ".type", "one of " + sorted(LAYER_TYPES), l.type());
            return;
        }
        for (KindField k : LayerKinds.get(l.type()).fields()) {
            if (k.required() && k.get().apply(l) == null) {
                fail(f + "." + k.name(), k.type() == KindField.Type.INT
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
        if (d.trainLimit() != null && d.trainLimit() < 0) fail("data.trainLimit", "an integer >= 0 (0 = all)", d.trainLimit());
        if (d.testLimit() != null && d.testLimit() < 0) fail("data.testLimit", "an integer >= 0 (0 = all)", d.testLimit());
        if (d.cropPadding() != null && (d.cropPadding() < 0 || d.cropPadding() > 16)) fail("data.cropPadding", "0..16", d.cropPadding());
        positive("data.toySamples", d.toySamples());
        if (d.toyNoise() != null && (d.toyNoise() < 0 || d.toyNoise() > 10)) fail("data.toyNoise", "a number in [0, 10]", d.toyNoise());
    }

    private void checkTraining(TrainingSpec t) {
        oneOf("training.optimizer", t.optimizer(), OPTIMIZERS);
        oneOf("training.schedule", t.schedule(), SCHEDULES);
        positiveNum("training.learningRate", t.learningRate());
        if (t.momentum() != null && (t.momentum() < 0 || t.momentum() >= 1)) fail("training.momentum", "a number in [0, 1)", t.momentum());
        if (t.weightDecay() != null && t.weightDecay() < 0) fail("training.weightDecay", "a number >= 0", t.weightDecay());
        if (t.beta1() != null && (t.beta1() < 0 || t.beta1() >= 1)) fail("training.beta1", "a number in [0, 1)", t.beta1());
        if (t.beta2() != null && (t.beta2() < 0 || t.beta2() >= 1)) fail("training.beta2", "a number in [0, 1)", t.beta2());
        if (t.warmupEpochs() != null && t.warmupEpochs() < 0) fail("training.warmupEpochs", "a number >= 0", t.warmupEpochs());
        positive("training.stepEvery", t.stepEvery());
        positiveNum("training.stepGamma", t.stepGamma());
        positive("training.epochs", t.epochs());
        positive("training.batchSize", t.batchSize());
    }

    private void positive(String f, Integer v) {
        if (v != null && v < 1) fail(f, "a positive integer", v);
    }

    private void positiveNum(String f, Double v) {
        if (v != null && !(v > 0 && Double.isFinite(v))) fail(f, "a positive number", v);
    }

    /** Field {@code name} of the object at {@code prefix}, checked by its {@link FieldRules rule}. */
    private void rule(String prefix, String name, Object v) {
        String expected = FieldRules.expected(name, v);
        if (expected != null) fail(prefix + name, expected, v);
    }

    private void oneOf(String f, String v, Set<String> allowed) {
        if (v != null && !allowed.contains(v)) fail(f, "one of " + sorted(allowed), v);
    }

    private static String sorted(Set<String> s) { return FieldRules.sorted(s); }
}
