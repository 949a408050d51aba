package org.maqd.ui.vm;

import java.util.ArrayList;
import java.util.List;
import org.maqd.experiment.LockPath;
import org.maqd.model.NetworkSpec;

/**
 * Classroom-mode locks: field paths such as "training.batchSize", "network.layers[2].weightStates",
 * "network.layers.*.norm" or, in a graph, "network.nodes[stem].weightStates" (nodes by id, see {@link LockPath}).
 * A lock also covers everything below it ("network.defaults" locks every default).
 */
public final class LockRules {
    private final List<String[]> patterns = new ArrayList<>();

    public LockRules(List<String> locks) {
        if (locks != null) for (String l : locks) patterns.add(split(l));
    }

    public boolean isEmpty() { return patterns.isEmpty(); }

    public boolean isLocked(String path) {
        String[] p = split(path);
        for (String[] pat : patterns) if (covers(pat, p)) return true;
        return false;
    }

    /** A chain's layer field: locked by its own path or by a lock on the layer, the layer list or the network. */
    public boolean layerFieldLocked(int index, String field) {
        return isLocked(LockPath.layer(index, field));
    }

    /**
     * Field {@code field} of the layer or node at {@code index} of {@code net}: a chain's layer by its position, a
     * graph's node by its id (or its position, or *) under "network.nodes".
     */
    public boolean layerFieldLocked(NetworkSpec net, int index, String field) {
        if (net == null || !net.isGraph()) return layerFieldLocked(index, field);
        String id = index >= 0 && index < net.all().size() ? net.all().get(index).id() : null;
        return id != null && isLocked(LockPath.node(id, field)) || isLocked(LockPath.node(Integer.toString(index), field));
    }

    /** Adding, removing or reordering layers is refused when the layer list itself is locked. */
    public boolean structureLocked() { return isLocked("network.layers"); }

    /** Adding, removing or rewiring the layers or nodes of {@code net} is refused when its list is locked. */
    public boolean structureLocked(NetworkSpec net) { return isLocked(net != null && net.isGraph() ? "network.nodes" : "network.layers"); }

    private static boolean covers(String[] pat, String[] path) {
        if (pat.length > path.length) return false;
        for (int i = 0; i < pat.length; i++) {
            if (!pat[i].equals("*") && !pat[i].equals(path[i])) return false;
        }
        return true;
    }

    private static String[] split(String path) { return LockPath.segments(path).toArray(String[]::new); }

    public static final String REASON = "locked by the experiment";
}
