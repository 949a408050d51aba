package org.maqd;

import org.maqd.cli.MaqdCommand;

/**
 * Entry point. With no arguments, or with an experiment file ({@code maqd experiments/quickstart.json}), it opens
 * the workbench window on that file; with a subcommand it runs headless ({@code maqd --help}). Does not extend
 * {@code Application}, so it runs from the class path.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        if (opensWindow(args)) {
            try {
                Class.forName("org.maqd.ui.WorkbenchLauncher").getMethod("launch", String[].class)
                        .invoke(null, (Object) args);
                return;
            } catch (ClassNotFoundException e) {
                System.err.println("the workbench window is not part of this build; try: maqd --help");
                System.exit(1);
            } catch (ReflectiveOperationException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                System.err.println("cannot open the workbench: " + cause);
                System.exit(1);
            }
        }
        System.exit(MaqdCommand.execute(args));
    }

    /**
     * True when the arguments ask for the window: none, or a first argument that is an experiment file (ends in
     * .json; no subcommand does), which the window then opens.
     */
    static boolean opensWindow(String[] args) {
        return args.length == 0 || args[0].toLowerCase(java.util.Locale.ROOT).endsWith(".json");
    }
}
