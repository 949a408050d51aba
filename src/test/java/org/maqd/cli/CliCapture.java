package org.maqd.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs a maqd command in this JVM with its standard error captured (commands that print there directly). */
final class CliCapture {
    private CliCapture() {}

    record Result(int code, String err) {}

    static Result run(String... args) {
        PrintStream old = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = MaqdCommand.execute(args);
        } finally {
            System.setErr(old);
        }
        return new Result(code, buf.toString(StandardCharsets.UTF_8));
    }
}
