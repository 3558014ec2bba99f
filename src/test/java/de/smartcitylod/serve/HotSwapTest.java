package de.smartcitylod.serve;

import de.smartcitylod.build.BuildJob;
import de.smartcitylod.publish.Release;
import de.smartcitylod.store.Generations;
import de.smartcitylod.support.Fixtures;
import de.smartcitylod.support.Sparql;
import de.smartcitylod.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.*;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A running server picks up each completed build by itself: under a loop of queries and page
 * requests not one fails, the new data is answered within seconds, older releases stay queryable
 * at /release/{id}/sparql until no build keeps them, and their stores are then closed and deleted.
 */
class HotSwapTest {
    @TempDir Path dir;
    static final String SOURCES = "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/smartcity-de/ontology#Source> }";

    @Test void rebuildsAreServedWithoutAFailedRequestAndOldReleasesStayQueryable() throws Exception {
        Path data = Fixtures.dataDir(dir, null);
        try (TestServer s = TestServer.start(dir, data, o -> o.withReleases(3, 100))) {
            List<String> ids = new ArrayList<>(List.of(s.server.releaseId()));
            Path firstStore = new Generations(s.build.store()).current();
            assertEquals("2", count(s, SmartCityServer.ENDPOINT));

            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger ok = new AtomicInteger();
            Queue<String> failures = new ConcurrentLinkedQueue<>();
            List<Thread> load = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                final boolean pages = t % 2 == 0;
                Thread th = new Thread(() -> {
                    while (!stop.get()) {
                        try {
                            HttpResponse<String> r = pages ? s.get("/page/state/01", "text/html") : s.query(SOURCES, "application/sparql-results+json");
                            if (r.statusCode() == 200 && (pages ? r.body().contains("Schleswig-Holstein") : !Sparql.rows(r.body()).isEmpty())) ok.incrementAndGet();
                            else failures.add(r.statusCode() + " " + r.body().substring(0, Math.min(200, r.body().length())));
                        } catch (Exception e) {
                            failures.add(e.toString());
                        }
                    }
                });
                th.start();
                load.add(th);
            }
            for (int build = 1; build <= 4; build++) {
                Files.writeString(data.resolve("sources.csv"), "src-n" + build + ",Quelle N" + build + ",Herausgeber N,,2021,,news-article,de,\n", StandardOpenOption.APPEND);
                BuildJob.Result r = new BuildJob(s.build).run();
                long built = System.nanoTime();
                String id = r.release().version();
                while (!id.equals(s.server.releaseId()) && System.nanoTime() - built < 10_000_000_000L) Thread.sleep(20);
                assertEquals(id, s.server.releaseId(), "served within 10 s of the build finishing");
                assertEquals(Integer.toString(2 + build), count(s, SmartCityServer.ENDPOINT), "the new data is answered");
                ids.add(id);
            }
            stop.set(true);
            for (Thread th : load) th.join();
            assertEquals(List.of(), List.copyOf(failures), "no request failed during " + ids.size() + " releases");
            assertTrue(ok.get() > 20, "the load loop ran: " + ok.get());
            assertEquals(4, s.server.swaps());

            // time travel: the two releases before the current one answer as they were
            assertEquals("5", count(s, "/release/" + ids.get(3) + "/sparql"));
            assertEquals("4", count(s, "/release/" + ids.get(2) + "/sparql"));
            assertEquals(404, s.query(SOURCES, "application/sparql-results+json", "/release/" + ids.get(0) + "/sparql").statusCode(), "no longer kept");
            String list = s.get("/release/", "text/html").body();
            for (int i = 2; i <= 4; i++) assertTrue(list.contains(ids.get(i)), list);
            assertTrue(s.get("/release/" + ids.get(2) + "/dumps/" + Release.FILE, null).body().contains("version=" + ids.get(2)));

            // the catalogue lists the kept releases as versions of the whole dataset, each with its own dumps
            String catalog = s.get("/catalog", "text/turtle").body();
            for (int i = 2; i <= 4; i++) assertTrue(catalog.contains("/release/" + ids.get(i) + "/dumps/smartcity-lod.nq.gz"), catalog);
            assertTrue(catalog.contains("dcat:hasVersion") && catalog.contains("dcat:previousVersion") && catalog.contains("dcat:hasCurrentVersion"));
            assertFalse(catalog.contains("/release/" + ids.get(0) + "/"), "releases no longer kept are not listed");

            // pages and documents name the release they came from
            assertEquals("</release/" + ids.get(4) + "/>; rel=\"latest-version\"", s.get("/data/state/01.ttl", null).headers().firstValue("Link").orElse(""));

            // the first store is closed and deleted once no build keeps it
            long t0 = System.nanoTime();
            while (Files.exists(firstStore) && System.nanoTime() - t0 < 10_000_000_000L) Thread.sleep(50);
            assertFalse(Files.exists(firstStore), "the first store is gone after three newer builds");
        }
    }

    private static String count(TestServer s, String endpoint) throws Exception {
        HttpResponse<String> r = s.query(SOURCES, "application/sparql-results+json", endpoint);
        assertEquals(200, r.statusCode(), r.body());
        return Sparql.rows(r.body()).get(0).get("n");
    }
}
