package de.smartcitylod.convert;

import de.smartcitylod.support.Fixtures;
import de.smartcitylod.vocab.Uris;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Each converter turns the good rows of the base fixture into exactly the expected triples (graph isomorphism). */
class ConverterTest {
    static DatasetGraph actual;
    static DatasetGraph expected;
    static final Uris URIS = Uris.defaults();

    @BeforeAll
    static void convert() {
        actual = DatasetGraphFactory.create();
        new Pipeline(URIS, true).run(Fixtures.BASE, StreamRDFLib.dataset(actual));
        expected = RDFDataMgr.loadDatasetGraph(Fixtures.ROOT.resolve("expected/base.trig").toString());
    }

    @ParameterizedTest(name = "{0} converter")
    @ValueSource(strings = {"sources", "reference", "programmes", "index", "atlas", "projects"})
    void graphIsExactlyAsExpected(String graphName) {
        Node g = URIS.graph(graphName);
        Graph want = expected.getGraph(g), got = actual.getGraph(g);
        assertFalse(want.isEmpty(), "expected graph missing for " + graphName);
        assertTrue(IsoMatcher.isomorphic(want, got), () -> "graph " + graphName + " differs:\n" + diff(want, got));
    }

    @Test
    void writesOnlyTheKnownNamedGraphs() {
        List<String> names = new ArrayList<>();
        actual.listGraphNodes().forEachRemaining(n -> names.add(n.getURI()));
        names.sort(null);
        List<String> want = new ArrayList<>(Pipeline.GRAPHS.stream().map(n -> URIS.graph(n).getURI()).toList());
        want.sort(null);
        assertEquals(want, names);
        assertTrue(actual.getDefaultGraph().isEmpty());
    }

    @Test
    void semicolonFileWithDeclaredDecimalCommaIsRead() {
        Node obs = URIS.observation(2019, "01999001", "overall", "src-a");
        var scores = actual.getGraph(URIS.graph("index")).find(obs, de.smartcitylod.vocab.SC.score, Node.ANY).toList();
        assertEquals(1, scores.size());
        assertEquals("68.6", scores.get(0).getObject().getLiteralLexicalForm());
    }

    @Test
    void everySubjectRemembersItsCsvRow() {
        Pipeline.Result r = new Pipeline(URIS, true).run(Fixtures.BASE, StreamRDFLib.sinkNull());
        assertEquals("src/test/resources/fixtures/base/index-results.csv:3", String.valueOf(r.origins().get(URIS.observation(2019, "01999001", "overall", "src-a"))));
        assertEquals("src/test/resources/fixtures/base/municipalities.csv:3", String.valueOf(r.origins().get(URIS.city("01999002"))));
    }

    private static String diff(Graph want, Graph got) {
        StringBuilder sb = new StringBuilder();
        want.find().forEachRemaining(t -> { if (!got.contains(t)) sb.append("  missing: ").append(NodeFmtLib.str(t)).append('\n'); });
        got.find().forEachRemaining(t -> { if (!want.contains(t)) sb.append("  extra:   ").append(NodeFmtLib.str(t)).append('\n'); });
        return sb.toString();
    }
}
