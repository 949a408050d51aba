package org.maqd.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.maqd.nn.AvgPool2d;
import org.maqd.nn.Conv2d;
import org.maqd.nn.Dropout;
import org.maqd.nn.Flatten;
import org.maqd.nn.GlobalAvgPool;
import org.maqd.nn.Layer;
import org.maqd.nn.Linear;
import org.maqd.nn.MaxPool2d;
import org.maqd.nn.WeightTransform;
import org.maqd.norm.Norm;
import org.maqd.norm.Norms;
import org.maqd.quant.ActivationQuantizer;
import org.maqd.quant.Surrogate;
import org.maqd.quant.WeightQuantizer;
import org.maqd.tensor.Parallel;
import org.maqd.tensor.Rng;

/**
 * Builds layers from a resolved network spec. Shapes are checked first ({@link NetworkAnalysis}); problems are
 * {@link SpecException}s naming the field, e.g. "network.layers[3] (linear): expects a flat input ...".
 * Initialization draws from {@code Rng.derive(seed, "init", layerIndex)}.
 */
public final class NetworkBuilder {
    private NetworkBuilder() {}

    public static Network build(NetworkSpec resolved, int[] sampleShape, int classes, Parallel par, long seed) {
        List<Integer> want = resolved.input();
        int[] wantArr = want.stream().mapToInt(Integer::intValue).toArray();
        if (!Arrays.equals(wantArr, sampleShape)) {
            throw new SpecException("field 'network.input': the network expects samples of shape " + want
                    + ", the dataset gives " + Arrays.toString(sampleShape));
        }
        NetworkAnalysis.Report report = NetworkAnalysis.analyze(resolved);
        for (NetworkAnalysis.Row r : report.rows()) {
            if (r.error() != null) {
                throw new SpecException("field 'network.layers[" + r.index() + "]' (" + r.type() + "): " + r.error());
            }
        }
        List<LayerSpec> specs = resolved.layers();
        LayerSpec last = specs.get(specs.size() - 1);
        if (last.units() != classes) {
            throw new SpecException("field 'network.layers[" + (specs.size() - 1) + "].units': the output layer has "
                    + last.units() + " units, the dataset has " + classes + " classes");
        }
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            LayerSpec l = specs.get(i);
            int[] in = report.rows().get(i).inShape();
            Rng rng = Rng.derive(seed, "init", i);
            try {
                layers.add(layer(l, in, par, rng, i));
            } catch (IllegalArgumentException e) {
                throw new SpecException("field 'network.layers[" + i + "]' (" + l.type() + "): " + e.getMessage(), e);
            }
        }
        return new Network(resolved, layers);
    }

    private static Layer layer(LayerSpec l, int[] in, Parallel par, Rng rng, int index) {
        return switch (l.type()) {
            case "flatten" -> new Flatten();
            case "dropout" -> new Dropout(l.rate(), index);
            case "maxpool" -> new MaxPool2d(l.kernel(), l.stride(), par);
            case "avgpool" -> new AvgPool2d(l.kernel(), l.stride(), par);
            case "globalavgpool" -> new GlobalAvgPool(par);
            case "linear", "output" -> {
                int fanIn = Arrays.stream(in).reduce(1, (a, b) -> a * b);
                WeightQuantizer wq = weightQuantizer(l, par);
                Linear op = new Linear(fanIn, l.units(), Boolean.TRUE.equals(l.bias()), transform(wq), par, rng);
                yield block(l, op, wq, l.units(), par);
            }
            case "conv2d" -> {
                WeightQuantizer wq = weightQuantizer(l, par);
                Conv2d op = new Conv2d(in[0], l.channels(), l.kernel(), l.stride(), l.padding(),
                        Boolean.TRUE.equals(l.bias()), transform(wq), par, rng);
                yield block(l, op, wq, l.channels(), par);
            }
            case "residual" -> residual(l, in[0], par, rng);
            default -> throw new IllegalArgumentException("unknown layer type '" + l.type() + "'");
        };
    }


    private static QuantBlock block(LayerSpec l, Layer op, WeightQuantizer wq, int channels, Parallel par) {
        Norm norm = Norms.create(l.norm(), channels, l.groups(), par);
        ActivationQuantizer act = "output".equals(l.type()) ? null : activation(l, par);
        return new QuantBlock(l.type(), op, wq, norm, act);
    }

    private static ResidualBlock residual(LayerSpec l, int inC, Parallel par, Rng rng) {
        int c = l.channels(), s = l.stride();
        boolean bias = Boolean.TRUE.equals(l.bias());
        WeightQuantizer w1 = weightQuantizer(l, par), w2 = weightQuantizer(l, par);
        QuantBlock first = new QuantBlock("conv2d", new Conv2d(inC, c, 3, s, 1, bias, transform(w1), par, rng.split()),
                w1, Norms.create(l.norm(), c, l.groups(), par), activation(l, par));
        QuantBlock second = new QuantBlock("conv2d", new Conv2d(c, c, 3, 1, 1, bias, transform(w2), par, rng.split()),
                w2, Norms.create(l.norm(), c, l.groups(), par), null);
        QuantBlock shortcut = null;
        if (s != 1 || inC != c) {
            WeightQuantizer w3 = weightQuantizer(l, par);
            shortcut = new QuantBlock("conv2d", new Conv2d(inC, c, 1, s, 0, bias, transform(w3), par, rng.split()),
                    w3, Norms.create(l.norm(), c, l.groups(), par), null);
        }
        return new ResidualBlock(first, second, shortcut, activation(l, par));
    }

    private static WeightTransform transform(WeightQuantizer wq) {
        return wq == null ? WeightTransform.IDENTITY : wq;
    }

    /** Null when weights are float and not standardized. */
    static WeightQuantizer weightQuantizer(LayerSpec l, Parallel par) {
        boolean ws = Boolean.TRUE.equals(l.weightStandardization());
        int states = l.weightStates();
        if (states == 0 && !ws) return null;
        boolean fixed = "fixed".equals(l.weightStep());
        Surrogate sur = Surrogate.parse(l.weightSurrogate(), l.alpha());
        return new WeightQuantizer(new WeightQuantizer.Config(states, ws, fixed ? "clip" : "gaussian",
                fixed ? l.weightClip() : 0, sur), par);
    }

    static ActivationQuantizer activation(LayerSpec l, Parallel par) {
        int states = l.activationStates();
        Surrogate sur = Surrogate.parse(l.activationSurrogate(), l.alpha());
        if (states == 0) return new ActivationQuantizer(ActivationQuantizer.Config.relu(), par);
        return new ActivationQuantizer(switch (l.activationStep()) {
            case "fixed" -> ActivationQuantizer.Config.fixed(states, l.activationStepValue(), sur);
            case "learned" -> ActivationQuantizer.Config.learned(states, sur, true);
            default -> ActivationQuantizer.Config.gaussian(states, sur);
        }, par);
    }
}
