package de.smartcitylod.validate;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphWrapper;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * When one shape's task fails on a TDB2 store, its own error comes out, and only after the other
 * shapes' tasks have ended: none still holds a read transaction when the build goes on to close the
 * store.
 */
class ShapeFailureTest {
    static final String EX = "https://example.org/";

    // Shapes are validated in IRI order: the failing one comes first, so its error is met while the
    // big one still runs.
    @Test void aFailingShapeEndsTheOthersAndKeepsItsError(@TempDir Path dir) throws Exception {
        Path shapes = dir.resolve("shapes.ttl");
        Files.writeString(shapes, """
                PREFIX sh: <http://www.w3.org/ns/shacl#>
                PREFIX ex: <https://example.org/>
                ex:Big a sh:NodeShape ; sh:targetClass ex:A ; sh:property [ sh:path ex:p ; sh:minCount 1 ] .
                ex:AFailing a sh:NodeShape ; sh:targetClass ex:B ; sh:property [ sh:path ex:q ; sh:minCount 1 ] .
                """);
        DatasetGraph store = DatabaseMgr.createDatasetGraph();
        Node g = NodeFactory.createURI(EX + "graph"), a = NodeFactory.createURI(EX + "A"), p = NodeFactory.createURI(EX + "p");
        Node broken = NodeFactory.createURI(EX + "b1");
        Txn.executeWrite(store, () -> {
            for (int i = 0; i < 50_000; i++) {
                Node s = NodeFactory.createURI(EX + "a" + i);
                store.add(Quad.create(g, s, RDF.type.asNode(), a));
                store.add(Quad.create(g, s, p, NodeFactory.createLiteralString("x")));
            }
            store.add(Quad.create(g, broken, RDF.type.asNode(), NodeFactory.createURI(EX + "B")));
        });
        Graph failing = new GraphWrapper(store.getUnionGraph()) {
            @Override public ExtendedIterator<Triple> find(Node s, Node pr, Node o) {
                if (broken.equals(s)) throw new IllegalStateException("simulated store failure");
                return super.find(s, pr, o);
            }
            @Override public ExtendedIterator<Triple> find(Triple t) { return find(t.getSubject(), t.getPredicate(), t.getObject()); }
        };

        var e = assertThrows(IllegalStateException.class, () -> new ShaclValidation(shapes).validate(failing, store, Map.of()));
        assertEquals("simulated store failure", e.getMessage());
        assertEquals(0, TDBInternal.getTransactionCoordinator(store).countActive(), "a shape's read transaction is still open");
        // and the store is whole: the same validation without the failure passes
        assertEquals(0, new ShaclValidation(shapes).validate(store.getUnionGraph(), store, Map.of()).stream()
                .filter(v -> !v.focusNode().equals("<" + EX + "b1>")).count());
    }
}
