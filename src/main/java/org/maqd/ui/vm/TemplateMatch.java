package org.maqd.ui.vm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.maqd.model.LayerSpec;
import org.maqd.model.NetworkSpec;

/**
 * Which composer template a network is: the same layers (kind, width, kernel, stride, padding, block end) wired the
 * same way as one of {@link Templates#NAMES} (a ResNet at one of {@link Templates#DEPTHS}). Quantization fields,
 * names and canvas positions do not count: the quickstart, an MLP with its own states per layer, is an MLP.
 */
public final class TemplateMatch {
    /** Shown when the network is none of the templates. */
    public static final String CUSTOM = "Custom";

    /** A template's name and, for the ResNet, its depth (otherwise {@link Templates#DEFAULT_DEPTH}). */
    public record Match(String name, int depth) {}

    private TemplateMatch() {}

    /** The template {@code net} is, or {@code CUSTOM} at the default depth. */
    public static Match of(NetworkSpec net) {
        if (net == null) return new Match(CUSTOM, Templates.DEFAULT_DEPTH);
        List<List<Object>> shape = architecture(net);
        for (String name : Templates.NAMES) {
            List<Integer> depths = Templates.RESNET.equals(name) ? Templates.DEPTHS : List.of(Templates.DEFAULT_DEPTH);
            for (int d : depths) {
                NetworkSpec t = Templates.network(name, d);
                if (t.isGraph() == net.isGraph() && shape.equals(architecture(t))) return new Match(name, d);
            }
        }
        return new Match(CUSTOM, Templates.DEFAULT_DEPTH);
    }

    /** Per layer: what makes its structure (not its quantization), in the spec's order. */
    private static List<List<Object>> architecture(NetworkSpec net) {
        List<List<Object>> out = new ArrayList<>();
        for (LayerSpec l : net.all()) {
            out.add(java.util.Arrays.asList(l.type(), l.units(), l.channels(), l.kernel(), l.stride(), l.padding(),
                    Objects.requireNonNullElse(l.activation(), true), l.id(), l.inputs()));
        }
        return out;
    }
}
