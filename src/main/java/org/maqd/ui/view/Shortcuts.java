package org.maqd.ui.view;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

/** The Help menu's texts: the keyboard reference (built from the menus) and About. */
final class Shortcuts {
    private Shortcuts() {}

    /** One line per menu command with an accelerator: "F5    Run → Train". */
    static String describe(MenuBar bar) {
        List<String> lines = new ArrayList<>();
        for (Menu m : bar.getMenus()) collect(m, plain(m.getText()), lines);
        lines.add("Tab / Shift+Tab    move between fields; Enter applies a field, Esc leaves it");
        lines.add("Mnemonics    Alt + the underlined letter opens a menu");
        return String.join("\n", lines);
    }

    private static void collect(Menu menu, String path, List<String> out) {
        for (MenuItem i : menu.getItems()) {
            if (i instanceof SeparatorMenuItem) continue;
            if (i instanceof Menu sub) collect(sub, path + " → " + plain(sub.getText()), out);
            else if (i.getAccelerator() != null)
                out.add(i.getAccelerator().getDisplayText() + "    " + path + " → " + plain(i.getText()));
        }
    }

    private static String plain(String menuText) { return menuText == null ? "" : menuText.replace("_", "").replace("…", ""); }

    static String about() {
        String v = Shortcuts.class.getPackage().getImplementationVersion();
        return "MaQD Workbench " + (v == null ? "(development build)" : v) + "\n"
                + "Quantization-aware training with a chosen number of states per weight and activation: "
                + "Layer-Batch Normalization, weight standardization, a scaled round-clip quantizer and surrogate "
                + "gradients (MaQD, arXiv 2403.14999), with an affine post-training quantizer as the baseline.\n\n"
                + "Java " + System.getProperty("java.version") + " · JavaFX " + System.getProperty("javafx.runtime.version", "?") + "\n"
                + "Runs are written under ./runs; experiments and lessons live under ./experiments.";
    }
}
