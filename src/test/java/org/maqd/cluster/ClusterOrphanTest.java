package org.maqd.cluster;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A (re)starting coordinator queues again the trials that show "queued" in no queue (a worker took one and died
 * before saying so), but not one a live worker has just taken and is about to mark "running": queueing that one
 * again made it run twice after a coordinator restart.
 */
class ClusterOrphanTest {
    @Test
    void aTrialAWorkerHasJustTakenIsNotQueuedAgainButALostOneIs() throws Exception {
        ClusterSecret secret = new ClusterSecret(("orphan-test-" + UUID.randomUUID()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        int port = ClusterProcesses.freePort();
        try (ClusterMember worker = ClusterMember.start(secret.clusterName(), port, List.of(), "127.0.0.1", false);
             ClusterMember coordinator = ClusterMember.start(secret.clusterName(), ClusterProcesses.freePort(),
                     List.of("127.0.0.1:" + port), "127.0.0.1", true)) {
            long end = System.nanoTime() + 60_000_000_000L;
            while (coordinator.members() < 2 && System.nanoTime() < end) Thread.sleep(20);
            assertEquals(2, coordinator.members());
            coordinator.status().put("taken", "queued");   // polled from the queue by a live worker a moment ago
            coordinator.status().put("lost", "queued");    // polled by a worker that died before saying "running"
            Thread says = new Thread(() -> {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    return;
                }
                worker.status().put("taken", "running " + worker.identity());
            });
            says.start();
            new ClusterTrialRunner(coordinator, secret);
            says.join();
            assertFalse(coordinator.queue().contains("taken"), "the taken trial was queued a second time");
            assertTrue(coordinator.queue().contains("lost"), "the lost trial goes back to the queue");
            assertEquals("queued", coordinator.status().get("lost"));
        }
    }
}
