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
 * TDB2 6.0.0 once failed to plan) render as they do from memory.
 */
class StorePagesTest {
    @TempDir Path dir;

    @Test void programmePagesRenderFromTheStoreAsFromMemory() throws Exception {
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
        return out;
    }
}
