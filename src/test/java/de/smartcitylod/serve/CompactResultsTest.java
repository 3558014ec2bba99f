package de.smartcitylod.serve;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.TextDirection;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.riot.rowset.RowSetWriter;
import org.apache.jena.riot.rowset.RowSetReaderRegistry;
import org.apache.jena.riot.rowset.rw.RowSetWriterJSON;
import org.apache.jena.riot.rowset.rw.RowSetWriterXML;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.QueryExecResult;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.resultset.ResultsCompare;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.vocabulary.XSD;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The compact JSON and XML results writers give the answers Jena's own writers give: both outputs,
 * parsed back by Jena's readers, hold the same rows term by term, for every kind of RDF term and for
 * characters that need escaping. The server uses them (checked over HTTP in EndpointTest and the W3C
 * protocol tests, whose answers are parsed by Jena).
 */
class CompactResultsTest {
    static final Var S = Var.alloc("s"), O = Var.alloc("o"), X = Var.alloc("x");

    static List<Binding> rows() {
        Node iri = NodeFactory.createURI("https://w3id.org/smartcity-de/id/city/06411000");
        Node bnode = NodeFactory.createBlankNode("b17");
        List<Node> objects = List.of(
                NodeFactory.createLiteralString("Darmstadt \"Wissenschaftsstadt\" <&> \\ \n\t ümlaut ✓ 😀"),
                NodeFactory.createLiteralLang("Stadt", "de"),
                NodeFactory.createLiteralDirLang("مدينة", "ar", TextDirection.RTL),
                NodeFactory.createLiteralDT("66.5", org.apache.jena.datatypes.xsd.XSDDatatype.XSDdecimal),
                NodeFactory.createLiteralDT("2019", org.apache.jena.datatypes.TypeMapper.getInstance().getSafeTypeByName(XSD.gYear.getURI())),
                NodeFactory.createTripleTerm(Triple.create(iri, NodeFactory.createURI("https://w3id.org/smartcity-de/ontology#rank"), NodeFactory.createLiteralDT("1", org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger))),
                bnode,
                iri);
        List<Binding> rows = new ArrayList<>();
        for (Node o : objects) rows.add(BindingFactory.binding(S, iri, O, o));
        rows.add(BindingFactory.binding(S, bnode));          // ?o and ?x unbound
        rows.add(BindingFactory.binding(X, NodeFactory.createBlankNode("b18")));
        return rows;
    }

    static RowSet rowSet() { return RowSetStream.create(List.of(S, O, X), rows().iterator()); }

    static String write(RowSetWriter w, RowSet rs) {
        var out = new ByteArrayOutputStream();
        w.write(out, rs, Context.emptyContext());
        return out.toString(StandardCharsets.UTF_8);
    }

    static RowSet read(Lang lang, String text) {
        var in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        QueryExecResult r = RowSetReaderRegistry.getFactory(lang)
                .create(lang).readAny(in, Context.emptyContext());
        return r.isRowSet() ? r.rowSet() : null;
    }

    void sameRowsAsJena(Lang lang, RowSetWriter jena) {
        String ours = write(CompactResults.writer(lang), rowSet());
        String theirs = write(jena, rowSet());
        RowSet a = read(lang, ours).rewindable(), b = read(lang, theirs).rewindable();
        assertEquals(List.of(S, O, X), a.getResultVars());
        assertTrue(ResultsCompare.equalsByTermAndOrder(a, b), "same rows as Jena's writer:\n" + ours + "\n---\n" + theirs);
        assertTrue(ours.length() < theirs.length(), "no indentation");
    }

    @Test void jsonMatchesJena() { sameRowsAsJena(ResultSetLang.RS_JSON, RowSetWriterJSON.factory.create(ResultSetLang.RS_JSON)); }

    @Test void xmlMatchesJena() { sameRowsAsJena(ResultSetLang.RS_XML, RowSetWriterXML.factory.create(ResultSetLang.RS_XML)); }

    @Test void booleansMatchJena() {
        for (Lang lang : List.of(ResultSetLang.RS_JSON, ResultSetLang.RS_XML)) {
            for (boolean answer : new boolean[] {true, false}) {
                var out = new ByteArrayOutputStream();
                CompactResults.writer(lang).write(out, answer, Context.emptyContext());
                var in = new ByteArrayInputStream(out.toByteArray());
                QueryExecResult r = RowSetReaderRegistry.getFactory(lang)
                        .create(lang).readAny(in, Context.emptyContext());
                assertTrue(r.isBoolean(), lang + ": " + out);
                assertEquals(answer, r.booleanResult(), lang + ": " + out);
            }
        }
    }

    @Test void literalsKeepTheirEscapes() {
        String json = write(CompactResults.writer(ResultSetLang.RS_JSON), rowSet());
        assertTrue(json.contains("\\\"Wissenschaftsstadt\\\""), json);
        assertTrue(json.contains("\"xml:lang\":\"ar\",\"its:dir\":\"rtl\""), json);
        String xml = write(CompactResults.writer(ResultSetLang.RS_XML), rowSet());
        assertTrue(xml.contains("&lt;&amp;&gt;"), xml);
    }
}
