package de.smartcitylod.concurrent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Steps run side by side on a thread pool (the build's checks, the SHACL shapes): a step's result
 * comes out with its own exception, and a pool is ended by letting its running steps finish, never
 * by interrupting them: an interrupt inside TDB2 or Lucene closes their file channels under them,
 * and the store could then not be closed cleanly.
 */
public final class SideBySide {
    private SideBySide() {}

    /** The step's result; its own exception unwrapped (an IOException as UncheckedIOException). */
    public static <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            if (e.getCause() instanceof IOException io) throw new UncheckedIOException(io);
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Shuts the pool down and waits until its running steps have ended by themselves, calling
     * {@code whileWaiting} every 10 s. An interrupt meanwhile does not stop the wait: it is kept for
     * the caller.
     */
    public static void end(ExecutorService pool, Runnable whileWaiting) {
        pool.shutdown();
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(10, TimeUnit.SECONDS)) break;
                whileWaiting.run();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }
}
