package org.maqd.run;

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;

/** Every number in a record (nested records, arrays, lists, maps included) must be finite. */
public final class Finite {
    private Finite() {}

    /** Throws a {@link RunFormatException} naming {@code where} and the field when a number is NaN or infinite. */
    static void requireFinite(Object value, String where) {
        String bad = firstNonFinite(value, "", true);
        if (bad != null) throw new RunFormatException(where + ": field '" + bad + ": expected a finite number");
    }

    /** Null when every number in {@code value} is finite, else "path', found value" of the first that is not. */
    public static String firstNonFinite(Object value) { return firstNonFinite(value, "", false); }

    private static String firstNonFinite(Object v, String path, boolean snake) {
        if (v == null) return null;
        if (v instanceof Double d) return Double.isFinite(d) ? null : path + "', found " + d;
        if (v instanceof Float f) return Float.isFinite(f) ? null : path + "', found " + f;
        if (v instanceof double[] a) {
            for (int i = 0; i < a.length; i++) if (!Double.isFinite(a[i])) return path + "[" + i + "]', found " + a[i];
            return null;
        }
        if (v instanceof float[] a) {
            for (int i = 0; i < a.length; i++) if (!Float.isFinite(a[i])) return path + "[" + i + "]', found " + a[i];
            return null;
        }
        if (v instanceof Record r) {
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                try {
                    String bad = firstNonFinite(c.getAccessor().invoke(r), join(path, snake ? Json.snake(c.getName()) : c.getName()), snake);
                    if (bad != null) return bad;
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return null;
        }
        if (v instanceof Collection<?> c) {
            int i = 0;
            for (Object o : c) {
                String bad = firstNonFinite(o, path + "[" + i++ + "]", snake);
                if (bad != null) return bad;
            }
            return null;
        }
        if (v instanceof Map<?, ?> m) {
            for (var e : m.entrySet()) {
                String bad = firstNonFinite(e.getValue(), join(path, String.valueOf(e.getKey())), snake);
                if (bad != null) return bad;
            }
        }
        return null;
    }

    private static String join(String a, String b) { return a.isEmpty() ? b : a + "." + b; }
}
