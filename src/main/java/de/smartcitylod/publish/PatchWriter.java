package de.smartcitylod.publish;

import org.apache.jena.rdfpatch.RDFPatchOps;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;

import java.io.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Release diffs: an RDF Patch (jena-rdfpatch) that turns the previous release's dataset into the
 * new one, so a harvester can update incrementally. The first release's patch starts from the
 * empty dataset.
 */
public final class PatchWriter {
    private PatchWriter() {}

    /** Reads a release's whole-dataset dump, or returns an empty dataset when there is none. */
    public static DatasetGraph readDump(Path dumpsDir) throws IOException {
        DatasetGraph ds = DatasetGraphFactory.create();
        if (dumpsDir == null) return ds;
        Path f = dumpsDir.resolve(DumpWriter.ALL);
        if (!Files.exists(f)) return ds;
        DumpWriter.read(f, StreamRDFLib.dataset(ds));
        return ds;
    }

    /**
     * Writes the patch from the release whose dumps are in {@code previousDumps} (null: the empty
     * dataset) to the sorted dump {@code nextDump}: deletions, then additions, each in N-Quads order.
     * Both dumps are sorted, so one merge pass finds the differences in bounded memory. A patch line
     * is the N-Quads line behind {@code A } or {@code D }: N-Quads terms are RDF Patch terms, so the
     * lines are copied, not parsed and written again (9.1M quads for a first release of the 1M-row
     * benchmark).
     */
    public static long write(Path previousDumps, Path nextDump, Release previous, Release next, Path file) throws IOException {
        Path before = previousDumps == null ? null : previousDumps.resolve(DumpWriter.ALL);
        if (before != null && !Files.exists(before)) before = null;
        Path adds = Files.createTempFile(file.getParent(), "adds", ".rdfp");
        try {
            long n = 0;
            try (OutputStream bytes = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
                 Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
                out.write("H id <urn:smartcity-lod:release:" + next.version() + "> .\n");
                if (previous != null) out.write("H prev <urn:smartcity-lod:release:" + previous.version() + "> .\n");
                out.write("TX .\n");
                try (BufferedReader a = before == null ? new BufferedReader(Reader.nullReader()) : lines(before);
                     BufferedReader b = lines(nextDump);
                     Writer add = Files.newBufferedWriter(adds, StandardCharsets.UTF_8)) {
                    String x = a.readLine(), y = b.readLine();
                    while (x != null || y != null) {
                        int c = x == null ? 1 : y == null ? -1 : x.compareTo(y);
                        if (c < 0) { out.write("D "); out.write(x); out.write('\n'); x = a.readLine(); n++; }
                        else if (c > 0) { add.write("A "); add.write(y); add.write('\n'); y = b.readLine(); n++; }
                        else { x = a.readLine(); y = b.readLine(); }
                    }
                }
                // the additions follow the deletions, copied as bytes (both UTF-8)
                out.flush();
                Files.copy(adds, bytes);
                out.write("TC .\n");
            }
            return n;
        } finally {
            Files.deleteIfExists(adds);
        }
    }

    private static BufferedReader lines(Path gz) throws IOException {
        return new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(gz), 1 << 16), StandardCharsets.UTF_8), 1 << 16);
    }

    /** Applies a patch file to a dataset (used by tests and by harvesters following the README). */
    public static void apply(DatasetGraph target, Path patch) throws IOException {
        try (InputStream in = Files.newInputStream(patch)) {
            RDFPatchOps.applyChange(target, RDFPatchOps.read(in));
        }
    }
}
