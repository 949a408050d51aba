package org.maqd.ui;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;

/**
 * Opens the workbench window. Not an {@code Application} itself, so it runs from the plain classpath. Where the
 * JavaFX toolkit cannot start (no display, GTK 3 missing) it says so, prints the fix and exits with code 1.
 */
public final class WorkbenchLauncher {
    static final String HEADLESS = "or train without a window:\n    ./maqd run experiments/quickstart.json";
    static final String GTK_FIX = "To fix it, install the desktop libraries:\n"
            + "    sudo apt-get install -y libgtk-3-0 libgl1 libxtst6 libxxf86vm1\n" + HEADLESS;
    static final String DISPLAY_FIX = "To fix it, start it from a desktop session (or `ssh -X`, or under `xvfb-run`),\n" + HEADLESS;

    private WorkbenchLauncher() {}

    public static void main(String[] args) { launch(args); }

    public static void launch(String[] args) {
        String problem = toolkitProblem(System.getProperty("os.name", ""), System.getenv("DISPLAY"),
                System.getenv("WAYLAND_DISPLAY"), System.getProperty("glass.platform"), libraryDirs());
        if (problem != null) exit(problem, problem.contains("display") ? DISPLAY_FIX : GTK_FIX);
        try {
            Application.launch(WorkbenchApp.class, args);
        } catch (Throwable t) {
            exit("The window cannot open: the JavaFX toolkit failed to start (" + t + ").", GTK_FIX);
        }
    }

    private static void exit(String problem, String fix) {
        PrintStream err = System.err;
        err.println("maqd: " + problem);
        err.println(fix);
        System.exit(1);
    }

    /** Null when a window can be tried; otherwise what is missing. */
    static String toolkitProblem(String os, String display, String wayland, String glassPlatform, List<Path> libDirs) {
        if (!os.toLowerCase().contains("linux") || "Monocle".equalsIgnoreCase(glassPlatform)) return null;
        if (isBlank(display) && isBlank(wayland))
            return "The window cannot open: there is no display (DISPLAY is not set; this looks like a server or an SSH session).";
        if (!libDirs.isEmpty() && libDirs.stream().noneMatch(d -> Files.exists(d.resolve("libgtk-3.so.0"))))
            return "The window cannot open: GTK 3 (libgtk-3.so.0) is not installed.";
        return null;
    }

    private static boolean isBlank(String s) { return s == null || s.isBlank(); }

    private static List<Path> libraryDirs() {
        List<Path> dirs = new ArrayList<>();
        for (String d : new String[]{"/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib",
                "/lib/x86_64-linux-gnu", "/lib64", "/usr/local/lib"}) {
            if (Files.isDirectory(Path.of(d))) dirs.add(Path.of(d));
        }
        String ld = System.getenv("LD_LIBRARY_PATH");
        if (ld != null) for (String d : ld.split(":")) if (!d.isBlank()) dirs.add(Path.of(d));
        return dirs;
    }
}
