package de.smartcitylod.store;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.text.DatasetGraphText;
import org.apache.jena.query.text.TextDatasetFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Iterator;

/**
 * A read-only copy in memory of a small release's store, served instead of TDB2: the same named
 * graphs, their union as the default graph (as the store's {@code unionDefaultGraph}), and the
 * store's own Lucene text index. A release never changes once published, so the copy is exact. On
 * the curated data (about 27,600 quads) TDB2's B+trees and node table were most of a query's time:
 * example query 01 ran in 55 ms from the store and 21 ms from in-memory graphs (in process, mean of
 * 40). Larger stores are served from TDB2 as before. Jena's in-memory graphs are not safe against
 * concurrent writes; the copy is never written after it is made (every endpoint is read-only), and
 * reads in parallel only look up its hash maps.
 */
public final class MemoryMirror {
    private static final Logger LOG = LoggerFactory.getLogger(MemoryMirror.class);
    /** Quads up to which a release is served from memory (system property {@code smartcity.memoryQuads}; 0 turns it off): each kept release has its own copy (the curated 27,600 quads: about 7.5 MB of heap). */
    public static final long DEFAULT_MAX_QUADS = 250_000;

    private MemoryMirror() {}

    public static long maxQuads() { return Long.getLong("smartcity.memoryQuads", DEFAULT_MAX_QUADS); }

    /**
     * The copy of {@code stored} (read in one read transaction), or {@code stored} itself when it
     * holds more than {@code maxQuads} quads.
     */
    public static DatasetGraph of(DatasetGraph stored, long maxQuads) {
        if (maxQuads <= 0) return stored;
        long t0 = System.nanoTime();
        DatasetGraph copy = Txn.calculateRead(stored, () -> copy(stored, maxQuads));
        if (copy == null) return stored;
        if (stored instanceof DatasetGraphText text)
            // the store's own index: closed with the store, never by the copy
            copy = TextDatasetFactory.create(copy, text.getTextIndex(), false);
        LOG.info("serving the release from memory ({} ms to copy)", (System.nanoTime() - t0) / 1_000_000);
        return copy;
    }

    /** The named graphs read once from the store (null past {@code maxQuads}); their union made from the copies. */
    private static DatasetGraph copy(DatasetGraph stored, long maxQuads) {
        Graph union = GraphFactory.createDefaultGraph();
        DatasetGraph named = DatasetGraphFactory.createGeneral(union);
        long n = 0;
        Iterator<Node> graphs = stored.listGraphNodes();
        try {
            while (graphs.hasNext()) {
                Node g = graphs.next();
                Graph c = GraphFactory.createDefaultGraph();
                Iterator<Triple> it = stored.getGraph(g).find();
                try {
                    while (it.hasNext()) {
                        if (++n > maxQuads) return null;
                        c.add(it.next());
                    }
                } finally {
                    Iter.close(it);
                }
                named.addGraph(g, c);
                c.find().forEachRemaining(union::add);
            }
        } finally {
            Iter.close(graphs);
        }
        named.prefixes().putAll(stored.prefixes());
        // The default graph is the union already: asked for the union, give it (not a view over the
        // named graphs). As in the store, the dataset's quads are those of the named graphs: the
        // default graph's copy is not listed again (a whole-dataset read would hold each triple twice).
        return new DatasetGraphWrapper(named) {
            @Override public Graph getUnionGraph() { return getDefaultGraph(); }
            @Override public Iterator<Quad> find() { return findNG(Node.ANY, Node.ANY, Node.ANY, Node.ANY); }
            @Override public Iterator<Quad> find(Quad q) { return find(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject()); }
            @Override public Iterator<Quad> find(Node g, Node s, Node p, Node o) {
                return g == null || g == Node.ANY ? findNG(Node.ANY, s, p, o) : super.find(g, s, p, o);
            }
            @Override public java.util.stream.Stream<Quad> stream(Node g, Node s, Node p, Node o) { return Iter.asStream(find(g, s, p, o)); }
        };
    }
}
