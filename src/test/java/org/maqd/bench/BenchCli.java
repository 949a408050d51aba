package org.maqd.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.maqd.cli.MaqdCommand;
import org.maqd.experiment.ExperimentIO;

/** Runs {@code maqd bench ... --json} in-process and returns the JSON object it prints (exit code 0 asserted). */
final class BenchCli {
    private BenchCli() {}

    static JsonNode json(String... benchArgs) throws Exception {
        String[] args = new String[benchArgs.length + 2];
        args[0] = "bench";
        System.arraycopy(benchArgs, 0, args, 1, benchArgs.length);
        args[args.length - 1] = "--json";
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(buf, true));
            code = MaqdCommand.execute(args);
        } finally {
            System.setOut(old);
        }
        assertEquals(0, code, buf.toString());
        return ExperimentIO.MAPPER.readTree(buf.toString().trim());
    }
}
