package org.maqd.ui.vm;

/** A node of the composer chain as drawn: title ("linear 256"), states/norm line, output shape or error. */
public record LayerItem(int index, String type, String title, String detail, String shape, String error) {
    public boolean ok() { return error == null; }
}
