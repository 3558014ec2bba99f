package de.smartcitylod.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One build at a time per output folder: an OS file lock on {@code .build.lock}. The kernel drops
 * it when the process dies, even by kill -9, so a killed build never blocks the next one. A second
 * build fails at once with a clear message rather than waiting an unknown time.
 */
final class BuildLock implements AutoCloseable {
    static final String FILE = ".build.lock";

    /** Another build holds the lock. */
    static final class BuildRunningException extends RuntimeException {
        BuildRunningException(String message) { super(message); }
    }

    private final FileChannel channel;
    private final FileLock lock;

    private BuildLock(FileChannel channel, FileLock lock) { this.channel = channel; this.lock = lock; }

    static BuildLock acquire(Path outputDir) {
        try {
            Files.createDirectories(outputDir);
            Path file = outputDir.resolve(FILE);
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null;                                         // held by another build in this JVM
            }
            if (l == null) {
                String holder = Files.readString(file, StandardCharsets.US_ASCII).strip();
                ch.close();
                throw new BuildRunningException("another build is running on " + outputDir + (holder.isEmpty() ? "" : " (process " + holder + ")")
                        + "; nothing was changed. Run this build again when that one has finished.");
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)), 0);
            return new BuildLock(ch, l);
        } catch (IOException e) { throw new UncheckedIOException(e); }
    }

    @Override public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) { throw new UncheckedIOException(e); }
    }
}
