package org.maqd.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The writer's lock on a run or sweep folder: {@code run.lock}, locked by the operating system for as long as the
 * writing process holds it (a killed process releases it), naming the holder (process id, host, start time) for
 * the message a second writer gets. Closing deletes the file.
 */
public final class RunLock implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock of {@code dir} (created if needed) or throws {@link LockedException} naming the holder. */
    public static RunLock acquire(Path dir) {
        Path f = dir.resolve(RunFiles.LOCK);
        FileChannel ch = null;
        try {
            Files.createDirectories(dir);
            ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null;
            }
            if (l == null) {
                String holder = holder(f);
                ch.close();
                throw new LockedException(dir + ": another process is writing this folder (" + holder + "; "
                        + RunFiles.LOCK + "); wait for it to finish or stop it");
            }
            String me = "pid " + ProcessHandle.current().pid() + " on " + host() + " since "
                    + Instant.now().truncatedTo(ChronoUnit.SECONDS);
            ch.truncate(0);
            ch.write(ByteBuffer.wrap((me + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            ch.force(false);
            return new RunLock(f, ch, l);
        } catch (IOException e) {
            try {
                if (ch != null) ch.close();
            } catch (IOException ignored) {
                // reporting the first error
            }
            throw new java.io.UncheckedIOException("cannot lock " + f + ": " + e.getMessage(), e);
        }
    }

    /** True when a live process holds {@code dir}'s lock (tested by trying to take it). */
    public static boolean isHeld(Path dir) {
        if (!Files.exists(dir.resolve(RunFiles.LOCK))) return false;
        try (RunLock ignored = acquire(dir)) {
            return false;
        } catch (LockedException e) {
            return true;
        }
    }

    private static String holder(Path f) {
        try {
            String s = Files.readString(f).trim();
            return s.isEmpty() ? "holder unknown" : s;
        } catch (IOException e) {
            return "holder unknown";
        }
    }

    private static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "this host";
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot release " + file + ": " + e.getMessage(), e);
        }
    }

    /** The folder is locked by another writer (bad input: exit 2). */
    public static final class LockedException extends RuntimeException {
        public LockedException(String message) { super(message); }
    }
}
