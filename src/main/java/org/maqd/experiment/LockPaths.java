package org.maqd.experiment;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks that every path in an experiment's {@code locks} names a field of the experiment format
 * ("training.batchSize", "network.layers[2].weightStates", "network.layers.*.norm", "network.defaults",
 * "network.nodes[stem].weightStates"): a lock on a misspelt field, or on a node the network does not have, would
 * silently lock nothing. A graph's nodes are addressed by id ({@link LockPath}).
 */
final class LockPaths {
    private LockPaths() {}

    /**
     * What is wrong with each lock, in order, as the validator words a problem ("field 'locks[0]': …", without the
     * source); empty when every lock names a field.
     */
    static List<String> problems(Experiment e) {
        List<String> locks = e.locks();
        if (locks == null) return List.of();
        List<String> ids = e.network() == null || e.network().nodes() == null ? List.of()
                : e.network().nodes().stream().map(org.maqd.model.LayerSpec::id).filter(java.util.Objects::nonNull).toList();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < locks.size(); i++) {
            String lock = locks.get(i);
            String where = "field 'locks[" + i + "]'";
            if (lock == null || lock.isBlank()) {
                out.add(where + ": expected a field path such as \"training.batchSize\", got " + (lock == null ? "null" : "\"\""));
                continue;
            }
            String[] segments = LockPath.segments(lock).toArray(String[]::new);
            String bad = firstUnknown(segments, Experiment.class, ids);
            if (bad != null) out.add(where + ": \"" + lock + "\" names no field of an experiment (" + bad + ")");
        }
        return out;
    }

    /** Null when the segments walk the record types, else what is wrong. */
    private static String firstUnknown(String[] segments, Type type, List<String> nodeIds) {
        Type t = type;
        for (int k = 0; k < segments.length; k++) {
            String s = segments[k];
            Class<?> raw = raw(t);
            if (List.class.isAssignableFrom(raw)) {
                boolean nodes = k == 2 && segments[0].equals("network") && segments[1].equals("nodes");
                if (nodes && !s.equals("*") && !s.matches("\\d{1,6}") && !nodeIds.contains(s)) {
                    return nodeIds.isEmpty() ? "the network has no nodes (a chain's layers are network.layers[i])"
                            : "no node '" + s + "' in network.nodes; its ids are " + shortList(nodeIds);
                }
                if (!nodes && !s.equals("*") && !s.matches("\\d{1,6}")) return "expected a list index or * at '" + s + "'";
                t = ((ParameterizedType) t).getActualTypeArguments()[0];
            } else if (Map.class.isAssignableFrom(raw)) {
                if (s.isEmpty()) return "empty segment";
                t = ((ParameterizedType) t).getActualTypeArguments()[1];
            } else if (raw.isRecord()) {
                Type next = null;
                List<String> names = new ArrayList<>();
                for (RecordComponent c : raw.getRecordComponents()) {
                    names.add(c.getName());
                    if (c.getName().equals(s)) next = c.getGenericType();
                }
                if (next == null) return "'" + s + "' is not one of " + names;
                t = next;
            } else {
                return "'" + segments[k - 1] + "' has no fields";
            }
        }
        return null;
    }

    private static String shortList(List<String> ids) {
        return ids.size() <= 12 ? String.join(", ", ids) : String.join(", ", ids.subList(0, 12)) + ", … (" + ids.size() + " in all)";
    }

    private static Class<?> raw(Type t) {
        if (t instanceof Class<?> c) return c;
        if (t instanceof ParameterizedType p) return (Class<?>) p.getRawType();
        return Object.class;
    }
}
