package org.maqd.cluster;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts what the members put into the cluster's task, checkpoint and result maps, from the member it listens on
 * (every put anywhere in the cluster is an event with its value): puts and bytes of the signed, zipped entries.
 * For measuring (the cluster benchmark); the listener receives every value, so it adds that traffic to this member.
 */
public final class ClusterTraffic implements AutoCloseable {
    /** Puts into one map and the bytes of the values put. */
    public record Count(long puts, long bytes) {}

    private final Map<String, AtomicLong[]> counts = new LinkedHashMap<>();
    private final List<Runnable> removals = new ArrayList<>();

    public ClusterTraffic(ClusterMember member) {
        watch("tasks", member.tasks());
        watch("checkpoints", member.checkpoints());
        watch("results", member.results());
    }

    private void watch(String name, IMap<String, byte[]> map) {
        AtomicLong[] c = {new AtomicLong(), new AtomicLong()};
        counts.put(name, c);
        class Listener implements EntryAddedListener<String, byte[]>, EntryUpdatedListener<String, byte[]> {
            @Override public void entryAdded(EntryEvent<String, byte[]> e) { count(e); }
            @Override public void entryUpdated(EntryEvent<String, byte[]> e) { count(e); }
            private void count(EntryEvent<String, byte[]> e) {
                c[0].incrementAndGet();
                if (e.getValue() != null) c[1].addAndGet(e.getValue().length);
            }
        }
        UUID id = map.addEntryListener(new Listener(), true);
        removals.add(() -> map.removeEntryListener(id));
    }

    /** Map name (tasks, checkpoints, results) → puts and bytes so far. */
    public Map<String, Count> counts() {
        Map<String, Count> out = new LinkedHashMap<>();
        counts.forEach((k, c) -> out.put(k, new Count(c[0].get(), c[1].get())));
        return out;
    }

    @Override public void close() {
        for (Runnable r : removals) {
            try {
                r.run();
            } catch (RuntimeException e) {
                // the member is shutting down: nothing left to remove
            }
        }
    }
}
