package de.smartcitylod.serve;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command with the served release's id appended whenever that release changes, and once at
 * start ({@code serve --on-release}): deploy/nginx-release tells nginx the current release so that
 * it answers revalidations itself. Runs one at a time, in order, off the switching thread; a failed
 * run is logged and changes nothing here.
 */
final class ReleaseHook implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReleaseHook.class);
    private final List<String> command;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "release-hook");
        t.setDaemon(true);
        return t;
    });

    private final long limitSeconds;

    /** @param command the program and its arguments, separated by spaces (no shell) */
    ReleaseHook(String command) { this(command, 60); }

    /** @param limitSeconds how long a run may take before it is killed */
    ReleaseHook(String command, long limitSeconds) {
        this.command = List.of(command.trim().split("\\s+"));
        this.limitSeconds = limitSeconds;
    }

    /** The release now served. */
    void served(String id) {
        runner.execute(() -> {
            List<String> cmd = new ArrayList<>(command);
            cmd.add(id);
            Path output = null;
            try {
                // its output goes to a file, read once it ended: reading a pipe would wait for a hung
                // command to end, past the time limit (and hold up every later release)
                output = Files.createTempFile("release-hook", ".log");
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(output.toFile()).start();
                if (!p.waitFor(limitSeconds, TimeUnit.SECONDS)) { p.destroyForcibly(); LOG.warn("release hook {} did not end within {} s", cmd, limitSeconds); return; }
                String out = Files.readString(output).trim();
                if (p.exitValue() != 0) LOG.warn("release hook {} failed with exit code {}: {}", cmd, p.exitValue(), out);
                else LOG.info("release hook {} done{}", cmd, out.isEmpty() ? "" : ": " + out);
            } catch (Exception e) {
                LOG.warn("release hook {} could not run: {}", cmd, e.toString());
            } finally {
                if (output != null) try { Files.deleteIfExists(output); } catch (java.io.IOException e) { /* a temporary file */ }
            }
        });
    }

    @Override public void close() { runner.shutdown(); }
}
