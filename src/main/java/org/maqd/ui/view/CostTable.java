package org.maqd.ui.view;

import java.util.function.Function;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.maqd.ui.engine.CostReport;
import org.maqd.ui.engine.CostRow;
import org.maqd.ui.vm.ComposerViewModel;

/** The per-layer cost table under the composer, and number formats shared with the totals line. */
final class CostTable {
    private CostTable() {}

    static void setup(TableView<CostRow> table, ComposerViewModel vm) {
        table.getColumns().setAll(java.util.List.of(
                col("#", 36, CostRow::index),
                col("Layer", 90, CostRow::type),
                col("Output shape", 110, r -> r.ok() ? r.shape() : "✖"),
                col("M_w", 50, CostTable::weightStates),
                col("M_a", 50, CostTable::activationStates),
                col("Norm", 56, CostTable::norm),
                col("Params", 90, r -> String.format("%,d", r.params())),
                col("Weight memory", 125, CostTable::weightMemory),
                col("MACs", 110, r -> String.format("%,d", r.macs())),
                col("Accumulator", 105, r -> !weighted(r) ? NONE : r.accumulatorBits() == 0 ? "" : r.accumulatorBits() + " bits"),
                integerOnlyColumn(),
                col("Problem", 320, r -> r.ok() ? "" : r.error())));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        vm.costProperty().addListener((o, a, r) -> fill(table, r));
        fill(table, vm.cost());
        table.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            if (b.intValue() >= 0) vm.selectedProperty().set(b.intValue());
        });
    }

    /** ✓, or ✖ and the reason's first clause; the whole reason in the cell's tooltip. */
    private static TableColumn<CostRow, Object> integerOnlyColumn() {
        TableColumn<CostRow, Object> c = col("Integer-only", 200, r -> !r.ok() ? "" : r.integerOnly() ? "✓" : "✖ " + shortReason(r.notIntegerOnly()));
        c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override protected void updateItem(Object v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : v.toString());
                CostRow r = empty || getTableRow() == null ? null : getTableRow().getItem();
                setTooltip(r == null || r.integerOnly() ? null
                        : new javafx.scene.control.Tooltip("Not integer-only: this layer " + r.notIntegerOnly()));
            }
        });
        return c;
    }

    /** The first clause of a reason ("uses LN, whose statistics …" → "uses LN"). */
    static String shortReason(String why) {
        int cut = why.length();
        for (char ch : new char[] {',', ';'}) {
            int i = why.indexOf(ch);
            if (i > 0) cut = Math.min(cut, i);
        }
        return why.substring(0, cut);
    }

    private static void fill(TableView<CostRow> t, CostReport r) {
        if (r != null) t.getItems().setAll(r.rows());
    }

    /** A weight column of a layer without weights (add, pool, flatten, …). */
    static final String NONE = "–";

    /** True when the row's kind carries weights (its registry entry says so; an unknown kind: false). */
    private static boolean weighted(CostRow r) {
        org.maqd.model.LayerKind k = org.maqd.model.LayerKinds.find(r.type());
        return k != null && k.weighted();
    }

    /** M_w: the weight states ("fp" for float weights), "–" for a layer without weights (it said "fp" for add). */
    static String weightStates(CostRow r) { return weighted(r) ? states(r.weightStates(), r) : NONE; }

    /** Weight memory at the chosen states, "–" for a layer without weights. */
    static String weightMemory(CostRow r) {
        return !weighted(r) ? NONE : r.weightBits() == 0 ? "" : bits(r.weightBits());
    }

    /** M_a: the activation states ("fp" for a float activation), "–" for a layer with neither (flatten, pools). */
    static String activationStates(CostRow r) { return states(r.activationStates(), r); }

    /** Norm: the layer's normalization, "–" where it has none (the analysis writes "-"; it showed beside "–"). */
    static String norm(CostRow r) { return r.norm() == null || "-".equals(r.norm()) ? NONE : r.norm(); }

    private static String states(int m, CostRow r) {
        if (r.weightStates() == 0 && r.activationStates() == 0 && "-".equals(r.norm())) return NONE;
        return m == 0 ? "fp" : String.valueOf(m);
    }

    static String bits(long b) { return org.maqd.model.MemoryEstimate.human((b + 7) / 8); }

    /**
     * The weight memory against fp32 for the totals line; a float network is as large as fp32, and "1.0 MB vs 1.0 MB
     * in fp32 (1.0× smaller)" said nothing.
     */
    static String size(long bits, long fp32Bits) {
        if (bits >= fp32Bits) return bits(bits) + " of float weights";
        return String.format("%s at the chosen states vs %s in fp32 (%.1f× smaller)", bits(bits), bits(fp32Bits),
                (double) fp32Bits / Math.max(1, bits));
    }

    private static <T> TableColumn<CostRow, Object> col(String name, double width, Function<CostRow, T> f) {
        TableColumn<CostRow, Object> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(d -> new SimpleObjectProperty<>(f.apply(d.getValue())));
        return c;
    }
}
