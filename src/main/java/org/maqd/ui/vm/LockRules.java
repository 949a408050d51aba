package org.maqd.ui.vm;

import java.util.ArrayList;
import java.util.List;

/**
 * Classroom-mode locks: field paths such as "training.batchSize", "network.layers[2].weightStates" or
 * "network.layers.*.norm". A lock also covers everything below it ("network.defaults" locks every default).
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

    /** A layer field: locked by its own path or by a lock on the layer, the layer list or the network. */
    public boolean layerFieldLocked(int index, String field) {
        return isLocked("network.layers[" + index + "]." + field);
    }

    /** Adding, removing or reordering layers is refused when the layer list itself is locked. */
    public boolean structureLocked() { return isLocked("network.layers"); }

    private static boolean covers(String[] pat, String[] path) {
        if (pat.length > path.length) return false;
        for (int i = 0; i < pat.length; i++) {
            if (!pat[i].equals("*") && !pat[i].equals(path[i])) return false;
        }
        return true;
    }

    private static String[] split(String path) {
        return path.trim().replaceAll("\\[(\\w+|\\*)]", ".$1").split("\\.");
    }

    public static final String REASON = "locked by the experiment";
}
