package de.smartcitylod.store;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** The in-memory copy of a small release holds what the store holds; a large store is served as it is. */
class MemoryMirrorTest {
    private static Node u(String s) { return NodeFactory.createURI("https://example.org/" + s); }

    private static DatasetGraph store() {
        DatasetGraph ds = DatasetGraphFactory.createTxnMem();
        Txn.executeWrite(ds, () -> {
            ds.add(u("g1"), u("a"), u("p"), NodeFactory.createLiteralLang("eins", "de"));
            ds.add(u("g1"), u("a"), u("q"), u("b"));
            ds.add(u("g2"), u("a"), u("q"), u("b"));            // the same triple in two graphs: once in the union
            ds.add(u("g2"), u("b"), u("p"), NodeFactory.createLiteralString("zwei"));
        });
        return ds;
    }

    @Test void theCopyHasTheNamedGraphsAndTheirUnionAsDefaultGraph() {
        DatasetGraph stored = store();
        DatasetGraph copy = MemoryMirror.of(stored, 10);
        assertNotSame(stored, copy);
        Set<Quad> expected = new HashSet<>(), actual = new HashSet<>();
        Txn.executeRead(stored, () -> stored.find().forEachRemaining(expected::add));
        Txn.executeRead(copy, () -> copy.find().forEachRemaining(actual::add));
        assertEquals(expected, actual, "the dataset's quads are the named graphs', quad for quad (the union is not listed again)");
        Txn.executeRead(copy, () -> {
            assertEquals(expected.size(), copy.stream().count());
            assertEquals(2, Iter.count(copy.find(Node.ANY, u("a"), u("q"), Node.ANY)), "a triple in two graphs: two quads");
            assertEquals(1, Iter.count(copy.find(Quad.defaultGraphIRI, u("a"), u("q"), Node.ANY)), "and once in the default graph");
        });
        Txn.executeRead(copy, () -> {
            assertEquals(3, copy.getDefaultGraph().size(), "the default graph is the union: 3 distinct triples");
            assertSame(copy.getUnionGraph().getClass(), copy.getDefaultGraph().getClass());
            try (QueryExecution qe = QueryExecution.dataset(org.apache.jena.query.DatasetFactory.wrap(copy))
                    .query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g").build()) {
                List<String> rows = new java.util.ArrayList<>();
                qe.execSelect().forEachRemaining(r -> rows.add(r.getResource("g").getURI() + "=" + r.getLiteral("n").getInt()));
                assertEquals(List.of("https://example.org/g1=2", "https://example.org/g2=2"), rows);
            }
        });
    }

    @Test void aStoreAboveTheBoundIsServedAsItIs() {
        DatasetGraph stored = store();
        assertSame(stored, MemoryMirror.of(stored, 3), "4 quads are more than 3");
        assertSame(stored, MemoryMirror.of(stored, 0), "0 turns the copy off");
    }
}
