package de.smartcitylod.serve;

import de.smartcitylod.support.Sparql;
import de.smartcitylod.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Full text on the shipped data: one query form, {@code text:query (sc:text "…")}, finds a resource by
 * a word of its name, alternative name, title or description, and a single property still searches
 * that field alone. For each kind of text the test takes a real value from the store and a word that
 * occurs in no label, so a search of the labels alone could not find it.
 */
class FullTextTest {
    @TempDir static Path dir;
    static TestServer server;
    static final String PREFIXES = """
            PREFIX text: <http://jena.apache.org/text#>
            PREFIX sc: <https://w3id.org/smartcity-de/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            """;

    @BeforeAll static void start() { server = TestServer.start(dir, Path.of("data"), o -> o); }
    @AfterAll static void stop() { server.close(); }

    static List<Map<String, String>> select(String q) throws Exception {
        var r = server.query(PREFIXES + q, "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        return Sparql.rows(r.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"rdfs:label", "skos:prefLabel", "skos:altLabel", "dcterms:title", "dcterms:description"})
    void oneQueryFormFindsEveryKindOfText(String property) throws Exception {
        // the values of this property, longest first: they have the most distinctive words
        var values = select("SELECT ?s ?v WHERE { ?s " + property + " ?v FILTER(isLiteral(?v)) } ORDER BY DESC(STRLEN(STR(?v))) ?s LIMIT 40");
        assertFalse(values.isEmpty(), "the data has " + property + " values");
        // Titles double as labels here (a source's rdfs:label is its title), so only alternative names and
        // descriptions can prove that sc:text reaches beyond the labels; a title is still found by both forms.
        boolean onlyInThisField = property.equals("skos:altLabel") || property.equals("dcterms:description");
        for (var v : values) {
            String resource = v.get("s");
            // a long word of the value; for the non-label fields one that no label contains
            for (String word : Arrays.stream(v.get("v").split("[^\\p{L}\\p{N}]+")).filter(w -> w.length() >= 8)
                    .sorted(Comparator.comparing(String::length).reversed()).toList()) {
                if (onlyInThisField && !select("SELECT ?s WHERE { ?s rdfs:label|skos:prefLabel ?l FILTER(CONTAINS(LCASE(STR(?l)), LCASE(\"" + word + "\"))) } LIMIT 1").isEmpty())
                    continue;
                var all = select("SELECT ?s ?score WHERE { (?s ?score) text:query (sc:text \"" + word + "\" 1000) } ORDER BY DESC(?score)");
                assertTrue(all.stream().anyMatch(r -> resource.equals(r.get("s"))), "sc:text finds " + resource + " by '" + word + "' of its " + property);
                assertTrue(all.stream().allMatch(r -> Double.parseDouble(r.get("score")) > 0), "results are ranked by a score");
                var field = select("SELECT ?s WHERE { ?s text:query (" + property + " \"" + word + "\" 1000) }");
                assertTrue(field.stream().anyMatch(r -> resource.equals(r.get("s"))), property + " alone finds it too");
                if (onlyInThisField) {
                    var labels = select("SELECT ?s WHERE { ?s text:query (rdfs:label \"" + word + "\" 1000) }");
                    assertTrue(labels.stream().noneMatch(r -> resource.equals(r.get("s"))), "a label search does not: the word is only in " + property);
                }
                return;
            }
        }
        fail("no value of " + property + " has a word of 8 letters or more that no label contains");
    }
}
