package org.maqd.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.maqd.experiment.Experiment;
import org.maqd.experiment.ExperimentDefaults;
import org.maqd.experiment.ExperimentException;
import org.maqd.experiment.ExperimentIO;
import org.maqd.experiment.ExperimentValidator;
import org.maqd.experiment.PtqSpec;
import org.maqd.experiment.SweepSpec;
import org.maqd.model.FloatNetwork;
import org.maqd.model.LayerKinds;
import org.maqd.model.LayerSpec;
import org.maqd.model.NetworkBuilder;
import org.maqd.model.NetworkResolver;
import org.maqd.model.NetworkSpec;
import org.maqd.tensor.Parallel;

/**
 * The trials a sweep declares, expanded and checked before anything runs. Every grid value and list entry is
 * applied to the experiment's JSON tree and the result re-parsed strictly and validated, so an unknown field
 * path, an empty grid, a value of the wrong type or an invalid value is an {@link ExperimentException} naming
 * the sweep field ("sweep.grid.training.batchSize[2]") before the first trial starts.
 *
 * <p>Trials: (each {@code list} entry, or one empty entry) × (grid cross product, the first field varying
 * slowest) × seeds. A trial's id joins its short field names and values, e.g. {@code norm=lbn_batchSize=8_seed=0}.
 */
public final class SweepPlan {
    private static final Set<String> NOT_SWEEPABLE = Set.of("sweep", "seed", "name", "description", "locks");

    private final Experiment experiment;
    private final List<FieldPath> fields;
    private final List<String> shortNames;
    private final List<Trial> trials;
    private final PtqSpec ptq;

    private SweepPlan(Experiment experiment, List<FieldPath> fields, List<Trial> trials, PtqSpec ptq) {
        this.experiment = experiment;
        this.fields = List.copyOf(fields);
        this.shortNames = FieldPath.shortNames(fields, SweepTables.OWN_COLUMNS);
        this.trials = List.copyOf(trials);
        this.ptq = ptq;
    }

    /** The experiment as declared, with the epochs override applied (saved as sweep.json). */
    public Experiment experiment() { return experiment; }
    /** Every swept field path, grid fields first, then list fields, in declaration order. */
    public List<FieldPath> fields() { return fields; }
    /** Short column names of {@link #fields()}, same order. */
    public List<String> shortNames() { return shortNames; }
    public List<Trial> trials() { return trials; }
    /** The resolved PTQ block, or null when the sweep has none. */
    public PtqSpec ptq() { return ptq; }
    public String name() { return experiment.name() == null ? "sweep" : experiment.name(); }

    /**
     * Expands and checks the sweep of {@code e}. {@code source} names the file in messages; {@code epochs}
     * (nullable) overrides training.epochs of every trial.
     */
    public static SweepPlan of(Experiment e, String source, Integer epochs) {
        return of(e, source, epochs, DEFAULT_MAX_TRIALS);
    }

    /** Trials a sweep may have unless {@code --max-trials} says more. */
    public static final long DEFAULT_MAX_TRIALS = 10_000;
    /** The most trials any sweep may have (each is held in memory and gets a folder). */
    public static final long HARD_MAX_TRIALS = 1_000_000;

    /** As {@link #of(Experiment, String, Integer)}, refusing more than {@code maxTrials} trials before expanding them. */
    public static SweepPlan of(Experiment e, String source, Integer epochs, long maxTrials) {
        SweepSpec s = e.sweep();
        if (s == null) throw new ExperimentException(source + ": no 'sweep' block; expected \"sweep\": {\"grid\": {\"training.batchSize\": [8, 64]}, \"seeds\": 2}");
        if (epochs != null && epochs < 1) throw new ExperimentException("--epochs: expected a positive integer, got " + epochs);
        boolean noGrid = s.grid() == null || s.grid().isEmpty();
        if (s.grid() != null && s.grid().isEmpty()) throw new ExperimentException(source + ": field 'sweep.grid': expected at least one field path with a list of values, got {}");
        if (s.list() != null && s.list().isEmpty()) throw new ExperimentException(source + ": field 'sweep.list': expected a non-empty list of trials, got []");
        if (noGrid && s.list() == null) throw new ExperimentException(source + ": field 'sweep': expected a 'grid' or a 'list' of trials");
        if (s.seeds() != null && s.seeds() < 1) throw new ExperimentException(source + ": field 'sweep.seeds': expected a positive integer, got " + s.seeds());
        int seeds = s.seeds() == null ? 1 : s.seeds();

        ObjectNode base = ExperimentIO.MAPPER.valueToTree(e.withSweep(null));
        if (epochs != null) FieldPath.parse("training.epochs", "--epochs").set(base, ExperimentIO.MAPPER.valueToTree(epochs), "--epochs");
        ExperimentValidator.validate(parse(base, source + " (without its sweep)"), source);

        Map<FieldPath, List<Object>> grid = new LinkedHashMap<>();
        List<FieldPath> fields = new ArrayList<>();
        if (!noGrid) {
            for (var entry : s.grid().entrySet()) {
                String where = "sweep.grid." + entry.getKey();
                FieldPath p = checkedPath(entry.getKey(), source, where);
                List<Object> values = entry.getValue();
                if (values == null || values.isEmpty()) throw new ExperimentException(source + ": field '" + where + "': expected a non-empty list of values, got " + values);
                for (int i = 0; i < values.size(); i++) checkValue(base, p, values.get(i), source, where + "[" + i + "]");
                grid.put(p, values);
                fields.add(p);
            }
        }
        List<Map<FieldPath, Object>> entries = new ArrayList<>();
        if (s.list() == null) {
            entries.add(Map.of());
        } else {
            for (int j = 0; j < s.list().size(); j++) {
                Map<String, Object> raw = s.list().get(j);
                if (raw == null || raw.isEmpty()) throw new ExperimentException(source + ": field 'sweep.list[" + j + "]': expected an object of field path → value, got " + raw);
                Map<FieldPath, Object> entry = new LinkedHashMap<>();
                for (var kv : raw.entrySet()) {
                    String where = "sweep.list[" + j + "]." + kv.getKey();
                    FieldPath p = checkedPath(kv.getKey(), source, where);
                    if (grid.containsKey(p)) throw new ExperimentException(source + ": field '" + where + "': '" + p + "' is also in sweep.grid; sweep it in one place");
                    if (kv.getValue() == null) throw new ExperimentException(source + ": field '" + where + "': expected a value, got null");
                    entry.put(p, kv.getValue());
                    if (!fields.contains(p)) fields.add(p);
                }
                checkEntry(base, entry, source, "sweep.list[" + j + "]");
                entries.add(entry);
            }
        }
        PtqSpec ptq = s.ptq() == null ? null : checkPtq(s.ptq(), source);
        checkSize(grid, entries.size(), seeds, maxTrials, source);

        List<String> names = FieldPath.shortNames(fields);
        Map<FieldPath, String> shortName = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) shortName.put(fields.get(i), names.get(i));
        long seed0 = e.seed() == null ? 0 : e.seed();
        String baseName = e.name() == null ? "sweep" : e.name();
        List<Trial> trials = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Map<FieldPath, Object> entry : entries) {
            for (Map<FieldPath, Object> point : cross(grid)) {
                Map<FieldPath, Object> assigned = new LinkedHashMap<>(entry);
                assigned.putAll(point);
                for (int k = 0; k < seeds; k++) {
                    long seed = seed0 + k;
                    StringBuilder id = new StringBuilder();
                    for (var a : assigned.entrySet()) id.append(shortName.get(a.getKey())).append('=').append(text(a.getValue())).append('_');
                    id.append("seed=").append(seed);
                    String tid = sanitize(id.toString());
                    if (!ids.add(tid)) throw new ExperimentException(source + ": field 'sweep': two trials would have the same id '" + tid + "'; are values repeated?");
                    ObjectNode tree = base.deepCopy();
                    for (var a : assigned.entrySet()) a.getKey().set(tree, ExperimentIO.MAPPER.valueToTree(a.getValue()), source);
                    tree.put("seed", seed);
                    tree.put("name", baseName + "_" + tid);
                    String where = source + " (sweep trial " + tid + ")";
                    Experiment te = parse(tree, where);
                    ExperimentValidator.validate(te, where);
                    checkBuilds(te, where);
                    Map<String, Object> assignedText = new LinkedHashMap<>();
                    assigned.forEach((p, v) -> assignedText.put(p.toString(), v));
                    trials.add(new Trial(tid, assignedText, seed, te, resolvedValues(te, fields), isFloat(te)));
                }
            }
        }
        if (ptq != null && trials.stream().noneMatch(Trial::floatModel)) {
            throw new ExperimentException(source + ": field 'sweep.ptq': post-training quantization needs a float trial (all weightStates and activationStates 0, e.g. a list entry with network.defaults.weightStates 0, activationStates 0, firstWeightStates 0, outputWeightStates 0); none of the trials is one");
        }
        Experiment declared = epochs == null ? e : e.withTraining((e.training() == null
                ? new org.maqd.train.TrainingSpec(null, null, null, null, null, null, null, null, null, null, null, null)
                : e.training()).withEpochs(epochs));
        return new SweepPlan(declared, fields, trials, ptq);
    }

    private static FieldPath checkedPath(String text, String source, String where) {
        FieldPath p = FieldPath.parse(text, source + ": field '" + where + "'");
        if (NOT_SWEEPABLE.contains(p.root())) {
            String hint = p.root().equals("seed") ? "; use sweep.seeds for several seeds" : "";
            throw new ExperimentException(source + ": field '" + where + "': '" + p.root() + "' cannot be swept" + hint);
        }
        return p;
    }

    /** Applies one grid value alone to the base experiment; a failure names the sweep field and the value. */
    private static void checkValue(ObjectNode base, FieldPath p, Object value, String source, String where) {
        String ctx = source + ": field '" + where + "' = " + text(value);
        if (value == null) throw new ExperimentException(ctx + ": expected a value, got null");
        checkEntry(base, Map.of(p, value), source, ctx.substring(source.length() + 2));
    }

    /**
     * Applies values together to the base experiment. Unknown fields and wrong types always fail here, naming
     * {@code where}; an invalid value fails here when the problem is in one of the applied fields, otherwise
     * (a combination, e.g. weightStep "fixed" needing weightClip from another field) the check of each whole
     * trial reports it.
     */
    private static void checkEntry(ObjectNode base, Map<FieldPath, Object> values, String source, String where) {
        String ctx = source + (where.startsWith("field") ? ": " + where : ": field '" + where + "'");
        ObjectNode tree = base.deepCopy();
        for (var e : values.entrySet()) e.getKey().set(tree, ExperimentIO.MAPPER.valueToTree(e.getValue()), ctx);
        Experiment t = parse(tree, ctx);
        try {
            ExperimentValidator.validate(t, ctx);
        } catch (ExperimentException ex) {
            for (FieldPath p : values.keySet()) if (ex.getMessage().contains("field '" + p + "'")) throw ex;
        }
    }

    /** Strict parse; the location of the generated JSON text is dropped from messages (it is not the user's file). */
    static Experiment parse(ObjectNode tree, String where) {
        try {
            return ExperimentIO.parseUnchecked(ExperimentIO.toJson(tree), where);
        } catch (ExperimentException ex) {
            throw new ExperimentException(ex.getMessage().replaceAll(" \\(line \\d+, column \\d+\\)", ""), ex);
        }
    }

    /** Refuses a sweep of more than {@code max} trials before anything is expanded (no overflow, no hang). */
    static void checkSize(Map<FieldPath, List<Object>> grid, int entries, long seeds, long max, String source) {
        long n = (long) entries * seeds;                 // int × int: no overflow; the grid saturates below
        for (List<Object> v : grid.values()) n = v.size() != 0 && n > Long.MAX_VALUE / v.size() ? Long.MAX_VALUE : n * v.size();
        if (n > max) {
            String count = n == Long.MAX_VALUE ? "more than " + Long.MAX_VALUE : Long.toString(n);
            throw new ExperimentException(source + ": field 'sweep': " + count + " trials (grid × list × seeds), more than the bound of " + max
                    + (n <= HARD_MAX_TRIALS ? "; pass --max-trials " + n + " to run it knowingly"
                    : " (at most " + HARD_MAX_TRIALS + " trials are possible, even with --max-trials)"));
        }
    }

    /** Builds the trial's network once (shapes, group counts, ...) so that no trial fails on it later. */
    private static void checkBuilds(Experiment te, String where) {
        NetworkSpec n = NetworkResolver.resolve(te.network());
        int[] input = n.input().stream().mapToInt(Integer::intValue).toArray();
        try {
            NetworkBuilder.build(n, input, n.outputUnits() == null ? 0 : n.outputUnits(), Parallel.serial(), 0L);
        } catch (org.maqd.model.SpecException | IllegalArgumentException e) {
            throw new ExperimentException(where + ": " + e.getMessage(), e);
        }
    }

    private static PtqSpec checkPtq(PtqSpec raw, String source) {
        return raw.checked(source + ": field 'sweep.ptq.");
    }

    private static List<Map<FieldPath, Object>> cross(Map<FieldPath, List<Object>> grid) {
        List<Map<FieldPath, Object>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (var e : grid.entrySet()) {
            List<Map<FieldPath, Object>> next = new ArrayList<>();
            for (Map<FieldPath, Object> partial : out) {
                for (Object v : e.getValue()) {
                    Map<FieldPath, Object> m = new LinkedHashMap<>(partial);
                    m.put(e.getKey(), v);
                    next.add(m);
                }
            }
            out = next;
        }
        return out;
    }

    private static Map<String, String> resolvedValues(Experiment te, List<FieldPath> fields) {
        JsonNode resolved = ExperimentIO.MAPPER.valueToTree(ExperimentDefaults.resolve(te));
        Map<String, String> m = new LinkedHashMap<>();
        for (FieldPath p : fields) {
            JsonNode v = p.get(resolved);
            m.put(p.toString(), v == null || v.isNull() ? "" : (v.isValueNode() ? v.asText() : v.toString()));
        }
        return m;
    }

    /** True for a float trial ({@link FloatNetwork}'s rule on its resolved network). */
    static boolean isFloat(Experiment te) { return FloatNetwork.isFloat(ExperimentDefaults.resolve(te).network()); }

    static String text(Object v) {
        if (v == null) return "null";
        JsonNode n = ExperimentIO.MAPPER.valueToTree(v);
        return n.isValueNode() ? n.asText() : n.toString();
    }

    static String sanitize(String s) { return s.replaceAll("[^A-Za-z0-9._=+\\-\\[\\]]", "-"); }
}
