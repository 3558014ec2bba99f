package de.smartcitylod.serve;

import de.smartcitylod.support.Fixtures;
import de.smartcitylod.support.Sparql;
import de.smartcitylod.support.TestServer;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static de.smartcitylod.support.TestServer.HTTP;
import static org.junit.jupiter.api.Assertions.*;

/** The public endpoint on a real server: read-only, result formats, CORS, gzip, ping, metrics, timeouts. */
class EndpointTest {
    @TempDir static Path dir;
    static TestServer server;
    static final String COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }";

    @BeforeAll static void start() {
        // a short timeout so the heavy-query test finishes quickly
        server = TestServer.start(dir, Fixtures.dataDir(dir, null), o -> o.withTimeout("1000,3000"));
    }
    @AfterAll static void stop() { server.close(); }

    static String count() throws Exception {
        return Sparql.rows(server.query(COUNT, "application/sparql-results+json").body()).get(0).get("n");
    }

    static HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
        return server.send(method, path, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8), null, HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "POST|/smartcity/update|application/sparql-update|INSERT DATA { <urn:x> <urn:y> <urn:z> }",
            "POST|/smartcity/sparql|application/sparql-update|INSERT DATA { <urn:x> <urn:y> <urn:z> }",
            "POST|/smartcity|application/sparql-update|INSERT DATA { <urn:x> <urn:y> <urn:z> }",
            "POST|/smartcity/sparql|application/x-www-form-urlencoded|update=INSERT%20DATA%20%7B%20%3Curn%3Ax%3E%20%3Curn%3Ay%3E%20%3Curn%3Az%3E%20%7D",
            "POST|/smartcity/update|application/x-www-form-urlencoded|update=LOAD%20%3Chttp%3A%2F%2F127.0.0.1%3A9%2Fx%3E",
            "PUT|/smartcity/data?default|text/turtle|<urn:x> <urn:y> <urn:z> .",
            "POST|/smartcity/data?default|text/turtle|<urn:x> <urn:y> <urn:z> .",
            "DELETE|/smartcity/data?default||",
            "PUT|/smartcity/get?graph=urn:g|text/turtle|<urn:x> <urn:y> <urn:z> .",
            "POST|/smartcity|text/turtle|<urn:x> <urn:y> <urn:z> .",
            "POST|/smartcity/upload|text/turtle|<urn:x> <urn:y> <urn:z> .",
            "PUT|/smartcity|text/turtle|<urn:x> <urn:y> <urn:z> .",
            "DELETE|/smartcity||"})
    void everyUpdateFormIsRefused(String method, String path, String type, String body) throws Exception {
        String before = count();
        HttpResponse<String> r = send(method, path, type, body);
        assertEquals(405, r.statusCode(), method + " " + path + " gave " + r.statusCode() + ": " + r.body());
        assertTrue(r.headers().firstValue("Allow").orElse("").startsWith("GET, HEAD"), "405 names what is allowed: " + r.headers());
        assertTrue(r.body().contains("read-only"), "the refusal says why: " + r.body());
        assertEquals(before, count(), "data must be unchanged");
    }

    @ParameterizedTest(name = "SELECT as {0}")
    @CsvSource({"application/sparql-results+json, RS_JSON", "application/sparql-results+xml, RS_XML", "text/csv, RS_CSV", "text/tab-separated-values, RS_TSV"})
    void selectResultFormats(String accept, String langName) throws Exception {
        var r = server.query("SELECT ?s WHERE { ?s a <https://w3id.org/smartcity-de/ontology#Source> } ORDER BY ?s", accept);
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(accept), r.headers().toString());
        Lang lang = switch (langName) { case "RS_JSON" -> ResultSetLang.RS_JSON; case "RS_XML" -> ResultSetLang.RS_XML; case "RS_CSV" -> ResultSetLang.RS_CSV; default -> ResultSetLang.RS_TSV; };
        var rs = ResultSetMgr.read(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)), lang);
        int n = 0;
        while (rs.hasNext()) { rs.next(); n++; }
        assertEquals(2, n);
    }

    @ParameterizedTest(name = "CONSTRUCT as {0}")
    @CsvSource({"text/turtle", "application/ld+json", "application/n-triples", "application/rdf+xml"})
    void constructAndDescribeFormats(String accept) throws Exception {
        for (String q : new String[]{"CONSTRUCT WHERE { ?s a <https://w3id.org/smartcity-de/ontology#Source> ; ?p ?o }",
                "DESCRIBE <https://w3id.org/smartcity-de/id/source/src-a>"}) {
            var r = server.query(q, accept);
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(accept));
            Model m = ModelFactory.createDefaultModel();
            RDFDataMgr.read(m, new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)), RDFLanguages.contentTypeToLang(accept));
            assertTrue(m.contains(m.createResource("https://w3id.org/smartcity-de/id/source/src-a"), m.createProperty("http://purl.org/dc/terms/title")), q);
        }
    }

    @Test void queryByGet() throws Exception {
        var r = server.get("/smartcity/sparql?query=" + URLEncoder.encode("ASK { ?s ?p ?o }", StandardCharsets.UTF_8), "application/sparql-results+json");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("true"));
    }

    @Test void graphStoreDefaultGraphIsTheUnionAsInSparql() throws Exception {
        var r = server.get("/smartcity/data?default", "text/turtle");
        assertEquals(200, r.statusCode());
        Model m = ModelFactory.createDefaultModel();
        RDFDataMgr.read(m, new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)), Lang.TURTLE);
        String sparql = Sparql.rows(server.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "application/sparql-results+json").body()).get(0).get("n");
        assertEquals(Long.parseLong(sparql), m.size(), "GSP ?default = the SPARQL default graph");
    }

    @Test void graphStoreProtocolRead() throws Exception {
        var r = server.get("/smartcity/data?graph=" + URLEncoder.encode("https://w3id.org/smartcity-de/graph/sources", StandardCharsets.UTF_8), "text/turtle");
        assertEquals(200, r.statusCode());
        Model m = ModelFactory.createDefaultModel();
        RDFDataMgr.read(m, new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)), Lang.TURTLE);
        assertEquals(2, m.listSubjects().toList().size());
    }

    @Test void corsIsOpenForReads() throws Exception {
        var r = HTTP.send(HttpRequest.newBuilder(URI.create(server.url("/smartcity/sparql?query=ASK%7B%7D"))).header("Origin", "https://example.org").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        String allow = r.headers().firstValue("Access-Control-Allow-Origin").orElse("");
        assertTrue(allow.equals("*") || allow.equals("https://example.org"), allow);
        var pre = HTTP.send(HttpRequest.newBuilder(URI.create(server.url("/smartcity/sparql"))).header("Origin", "https://example.org")
                .header("Access-Control-Request-Method", "POST").header("Access-Control-Request-Headers", "content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(pre.statusCode() < 300, "preflight " + pre.statusCode());
        String methods = pre.headers().firstValue("Access-Control-Allow-Methods").orElse("");
        assertTrue(methods.contains("POST") && methods.contains("GET"), pre.headers().toString());
        assertFalse(methods.contains("PUT") || methods.contains("DELETE") || methods.contains("PATCH"), "a read-only service advertises no writes: " + methods);
        assertNotEquals("true", pre.headers().firstValue("Access-Control-Allow-Credentials").orElse(""), "no credentials");
    }

    @Test void responsesAreGzippedWhenAsked() throws Exception {
        var r = HTTP.send(HttpRequest.newBuilder(URI.create(server.url("/smartcity/sparql?query="
                        + URLEncoder.encode("SELECT * { GRAPH ?g { ?s ?p ?o } }", StandardCharsets.UTF_8))))
                .header("Accept", "application/sparql-results+json").header("Accept-Encoding", "gzip").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        assertEquals("gzip", r.headers().firstValue("Content-Encoding").orElse(""));
        String text = new String(new java.util.zip.GZIPInputStream(new ByteArrayInputStream(r.body())).readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(text.contains("\"bindings\""));
    }

    @Test void pingAndPrometheusMetrics() throws Exception {
        assertEquals(200, server.get("/$/ping", null).statusCode());
        var m = server.get("/$/metrics", null);
        assertEquals(200, m.statusCode());
        assertTrue(m.body().contains("fuseki_requests_good"), m.body().substring(0, Math.min(500, m.body().length())));
    }

    @Test void heavyQueryIsCutOffAndTheServerKeepsAnswering() throws Exception {
        String heavy = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?a { ?s1 ?p1 ?o1 } GRAPH ?b { ?s2 ?p2 ?o2 } GRAPH ?c { ?s3 ?p3 ?o3 } GRAPH ?d { ?s4 ?p4 ?o4 } }";
        long t0 = System.nanoTime();
        CompletableFuture<HttpResponse<String>> slow = CompletableFuture.supplyAsync(() -> {
            try { return server.query(heavy, "application/sparql-results+json"); } catch (Exception e) { throw new RuntimeException(e); }
        });
        Thread.sleep(300);
        // while it runs, others are answered
        assertEquals(200, server.get("/$/ping", null).statusCode());
        assertEquals(200, server.query("ASK { ?s ?p ?o }", "application/sparql-results+json").statusCode());
        HttpResponse<String> r = slow.get(60, java.util.concurrent.TimeUnit.SECONDS);
        double secs = (System.nanoTime() - t0) / 1e9;
        boolean cut = r.statusCode() != 200 || !r.body().contains("\"n\"");
        assertTrue(cut, "heavy query should be stopped, got " + r.statusCode() + " after " + secs + " s: " + r.body());
        assertTrue(secs < 30, "stopped by the 3 s overall timeout, took " + secs + " s");
        assertEquals(200, server.query("ASK { ?s ?p ?o }", "application/sparql-results+json").statusCode());
    }

    @Test void theEndpointUrlWithoutAQueryDescribesTheService() throws Exception {
        var rdf = server.get("/smartcity/sparql", "text/turtle");
        assertEquals(200, rdf.statusCode(), rdf.body());
        org.apache.jena.rdf.model.Model m = org.apache.jena.rdf.model.ModelFactory.createDefaultModel();
        org.apache.jena.riot.RDFParser.fromString(rdf.body(), org.apache.jena.riot.Lang.TURTLE).parse(m);
        String sd = ServiceDescription.SD;
        var service = m.listSubjectsWithProperty(org.apache.jena.vocabulary.RDF.type, m.createResource(sd + "Service")).next();
        assertEquals(server.url("/smartcity/sparql"), service.getPropertyResourceValue(m.createProperty(sd, "endpoint")).getURI());
        assertTrue(m.contains(service, m.createProperty(sd, "supportedLanguage"), m.createResource(sd + "SPARQL11Query")));
        assertTrue(m.contains(service, m.createProperty(sd, "feature"), m.createResource(sd + "UnionDefaultGraph")));
        assertTrue(m.contains(service, m.createProperty(sd, "resultFormat"), m.createResource(ServiceDescription.FORMATS + "SPARQL_Results_JSON")));
        assertTrue(m.contains(service, m.createProperty(de.smartcitylod.vocab.SC.federationTarget.getURI()), m.createResource("https://query.wikidata.org/sparql")));
        // graph sizes as the endpoint itself counts them
        var defaultGraph = service.getPropertyResourceValue(m.createProperty(sd, "defaultDataset")).getPropertyResourceValue(m.createProperty(sd, "defaultGraph"));
        String triples = defaultGraph.getProperty(m.createProperty(de.smartcitylod.vocab.Vocab.VOID, "triples")).getString();
        assertEquals(Sparql.rows(server.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "application/sparql-results+json").body()).get(0).get("n"), triples);
        assertEquals(7, m.listSubjectsWithProperty(org.apache.jena.vocabulary.RDF.type, m.createResource(sd + "NamedGraph")).toList().size());
        // a browser gets a help page; a query still gets results
        var html = server.get("/smartcity/sparql", "text/html,application/xhtml+xml");
        assertEquals(200, html.statusCode());
        assertTrue(html.body().contains("SPARQL") && html.body().contains("curl") && html.body().contains("href=\"" + server.url("/") + "\""), html.body());
        assertEquals(200, server.get("/smartcity/sparql?query=" + java.net.URLEncoder.encode(COUNT, java.nio.charset.StandardCharsets.UTF_8), "application/sparql-results+json").statusCode());
    }
}
