package de.smartcitylod.publish;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdfpatch.RDFChanges;
import org.apache.jena.rdfpatch.RDFPatchOps;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;

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
     * Both dumps are sorted, so one merge pass finds the differences in bounded memory.
     */
    public static long write(Path previousDumps, Path nextDump, Release previous, Release next, Path file) throws IOException {
        Path before = previousDumps == null ? null : previousDumps.resolve(DumpWriter.ALL);
        if (before != null && !Files.exists(before)) before = null;
        Path deletes = Files.createTempFile(file.getParent(), "deletes", ".nq"), adds = Files.createTempFile(file.getParent(), "adds", ".nq");
        try {
            long n = 0;
            try (BufferedReader a = before == null ? new BufferedReader(Reader.nullReader()) : lines(before);
                 BufferedReader b = lines(nextDump);
                 Writer del = Files.newBufferedWriter(deletes, StandardCharsets.UTF_8);
                 Writer add = Files.newBufferedWriter(adds, StandardCharsets.UTF_8)) {
                String x = a.readLine(), y = b.readLine();
                while (x != null || y != null) {
                    int c = x == null ? 1 : y == null ? -1 : x.compareTo(y);
                    if (c < 0) { del.write(x); del.write('\n'); x = a.readLine(); n++; }
                    else if (c > 0) { add.write(y); add.write('\n'); y = b.readLine(); n++; }
                    else { x = a.readLine(); y = b.readLine(); }
                }
            }
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
                RDFChanges changes = RDFPatchOps.textWriter(out);
                changes.start();
                changes.header("id", NodeFactory.createURI("urn:smartcity-lod:release:" + next.version()));
                if (previous != null) changes.header("prev", NodeFactory.createURI("urn:smartcity-lod:release:" + previous.version()));
                changes.txnBegin();
                replay(deletes, q -> changes.delete(g(q), q.getSubject(), q.getPredicate(), q.getObject()));
                replay(adds, q -> changes.add(g(q), q.getSubject(), q.getPredicate(), q.getObject()));
                changes.txnCommit();
                changes.finish();
            }
            return n;
        } finally {
            Files.deleteIfExists(deletes);
            Files.deleteIfExists(adds);
        }
    }

    private static BufferedReader lines(Path gz) throws IOException {
        return new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(gz), 1 << 16), StandardCharsets.UTF_8), 1 << 16);
    }

    /** Streams the quads of an N-Quads file, in file order, to {@code action}. */
    private static void replay(Path nq, java.util.function.Consumer<Quad> action) {
        RDFParser.source(nq).lang(Lang.NQUADS).parse(new StreamRDFBase() {
            @Override public void quad(Quad q) { action.accept(q); }
        });
    }

    private static Node g(Quad q) { return q.isDefaultGraph() ? null : q.getGraph(); }

    /** Applies a patch file to a dataset (used by tests and by harvesters following the README). */
    public static void apply(DatasetGraph target, Path patch) throws IOException {
        try (InputStream in = Files.newInputStream(patch)) {
            RDFPatchOps.applyChange(target, RDFPatchOps.read(in));
        }
    }
}
