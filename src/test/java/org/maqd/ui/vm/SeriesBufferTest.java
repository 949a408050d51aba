package org.maqd.ui.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SeriesBufferTest {
    @Test
    void growsAndKeepsOrder() {
        SeriesBuffer b = new SeriesBuffer(2);
        for (int i = 0; i < 1000; i++) b.append(i, i * 2.0);
        SeriesBuffer.View v = b.view();
        assertEquals(1000, v.n());
        for (int i = 0; i < 1000; i++) {
            assertEquals(i, v.xs()[i]);
            assertEquals(2.0 * i, v.ys()[i]);
        }
        assertEquals(1998.0, v.lastY());
    }

    @Test
    void aReaderNeverSeesAnUnwrittenPointWhileTheWriterAppends() throws Exception {
        SeriesBuffer b = new SeriesBuffer(4);
        int total = 300_000;
        AtomicReference<String> problem = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            for (int i = 1; i <= total; i++) b.append(i, -i);
        });
        writer.start();
        int reads = 0;
        while (writer.isAlive() || reads == 0) {
            SeriesBuffer.View v = b.view();
            for (int i = 0; i < v.n(); i++) {
                if (v.xs()[i] != i + 1 || v.ys()[i] != -(i + 1)) {
                    problem.set("slot " + i + " of " + v.n() + " = " + v.xs()[i]);
                    break;
                }
            }
            reads++;
        }
        writer.join();
        assertEquals(null, problem.get());
        assertEquals(total, b.size());
        assertTrue(reads > 0);
    }

    @Test
    void eventLogSnapshotsArePrefixes() {
        EventLog<Integer> log = new EventLog<>();
        for (int i = 0; i < 200; i++) log.append(i);
        assertEquals(200, log.snapshot().size());
        assertEquals(199, log.last());
        assertEquals(57, log.snapshot().get(57));
    }
}
