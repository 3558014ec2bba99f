package de.smartcitylod.validate;

import de.smartcitylod.build.BuildJob;
import de.smartcitylod.support.Fixtures;
import de.smartcitylod.vocab.SC;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.*;

import static org.junit.jupiter.api.Assertions.*;

/** The build validates SHACL in parts by target class: together the parts find exactly what the whole shapes find. */
class ShaclSplitTest {
    @TempDir Path dir;

    @Test void thePartsFindWhatTheWholeFinds() {
        var c = new BuildJob(Fixtures.options(dir, Fixtures.dataDir(dir, null))).convertAndValidate();
        Graph data = c.dataset().getUnionGraph();
        // break three kinds of node: an observation's score, a source's title, a municipality's key
        Quad score = c.dataset().find(Node.ANY, Node.ANY, SC.score, Node.ANY).next();
        c.dataset().delete(score);
        c.dataset().add(score.getGraph(), score.getSubject(), SC.score, NodeFactory.createLiteralDT("150", org.apache.jena.datatypes.xsd.XSDDatatype.XSDdecimal));
        Node source = c.dataset().find(Node.ANY, Node.ANY, RDF.type.asNode(), SC.Source).next().getSubject();
        Iter.toList(c.dataset().find(Node.ANY, source, DCTerms.title.asNode(), Node.ANY)).forEach(c.dataset()::delete);
        Quad key = Iter.toList(c.dataset().find(Node.ANY, Node.ANY, DCTerms.identifier.asNode(), Node.ANY)).stream()
                .filter(q -> c.dataset().contains(Node.ANY, q.getSubject(), RDF.type.asNode(), SC.Municipality)).findFirst().orElseThrow();
        c.dataset().add(key.getGraph(), key.getSubject(), DCTerms.identifier.asNode(), NodeFactory.createLiteralString("12345"));

        ShaclValidation whole = new ShaclValidation(Path.of("ontology/shapes.ttl"));
        List<String> expected = whole.validate(data, Map.of()).stream().map(Object::toString).sorted().toList();
        assertTrue(expected.size() >= 3, "the broken nodes are found: " + expected);

        List<ShaclValidation> parts = whole.split(2, cls -> Iter.count(data.find(Node.ANY, RDF.type.asNode(), cls)));
        assertEquals(2, parts.size());
        List<String> found = new ArrayList<>();
        for (ShaclValidation p : parts) {
            List<String> v = p.validate(data, Map.of()).stream().map(Object::toString).toList();
            found.addAll(v);
        }
        found.sort(null);
        assertEquals(expected, found, "no violation lost or doubled by the split");
    }
}
