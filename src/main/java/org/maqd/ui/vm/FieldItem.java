package org.maqd.ui.vm;

/**
 * One row of the property sheet: the field, its shown value (explicit or the network default), whether it is
 * the default, whether classroom mode locks it, and whether the selected layers hold different values (mixed).
 */
public record FieldItem(LayerField field, String value, boolean isDefault, boolean locked, boolean mixed) {
    public FieldItem(LayerField field, String value, boolean isDefault, boolean locked) {
        this(field, value, isDefault, locked, false);
    }

    public String hint() {
        if (locked) return LockRules.REASON;
        if (mixed) return "mixed";
        return isDefault ? "default" : "";
    }
}
