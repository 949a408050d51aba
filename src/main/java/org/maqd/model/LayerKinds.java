package org.maqd.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The registry of layer kinds: the only list of kind names. A new kind is one class added here. */
public final class LayerKinds {
    private LayerKinds() {}

    private static final Map<String, LayerKind> KINDS = new LinkedHashMap<>();

    static {
        for (LayerKind k : List.of(new LinearKind(), new Conv2dKind(), new MaxPoolKind(), new AvgPoolKind(),
                new GlobalAvgPoolKind(), new FlattenKind(), new DropoutKind(), new ResidualKind(), new AddKind(),
                new ConcatKind(), new OutputKind())) {
            KINDS.put(k.name(), k);
        }
    }

    /** Every kind, in palette order. */
    public static List<LayerKind> all() { return List.copyOf(KINDS.values()); }

    /** Every kind name, in palette order. */
    public static List<String> names() { return List.copyOf(KINDS.keySet()); }

    /** The kind of a type name, or null when there is none. */
    public static LayerKind find(String type) { return type == null ? null : KINDS.get(type); }

    /** The kind of a type name; throws {@link IllegalArgumentException} naming the known kinds when there is none. */
    public static LayerKind get(String type) {
        LayerKind k = find(type);
        if (k == null) throw new IllegalArgumentException("unknown layer type '" + type + "' (one of " + names() + ")");
        return k;
    }

    /** The classifier kind: a network ends in exactly one node of it. */
    public static final String OUTPUT = "output";

    /** True for the classifier's type name. */
    public static boolean isOutput(String type) { return OUTPUT.equals(type); }

    /** True for hidden blocks (weights followed by Q_a). */
    public static boolean isHiddenBlock(String type) {
        LayerKind k = find(type);
        return k != null && k.hiddenBlock();
    }

    /** True for kinds that carry weights (hidden blocks and the classifier). */
    public static boolean isWeighted(String type) {
        LayerKind k = find(type);
        return k != null && k.weighted();
    }
}
