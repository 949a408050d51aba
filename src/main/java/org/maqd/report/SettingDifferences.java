package org.maqd.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings in which runs differ, from their flattened resolved experiments ("network.defaults.norm" → "bn").
 * Names, descriptions, thread counts and locks are not differences; "not set" and the values that mean it (an
 * empty list, a data limit of 0 = all samples) are one value, "–"; a changed default is not repeated for every
 * layer that inherits it; networks that differ in structure or in a layer's kind are told per layer
 * ({@link NetworkDifferences}). The runs table and the comparison report both use this.
 *
 * <p>{@link #flatten} is the one place a JSON tree (a resolved experiment, a sweep declaration, a certificate)
 * becomes setting paths: the runs table, the run, sweep and comparison reports all read their settings through it.
 */
public final class SettingDifferences {
    private static final Set<String> IGNORED = Set.of("name", "description", "threads", "lesson", "data.sha256");
    private static final Pattern LAYER_KEY = Pattern.compile("network\\.(?:layers|nodes)\\[\\d+]\\.(\\w+)");

    private SettingDifferences() {}

    /**
     * Every scalar of a JSON tree by its path, in document order: objects as "a.b", lists of scalars as one value
     * "[1, 28, 28]", lists holding objects or lists indexed ("network.layers[2].units"); JSON null as "". An empty
     * tree (null, missing) gives an empty map.
     */
    public static Map<String, String> flatten(JsonNode tree) { return flatten(tree, ""); }

    /** {@link #flatten(JsonNode)} with every path under {@code prefix} ("sweep" → "sweep.grid…"). */
    public static Map<String, String> flatten(JsonNode tree, String prefix) {
        Map<String, String> out = new LinkedHashMap<>();
        if (tree != null && !tree.isMissingNode()) flatten(prefix, tree, out);
        return Collections.unmodifiableMap(out);
    }

    private static void flatten(String path, JsonNode n, Map<String, String> out) {
        if (n.isObject()) {
            n.fields().forEachRemaining(e -> flatten(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), out));
        } else if (n.isArray() && !allScalars(n)) {
            for (int i = 0; i < n.size(); i++) flatten(path + "[" + i + "]", n.get(i), out);
        } else if (n.isArray()) {
            List<String> v = new ArrayList<>();
            for (JsonNode c : n) v.add(c.asText());
            out.put(path, "[" + String.join(", ", v) + "]");
        } else {
            out.put(path, n.isNull() ? "" : n.asText());
        }
    }

    private static boolean allScalars(JsonNode array) {
        for (JsonNode c : array) if (!c.isValueNode()) return false;
        return true;
    }

    /** Setting paths and values as the rows of a two-column table. */
    public static List<List<String>> rows(Map<String, String> flat) {
        List<List<String>> rows = new ArrayList<>();
        flat.forEach((k, v) -> rows.add(List.of(k, v)));
        return rows;
    }

    /** Differing setting → its value in each run (in the runs' order). */
    public static Map<String, List<String>> of(List<Map<String, String>> runs) {
        Set<String> keys = new LinkedHashSet<>();
        for (Map<String, String> r : runs) keys.addAll(r.keySet());
        Set<String> differing = new LinkedHashSet<>();
        for (String k : keys) {
            if (IGNORED.contains(k) || k.startsWith("locks") || k.startsWith("lesson.")) continue;
            String first = value(runs.get(0), k);
            for (Map<String, String> r : runs) if (!Objects.equals(first, value(r, k))) differing.add(k);
        }
        differing.removeIf(k -> {
            Matcher m = LAYER_KEY.matcher(k);
            return m.matches() && differing.contains("network.defaults." + m.group(1));
        });
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String k : differing) {
            List<String> v = new ArrayList<>();
            for (Map<String, String> r : runs) v.add(value(r, k));
            out.put(k, v);
        }
        return NetworkDifferences.told(runs, out);
    }

    /** A run's value of a setting as shown; "–" when not set. */
    public static String value(Map<String, String> run, String key) {
        String v = run.get(key);
        if (v == null || v.isEmpty() || v.equals("[]") || v.equals("{}") || v.equals("null")) return "–";
        if ((key.endsWith("trainLimit") || key.endsWith("testLimit")) && v.equals("0")) return "–";
        return v;
    }

    /**
     * How a run is told apart from the others of {@code differing} ({@link #of}): run {@code i}'s value of each differing
     * setting, "key=value", two spaces apart ("" when none differ). The Runs view and the comparison report label runs so.
     */
    public static String values(Map<String, List<String>> differing, int i) {
        StringBuilder b = new StringBuilder();
        for (var e : differing.entrySet()) {
            if (b.length() > 0) b.append("  ");
            b.append(shortKey(e.getKey())).append('=').append(e.getValue().get(i));
        }
        return b.toString();
    }

    /** The setting's short name for tables and legends ("network.defaults.norm" → "norm"). */
    public static String shortKey(String k) {
        return k.replace("network.defaults.", "").replace("network.layers", "L").replace("network.nodes", "N").replace("training.", "").replace("data.", "");
    }
}
