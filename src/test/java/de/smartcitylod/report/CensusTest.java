package de.smartcitylod.report;

import de.smartcitylod.build.BuildJob;
import de.smartcitylod.build.BuildOptions;
import de.smartcitylod.vocab.SC;
import de.smartcitylod.vocab.Vocab;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.*;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;

import java.util.*;

import static org.junit.jupiter.api.Assertions.*;

/** The report's counts taken from sorted dump lines are those of the union graph and of each named graph. */
class CensusTest {
    @Test void countsOnTheCuratedDataAreThoseOfTheGraphs() {
        BuildJob.Converted converted = new BuildJob(BuildOptions.defaults()).convertAndValidate();
        DatasetGraph ds = converted.dataset();
        Census census = Census.of(ds);
        for (Node g : converted.graphs().values()) assertEquals(ds.getGraph(g).size(), census.triples(g), g.toString());
        Map<Node, Long> expected = new HashMap<>();
        try (QueryExecution qe = QueryExecutionFactory.create("SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c",
                ModelFactory.createModelForGraph(ds.getUnionGraph()))) {
            qe.execSelect().forEachRemaining(q -> expected.put(q.get("c").asNode(), q.getLiteral("n").getLong()));
        }
        assertTrue(expected.getOrDefault(SC.IndexObservation, 0L) > 1000, "the curated index has over a thousand observations");
        for (var e : expected.entrySet()) assertEquals(e.getValue(), census.resources(e.getKey()), e.getKey().toString());
    }

    @Test void aStatementHeldInTwoGraphsCountsOnceAndEscapesAreRead() {
        Node g1 = uri("http://example.org/graph/index"), g2 = uri("http://example.org/graph/other");
        Node obs = uri("http://example.org/obs/1"), edition = uri("http://example.org/edition/2020"), city = uri("http://example.org/city/1"),
                src = uri("http://example.org/source/a");
        DatasetGraph ds = DatasetGraphFactory.create();
        for (Node g : List.of(g1, g2)) {
            ds.add(g, obs, Vocab.rdfType, SC.IndexObservation);
            ds.add(g, obs, SC.rank, NodeFactory.createLiteralDT("3", XSDDatatype.XSDinteger));
        }
        ds.add(g1, obs, SC.edition, edition);
        ds.add(g1, obs, SC.city, city);
        ds.add(g1, obs, SC.category, uri(SC.CATEGORY_NS + "overall"));
        ds.add(g1, obs, SC.score, NodeFactory.createLiteralDT("68.60", XSDDatatype.XSDdecimal));
        ds.add(g1, obs, Vocab.provWasDerivedFrom, src);
        ds.add(g1, edition, SC.year, NodeFactory.createLiteralDT("2020", XSDDatatype.XSDgYear));
        ds.add(g1, city, Vocab.rdfsLabel, NodeFactory.createLiteralLang("Teststadt \"Nord\"\\Süd", "de"));
        ds.add(g1, city, Vocab.rdfsLabel, NodeFactory.createLiteralLang("Test City North", "en"));
        ds.add(g2, src, Vocab.dctIdentifier, NodeFactory.createLiteralString("src-a"));
        Census census = Census.of(ds);
        assertEquals(1, census.resources(SC.IndexObservation));
        assertEquals(10, census.triples(g1));  // seven of the observation, the year, two labels
        assertEquals(3, census.triples(g2));
        assertEquals(List.of(new QualityReport.Claim(obs.getURI(), 2020, "Teststadt \"Nord\"\\Süd", "overall", "3", "68.60", "", "src-a")), census.claims());
    }

    private static Node uri(String s) { return NodeFactory.createURI(s); }
}
