package de.smartcitylod.publish;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Dump lines cut into subject groups and terms, awkward literals included. */
class SubjectGroupsTest {
    private static final Node S1 = NodeFactory.createURI("http://example.org/s1"), S2 = NodeFactory.createURI("http://example.org/s1x"),
            P = NodeFactory.createURI("http://example.org/p"), G = NodeFactory.createURI("http://example.org/g");

    @Test void linesAreCutIntoSubjectsPredicatesObjectsAndGraphs() {
        List<Node> objects = List.of(
                NodeFactory.createLiteralDT("a <b>", NodeFactory.getType(XSDDatatype.XSDstring.getURI())),
                NodeFactory.createLiteralLang("Köln \"am Rhein\"\n", "de"),
                NodeFactory.createURI("http://example.org/o"),
                NodeFactory.createLiteralDT("68.60", XSDDatatype.XSDdecimal),
                NodeFactory.createLiteralString("x <http://example.org/g>"));
        List<String> lines = new ArrayList<>();
        for (Node o : objects) {
            lines.add(DumpWriter.nquad(Quad.create(G, S1, P, o)));
            lines.add(DumpWriter.nquad(Quad.create(Quad.defaultGraphIRI, S1, P, o)));
            lines.add(DumpWriter.nquad(Quad.create(G, S2, P, o)));
        }
        lines.sort(null);
        List<String> got = new ArrayList<>();
        SubjectGroups groups = new SubjectGroups((s, ps, os, gs) -> {
            for (int i = 0; i < ps.size(); i++) got.add(s + "|" + ps.get(i) + "|" + os.get(i) + "|" + gs.get(i));
            got.add("end " + s);
        });
        lines.forEach(groups::line);
        groups.end();
        List<String> expected = new ArrayList<>();
        for (Node s : List.of(S1, S2)) {
            for (Node o : objects) {
                expected.add("<" + s.getURI() + ">|<" + P.getURI() + ">|" + term(o) + "|<" + G.getURI() + ">");
                if (s == S1) expected.add("<" + s.getURI() + ">|<" + P.getURI() + ">|" + term(o) + "|null");
            }
            expected.add("end <" + s.getURI() + ">");
        }
        // the same statements, grouped by subject, each subject once
        assertEquals(2, got.stream().filter(x -> x.startsWith("end ")).count(), got.toString());
        assertEquals(new java.util.TreeSet<>(expected), new java.util.TreeSet<>(got));
        assertEquals(expected.size(), got.size());
    }

    @Test void literalTermsGiveLexicalFormAndLanguage() {
        for (Node o : List.of(NodeFactory.createLiteralLang("Köln \"am Rhein\"\n\\", "de"), NodeFactory.createLiteralDT("68.60", XSDDatatype.XSDdecimal),
                NodeFactory.createLiteralString("x <http://example.org/g>"), NodeFactory.createLiteralString(""))) {
            String term = term(o);
            assertTrue(SubjectGroups.isLiteral(term), term);
            assertEquals(o.getLiteralLexicalForm(), SubjectGroups.lexical(term), term);
            assertEquals(o.getLiteralLanguage(), SubjectGroups.language(term), term);
        }
        assertEquals("http://example.org/o", SubjectGroups.iri("<http://example.org/o>"));
        assertTrue(SubjectGroups.isIri("<http://example.org/o>"));
    }

    /** An object's N-Triples term, as the dump lines write it. */
    private static String term(Node o) {
        String line = DumpWriter.nquad(Quad.create(Quad.defaultGraphIRI, S1, P, o));
        return line.substring(("<" + S1.getURI() + "> <" + P.getURI() + "> ").length(), line.length() - " .\n".length());
    }
}
