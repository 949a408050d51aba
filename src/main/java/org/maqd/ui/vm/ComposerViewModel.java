package org.maqd.ui.vm;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.maqd.experiment.Experiment;
import org.maqd.experiment.FieldRules;
import org.maqd.model.LayerKind;
import org.maqd.model.LayerKinds;
import org.maqd.model.LayerSpec;
import org.maqd.model.NetworkResolver;
import org.maqd.model.NetworkSpec;
import org.maqd.ui.engine.CostReport;
import org.maqd.ui.engine.NetworkAnalyzer;

/**
 * The composer: the network (a {@code layers} chain or a {@code nodes} graph; layers are addressed by their position
 * in the list), the selected layers' property sheet, layer commands (insert, insert on a wire, remove, field edits,
 * templates, bulk edits, positions) and the live cost report. Every command is one undoable document edit;
 * locked fields and a locked layer list refuse edits with a message.
 */
public final class ComposerViewModel {
    /** The palette: every kind of the registry, in its order. */
    public static final List<String> PALETTE = LayerKinds.names();

    private final ExperimentDocument doc;
    private final NetworkAnalyzer analyzer;
    private final ReadOnlyObjectWrapper<ComposerGraph> graph = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Integer> selection = FXCollections.observableArrayList();
    private final ObservableList<FieldItem> fields = FXCollections.observableArrayList();
    private final IntegerProperty selected = new SimpleIntegerProperty(-1);
    private final StringProperty message = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<CostReport> cost = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<TemplateMatch.Match> template = new ReadOnlyObjectWrapper<>();
    /** The input node is what the property sheet edits (its shape) rather than layers. */
    private final javafx.beans.property.ReadOnlyBooleanWrapper inputSelected = new javafx.beans.property.ReadOnlyBooleanWrapper();
    private final javafx.beans.property.ReadOnlyStringWrapper inputShape = new javafx.beans.property.ReadOnlyStringWrapper("");
    /** The experiment locks the layer list (a lesson): adding, removing and templates are refused. */
    private final javafx.beans.property.ReadOnlyBooleanWrapper structureLocked = new javafx.beans.property.ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<MemoryNote> memory = new ReadOnlyObjectWrapper<>(new MemoryNote("", false));
    private java.util.function.LongSupplier freeHeap = org.maqd.model.MemoryEstimate::availableHeap;

    public ComposerViewModel(ExperimentDocument doc, NetworkAnalyzer analyzer) {
        this.doc = doc;
        this.analyzer = analyzer;
        doc.experimentProperty().addListener((o, a, b) -> refresh());
        selected.addListener((o, a, b) -> {
            int i = b.intValue();
            if (i >= 0) inputSelected.set(false);
            if (!(selection.contains(i) || i < 0 && selection.isEmpty())) selection.setAll(i < 0 ? List.of() : List.of(i));
            refreshFields();
        });
        // a message is about the edit just refused: it goes with another selection or another document, so it never
        // shows under a layer it is not about
        selection.addListener((javafx.collections.ListChangeListener<Integer>) c -> {
            message.set("");
            if (!selection.isEmpty()) inputSelected.set(false);
        });
        // a new or opened document starts with nothing selected (the last document's layer stayed selected)
        doc.loadsProperty().addListener((o, a, b) -> {
            message.set("");
            select(List.of(), -1);
        });
        refresh();
    }

    public static LayerSpec newLayer(String type) {
        LayerKind k = LayerKinds.find(type);
        return k == null ? LayerSpec.of(type) : k.paletteSpec();
    }

    /**
     * Inserts a new layer of a kind before position {@code position} of a chain; in a graph, on the first wire into
     * that node (a free node when it has none).
     */
    public boolean insert(int position, String type) {
        if (refuseStructure()) return false;
        NetworkSpec net = network(doc.get());
        int at = Math.max(0, Math.min(position, net.all().size()));
        if (net.isGraph()) {
            if (at >= net.all().size() || net.all().get(at).inputs() == null || net.all().get(at).inputs().isEmpty()) {
                return addFree(type, 0, 0);
            }
            return insertOnWire(at, 0, type);
        }
        List<LayerSpec> l = layers();
        l.add(at, newLayer(type));
        boolean ok = setLayers("Insert " + type, l);
        if (ok) selected.set(at);
        return ok;
    }

    /** Inserts a new layer of a kind on the wire into input port {@code port} of node {@code to}, and selects it. */
    public boolean insertOnWire(int to, int port, String type) {
        if (refuseStructure()) return false;
        boolean ok = structure("Insert " + type, n -> GraphEdits.insertOnWire(n, to, port, newLayer(type)));
        if (ok) selected.set(to);
        return ok;
    }

    /** Inserts copies of layers as a path on the wire into port {@code port} of node {@code to}, and selects them. */
    public boolean insertOnWire(int to, int port, List<LayerSpec> specs) {
        if (refuseStructure() || specs.isEmpty() || to < 0) return false;
        boolean ok = structure(specs.size() == 1 ? "Paste " + specs.get(0).type() : "Paste " + specs.size() + " layers",
                n -> GraphEdits.insertPath(n, to, port, specs));
        List<Integer> added = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) added.add(to + i);
        if (ok) select(added, to + specs.size() - 1);
        return ok;
    }

    /** Adds a node of a kind with no wires at a canvas position (the network becomes a graph), and selects it. */
    public boolean addFree(String type, double x, double y) {
        if (refuseStructure()) return false;
        boolean ok = structure("Add " + type, n -> GraphEdits.addFree(n, newLayer(type), x, y));
        if (ok) selected.set(network(doc.get()).all().size() - 1);
        return ok;
    }

    /** Remembers where the user put nodes (position in the list → [x, y]), one edit. */
    public boolean place(java.util.Map<Integer, double[]> positions) {
        if (positions.isEmpty()) return false;
        return structure(positions.size() == 1 ? "Move node" : "Move " + positions.size() + " nodes", n -> GraphEdits.moved(n, positions));
    }

    /** One undoable structural edit of the network; false when it changes nothing or the document refuses. */
    boolean structure(String label, java.util.function.UnaryOperator<NetworkSpec> edit) {
        NetworkSpec before = network(doc.get());
        NetworkSpec after = edit.apply(before);
        if (after.equals(before)) return false;
        message.set("");
        return doc.edit(label, e -> e.withNetwork(after));
    }

    public boolean move(int from, int to) {
        if (refuseStructure()) return false;
        if (network(doc.get()).isGraph()) return refuse("A graph has no order to change: rewire it instead");
        List<LayerSpec> l = layers();
        if (from < 0 || from >= l.size()) return false;
        int target = Math.max(0, Math.min(to, l.size() - 1));
        LayerSpec s = l.remove(from);
        l.add(target, s);
        boolean ok = setLayers("Move " + s.type(), l);
        if (ok) selected.set(target);
        return ok;
    }

    public boolean remove(int index) { return removeAll(List.of(index)); }

    /** Sets a field of a layer from text (empty = network default); false with a message when refused. */
    public boolean setField(int index, LayerField f, String text) {
        if (doc.locks().layerFieldLocked(network(doc.get()), index, f.key)) return refuse(f.label + " is " + LockRules.REASON);
        Object v;
        try {
            v = f.parse(text);
        } catch (IllegalArgumentException e) {
            return refuse(e.getMessage());
        }
        List<LayerSpec> l = layers();
        if (index < 0 || index >= l.size()) return false;
        l.set(index, f.with(l.get(index), v));
        message.set("");
        return setLayers("Set " + f.label, l);
    }

    /**
     * Sets the per-sample input shape from text such as "1, 28, 28" or "2" (flat features: [2, 1, 1], the shape the
     * toy data sets give); one undoable edit, false with a message when refused.
     */
    public boolean setInput(String text) {
        if (inputLocked()) return refuse("The input shape is " + LockRules.REASON);
        List<Integer> dims = new ArrayList<>();
        String t = text == null ? "" : text.trim();
        try {
            for (String part : t.replaceAll("[\\[\\]]", "").split("[,x× ]+")) if (!part.isBlank()) dims.add(Integer.parseInt(part.trim()));
        } catch (NumberFormatException e) {
            dims = null;
        }
        if (dims != null && dims.size() == 1) dims = List.of(dims.get(0), 1, 1);
        String expected = dims == null ? FieldRules.INPUT : FieldRules.expectedInput(dims);
        if (expected != null) return refuse("Input shape: expected " + expected + ", or one size for flat features such as \"2\", got \"" + t + "\"");
        message.set("");
        List<Integer> shape = List.copyOf(dims);
        if (shape.equals(network(doc.get()).input())) return true;
        return doc.edit("Set input shape", e -> e.withNetwork(network(e).withInput(shape)));
    }

    /** Shows the input node in the property sheet (its shape), no layer selected. */
    public void selectInput() {
        select(List.of(), -1);
        inputSelected.set(true);
    }

    /** True when a lesson fixes the input shape. */
    public boolean inputLocked() { return doc.locks().isLocked("network.input"); }

    /** The input node is selected: the property sheet edits the input shape. */
    public javafx.beans.property.ReadOnlyBooleanProperty inputSelectedProperty() { return inputSelected.getReadOnlyProperty(); }

    /** True while the experiment locks the layer list: the view disables what would only be refused. */
    public javafx.beans.property.ReadOnlyBooleanProperty structureLockedProperty() { return structureLocked.getReadOnlyProperty(); }

    /** The network's input shape as the property sheet shows it ("1, 28, 28"), following every edit. */
    public javafx.beans.property.ReadOnlyStringProperty inputShapeProperty() { return inputShape.getReadOnlyProperty(); }

    public boolean applyTemplate(String name) { return applyTemplate(name, Templates.DEFAULT_DEPTH); }

    /** Replaces the network by a template ({@code depth}: the ResNet's), one undoable edit. */
    public boolean applyTemplate(String name, int depth) {
        if (refuseStructure()) return false;
        NetworkSpec t = Templates.network(name, depth);
        String label = Templates.RESNET.equals(name) ? "ResNet-" + depth : name;
        boolean ok = doc.edit("Template " + label, e -> e.withNetwork(t));
        if (ok) selected.set(-1);
        return ok;
    }

    /**
     * Bulk edit of every hidden block (linear, conv2d, residual; not the classifier): sets the field on each,
     * skipping locked ones. Returns how many layers changed.
     */
    public int bulkHidden(LayerField f, String text) { return bulk(hiddenBlocks(f), f, text, "All hidden layers"); }

    /** The hidden blocks (not the classifier) that have field {@code f}. */
    public List<Integer> hiddenBlocks(LayerField f) {
        List<LayerSpec> l = layers();
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < l.size(); i++) if (l.get(i).isBlock() && f.appliesTo(l.get(i).type())) out.add(i);
        return out;
    }

    /** Sets field {@code f} on the given layers (those that have it and are not locked) in one edit; returns how many changed. */
    public int bulk(List<Integer> indices, LayerField f, String text, String what) {
        Object v;
        try {
            v = f.parse(text);
        } catch (IllegalArgumentException e) {
            refuse(e.getMessage());
            return 0;
        }
        List<LayerSpec> l = layers();
        int changed = 0, locked = 0;
        for (int i : List.copyOf(indices)) {
            if (i < 0 || i >= l.size() || !f.appliesTo(l.get(i).type())) continue;
            if (doc.locks().layerFieldLocked(network(doc.get()), i, f.key)) {
                locked++;
                continue;
            }
            LayerSpec n = f.with(l.get(i), v);
            if (!n.equals(l.get(i))) changed++;
            l.set(i, n);
        }
        setLayers(what + ": " + f.label + " " + (v == null ? "default" : v), l);
        message.set(locked == 0 ? "" : locked + " layer(s) skipped: " + f.label + " is " + LockRules.REASON);
        return changed;
    }

    /** Removes the given layers in one edit. */
    public boolean removeAll(List<Integer> indices) {
        if (refuseStructure() || indices.isEmpty()) return false;
        List<LayerSpec> l = layers();
        List<Integer> sorted = indices.stream().distinct().filter(i -> i >= 0 && i < l.size()).sorted().toList();
        if (sorted.isEmpty()) return false;
        String what = sorted.size() == 1 ? "Remove " + l.get(sorted.get(0)).type() : "Remove " + sorted.size() + " layers";
        boolean ok = structure(what, n -> GraphEdits.remove(n, sorted));
        if (ok) select(List.of(), Math.min(sorted.get(0), l.size() - sorted.size() - 1));
        return ok;
    }

    /** Inserts copies of layers at a position in one edit and selects them. */
    public boolean insertAll(int position, List<LayerSpec> specs) {
        if (refuseStructure() || specs.isEmpty()) return false;
        if (network(doc.get()).isGraph()) return insertOnWire(Math.min(position, layers().size() - 1), 0, specs);
        List<LayerSpec> l = layers();
        int at = Math.max(0, Math.min(position, l.size()));
        l.addAll(at, specs);
        boolean ok = setLayers(specs.size() == 1 ? "Paste " + specs.get(0).type() : "Paste " + specs.size() + " layers", l);
        List<Integer> added = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) added.add(at + i);
        if (ok) select(added, at);
        return ok;
    }

    /** The spec of layer i (null when out of range). */
    public LayerSpec layer(int i) {
        List<LayerSpec> l = layers();
        return i < 0 || i >= l.size() ? null : l.get(i);
    }

    private boolean refuseStructure() {
        if (!doc.locks().structureLocked(network(doc.get()))) return false;
        refuse("The layer list is " + LockRules.REASON);
        return true;
    }

    private boolean refuse(String why) {
        message.set(why);
        return false;
    }

    /** The chain's layers or the graph's nodes, as a list to edit. */
    private List<LayerSpec> layers() {
        NetworkSpec n = doc.get().network();
        return new ArrayList<>(n == null ? List.of() : n.all());
    }

    private boolean setLayers(String label, List<LayerSpec> l) {
        return doc.edit(label, e -> e.withNetwork(GraphEdits.with(network(e), l)));
    }

    static NetworkSpec network(Experiment e) {
        return e.network() != null ? e.network() : new NetworkSpec(List.of(1, 28, 28), null, List.of());
    }

    private void refresh() {
        NetworkSpec net = network(doc.get());
        CostReport r = analyzer.analyze(net);
        cost.set(r);
        template.set(TemplateMatch.of(net));
        memory.set(MemoryNote.of(doc.get(), freeHeap.getAsLong()));
        graph.set(ComposerGraph.of(net, r));
        inputShape.set(net.input() == null ? "" : String.join(", ", net.input().stream().map(String::valueOf).toList()));
        structureLocked.set(doc.locks().structureLocked(net));
        int n = net.all().size();
        if (selection.stream().anyMatch(i -> i >= n)) selection.setAll(selection.stream().filter(i -> i < n).toList());
        if (selected.get() >= n) selected.set(n - 1);
        refreshFields();
    }

    /** The template the document's network is ({@link TemplateMatch#CUSTOM} when none), following every edit. */
    public ReadOnlyObjectProperty<TemplateMatch.Match> templateProperty() { return template.getReadOnlyProperty(); }

    /** The training memory of the network at the document's batch size, following every edit. */
    public ReadOnlyObjectProperty<MemoryNote> memoryProperty() { return memory.getReadOnlyProperty(); }

    /** Where the free heap is read (tests give a fixed figure); recomputes the note. */
    public void setFreeHeap(java.util.function.LongSupplier s) {
        freeHeap = s;
        memory.set(MemoryNote.of(doc.get(), s.getAsLong()));
    }

    /** Selects layers (the property sheet then edits them together); {@code primary} is the one shown first. */
    public void select(List<Integer> indices, int primary) {
        inputSelected.set(false);
        List<Integer> s = indices.stream().distinct().sorted().toList();
        // the layer shown is selected too, as when `selected` changes (a deleted layer's successor keeps its index)
        selection.setAll(s.isEmpty() && primary >= 0 ? List.of(primary) : s);
        if (selected.get() == primary) refreshFields();
        else selected.set(primary);
    }

    /** Sets a field on every selected layer in one edit, skipping the locked ones; false with a message when refused. */
    public boolean setFieldOnSelection(LayerField f, String text) {
        if (selection.size() <= 1) return setField(selected.get(), f, text);
        return bulk(selection, f, text, "Selected layers") > 0;
    }

    private void refreshFields() {
        NetworkSpec net = network(doc.get());
        fields.setAll(FieldRows.rows(net, resolved(net), selection.isEmpty() && selected.get() >= 0 ? List.of(selected.get()) : selection,
                doc.locks()));
    }

    /** The network with every default applied (what training will use), or null if the spec cannot be resolved. */
    private static NetworkSpec resolved(NetworkSpec net) {
        try {
            return NetworkResolver.resolve(net);
        } catch (RuntimeException e) {
            return null;
        }
    }

    public ReadOnlyObjectProperty<ComposerGraph> graphProperty() { return graph.getReadOnlyProperty(); }
    public ComposerGraph graph() { return graph.get(); }
    public ObservableList<Integer> selection() { return selection; }
    public ObservableList<FieldItem> fields() { return fields; }
    public IntegerProperty selectedProperty() { return selected; }
    public StringProperty messageProperty() { return message; }
    public ReadOnlyObjectProperty<CostReport> costProperty() { return cost.getReadOnlyProperty(); }
    public CostReport cost() { return cost.get(); }
    public ExperimentDocument document() { return doc; }
}
