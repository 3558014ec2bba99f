package de.smartcitylod.validate;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The index observation shape, on observations the CSV reader would already refuse (it is the
 * second line of defence): one of score, rank, rank bound or rank change is required.
 */
class ObservationShapeTest {
    static final String OBS = "https://example.org/obs";
    static final String DATA = """
            PREFIX sc: <https://w3id.org/smartcity-de/ontology#>
            PREFIX qb: <http://purl.org/linked-data/cube#>
            PREFIX prov: <http://www.w3.org/ns/prov#>
            PREFIX ex: <https://example.org/>
            ex:obs a sc:IndexObservation ; qb:dataSet ex:ed ; sc:edition ex:ed ; sc:city ex:city ; sc:category ex:cat %s .
            ex:ed a sc:IndexEdition . ex:city a sc:AdministrativeUnit . ex:cat a sc:Category . ex:src a sc:Source .
            """;

    static List<ShaclValidation.Violation> violationsOfTheObservation(String values) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(DATA.formatted(values), Lang.TURTLE).parse(g);
        Node obs = NodeFactory.createURI(OBS);
        return new ShaclValidation(Path.of("ontology/shapes.ttl")).validate(g, Map.of()).stream()
                .filter(v -> v.node().equals(obs)).toList();
    }

    @Test void anObservationWithoutScoreRankBoundOrChangeViolatesOnce() {
        List<ShaclValidation.Violation> vs = violationsOfTheObservation("; prov:wasDerivedFrom ex:src");
        assertEquals(1, vs.size(), vs.toString());
        assertEquals("an index observation needs a score, a rank, a rank bound or a rank change", vs.get(0).message());
    }

    @Test void anyOneOfTheFourIsEnough() {
        for (String v : List.of("; sc:score 66.5", "; sc:rank 3", "; sc:rankAtMost 10", "; sc:rankChange -2"))
            assertEquals(List.of(), violationsOfTheObservation(v + "; prov:wasDerivedFrom ex:src"), v);
    }

    /** The check every fact-bearing resource has, kept in the observation's own shape (read once). */
    @Test void anObservationNeedsADocumentedSource() {
        for (String v : List.of("; sc:rank 3", "; sc:rank 3 ; prov:wasDerivedFrom ex:city")) {
            List<ShaclValidation.Violation> vs = violationsOfTheObservation(v);
            assertEquals(1, vs.size(), v + ": " + vs);
            assertEquals("must be derived from a source listed in sources.csv", vs.get(0).message());
            assertEquals("<http://www.w3.org/ns/prov#wasDerivedFrom>", vs.get(0).path());
        }
    }
}
