package org.maqd.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.maqd.nn.Layer;
import org.maqd.tensor.Parallel;
import org.maqd.tensor.Rng;

/**
 * Builds layers from a resolved network spec, node by node in graph order ({@link NetworkGraph}; each kind's
 * {@link LayerKind#build}). Problems are {@link SpecException}s naming the field or node, e.g.
 * "network.layers[3] (linear): expects a flat input ..." or "node stage2 (add): inputs [64, 14, 14] and ...".
 * Initialization draws from {@code Rng.derive(seed, "init", nodeIndex)} (a chain's node index is its layer index).
 */
public final class NetworkBuilder {
    private NetworkBuilder() {}

    public static Network build(NetworkSpec resolved, int[] sampleShape, int classes, Parallel par, long seed) {
        checkInput(resolved, sampleShape);
        NetworkGraph g;
        try {
            g = NetworkGraph.of(resolved, true);
        } catch (NetworkGraph.GraphException e) {
            throw new SpecException("field '" + e.field() + "': " + e.getMessage(), e);
        }
        NetworkGraph.Node bad = g.firstError();
        if (bad != null) throw new SpecException(field(resolved, bad) + " (" + bad.spec().type() + "): " + bad.error());
        NetworkGraph.Node last = g.output();
        if (!LayerKinds.isOutput(last.spec().type())) {
            throw new SpecException(field(resolved, last) + ": expected the last layer to be 'output' (the classifier)");
        }
        checkClasses(resolved, last, classes);
        List<Layer> layers = new ArrayList<>();
        for (NetworkGraph.Node n : g.nodes()) {
            try {
                layers.add(n.kind().build(n.spec(), n.inShapes(), new LayerKind.Build(par, Rng.derive(seed, "init", n.index()), n.index())));
            } catch (IllegalArgumentException e) {
                throw new SpecException(field(resolved, n) + " (" + n.spec().type() + "): " + e.getMessage(), e);
            }
        }
        return new Network(resolved, g, layers);
    }

    /**
     * Whether a network fits a dataset, without building it: the same checks {@link #build} makes (input shape
     * against the samples' shape, output units against the classes), for editors that report a misfit while the
     * network or the data set is edited. Structural errors are left to {@link NetworkAnalysis}.
     */
    public static void checkFits(NetworkSpec resolved, int[] sampleShape, int classes) {
        checkInput(resolved, sampleShape);
        NetworkGraph g;
        try {
            g = NetworkGraph.of(resolved, true);
        } catch (NetworkGraph.GraphException e) {
            return;
        }
        if (g.nodes().isEmpty()) return;
        NetworkGraph.Node last = g.output();
        if (LayerKinds.isOutput(last.spec().type()) && last.spec().units() != null) checkClasses(resolved, last, classes);
    }

    private static void checkInput(NetworkSpec resolved, int[] sampleShape) {
        List<Integer> want = resolved.input();
        int[] wantArr = want.stream().mapToInt(Integer::intValue).toArray();
        if (!Arrays.equals(wantArr, sampleShape)) {
            String given = Arrays.toString(sampleShape);
            throw new SpecException("field 'network.input': the network expects samples of shape " + want
                    + ", the dataset gives " + given + ": set network.input to " + given
                    + " (in the workbench: select the input node and set its shape)");
        }
    }

    private static void checkClasses(NetworkSpec resolved, NetworkGraph.Node last, int classes) {
        if (last.spec().units() != classes) {
            String f = resolved.isGraph() ? last.where() + ", field units" : "field '" + last.where() + ".units'";
            throw new SpecException(f + ": the output layer has " + last.spec().units()
                    + " units, the dataset has " + classes + " classes");
        }
    }

    private static String field(NetworkSpec spec, NetworkGraph.Node n) {
        return spec.isGraph() ? n.where() : "field '" + n.where() + "'";
    }
}
