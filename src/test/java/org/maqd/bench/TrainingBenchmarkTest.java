package org.maqd.bench;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;
import org.maqd.cli.MaqdCommand;
import org.maqd.experiment.ExperimentIO;

/** {@code maqd bench --only mlp_b4} reports the training throughput and the GC share of the timed steps. */
class TrainingBenchmarkTest {
    @Test
    void benchReportsTrainingThroughputAndGcShare() throws Exception {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(buf, true));
            code = MaqdCommand.execute("bench", "--only", "mlp_b4", "--quick", "--json", "--threads", "1");
        } finally {
            System.setOut(old);
        }
        assertEquals(0, code);
        var json = ExperimentIO.MAPPER.readTree(buf.toString().trim());
        assertEquals(1, json.get("train_samples_per_second").size(), buf.toString());
        assertTrue(json.get("train_samples_per_second").get("mlp_b4").asDouble() > 0, buf.toString());
        double gc = json.get("train_gc_time_fraction").get("mlp_b4").asDouble(-1);
        assertTrue(gc >= 0 && gc <= 1, "GC share must be a fraction of the timed wall time: " + buf);
        assertTrue(json.get("train_gc_collections").get("mlp_b4").asLong(-1) >= 0, buf.toString());
        assertFalse(json.has("int_inference_samples_per_second"), "only the selected case runs");
    }

    @Test
    void gcCountersNeverDecreaseAndCountAnExplicitCollection() {
        long before = TrainingBenchmark.gcMillis(), count = TrainingBenchmark.gcCount();
        System.gc();
        assertTrue(TrainingBenchmark.gcMillis() >= before);
        assertTrue(TrainingBenchmark.gcCount() > count, "System.gc() must show up as a collection");
    }
}
