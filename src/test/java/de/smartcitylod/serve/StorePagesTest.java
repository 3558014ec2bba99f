package de.smartcitylod.serve;

import de.smartcitylod.store.MemoryMirror;
import de.smartcitylod.support.Sparql;
import de.smartcitylod.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Releases above {@link MemoryMirror}'s bound are served from TDB2 itself: with the copy turned off,
 * the curated data's programme and competition pages (one of them without any participant, which
 * TDB2 6.0.0 once failed to plan), every local example query and the whole dataset read over the
 * graph store protocol come out as they do from memory.
 */
class StorePagesTest {
    @TempDir Path dir;

    @Test void pagesExamplesAndTheDatasetFromTheStoreAsFromMemory() throws Exception {
        List<String> fromStore = new ArrayList<>(), fromMemory = new ArrayList<>();
        System.setProperty("smartcity.memoryQuads", "0");
        try (TestServer s = TestServer.start(dir.resolve("store"), Path.of("data"), o -> o)) {
            fromStore.addAll(pages(s));
        } finally {
            System.clearProperty("smartcity.memoryQuads");
        }
        try (TestServer s = TestServer.start(dir.resolve("memory"), Path.of("data"), o -> o)) {
            fromMemory.addAll(pages(s));
        }
        assertTrue(fromStore.size() >= 5, "programmes and competitions: " + fromStore.size());
        assertTrue(fromStore.stream().anyMatch(p -> p.contains("Future Communities") && p.contains("participants</span> (0)")), "a programme without participants");
        assertTrue(fromStore.stream().anyMatch(p -> p.startsWith("quads 27")), "the whole dataset, each quad once: " + fromStore.get(fromStore.size() - 1));
        assertEquals(fromMemory, fromStore);
    }

    private static List<String> pages(TestServer s) throws Exception {
        HttpResponse<String> r = s.query("""
                SELECT ?p WHERE { { ?p a <https://w3id.org/smartcity-de/ontology#FundingProgramme> } UNION { ?p a <https://w3id.org/smartcity-de/ontology#Competition> } } ORDER BY ?p""",
                "application/sparql-results+json");
        List<String> out = new ArrayList<>();
        for (Map<String, String> row : Sparql.rows(r.body())) {
            String path = "/page/" + row.get("p").replace("https://w3id.org/smartcity-de/id/", "");
            HttpResponse<String> page = s.get(path, "text/html");
            assertEquals(200, page.statusCode(), path);
            out.add(page.body());
        }
        for (ExampleQueries.Example e : ExampleQueries.load(Path.of("queries"))) {
            if (e.text().contains("SERVICE")) continue;                      // federated: FederationTest
            HttpResponse<String> answer = s.query(e.text(), "text/csv");
            assertEquals(200, answer.statusCode(), e.name());
            out.add(e.name() + "\n" + answer.body());
        }
        HttpResponse<String> all = s.get("/smartcity/get", "application/n-quads");
        assertEquals(200, all.statusCode());
        out.add("quads " + all.body().lines().filter(l -> !l.isBlank()).count());
        return out;
    }
}
