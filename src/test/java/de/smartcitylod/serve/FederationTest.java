package de.smartcitylod.serve;

import com.sun.net.httpserver.HttpServer;
import de.smartcitylod.support.Sparql;
import de.smartcitylod.support.TestServer;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static de.smartcitylod.support.Sparql.hasRow;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Federation against a second real Fuseki on loopback that plays Wikidata (a small synthetic
 * Wikidata-shaped graph with P439 keys), on the allow-list for this test. A target not on the list
 * is refused, and a counting HTTP server proves no request reaches it.
 */
class FederationTest {
    @TempDir static Path dir;
    static TestServer server;
    static FusekiServer fakeWikidata;
    static HttpServer stranger;
    static final AtomicInteger strangerHits = new AtomicInteger();
    static String wikidataUrl, strangerUrl, downUrl;

    // Synthetic test values: not real populations or people.
    static final String WIKIDATA_TTL = """
            PREFIX wd: <http://www.wikidata.org/entity/>
            PREFIX wdt: <http://www.wikidata.org/prop/direct/>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            wd:Q9000001 wdt:P439 "09162000" ; wdt:P1082 1111 .
            wd:Q9000002 wdt:P439 "05315000" ; wdt:P1082 2222 .
            wd:Q9000003 wdt:P439 "06411000" ; wdt:P6 wd:Q9000099 .
            wd:Q9000099 rdfs:label "Testperson-0001"@de .
            """;

    @BeforeAll static void start() throws Exception {
        DatasetGraph wd = DatasetGraphFactory.createTxnMem();
        RDFParser.fromString(WIKIDATA_TTL, Lang.TURTLE).parse(wd);
        fakeWikidata = FusekiServer.create().loopback(true).port(0).add("/wikidata", wd).build().start();
        wikidataUrl = "http://localhost:" + fakeWikidata.getHttpPort() + "/wikidata/sparql";

        stranger = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        stranger.createContext("/", ex -> { strangerHits.incrementAndGet(); ex.sendResponseHeaders(200, -1); ex.close(); });
        stranger.start();
        strangerUrl = "http://127.0.0.1:" + stranger.getAddress().getPort() + "/sparql";

        // also an allowed endpoint nobody listens on: a port taken and released again
        try (var s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) { downUrl = "http://127.0.0.1:" + s.getLocalPort() + "/sparql"; }
        server = TestServer.start(dir, Path.of("data"), o -> o.withServiceAllowList(wikidataUrl + " " + downUrl));
    }

    @AfterAll static void stop() {
        server.close();
        fakeWikidata.stop();
        stranger.stop(0);
    }

    static String example(String name, String endpoint) throws Exception {
        String q = Files.readString(Path.of("queries", name + ".rq"));
        assertTrue(q.contains("<https://query.wikidata.org/sparql>"), "example federates with Wikidata's query service");
        return q.replace("<https://query.wikidata.org/sparql>", "<" + endpoint + ">");
    }

    @Test void populationFromWikidataByAgs() throws Exception {
        var r = server.query(example("10-federated-wikidata-population", wikidataUrl), "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        var rows = Sparql.rows(r.body());
        assertEquals(2, rows.size(), rows.toString());
        assertTrue(hasRow(rows, "rank", "1", "city", "München", "ags", "09162000", "item", "http://www.wikidata.org/entity/Q9000001", "wikidataPopulation", "1111", "destatisPopulation", "1484226"));
        assertTrue(hasRow(rows, "rank", "3", "city", "Köln", "wikidataPopulation", "2222"));
    }

    @Test void headOfGovernmentFromWikidataByAgs() throws Exception {
        var r = server.query(example("11-federated-wikidata-mayor", wikidataUrl), "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        var rows = Sparql.rows(r.body());
        assertEquals(1, rows.size(), rows.toString());
        assertTrue(hasRow(rows, "city", "Darmstadt", "ags", "06411000", "mayorName", "Testperson-0001"));
    }

    @Test void serviceNotOnTheAllowListIsRefusedAndNeverContacted() throws Exception {
        int before = strangerHits.get();
        var r = server.query(example("10-federated-wikidata-population", strangerUrl), "application/sparql-results+json");
        assertEquals(403, r.statusCode(), "refused: " + r.body());
        assertTrue(r.body().contains("is not allowed"), r.body());
        var direct = server.query("SELECT * WHERE { SERVICE <" + strangerUrl + "> { ?s ?p ?o } }", "application/sparql-results+json");
        assertTrue(direct.statusCode() >= 400);
        var silent = server.query("SELECT * WHERE { SERVICE SILENT <" + strangerUrl + "> { ?s ?p ?o } }", "application/sparql-results+json");
        var variable = server.query("SELECT * WHERE { BIND(<" + strangerUrl + "> AS ?e) SERVICE ?e { ?s ?p ?o } }", "application/sparql-results+json");
        assertTrue(variable.statusCode() >= 400 || !variable.body().contains("\"s\""), variable.body());
        assertEquals(before, strangerHits.get(), "no request may reach a target that is not allowed (silent: " + silent.statusCode() + ")");
    }

    @Test void remoteFromIsNotFetched() throws Exception {
        int before = strangerHits.get();
        var r = server.query("SELECT * FROM <" + strangerUrl + "> WHERE { ?s ?p ?o } LIMIT 1", "application/sparql-results+json");
        var named = server.query("SELECT * FROM NAMED <" + strangerUrl + "> WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 1", "application/sparql-results+json");
        assertEquals(before, strangerHits.get(), "FROM must not fetch (status " + r.statusCode() + "/" + named.statusCode() + ")");
        if (r.statusCode() == 200) assertTrue(Sparql.rows(r.body()).isEmpty(), "FROM a non-stored graph gives no data");
    }

    @Test void wikidataIsOnTheDefaultAllowList() {
        var guard = FederationGuard.parse(de.smartcitylod.store.StoreConfig.serverContext(
                org.apache.jena.riot.RDFDataMgr.loadModel("fuseki-config/config.ttl"), FederationGuard.CONTEXT_KEY));
        assertTrue(guard.allowed().contains("https://query.wikidata.org/sparql"));
        assertTrue(guard.allowed().contains("https://data.europa.eu/sparql"));
        assertEquals(4, guard.allowed().size(), guard.allowed().toString());
    }

    @Test void anUnreachableServiceSaysSo() throws Exception {
        var r = server.query("SELECT * WHERE { SERVICE <" + downUrl + "> { ?s ?p ?o } } LIMIT 1", "application/sparql-results+json");
        assertEquals(502, r.statusCode(), r.body());
        assertTrue(r.body().contains("could not be reached") && r.body().contains(downUrl), r.body());
        var silent = server.query("SELECT * WHERE { SERVICE SILENT <" + downUrl + "> { ?s ?p ?o } } LIMIT 1", "application/sparql-results+json");
        assertEquals(200, silent.statusCode(), "SILENT skips it: " + silent.body());
    }
}
