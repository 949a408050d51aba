package org.maqd.ui.vm;

import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.maqd.model.NetworkResolver;
import org.maqd.model.NetworkSpec;

/**
 * Bulk edit: one field set on every hidden layer or on the selected layers. The value belongs to the field:
 * choosing another field offers that field's choices and shows the value the target layers share now (empty
 * when they differ), so a value typed for one field is never applied to another.
 */
public final class BulkEdit {
    public enum Scope {
        HIDDEN("All hidden layers"), SELECTED("Selected layers");
        public final String label;
        Scope(String label) { this.label = label; }
    }

    public static final List<LayerField> FIELDS = List.of(LayerField.WEIGHT_STATES, LayerField.ACTIVATION_STATES,
            LayerField.NORM, LayerField.WS, LayerField.ACTIVATION_SURROGATE, LayerField.WEIGHT_SURROGATE);
    private static final List<String> STATES = List.of("2", "3", "4", "8", "16", "256", "0");

    private final ComposerViewModel composer;
    private final ObjectProperty<LayerField> field = new SimpleObjectProperty<>();
    private final ObjectProperty<Scope> scope = new SimpleObjectProperty<>(Scope.HIDDEN);
    private final StringProperty value = new SimpleStringProperty("");
    private final ObservableList<String> choices = FXCollections.observableArrayList();
    /** The fields offered: those of {@link #FIELDS} that are not locked on every layer they would change. */
    private final ObservableList<LayerField> fields = FXCollections.observableArrayList(FIELDS);

    public BulkEdit(ComposerViewModel composer) {
        this.composer = composer;
        field.addListener((o, a, f) -> reset());
        scope.addListener((o, a, s) -> { offerFields(); reset(); });
        composer.document().experimentProperty().addListener((o, a, b) -> offerFields());
        field.set(FIELDS.get(0));
        offerFields();
        // another document: the choice made for the last one (field, scope, value) does not carry over
        composer.document().loadsProperty().addListener((o, a, b) -> {
            scope.set(Scope.HIDDEN);   // the fields on offer already follow the new document (its experiment changed first)
            LayerField first = fields.isEmpty() ? null : fields.get(0);
            if (field.get() == first) reset();
            else field.set(first);
        });
    }

    /** A lesson that locks a field on every layer it would change takes it off the list (Apply would only refuse it). */
    private void offerFields() {
        List<LayerField> open = FIELDS.stream().filter(f -> !lockedEverywhere(f)).toList();
        if (!open.equals(fields)) fields.setAll(open);
        if (field.get() != null && !open.contains(field.get())) field.set(open.isEmpty() ? null : open.get(0));
    }

    private boolean lockedEverywhere(LayerField f) {
        List<Integer> t = targets(f);
        if (t.isEmpty() || composer.document().get().network() == null) return false;
        List<FieldItem> rows = FieldRows.rows(composer.document().get().network(), null, t, composer.document().locks());
        return rows.stream().filter(r -> r.field() == f).allMatch(FieldItem::locked);
    }

    /** Offers the field's choices and shows the value its target layers share. */
    private void reset() {
        LayerField f = field.get();
        choices.setAll(f == null ? List.of() : f.kind == LayerField.Kind.CHOICE ? f.choices
                : f.kind == LayerField.Kind.INT ? STATES : List.of());
        value.set(f == null ? "" : shared(f));
    }

    private String shared(LayerField f) {
        NetworkSpec net = composer.document().get().network();
        if (net == null) return "";
        NetworkSpec resolved;
        try {
            resolved = NetworkResolver.resolve(net);
        } catch (RuntimeException e) {
            resolved = null;
        }
        List<FieldItem> rows = FieldRows.rows(net, resolved, targets(), composer.document().locks());
        return rows.stream().filter(r -> r.field() == f).map(FieldItem::value).findFirst().orElse("");
    }

    public List<Integer> targets() { return targets(field.get()); }

    private List<Integer> targets(LayerField f) {
        if (f == null) return List.of();
        return scope.get() == Scope.SELECTED ? composer.selection().stream().filter(i -> {
            var l = composer.layer(i);
            return l != null && f.appliesTo(l.type());
        }).toList() : composer.hiddenBlocks(f);
    }

    /** Applies the value to the targets in one undoable edit; returns how many layers changed. */
    public int apply() {
        LayerField f = field.get();
        if (f == null) return 0;
        int changed = composer.bulk(targets(), f, value.get(), scope.get().label);
        // a refused value is not left in the box: it shows the layers' value again, the message says why
        if (!f.accepts(value.get())) reset();
        return changed;
    }

    public ObjectProperty<LayerField> fieldProperty() { return field; }
    public ObjectProperty<Scope> scopeProperty() { return scope; }
    public StringProperty valueProperty() { return value; }
    public ObservableList<String> choices() { return choices; }
    public ObservableList<LayerField> fields() { return fields; }
}
