package org.maqd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** `maqd bench` refuses options it cannot honour with exit 2 and a reason, before measuring anything. */
class BenchOptionsTest {
    private static String[] run(String... args) {
        PrintStream old = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = MaqdCommand.execute(args);
        } finally {
            System.setErr(old);
        }
        return new String[] {String.valueOf(code), buf.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void aThreadCountBelowOneIsBadInput() {
        String[] r = run("bench", "--threads", "-1", "--only", "mlp_b4", "--quick");
        assertEquals(String.valueOf(MaqdCommand.BAD_INPUT), r[0], r[1]);
        assertTrue(r[1].contains("--threads -1") && r[1].contains("at least 1"), r[1]);
    }

    @Test
    void aCaseNameThatSelectsNothingListsTheCases() {
        String[] r = run("bench", "--only", "nothing");
        assertEquals(String.valueOf(MaqdCommand.BAD_INPUT), r[0], r[1]);
        assertTrue(r[1].contains("mlp_b64") && r[1].contains("gemm_256x784x256") && r[1].contains("inference"), r[1]);
    }
}
