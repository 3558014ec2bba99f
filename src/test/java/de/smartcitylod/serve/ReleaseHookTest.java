package de.smartcitylod.serve;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** serve --on-release: the command gets the release ids in order, and one that hangs is killed at its time limit instead of holding up the next. */
class ReleaseHookTest {
    @Test void aHungRunIsKilledAtItsLimitAndTheNextReleaseIsStillPassedOn(@TempDir Path dir) throws Exception {
        Path seen = dir.resolve("seen"), script = dir.resolve("hook");
        Files.writeString(script, "#!/bin/sh\n[ \"$1\" = hung00000000 ] && exec sleep 120\necho \"$1\" >> " + seen + "\necho told \"$1\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        try (ReleaseHook hook = new ReleaseHook(script.toString(), 1)) {
            hook.served("aaaaaaaaaaaa");
            hook.served("hung00000000");
            hook.served("bbbbbbbbbbbb");
            long t0 = System.nanoTime();
            while ((!Files.exists(seen) || Files.readAllLines(seen).size() < 2) && System.nanoTime() - t0 < 20_000_000_000L) Thread.sleep(50);
            assertEquals(List.of("aaaaaaaaaaaa", "bbbbbbbbbbbb"), Files.readAllLines(seen));
            assertTrue(System.nanoTime() - t0 < 20_000_000_000L, "the hung run was killed after a second, not waited for");
        }
    }
}
