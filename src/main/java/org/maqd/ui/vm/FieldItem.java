package org.maqd.ui.vm;

/**
 * One row of the property sheet: the field, its shown value (explicit or the network default), whether it is
 * the default, and whether classroom mode locks it.
 */
public record FieldItem(LayerField field, String value, boolean isDefault, boolean locked) {
    public String hint() {
        if (locked) return LockRules.REASON;
        return isDefault ? "default" : "";
    }
}
