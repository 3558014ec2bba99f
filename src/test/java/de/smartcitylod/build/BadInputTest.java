package de.smartcitylod.build;

import de.smartcitylod.read.DataException;
import de.smartcitylod.store.Generations;
import de.smartcitylod.support.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every kind of bad input in src/test/resources/fixtures/bad gives its clear error (file, line,
 * column, what is wrong) and leaves the store and dumps of the previous good build as they were.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {
    @TempDir static Path dir;
    BuildOptions good;
    Path storeBefore, dumpsBefore;
    List<String> storeFilesBefore;

    @BeforeAll
    void buildGoodStore() throws IOException {
        good = Fixtures.options(dir, Fixtures.dataDir(dir.resolve("good"), null));
        new BuildJob(good).run();
        storeBefore = new Generations(good.store()).current();
        dumpsBefore = new Generations(good.dumps()).current();
        storeFilesBefore = listing(storeBefore);
    }

    static Stream<Path> cases() throws IOException {
        return Files.list(Fixtures.ROOT.resolve("bad")).filter(Files::isDirectory).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void clearErrorAndStoreUnchanged(Path badCase) throws IOException {
        String expected = Files.readString(badCase.resolve("expected-error.txt")).strip();
        Path data = Fixtures.dataDir(dir.resolve("case-" + badCase.getFileName()), badCase);
        DataException e = assertThrows(DataException.class, () -> new BuildJob(Fixtures.options(dir, data)).run());
        assertTrue(e.getMessage().contains(expected),
                () -> "expected an error containing\n  " + expected + "\nbut got\n  " + e.getMessage());
        assertTrue(e.errors().stream().allMatch(err -> err.file().endsWith(".csv") || err.file().contains("data")),
                "every error names its file");
        assertEquals(storeBefore, new Generations(good.store()).current(), "store link must not move");
        assertEquals(dumpsBefore, new Generations(good.dumps()).current(), "dumps link must not move");
        assertEquals(storeFilesBefore, listing(storeBefore), "store contents must be unchanged");
        try (Stream<Path> s = Files.list(good.store().resolveSibling("tdb2.builds"))) {
            assertEquals(1, s.count(), "no half-built generation is left behind");
        }
    }

    private static List<String> listing(Path p) throws IOException {
        try (Stream<Path> s = Files.walk(p)) {
            return s.filter(Files::isRegularFile).map(f -> p.relativize(f) + ":" + f.toFile().length()).sorted().toList();
        }
    }
}
