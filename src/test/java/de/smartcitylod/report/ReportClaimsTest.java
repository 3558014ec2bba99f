package de.smartcitylod.report;

import de.smartcitylod.build.BuildJob;
import de.smartcitylod.build.BuildOptions;
import org.apache.jena.query.*;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.junit.jupiter.api.Test;

import java.util.*;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The report reads its index claims from the graph's indexes instead of a SPARQL GROUP BY: on the
 * curated data both give the same claims in the same order.
 */
class ReportClaimsTest {
    private static final String GROUP_BY = """
            PREFIX sc: <https://w3id.org/smartcity-de/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX prov: <http://www.w3.org/ns/prov#>
            PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
            SELECT ?o ?year ?city ?cat ?rank ?score ?change (GROUP_CONCAT(DISTINCT ?src; separator="|") AS ?sources) WHERE {
              ?o a sc:IndexObservation ; sc:edition/sc:year ?y ; sc:city ?c ; sc:category ?cat ; prov:wasDerivedFrom/dcterms:identifier ?src .
              ?c rdfs:label ?city FILTER(lang(?city) = "de")
              OPTIONAL { ?o sc:rank ?rank } OPTIONAL { ?o sc:score ?score } OPTIONAL { ?o sc:rankChange ?change }
              BIND(xsd:integer(str(?y)) AS ?year)
            } GROUP BY ?o ?year ?city ?cat ?rank ?score ?change ORDER BY ?year ?city ?o""";

    @Test void claimsFromTheIndexesAreThoseOfTheGroupByQuery() {
        BuildJob.Converted converted = new BuildJob(BuildOptions.defaults()).convertAndValidate();
        var union = converted.dataset().getUnionGraph();
        List<QualityReport.Claim> expected = new ArrayList<>();
        try (QueryExecution qe = QueryExecutionFactory.create(GROUP_BY, ModelFactory.createModelForGraph(union))) {
            qe.execSelect().forEachRemaining(q -> expected.add(new QualityReport.Claim(s(q, "o"), Integer.parseInt(s(q, "year")), s(q, "city"),
                    s(q, "cat").replaceAll(".*/", ""), s(q, "rank"), s(q, "score"), s(q, "change"),
                    String.join("|", new TreeSet<>(List.of(s(q, "sources").split("\\|")))))));
        }
        List<QualityReport.Claim> claims = Census.of(converted.dataset()).claims();
        assertTrue(claims.size() > 1000, "the curated index has over a thousand claims: " + claims.size());
        assertTrue(claims.stream().anyMatch(c -> c.sources().contains("|")), "some claims have two sources");
        assertTrue(claims.stream().anyMatch(c -> !c.change().isEmpty()), "some claims state a rank change");
        assertEquals(expected, claims);
    }

    private static String s(QuerySolution qs, String v) {
        RDFNode n = qs.get(v);
        return n == null ? "" : n.isLiteral() ? n.asLiteral().getLexicalForm() : n.toString();
    }
}
