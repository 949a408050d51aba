package org.maqd.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.maqd.experiment.ExperimentException;

/**
 * A field path into an experiment's JSON tree, e.g. {@code network.defaults.norm} or
 * {@code network.layers[2].weightStates}: object fields separated by dots, list elements by {@code [index]}.
 * {@link #set} writes a value into a tree, creating missing objects on the way (whether the field exists at all
 * is decided by the strict re-parse that follows); a list index must already exist.
 */
public final class FieldPath {
    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)((?:\\[\\d+])*)");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    /** One step: a field name, or a list index (name null). */
    private record Step(String name, int index) {}

    private final String text;
    private final List<Step> steps;
    private final List<String> segments;

    private FieldPath(String text, List<Step> steps, List<String> segments) {
        this.text = text;
        this.steps = steps;
        this.segments = segments;
    }

    /** Parses {@code text}; {@code where} names the place in messages (e.g. "sweep.grid"). */
    public static FieldPath parse(String text, String where) {
        if (text == null || text.isBlank()) throw new ExperimentException(where + ": empty field path; expected e.g. \"training.batchSize\"");
        List<Step> steps = new ArrayList<>();
        List<String> segs = new ArrayList<>();
        for (String seg : text.split("\\.", -1)) {
            Matcher m = SEGMENT.matcher(seg);
            if (!m.matches()) {
                throw new ExperimentException(where + ": field path '" + text + "' is malformed at '" + seg
                        + "'; expected names separated by dots, list elements as [index], e.g. \"network.layers[2].weightStates\"");
            }
            steps.add(new Step(m.group(1), -1));
            Matcher ix = INDEX.matcher(m.group(2));
            while (ix.find()) steps.add(new Step(null, Integer.parseInt(ix.group(1))));
            segs.add(seg);
        }
        return new FieldPath(text, List.copyOf(steps), List.copyOf(segs));
    }

    /** The first field name (e.g. "network"). */
    public String root() { return steps.get(0).name(); }

    /** The dot-separated segments, e.g. ["network", "layers[2]", "weightStates"]. */
    public List<String> segments() { return segments; }

    /** Writes {@code value} at this path in {@code root}. */
    public void set(ObjectNode root, JsonNode value, String where) {
        JsonNode node = root;
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            boolean last = i == steps.size() - 1;
            String here = prefix(i);
            if (s.name() != null) {
                if (!(node instanceof ObjectNode obj)) {
                    throw new ExperimentException(where + ": field path '" + text + "': '" + here + "' is not an object");
                }
                if (last) { obj.set(s.name(), value); return; }
                JsonNode child = obj.get(s.name());
                if (child == null || child.isNull()) {
                    if (steps.get(i + 1).name() == null) {
                        throw new ExperimentException(where + ": field path '" + text + "': '" + prefix(i + 1)
                                + "' is not set in the experiment, so its elements cannot be swept");
                    }
                    child = obj.putObject(s.name());
                }
                node = child;
            } else {
                if (!(node instanceof ArrayNode arr)) {
                    throw new ExperimentException(where + ": field path '" + text + "': '" + prefix(i) + "' is not a list");
                }
                if (s.index() >= arr.size()) {
                    throw new ExperimentException(where + ": field path '" + text + "': index " + s.index()
                            + " does not exist, the list has " + arr.size() + " elements (indices 0.." + (arr.size() - 1) + ")");
                }
                if (last) { arr.set(s.index(), value); return; }
                node = arr.get(s.index());
            }
        }
    }

    /** The value at this path, or null when absent. */
    public JsonNode get(JsonNode root) {
        JsonNode node = root;
        for (Step s : steps) {
            if (node == null) return null;
            node = s.name() != null ? node.get(s.name()) : node.get(s.index());
        }
        return node;
    }

    private String prefix(int stepsIncluded) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i <= stepsIncluded && i < steps.size(); i++) {
            Step s = steps.get(i);
            if (s.name() != null) { if (sb.length() > 0) sb.append('.'); sb.append(s.name()); }
            else sb.append('[').append(s.index()).append(']');
        }
        return sb.toString();
    }

    /**
     * Short names for a set of paths: the last segment, lengthened by earlier segments until all are distinct
     * (e.g. "norm", "batchSize"; "defaults.weightStates" next to "layers[2].weightStates").
     */
    public static List<String> shortNames(List<FieldPath> paths) {
        return shortNames(paths, java.util.Set.of());
    }

    /**
     * As {@link #shortNames(List)}, also lengthening a name that equals one of {@code reserved} (the columns a
     * table already has, such as "epochs" beside a swept "training.epochs", which becomes "training.epochs").
     */
    public static List<String> shortNames(List<FieldPath> paths, java.util.Set<String> reserved) {
        int[] take = new int[paths.size()];
        java.util.Arrays.fill(take, 1);
        for (boolean changed = true; changed; ) {
            changed = false;
            List<String> names = new ArrayList<>();
            for (int i = 0; i < paths.size(); i++) names.add(paths.get(i).suffix(take[i]));
            for (int i = 0; i < paths.size(); i++) {
                if (reserved.contains(names.get(i)) && take[i] < paths.get(i).segments.size()) {
                    take[i]++;
                    changed = true;
                    continue;
                }
                for (int j = 0; j < paths.size(); j++) {
                    if (i != j && names.get(i).equals(names.get(j)) && take[i] < paths.get(i).segments.size()) {
                        take[i]++;
                        changed = true;
                        break;
                    }
                }
            }
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) out.add(paths.get(i).suffix(take[i]));
        return out;
    }

    private String suffix(int n) {
        return String.join(".", segments.subList(Math.max(0, segments.size() - n), segments.size()));
    }

    @Override public String toString() { return text; }
    @Override public boolean equals(Object o) { return o instanceof FieldPath p && p.text.equals(text); }
    @Override public int hashCode() { return text.hashCode(); }
}
