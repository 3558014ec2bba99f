package de.smartcitylod.support;

import de.smartcitylod.build.BuildOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.*;
import java.util.stream.Stream;

/** Test data: the synthetic fixtures under src/test/resources/fixtures, copied to a temporary folder. */
public final class Fixtures {
    public static final Path ROOT = Path.of("src/test/resources/fixtures");
    public static final Path BASE = ROOT.resolve("base");

    private Fixtures() {}

    /** Copies the base fixture into {@code dir}/data, then overlays the files of {@code overlay} (may be null). */
    public static Path dataDir(Path dir, Path overlay) {
        Path data = dir.resolve("data");
        copyCsv(BASE, data);
        if (overlay != null) copyCsv(overlay, data);
        return data;
    }

    /** Copies the CSV files of a fixture folder over a data folder. */
    public static void overlay(Path fixture, Path data) { copyCsv(fixture, data); }

    private static void copyCsv(Path from, Path to) {
        try (Stream<Path> s = Files.list(from)) {
            Files.createDirectories(to);
            for (Path p : s.filter(p -> p.toString().endsWith(".csv")).toList())
                Files.copy(p, to.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) { throw new UncheckedIOException(e); }
    }

    /** Build options on a temporary folder, with the repository's ontology and Fuseki config. */
    public static BuildOptions options(Path dir, Path data) {
        return BuildOptions.defaults().withData(data).withStore(dir.resolve("run/tdb2")).withDumps(dir.resolve("run/dumps"));
    }
}
