package de.smartcitylod.publish;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.TextDirection;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A dump line is the N-Quads line Jena's own node formatting gives (release ids are the SHA-256 of
 * the dump, so a byte that changed would change every release id), and parses back to the same quad.
 */
class DumpLineTest {
    static final Node G = NodeFactory.createURI("https://w3id.org/smartcity-de/graph/index");
    static final Node S = NodeFactory.createURI("https://w3id.org/smartcity-de/id/city/06411000");
    static final Node P = NodeFactory.createURI("http://www.w3.org/2000/01/rdf-schema#label");

    static String jena(Quad q) {
        return NodeFmtLib.strNT(q.getSubject()) + " " + NodeFmtLib.strNT(q.getPredicate()) + " " + NodeFmtLib.strNT(q.getObject()) + " "
                + (q.isDefaultGraph() ? "" : NodeFmtLib.strNT(q.getGraph()) + " ") + ".\n";
    }

    @Test void sameLineAsJenasFormattingAndParsesBack() {
        List<Node> objects = List.of(
                NodeFactory.createLiteralString("Darmstadt \"Wissenschaftsstadt\" \\ \n\r\t <&> ümlaut ✓ 😀"),
                NodeFactory.createLiteralLang("Mönchengladbach", "de"),
                NodeFactory.createLiteralDirLang("مدينة", "ar", TextDirection.RTL),
                NodeFactory.createLiteralDT("66.5", XSDDatatype.XSDdecimal),
                NodeFactory.createLiteralDT("2019", XSDDatatype.XSDgYear),
                NodeFactory.createURI("https://example.org/a%20b#x"),
                NodeFactory.createBlankNode("b0"));
        for (Node o : objects) {
            for (Quad q : List.of(Quad.create(G, S, P, o), Quad.create(Quad.defaultGraphIRI, S, P, o))) {
                String line = DumpWriter.nquad(q);
                assertEquals(jena(q), line, "line for " + o);
                if (o.isBlank()) continue;   // a blank node parses back as a new one
                DatasetGraph back = DatasetGraphFactory.create();
                RDFParser.fromString(line, Lang.NQUADS).parse(back);
                assertTrue(back.contains(q), line);
            }
        }
    }
}
