package org.maqd.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepReportCommandsTest {
    @Test
    void dryRunListsTheTrials() {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = MaqdCommand.execute("sweep", "experiments/norm-vs-batch.json", "--dry-run");
        } finally {
            System.setOut(old);
        }
        assertEquals(MaqdCommand.OK, code);
        String out = buf.toString(StandardCharsets.UTF_8);
        assertTrue(out.startsWith("80 trials"), out);
        assertTrue(out.contains("norm=gn_batchSize=128_seed=1"), out);
    }

    @Test
    void reportOfAMissingFolderIsBadInput(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        int code = MaqdCommand.execute(new PrintWriter(err, true), "report", dir.resolve("nothing").toString());
        assertEquals(MaqdCommand.BAD_INPUT, code);
        assertTrue(err.toString().contains("no such folder"), err.toString());
        code = MaqdCommand.execute(new PrintWriter(err, true), "report", dir.toString());
        assertEquals(MaqdCommand.BAD_INPUT, code);
        assertTrue(err.toString().contains("not a run folder"), err.toString());
    }

    @Test
    void sweepWithoutASweepBlockIsBadInput() {
        StringWriter err = new StringWriter();
        int code = MaqdCommand.execute(new PrintWriter(err, true), "sweep", "experiments/quickstart.json", "--dry-run");
        assertEquals(MaqdCommand.BAD_INPUT, code);
        assertTrue(err.toString().contains("no 'sweep' block"), err.toString());
    }
}
