package org.maqd.bench;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** {@code maqd bench --only inference} reports integer and float inference throughput under its JSON keys. */
class InferenceBenchmarkTest {
    @Test
    void benchReportsIntegerAndFloatInferenceThroughput() throws Exception {
        var json = BenchCli.json("--only", "inference", "--quick", "--threads", "1");
        assertTrue(json.get("int_inference_samples_per_second").asDouble() > 0, json.toString());
        assertTrue(json.get("float_inference_samples_per_second").asDouble() > 0, json.toString());
        assertEquals(0, json.get("train_samples_per_second").size());
    }
}
