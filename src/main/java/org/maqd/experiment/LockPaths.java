package org.maqd.experiment;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks that every path in an experiment's {@code locks} names a field of the experiment format
 * ("training.batchSize", "network.layers[2].weightStates", "network.layers.*.norm", "network.defaults"): a lock on
 * a misspelt field would silently lock nothing.
 */
final class LockPaths {
    private LockPaths() {}

    static void check(List<String> locks, String source) {
        if (locks == null) return;
        for (int i = 0; i < locks.size(); i++) {
            String lock = locks.get(i);
            String where = source + ": field 'locks[" + i + "]'";
            if (lock == null || lock.isBlank()) throw new ExperimentException(where + ": expected a field path such as \"training.batchSize\", got " + (lock == null ? "null" : "\"\""));
            String bad = firstUnknown(lock.trim().replaceAll("\\[(\\w+|\\*)]", ".$1").split("\\.", -1), Experiment.class);
            if (bad != null) throw new ExperimentException(where + ": \"" + lock + "\" names no field of an experiment (" + bad + ")");
        }
    }

    /** Null when the segments walk the record types, else what is wrong. */
    private static String firstUnknown(String[] segments, Type type) {
        Type t = type;
        for (int k = 0; k < segments.length; k++) {
            String s = segments[k];
            Class<?> raw = raw(t);
            if (List.class.isAssignableFrom(raw)) {
                if (!s.equals("*") && !s.matches("\\d{1,6}")) return "expected a list index or * at '" + s + "'";
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

    private static Class<?> raw(Type t) {
        if (t instanceof Class<?> c) return c;
        if (t instanceof ParameterizedType p) return (Class<?>) p.getRawType();
        return Object.class;
    }
}
