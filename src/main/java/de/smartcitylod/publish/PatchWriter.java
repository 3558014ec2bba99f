package de.smartcitylod.publish;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdfpatch.RDFChanges;
import org.apache.jena.rdfpatch.RDFPatchOps;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;

import java.io.*;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
        try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
            RDFDataMgr.read(ds, in, Lang.NQUADS);
        }
        return ds;
    }

    /** Writes the patch from {@code before} to {@code after}: deletions, then additions, each in sorted order. */
    public static long write(DatasetGraph before, DatasetGraph after, Release previous, Release next, Path file) throws IOException {
        List<Quad> deletes = sorted(before, after), adds = sorted(after, before);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            RDFChanges changes = RDFPatchOps.textWriter(out);
            changes.start();
            changes.header("id", NodeFactory.createURI("urn:smartcity-lod:release:" + next.version()));
            if (previous != null) changes.header("prev", NodeFactory.createURI("urn:smartcity-lod:release:" + previous.version()));
            changes.txnBegin();
            for (Quad q : deletes) changes.delete(g(q), q.getSubject(), q.getPredicate(), q.getObject());
            for (Quad q : adds) changes.add(g(q), q.getSubject(), q.getPredicate(), q.getObject());
            changes.txnCommit();
            changes.finish();
        }
        return deletes.size() + adds.size();
    }

    /** Quads of {@code from} missing in {@code other}, in N-Quads order (each sort key computed once). */
    private static List<Quad> sorted(DatasetGraph from, DatasetGraph other) {
        record Keyed(String key, Quad quad) {}
        List<Keyed> out = new ArrayList<>();
        from.find().forEachRemaining(q -> { if (!other.contains(q)) out.add(new Keyed(DumpWriter.nquad(q), q)); });
        out.sort(Comparator.comparing(Keyed::key));
        return out.stream().map(Keyed::quad).toList();
    }

    private static Node g(Quad q) { return q.isDefaultGraph() ? null : q.getGraph(); }

    /** Applies a patch file to a dataset (used by tests and by harvesters following the README). */
    public static void apply(DatasetGraph target, Path patch) throws IOException {
        try (InputStream in = Files.newInputStream(patch)) {
            RDFPatchOps.applyChange(target, RDFPatchOps.read(in));
        }
    }
}
