package org.maqd.ui;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Waiting in UI tests for what another thread publishes; the limit only turns a hang into a failure. */
public final class Await {
    private static final long LIMIT_SECONDS = 120;

    private Await() {}

    /** Polls {@code c} until it holds; fails naming {@code what} after {@value #LIMIT_SECONDS} s. */
    public static void until(String what, BooleanSupplier c) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(LIMIT_SECONDS);
        while (!c.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("timed out waiting for " + what);
            Thread.sleep(10);
        }
    }
}
