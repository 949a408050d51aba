package org.maqd.ui.vm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.maqd.model.LayerSpec;
import org.maqd.model.NetworkSpec;
import org.maqd.model.QuantDefaults;

/**
 * The property-sheet rows of one or more selected layers: the fields every selected layer has, each with the
 * shared value (explicit, or the default training will use) or "mixed" when the layers differ.
 */
final class FieldRows {
    private FieldRows() {}

    /** {@code resolved} is the network with every default applied, or null when it cannot be resolved. */
    static List<FieldItem> rows(NetworkSpec net, NetworkSpec resolved, List<Integer> indices, LockRules locks) {
        List<LayerSpec> l = net.all();
        List<Integer> sel = indices.stream().filter(i -> i >= 0 && i < l.size()).toList();
        List<FieldItem> out = new ArrayList<>();
        if (sel.isEmpty()) return out;
        QuantDefaults d = net.defaults() == null ? QuantDefaults.STANDARD : net.defaults();
        for (LayerField f : LayerField.values()) {
            if (!sel.stream().allMatch(i -> f.appliesTo(l.get(i).type()))) continue;
            // the group count means something only under group normalization (GN had no groups field)
            if (f == LayerField.GROUPS && !sel.stream().allMatch(i -> "gn".equals(shown(LayerField.NORM, net, resolved, d, i)))) continue;
            String value = null;
            boolean isDefault = true, mixed = false, locked = true;
            for (int i : sel) {
                Object v = f.explicit(l.get(i));
                String text = shown(f, net, resolved, d, i);
                if (value != null && !value.equals(text)) mixed = true;
                value = value == null ? text : value;
                isDefault &= v == null;
                locked &= locks.layerFieldLocked(net, i, f.key);
            }
            out.add(new FieldItem(f, mixed ? "" : Objects.requireNonNullElse(value, ""), isDefault && !mixed, locked, mixed));
        }
        return out;
    }

    /** Field f of layer i as training will use it: the layer's own value, else the resolved one, else the default. */
    private static String shown(LayerField f, NetworkSpec net, NetworkSpec resolved, QuantDefaults d, int i) {
        Object v = f.explicit(net.all().get(i));
        LayerSpec r = resolvedOf(net, resolved, i);
        Object shown = v != null ? v : r != null ? f.explicit(r) : f.fallback(d);
        return shown == null ? "" : String.valueOf(shown);
    }

    /** Layer i with every default applied (a graph's node found by its id: resolving sorts and expands a graph). */
    static LayerSpec resolvedOf(NetworkSpec net, NetworkSpec resolved, int i) {
        if (resolved == null) return null;
        List<LayerSpec> r = resolved.all();
        if (!net.isGraph()) return i < r.size() ? r.get(i) : null;
        String id = net.all().get(i).id();
        for (LayerSpec l : r) if (id != null && id.equals(l.id()) && l.type() != null && l.type().equals(net.all().get(i).type())) return l;
        return null;
    }
}
