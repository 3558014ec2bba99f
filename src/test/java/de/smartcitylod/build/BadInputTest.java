package de.smartcitylod.build;

import de.smartcitylod.read.DataException;
import de.smartcitylod.store.Generations;
import de.smartcitylod.support.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import de.smartcitylod.read.ReadLimits;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The bad-input corpus: every kind of bad input (the fixtures in src/test/resources/fixtures/bad,
 * and hostile files made here: pipes, links, files that never end, limits exceeded) gives its clear
 * error (file, line, column, what is wrong) within seconds and leaves the store and dumps of the
 * previous good build as they were.
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

    /** One kind of bad input: how to spoil a copy of the good data, what the error must say, with which limits. */
    record Case(String name, Spoiler spoil, String expected, ReadLimits limits) {
        @Override public String toString() { return name; }
    }

    interface Spoiler { void apply(Path data) throws IOException; }

    /** The fixture folders under fixtures/bad, and the cases no file in git can hold (pipes, links, huge files). */
    static Stream<Case> cases() throws IOException {
        List<Case> all = new ArrayList<>();
        try (Stream<Path> s = Files.list(Fixtures.ROOT.resolve("bad"))) {
            for (Path badCase : s.filter(Files::isDirectory).sorted().toList())
                all.add(new Case(badCase.getFileName().toString(), data -> Fixtures.overlay(badCase, data),
                        Files.readString(badCase.resolve("expected-error.txt")).strip(), ReadLimits.DEFAULTS));
        }
        all.add(new Case("fifo", data -> {
            Files.delete(data.resolve("projects.csv"));
            assertEquals(0, runProcess("mkfifo", data.resolve("projects.csv").toString()));
        }, "projects.csv: is not a regular file (a pipe, device or socket)", ReadLimits.DEFAULTS));
        all.add(new Case("link-to-dev-zero", data -> {
            Files.delete(data.resolve("projects.csv"));
            Files.createSymbolicLink(data.resolve("projects.csv"), Path.of("/dev/zero"));
        }, "projects.csv: is a symbolic link to /dev/zero, outside the data folder", ReadLimits.DEFAULTS));
        all.add(new Case("link-outside-data-folder", data -> {
            Path outside = data.resolveSibling("elsewhere.csv");
            Files.move(data.resolve("groups.csv"), outside);
            Files.createSymbolicLink(data.resolve("groups.csv"), outside);
        }, "groups.csv: is a symbolic link to ", ReadLimits.DEFAULTS));
        all.add(new Case("folder-named-like-a-data-file", data -> {
            Files.delete(data.resolve("groups.csv"));
            Files.createDirectory(data.resolve("groups.csv"));
        }, "groups.csv: is a folder, not a data file", ReadLimits.DEFAULTS));
        all.add(new Case("sparse-3-gb-file", data -> {
            try (RandomAccessFile f = new RandomAccessFile(data.resolve("projects.csv").toFile(), "rw")) { f.setLength(3L << 30); }
        }, "projects.csv: file is 3221225472 bytes, larger than the limit of 1 GiB (--max-file-size)", ReadLimits.DEFAULTS));
        all.add(new Case("file-over-a-small-limit", data -> {}, "sources.csv: file is ", new ReadLimits(100, 1 << 20, 1 << 16)));
        all.add(new Case("line-without-end", data -> Files.writeString(data.resolve("sources.csv"),
                "id,title,publisher,url,date,licence,kind,language,note\n" + "x,".repeat(3 << 20)),
                "sources.csv:2:1048577: line is longer than the limit of 1048576 characters (--max-line-length)", ReadLimits.DEFAULTS));
        all.add(new Case("cell-over-the-limit-across-lines", data -> Files.writeString(data.resolve("sources.csv"),
                "id,title,publisher,url,date,licence,kind,language,note\nsrc-a,\"" + "Zeile\n".repeat(20_000) + "\",P,,2019,,news-article,de,\n"),
                "sources.csv:10924:5: value is longer than the limit of 65536 characters (--max-cell-length)", ReadLimits.DEFAULTS));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)   // a blocked read must fail, not hang CI
    void clearErrorAndStoreUnchanged(Case c) throws IOException {
        Path data = Fixtures.dataDir(dir.resolve("case-" + c.name()), null);
        c.spoil().apply(data);
        DataException e = assertThrows(DataException.class, () -> new BuildJob(Fixtures.options(dir, data).withLimits(c.limits())).run());
        assertTrue(e.getMessage().contains(c.expected()),
                () -> "expected an error containing\n  " + c.expected() + "\nbut got\n  " + e.getMessage());
        assertTrue(e.errors().stream().allMatch(err -> err.file().endsWith(".csv") || err.file().contains("data")),
                "every error names its file");
        assertFalse(e.getMessage().contains("Exception"), () -> "no exception text reaches the user: " + e.getMessage());
        assertEquals(storeBefore, new Generations(good.store()).current(), "store link must not move");
        assertEquals(dumpsBefore, new Generations(good.dumps()).current(), "dumps link must not move");
        assertEquals(storeFilesBefore, listing(storeBefore), "store contents must be unchanged");
        try (Stream<Path> s = Files.list(good.store().resolveSibling("tdb2.builds"))) {
            assertEquals(1, s.count(), "no half-built generation is left behind");
        }
    }

    private static int runProcess(String... cmd) throws IOException {
        try {
            return new ProcessBuilder(cmd).inheritIO().start().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static List<String> listing(Path p) throws IOException {
        try (Stream<Path> s = Files.walk(p)) {
            return s.filter(Files::isRegularFile).map(f -> p.relativize(f) + ":" + f.toFile().length()).sorted().toList();
        }
    }
}
