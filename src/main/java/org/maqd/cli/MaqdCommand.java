package org.maqd.cli;

import java.io.PrintWriter;
import org.maqd.data.DataFormatException;
import org.maqd.experiment.ExperimentException;
import org.maqd.model.ModelFormatException;
import org.maqd.nn.ShapeException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The headless commands. Exit codes: 0 success, 2 bad input (a one-line reason on stderr naming the file and
 * field), 3 the run diverged (summary.json says where and why), 1 any other failure (one line on stderr; the
 * stack trace goes to a log file: the run folder's error.log, else a file in the temporary folder).
 */
@Command(name = "maqd", mixinStandardHelpOptions = true, version = "MaQD Workbench 0.1.0",
        description = "Quantization-aware training with MaQD (LBN, weight standardization, scaled round-clip, surrogate gradients)."
                + "%nWith no command, opens the workbench window.",
        subcommands = {RunCommand.class, SweepCommand.class, ReportCommand.class, ExportCommand.class, PtqCommand.class, WorkerCommand.class, InspectCommand.class,
                BenchCommand.class, CommandLine.HelpCommand.class})
public final class MaqdCommand implements Runnable {
    public static final int OK = 0, FAILURE = 1, BAD_INPUT = 2, DIVERGED = 3;

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static int execute(String... args) {
        return execute(new PrintWriter(System.err, true), args);
    }

    /** Runs a command with error messages going to {@code err}. */
    public static int execute(PrintWriter err, String... args) {
        return execute(null, err, args);
    }

    /** Runs a command with its report going to {@code out} (null: standard output) and errors to {@code err}. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new MaqdCommand());
        if (out != null) cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> handle(ex, cmd.getErr()));
        cl.setParameterExceptionHandler((ex, args1) -> {
            cl.getErr().println("maqd: " + ex.getMessage());
            cl.getErr().println("see: maqd " + (ex.getCommandLine() == cl ? "" : ex.getCommandLine().getCommandName() + " ") + "--help");
            return BAD_INPUT;
        });
        return cl.execute(args);
    }

    /** Maps an exception to an exit code, printing a one-line reason. */
    public static int handle(Exception ex, PrintWriter err) {
        if (isBadInput(ex)) {
            err.println("maqd: " + ex.getMessage());
            err.flush();
            return BAD_INPUT;
        }
        err.println("maqd: failed: " + ErrorLog.oneLine(ex));
        err.flush();
        return FAILURE;
    }

    public static boolean isBadInput(Throwable ex) {
        return org.maqd.experiment.BadInput.is(ex);
    }
}
