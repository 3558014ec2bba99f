package de.smartcitylod.publish;

import de.smartcitylod.build.BuildJob;
import de.smartcitylod.build.BuildOptions;
import de.smartcitylod.vocab.Vocab;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The Turtle dumps are written from the sorted N-Quads lines without parsing them again, in the
 * layout of Jena's streaming TURTLE_BLOCKS writer: checked byte for byte against that writer, fed
 * the same triples in the same order, on the curated data and on awkward terms, and parsed back.
 */
class TurtleBlocksTest {
    static final String NS = "https://w3id.org/smartcity-de/";
    static final String G = NS + "graph/test";
    static final Map<String, String> PREFIXES = new TreeMap<>(Vocab.prefixes().getNsPrefixMap());

    /** Jena's streaming writer over the lines of graph {@code g}, in line order. */
    static String jena(List<String> lines, String g, Map<String, String> prefixes) {
        List<Quad> quads = new ArrayList<>();
        RDFParser.fromString(String.join("", lines), Lang.NQUADS).parse(new StreamRDFBase() {
            @Override public void quad(Quad quad) { quads.add(quad); }
        });
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StreamRDF w = StreamRDFWriter.getWriterStream(bytes, RDFFormat.TURTLE_BLOCKS);
        w.start();
        prefixes.forEach(w::prefix);
        Node graph = NodeFactory.createURI(g);
        for (Quad q : quads) if (q.getGraph().equals(graph)) w.triple(q.asTriple());
        w.finish();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    static String ours(List<String> lines, String g, Map<String, String> prefixes) {
        StringWriter out = new StringWriter();
        SubjectGroups groups = new SubjectGroups(new TurtleBlocks(out, g, prefixes));
        lines.forEach(groups::line);
        groups.end();
        return out.toString();
    }

    static List<String> sortedLines(Collection<Quad> quads) {
        return quads.stream().map(DumpWriter::nquad).sorted().distinct().toList();
    }

    @Test void curatedDumpsAreTheBytesJenasWriterGives(@TempDir Path dir) throws Exception {
        BuildJob.Converted c = new BuildJob(BuildOptions.defaults()).convertAndValidate();
        DumpWriter.Collector collector = new DumpWriter.Collector();
        List<Quad> quads = new ArrayList<>();
        c.dataset().find().forEachRemaining(q -> { quads.add(q); collector.quad(q); });
        List<String> lines = sortedLines(quads);
        Map<String, Node> graphs = new LinkedHashMap<>();
        for (Node g : (Iterable<Node>) () -> c.dataset().listGraphNodes()) graphs.put(g.getURI().replaceAll(".*/", ""), g);
        assertTrue(graphs.size() >= 6, "graphs: " + graphs.keySet());
        DumpWriter.Dumps dumps = DumpWriter.write(collector, graphs, dir, (line, utf8) -> {}, (s, p, o, g) -> {});
        collector.close();
        assertEquals(lines.size(), dumps.quads());
        long triples = 0;
        for (Map.Entry<String, Node> g : graphs.entrySet()) {
            String written = Files.readString(dir.resolve(DumpWriter.graphFileName(g.getKey())));
            assertEquals(jena(lines, g.getValue().getURI(), PREFIXES), written, "Turtle dump of graph " + g.getKey());
            Graph back = GraphFactory.createDefaultGraph();
            RDFParser.fromString(written, Lang.TURTLE).parse(back);
            assertTrue(back.isIsomorphicWith(c.dataset().getGraph(g.getValue())), g.getKey());
            triples += back.size();
        }
        assertEquals(quads.size(), triples);
    }

    @Test void awkwardTermsGiveTheSameBytes() {
        Node g = NodeFactory.createURI(G);
        Node sc = NodeFactory.createURI(NS + "ontology#City");                 // short subject: on the predicate's line
        Node longS = NodeFactory.createURI(NS + "id/city/06411000");
        Node odd = NodeFactory.createURI("http://example.org/x%20y/a.b.");       // no prefix, not a safe local name
        Node p1 = NodeFactory.createURI(NS + "ontology#score");
        Node pLong = NodeFactory.createURI("http://example.org/a-predicate-with-a-very-long-name-indeed");
        Node pLocal = NodeFactory.createURI(NS + "ontology#1st.");
        List<Node> objects = List.of(
                NodeFactory.createLiteralDT("66", XSDDatatype.XSDinteger),
                NodeFactory.createLiteralDT("-07", XSDDatatype.XSDinteger),
                NodeFactory.createLiteralDT("12a", XSDDatatype.XSDinteger),
                NodeFactory.createLiteralDT("66.50", XSDDatatype.XSDdecimal),
                NodeFactory.createLiteralDT(".5", XSDDatatype.XSDdecimal),
                NodeFactory.createLiteralDT("1", XSDDatatype.XSDdecimal),
                NodeFactory.createLiteralDT("1.5E3", XSDDatatype.XSDdouble),
                NodeFactory.createLiteralDT("INF", XSDDatatype.XSDdouble),
                NodeFactory.createLiteralDT("true", XSDDatatype.XSDboolean),
                NodeFactory.createLiteralDT("1", XSDDatatype.XSDboolean),
                NodeFactory.createLiteralDT("2019-05-01", XSDDatatype.XSDdate),
                NodeFactory.createLiteralDT("x", NodeFactory.getType("http://example.org/dt#custom")),
                NodeFactory.createLiteralString(""),
                NodeFactory.createLiteralString("Darmstadt \"Wissenschaftsstadt\" \\ \n\r\t ümlaut ✓ 😀 'single'"),
                NodeFactory.createLiteralString("ends like a graph <" + G + "> ."),
                NodeFactory.createLiteralLang("Mönchengladbach", "de"),
                NodeFactory.createLiteralLang("x", "de-Latn-DE"),
                NodeFactory.createURI(G),
                odd,
                NodeFactory.createURI(NS + "ontology#"));
        List<Quad> quads = new ArrayList<>();
        for (Node s : List.of(sc, longS, odd)) {
            quads.add(Quad.create(g, s, RDF.type.asNode(), sc));
            for (Node o : objects) {
                quads.add(Quad.create(g, s, p1, o));
                quads.add(Quad.create(g, s, pLong, o));
                quads.add(Quad.create(g, s, pLocal, o));
            }
        }
        Node typeOnly = NodeFactory.createURI(NS + "ontology#T");
        quads.add(Quad.create(g, typeOnly, RDF.type.asNode(), sc));
        // not this graph's: the default graph (even with the graph's IRI as object) and another graph
        quads.add(Quad.create(Quad.defaultGraphIRI, longS, p1, g));
        quads.add(Quad.create(NodeFactory.createURI(NS + "graph/other"), longS, p1, sc));
        List<String> lines = sortedLines(quads);

        for (Map<String, String> prefixes : List.of(PREFIXES, withoutRdf(), Map.<String, String>of())) {
            String ours = ours(lines, G, prefixes);
            assertEquals(jena(lines, G, prefixes), ours, "prefixes " + prefixes.keySet());
            Graph back = GraphFactory.createDefaultGraph();
            RDFParser.fromString(ours, Lang.TURTLE).parse(back);
            Graph expected = GraphFactory.createDefaultGraph();
            quads.stream().filter(q -> q.getGraph().equals(g)).map(Quad::asTriple).forEach(expected::add);
            assertTrue(back.isIsomorphicWith(expected), "parses back, prefixes " + prefixes.keySet());
        }
        assertTrue(ours(lines, G, withoutRdf()).contains("\n        a "), "rdf:type as 'a' without an rdf prefix");
    }

    @Test void aGraphWithoutTriplesIsItsPrefixes() {
        String out = ours(List.of(DumpWriter.nquad(Quad.create(NodeFactory.createURI(NS + "graph/other"),
                Triple.create(NodeFactory.createURI(NS + "a"), RDF.type.asNode(), NodeFactory.createURI(NS + "b"))))), G, PREFIXES);
        assertEquals(jena(List.of(), G, PREFIXES), out);
        assertTrue(out.startsWith("PREFIX "), out);
    }

    static Map<String, String> withoutRdf() {
        Map<String, String> m = new TreeMap<>(PREFIXES);
        m.remove("rdf");
        return m;
    }
}
