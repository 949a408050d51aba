package org.maqd.bench;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** {@code maqd bench --only mlp_b4} reports the training throughput and the GC share of the timed steps. */
class TrainingBenchmarkTest {
    @Test
    void benchReportsTrainingThroughputAndGcShare() throws Exception {
        var json = BenchCli.json("--only", "mlp_b4", "--quick", "--threads", "1");
        String text = json.toString();
        assertEquals(1, json.get("train_samples_per_second").size(), text);
        assertTrue(json.get("train_samples_per_second").get("mlp_b4").asDouble() > 0, text);
        double gc = json.get("train_gc_time_fraction").get("mlp_b4").asDouble(-1);
        assertTrue(gc >= 0 && gc <= 1, "GC share must be a fraction of the timed wall time: " + text);
        assertTrue(json.get("train_gc_collections").get("mlp_b4").asLong(-1) >= 0, text);
        assertFalse(json.has("int_inference_samples_per_second"), "only the selected case runs");
        double rate = json.get("train_samples_per_second").get("mlp_b4").asDouble();
        assertEquals(1_211_392L, json.get("train_flops_per_sample").get("mlp_b4").asLong(), text);
        double gflops = json.get("train_gflops").get("mlp_b4").asDouble();
        assertEquals(rate * 1_211_392L / 1e9, gflops, 1e-9 * gflops, text);
        double ceiling = json.get("fma_peak_gflops").get("1_threads").asDouble();
        assertEquals(gflops / ceiling, json.get("train_share_of_fma_peak").get("mlp_b4").asDouble(), 1e-12, text);
        assertTrue(json.get("train_warmup_seconds").get("mlp_b4").asDouble() >= 0.5, "warm-up runs at least 0.5 s: " + text);
        var around = json.get("train_fma_peak_gflops_around").get("mlp_b4");
        assertEquals(2, around.size(), "the ceiling right before and right after the timed repetitions: " + text);
        double higher = Math.max(around.get(0).asDouble(), around.get(1).asDouble());
        assertTrue(around.get(0).asDouble() > 0 && around.get(1).asDouble() > 0, text);
        assertEquals(gflops / higher, json.get("train_share_of_fma_peak_around").get("mlp_b4").asDouble(), 1e-12, text);
        var roundTrip = json.get("train_core_round_trip_ns").get("mlp_b4");
        assertEquals(2, roundTrip.size(), "before and after the timed repetitions: " + text);
        for (var ns : roundTrip) {
            if (Runtime.getRuntime().availableProcessors() < 2) assertTrue(ns.isNull(), text);
            else assertTrue(ns.asLong() > 0, text);
        }
    }

    @Test
    void benchReportsTheResnetWithItsFlopsAndShareOfTheFmaPeak() throws Exception {
        var json = BenchCli.json("--only", "resnet8", "--quick", "--threads", "1");
        String text = json.toString();
        assertEquals(1, json.get("train_samples_per_second").size(), text);
        double rate = json.get("train_samples_per_second").get("resnet8_b64").asDouble();
        assertTrue(rate > 0, text);
        long flops = TrainingFlops.perSample(TrainingBenchmark.network("resnet"));
        assertEquals(flops, json.get("train_flops_per_sample").get("resnet8_b64").asLong(), text);
        double gflops = json.get("train_gflops").get("resnet8_b64").asDouble();
        assertEquals(rate * flops / 1e9, gflops, 1e-9 * gflops, text);
        double ceiling = json.get("fma_peak_gflops").get("1_threads").asDouble();
        assertEquals(gflops / ceiling, json.get("train_share_of_fma_peak").get("resnet8_b64").asDouble(), 1e-12, text);
    }

    @Test
    void gcCountersNeverDecreaseAndCountAnExplicitCollection() {
        long before = TrainingBenchmark.gcMillis(), count = TrainingBenchmark.gcCount();
        System.gc();
        assertTrue(TrainingBenchmark.gcMillis() >= before);
        assertTrue(TrainingBenchmark.gcCount() > count, "System.gc() must show up as a collection");
    }
}
