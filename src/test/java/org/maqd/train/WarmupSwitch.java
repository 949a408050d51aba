package org.maqd.train;

/** Runs test code with the JIT warm-up ({@code -Dmaqd.warmup}) switched on or off, then restores the property. */
public final class WarmupSwitch {
    private WarmupSwitch() {}

    public static void with(boolean on, Runnable r) {
        String before = System.getProperty("maqd.warmup");
        System.setProperty("maqd.warmup", Boolean.toString(on));
        try {
            r.run();
        } finally {
            if (before == null) System.clearProperty("maqd.warmup");
            else System.setProperty("maqd.warmup", before);
        }
    }
}
