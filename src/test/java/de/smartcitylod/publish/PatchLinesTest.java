package de.smartcitylod.publish;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The patch is written from the dumps' N-Quads lines without parsing them: Jena's RDF Patch reader
 * must read every kind of term the dumps hold (escapes, language tags, datatypes, non-ASCII text,
 * the default graph) as the N-Quads parser reads it.
 */
class PatchLinesTest {
    @TempDir Path dir;

    private static final String G = "<https://example.org/graph/a>";
    private static final List<String> BEFORE = List.of(
            "<https://example.org/s> <https://example.org/p> \"Stabsstelle \\\"Digitalisierung\\\"\\nzweite Zeile\"@de " + G + " .",
            "<https://example.org/s> <https://example.org/score> \"68.6\"^^<http://www.w3.org/2001/XMLSchema#decimal> " + G + " .",
            "<https://example.org/s> <https://example.org/unchanged> \"Zwönitz\" .");
    private static final List<String> AFTER = List.of(
            "<https://example.org/s> <https://example.org/label> \"Tab\\tund \\\\ Backslash, \\u0007\"@de-DE " + G + " .",
            "<https://example.org/s> <https://example.org/score> \"70.1\"^^<http://www.w3.org/2001/XMLSchema#decimal> " + G + " .",
            "<https://example.org/s> <https://example.org/unchanged> \"Zwönitz\" .",
            "<https://example.org/t> <https://example.org/year> \"2019\"^^<http://www.w3.org/2001/XMLSchema#gYear> " + G + " .");

    @Test void patchOfCopiedLinesTurnsTheOldDumpIntoTheNewOne() throws Exception {
        Path old = release("old", BEFORE), now = release("new", AFTER);
        Release r1 = Release.of("a".repeat(64), "2025", "https://example.org/", null, BEFORE.size());
        Release r2 = Release.of("b".repeat(64), "2025", "https://example.org/", r1, AFTER.size());
        Path patch = dir.resolve("p.rdfp");
        long changes = patch(old, now.resolve(DumpWriter.ALL), r1, r2, patch);
        assertEquals(5, changes, "2 deletions and 3 additions; the unchanged triple is in neither");

        DatasetGraph target = PatchWriter.readDump(old);
        PatchWriter.apply(target, patch);
        assertTrue(IsoMatcher.isomorphic(PatchWriter.readDump(now), target), "old dump + patch = new dump");

        List<String> lines = Files.readAllLines(patch, StandardCharsets.UTF_8);
        assertEquals("H id <urn:smartcity-lod:release:" + r2.version() + "> .", lines.get(0));
        assertEquals("H prev <urn:smartcity-lod:release:" + r1.version() + "> .", lines.get(1));
        assertEquals("TX .", lines.get(2));
        assertEquals("TC .", lines.get(lines.size() - 1));
        assertTrue(lines.get(3).startsWith("A ") && lines.get(5).startsWith("A ") && lines.get(6).startsWith("D "), "additions, then deletions");

        // the first release's patch starts from the empty dataset
        long all = patch(null, now.resolve(DumpWriter.ALL), null, r2, patch);
        assertEquals(AFTER.size(), all);
        DatasetGraph fromEmpty = PatchWriter.readDump(null);
        PatchWriter.apply(fromEmpty, patch);
        assertTrue(IsoMatcher.isomorphic(PatchWriter.readDump(now), fromEmpty));
    }

    @Test void aLineReadBackComparesAsTheSortedDumpOrdersLinesWithTheirNewlines() {
        List<String> lines = new java.util.ArrayList<>(List.of("abc\n", "abc d\n", "ab\u0001\n", "abd\n", "ab\n"));
        lines.sort(null);
        for (String x : lines)
            for (String y : lines) {
                int c = PatchWriter.Merge.compare(x.substring(0, x.length() - 1), y);
                assertEquals(Integer.signum(x.compareTo(y)), Integer.signum(c), x + " vs " + y);
            }
    }

    /** The patch from the release in {@code previousDumps} to the sorted dump {@code nextDump}, its lines fed to a merge as the build's dump pass feeds them. */
    private static long patch(Path previousDumps, Path nextDump, Release previous, Release next, Path file) throws Exception {
        try (PatchWriter.Merge merge = new PatchWriter.Merge(previousDumps, previous, file);
             java.io.BufferedReader b = new java.io.BufferedReader(new java.io.InputStreamReader(
                     new java.util.zip.GZIPInputStream(Files.newInputStream(nextDump)), StandardCharsets.UTF_8))) {
            for (String y = b.readLine(); y != null; y = b.readLine()) {
                String line = y + "\n";
                merge.line(line, line.getBytes(StandardCharsets.UTF_8));
            }
            return merge.finish(next);
        }
    }

    /** A dumps folder holding only the sorted whole-dataset dump. */
    private Path release(String name, List<String> lines) throws Exception {
        Path d = Files.createDirectories(dir.resolve(name));
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(d.resolve(DumpWriter.ALL)))) {
            for (String l : lines.stream().sorted().toList()) out.write((l + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return d;
    }
}
