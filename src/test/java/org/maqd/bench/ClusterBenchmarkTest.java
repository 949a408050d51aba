package org.maqd.bench;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/**
 * {@code maqd bench --cluster} runs its sweep locally and on a cluster of one worker process, and counts what each
 * trial puts into the cluster's maps: one task, one checkpoint per epoch, one result.
 */
class ClusterBenchmarkTest {
    @Test
    void reportsTrialsPerHourAndTheBytesEachTrialPuts() throws Exception {
        var json = BenchCli.json("--cluster", "--quick", "--cluster-workers", "1");
        String text = json.toString();
        assertEquals(4, json.get("cluster_trials").asInt(), text);
        assertTrue(json.get("cluster_trials_per_hour").get("local").asDouble() > 0, text);
        assertTrue(json.get("cluster_trials_per_hour").get("1_workers").asDouble() > 0, text);
        assertFalse(json.get("cluster_trials_per_hour").has("2_workers"), text);
        var b = json.get("cluster_bytes_per_trial").get("1_workers");
        assertEquals(2.0, b.get("checkpoint_puts").asDouble(), 0.0, "the quick sweep's trials run 2 epochs, one checkpoint each: " + text);
        assertTrue(b.get("task").asDouble() > 500, "a signed experiment (JSON): " + text);
        assertTrue(b.get("result").asDouble() > 100_000, "a zipped run folder with the MLP's model and checkpoint: " + text);
        assertTrue(b.get("checkpoints").asDouble() > b.get("result").asDouble(), "two folders of about the result's size: " + text);
        assertEquals(b.get("task").asDouble() + b.get("checkpoints").asDouble() + b.get("result").asDouble(), b.get("total").asDouble(), 1e-6, text);
        assertTrue(json.get("load_average_before").isNumber(), text);
        assertTrue(json.get("cluster_cpu_seconds_per_trial").get("1_workers").asDouble() > 0, "the worker JVM trained: " + text);
        assertTrue(json.get("cluster_coordinator_cpu_seconds_per_trial").get("1_workers").asDouble() > 0, text);
    }
}
