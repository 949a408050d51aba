package org.maqd.bench;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;
import org.maqd.cli.MaqdCommand;
import org.maqd.experiment.ExperimentIO;

/** {@code maqd bench --only inference} reports integer and float inference throughput under its JSON keys. */
class InferenceBenchmarkTest {
    @Test
    void benchReportsIntegerAndFloatInferenceThroughput() throws Exception {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(buf, true));
            code = MaqdCommand.execute("bench", "--only", "inference", "--quick", "--json", "--threads", "1");
        } finally {
            System.setOut(old);
        }
        assertEquals(0, code);
        var json = ExperimentIO.MAPPER.readTree(buf.toString().trim());
        assertTrue(json.get("int_inference_samples_per_second").asDouble() > 0, buf.toString());
        assertTrue(json.get("float_inference_samples_per_second").asDouble() > 0, buf.toString());
        assertEquals(0, json.get("train_samples_per_second").size());
    }
}
