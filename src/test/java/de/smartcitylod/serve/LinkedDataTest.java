package de.smartcitylod.serve;

import de.smartcitylod.publish.DumpWriter;
import de.smartcitylod.support.TestServer;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;

import static de.smartcitylod.support.TestServer.HTTP;
import static org.junit.jupiter.api.Assertions.*;

/** Dereferenceable URIs, pages, ontology, catalogue, VoID and dumps over HTTP on a real server with the shipped data. */
class LinkedDataTest {
    @TempDir static Path dir;
    static TestServer server;
    static final String BASE = "https://w3id.org/smartcity-de/";

    @BeforeAll static void start() { server = TestServer.start(dir, Path.of("data"), o -> o); }
    @AfterAll static void stop() { server.close(); }

    static HttpResponse<byte[]> request(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url(path))).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static Model parse(HttpResponse<byte[]> r) {
        Model m = ModelFactory.createDefaultModel();
        String type = r.headers().firstValue("Content-Type").orElse("").split(";")[0];
        RDFDataMgr.read(m, new ByteArrayInputStream(r.body()), RDFLanguages.contentTypeToLang(type));
        return m;
    }

    /** Each kind of resource: a city, a state, a district, a group, a programme, a competition, an edition, an observation, a project, a source, an ontology concept. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"id/city/06411000", "id/state/05", "id/district/05974", "id/group/connected-urban-twins",
            "id/programme/modellprojekte-smart-cities", "id/programme/digitale-stadt", "id/index/2019",
            "id/index/2019/observation/08212000/overall/notebookcheck-sci-2019", "id/project/darmstadt-datenplattform",
            "id/source/notebookcheck-sci-2019", "ontology/theme/mobility", "id/atlas/2019"})
    void seeOtherAndContentNegotiation(String path) throws Exception {
        String iri = path.startsWith("ontology/") ? "https://w3id.org/smartcity-de/" + path : BASE + path;
        String rest = path.startsWith("id/") ? path.substring(2) : "/" + path;
        var html = request("GET", "/" + path, "Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
        assertEquals(303, html.statusCode());
        assertEquals("/page" + rest, html.headers().firstValue("Location").orElseThrow());
        assertTrue(html.headers().firstValue("Vary").orElse("").contains("Accept"));
        for (String[] t : new String[][]{{"text/turtle", "ttl"}, {"application/ld+json", "jsonld"}, {"application/n-triples", "nt"}, {"application/rdf+xml", "rdf"}}) {
            var r = request("GET", "/" + path, "Accept", t[0]);
            assertEquals(303, r.statusCode());
            String loc = r.headers().firstValue("Location").orElseThrow();
            assertEquals("/data" + rest + "." + t[1], loc);
            var doc = request("GET", loc);
            assertEquals(200, doc.statusCode());
            assertTrue(doc.headers().firstValue("Content-Type").orElse("").startsWith(t[0]));
            Model m = parse(doc);
            assertTrue(m.listStatements(m.createResource(iri), null, (org.apache.jena.rdf.model.RDFNode) null).hasNext(), "own statements of " + iri);
        }
        var page = request("GET", "/page" + rest);
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(new String(page.body(), StandardCharsets.UTF_8).contains(iri));
    }

    @Test void noAcceptHeaderGivesTurtle() throws Exception {
        var r = request("GET", "/id/city/06411000");
        assertEquals(303, r.statusCode());
        assertEquals("/data/city/06411000.ttl", r.headers().firstValue("Location").orElseThrow());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ttl, text/turtle", "jsonld, application/ld+json", "nt, application/n-triples", "rdf, application/rdf+xml", "html, text/html"})
    void suffixUrls(String suffix, String type) throws Exception {
        for (String path : new String[]{"/id/city/06411000." + suffix, suffix.equals("html") ? "/page/city/06411000.html" : "/data/city/06411000." + suffix}) {
            var r = request("GET", path);
            assertEquals(200, r.statusCode(), path);
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(type), path);
        }
    }

    @Test void descriptionHasOwnStatementsInboundLinksAndNeighbourLabels() throws Exception {
        Model m = parse(request("GET", "/data/city/06411000.ttl"));
        Resource darmstadt = m.createResource(BASE + "id/city/06411000");
        assertTrue(m.contains(darmstadt, RDFS.label, "Darmstadt", "de"));
        Resource winner = m.createResource(BASE + "id/programme/digitale-stadt");
        assertTrue(m.contains(winner, m.createProperty("https://w3id.org/smartcity-de/ontology#winner"), darmstadt), "inbound link");
        assertTrue(m.contains(winner, RDFS.label, "Wettbewerb Digitale Stadt", "de"), "label of the neighbour");
        Resource hessen = m.createResource(BASE + "id/state/06");
        assertTrue(m.contains(hessen, RDFS.label, "Hessen", "de"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/id/city/99999999", "/page/city/99999999", "/data/city/99999999.ttl", "/id/nothing/here", "/ontology/theme/unknown", "/dumps/nope.ttl", "/elsewhere"})
    void unknownUrisGive404(String path) throws Exception {
        assertEquals(404, request("GET", path, "Accept", "text/turtle").statusCode(), path);
    }

    @Test void cityPageShowsChartProfileProjectsProgrammesAndIdentifiers() throws Exception {
        String html = new String(request("GET", "/page/city/06411000").body(), StandardCharsets.UTF_8);
        assertTrue(html.contains("<svg class=\"chart\""), "chart");
        assertTrue(html.contains("polyline"), "a line of results over the editions");
        assertTrue(html.contains("Smart-City-Atlas"));
        assertTrue(html.contains("Übergreifende Datenplattform Darmstadt"), "projects");
        assertTrue(html.contains("Wettbewerb Digitale Stadt") && html.contains("Gewinner"), "programmes");
        assertTrue(html.contains("http://dcat-ap.de/def/politicalGeocoding/municipalityKey/06411000") && html.contains("http://data.europa.eu/nuts/code/DE711"), "identifiers with links out");
        assertTrue(html.contains("notebookcheck"), "sources behind the facts");
        assertTrue(html.contains("Smart City Index 2019 · Gesamt · Darmstadt: Rang 10"), "things that point here have readable names, not slugs");
    }

    /**
     * Pages substitute the resource into compiled algebra, also where a subquery hides ?this from
     * the outside: each page's programme table has the rows its query text gives on the endpoint.
     */
    @ParameterizedTest
    @ValueSource(strings = {"06411000", "01059006", "01002000", "09162000"})
    void pageQueriesGiveWhatTheirTextGives(String key) throws Exception {
        String text = Pages.PREFIXES + """
                SELECT DISTINCT ?prog ?role ?round ?amount ?via WHERE {
                  { SELECT ?u ?via WHERE { { BIND(<%s> AS ?u) } UNION { ?u sc:member <%s> BIND(?u AS ?via) } } }
                  ?p sc:participant ?u ; sc:programme ?prog ; sc:role ?role .
                  OPTIONAL { ?p sc:round/sc:year ?round } OPTIONAL { ?p sc:amount ?amount } }""".formatted(BASE + "id/city/" + key, BASE + "id/city/" + key);
        var rows = de.smartcitylod.support.Sparql.rows(new String(request("GET", "/smartcity/sparql?query=" + java.net.URLEncoder.encode(text, StandardCharsets.UTF_8),
                "Accept", "application/sparql-results+json").body(), StandardCharsets.UTF_8));
        String html = new String(request("GET", "/page/city/" + key).body(), StandardCharsets.UTF_8);
        int at = html.indexOf("<h2>Programme und Wettbewerbe");
        String table = at < 0 ? "" : html.substring(at, html.indexOf("</table>", at));
        assertEquals(rows.size(), table.split("<tr><td>", -1).length - 1, key + ": " + rows);
        assertTrue(key.equals("09162000") || !rows.isEmpty(), "a city with programmes: " + key);
    }

    @Test void mapsDrawTheStatesFromOneImmutableFile() throws Exception {
        String html = new String(request("GET", "/page/city/06411000").body(), StandardCharsets.UTF_8);
        var use = java.util.regex.Pattern.compile("<use href=\"(/static/map/germany-states-[0-9a-f]{12}\\.svg)#(\\w\\w)\" fill=\"(#\\w+)\"").matcher(html);
        java.util.Map<String, String> fills = new java.util.TreeMap<>();
        String file = null;
        while (use.find()) { file = use.group(1); fills.put(use.group(2), use.group(3)); }
        assertEquals(16, fills.size(), "a use per state");
        assertEquals("#dbe6f3", fills.get("he"), "Darmstadt's state stands out");
        assertTrue(html.length() < 60_000, "the page carries no outlines: " + html.length());
        var outlines = request("GET", file);
        assertEquals(200, outlines.statusCode());
        assertEquals("image/svg+xml", outlines.headers().firstValue("Content-Type").orElse(""));
        assertTrue(outlines.headers().firstValue("Cache-Control").orElse("").contains("immutable"));
        // a real SVG document, with a path for each id the pages point at
        var doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new java.io.ByteArrayInputStream(outlines.body()));
        var paths = doc.getElementsByTagName("path");
        java.util.Set<String> ids = new java.util.TreeSet<>();
        for (int i = 0; i < paths.getLength(); i++) ids.add(((org.w3c.dom.Element) paths.item(i)).getAttribute("id"));
        assertEquals(fills.keySet(), ids);
        String etag = outlines.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, request("GET", file, "If-None-Match", etag).statusCode(), "revalidated without a body");
        assertEquals(404, request("GET", "/static/map/germany-states-000000000000.svg").statusCode(), "only the current file");
    }

    @Test void programmeEditionAndStatePages() throws Exception {
        String programme = new String(request("GET", "/page/programme/digitale-stadt").body(), StandardCharsets.UTF_8);
        assertTrue(programme.contains("class=\"participants\"") && programme.contains("Wolfsburg") && programme.contains("Finalist"));
        assertTrue(programme.contains("href=\"/id/source/"), "the sources of each participation are links");
        String edition = new String(request("GET", "/page/index/2021").body(), StandardCharsets.UTF_8);
        assertTrue(edition.contains("class=\"ranking sortable\"") && edition.contains("Freiburg im Breisgau"));
        // one row per city, ordered by overall rank: Hamburg (1) before Köln (2)
        assertTrue(edition.indexOf(">Hamburg<") < edition.indexOf(">Köln<"), "ordered by overall rank");
        assertTrue(edition.contains("Tendenz") && edition.contains("table.sortable"), "rank change column and the sort script");
        String state = new String(request("GET", "/page/state/08").body(), StandardCharsets.UTF_8);
        assertTrue(state.contains("Stuttgart") && state.contains("Heidelberg"));
    }

    @Test void ontologyAsHtmlAndTurtle() throws Exception {
        var html = request("GET", "/ontology", "Accept", "text/html");
        assertEquals(200, html.statusCode());
        String h = new String(html.body(), StandardCharsets.UTF_8);
        assertTrue(h.contains("IndexObservation") && h.contains("Handlungsfelder") && h.contains("SHACL") && h.contains("sh:") == false || h.contains("IndexObservation"));
        var ttl = request("GET", "/ontology", "Accept", "text/turtle");
        Model m = parse(ttl);
        assertTrue(m.contains(m.createResource("https://w3id.org/smartcity-de/ontology#City"), RDFS.label, "Stadt", "de"));
    }

    @Test void dumpsHaveChecksumsHeadersAndConditionalGet() throws Exception {
        for (String name : new String[]{DumpWriter.ALL, "smartcity-lod-index.ttl", "smartcity-lod.rdfp"}) {
            var r = request("GET", "/dumps/" + name);
            assertEquals(200, r.statusCode(), name);
            String sha = new String(request("GET", "/dumps/" + name + ".sha256").body(), StandardCharsets.UTF_8).split("\\s+")[0];
            assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(r.body())), sha, "checksum of served bytes " + name);
            assertEquals(Long.toString(r.body().length), r.headers().firstValue("Content-Length").orElseThrow());
            String etag = r.headers().firstValue("ETag").orElseThrow();
            assertTrue(r.headers().firstValue("Last-Modified").isPresent());
            var head = request("HEAD", "/dumps/" + name);
            assertEquals(200, head.statusCode());
            assertEquals(0, head.body().length);
            assertEquals(etag, head.headers().firstValue("ETag").orElseThrow());
            assertEquals(Long.toString(r.body().length), head.headers().firstValue("Content-Length").orElseThrow());
            assertEquals(304, request("GET", "/dumps/" + name, "If-None-Match", etag).statusCode());
            assertEquals(200, request("GET", "/dumps/" + name, "If-None-Match", "\"other\"").statusCode());
            assertEquals(304, request("GET", "/dumps/" + name, "If-Modified-Since", r.headers().firstValue("Last-Modified").get()).statusCode());
        }
        assertEquals("application/gzip", request("HEAD", "/dumps/" + DumpWriter.ALL).headers().firstValue("Content-Type").orElse(""));
        assertTrue(request("HEAD", "/dumps/smartcity-lod-index.ttl").headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"));
    }

    @Test void voidDescribesDatasetsAndLinksets() throws Exception {
        Model m = parse(request("GET", "/.well-known/void", "Accept", "text/turtle"));
        String VOID = "http://rdfs.org/ns/void#";
        Resource all = m.createResource(BASE + "catalog/dataset/smartcity-lod");
        assertTrue(all.hasProperty(m.createProperty(VOID, "sparqlEndpoint")));
        assertTrue(all.getProperty(m.createProperty(VOID, "triples")).getLong() > 5000);
        Resource wikidata = m.createResource(BASE + "catalog/linkset/wikidata");
        assertEquals(16 + 23 + 151, wikidata.getProperty(m.createProperty(VOID, "triples")).getLong(), "every state, district and municipality links to Wikidata");
        Resource nuts = m.createResource(BASE + "catalog/linkset/nuts");
        assertTrue(nuts.getProperty(m.createProperty(VOID, "triples")).getLong() > 150);
        Resource index = m.createResource(BASE + "catalog/dataset/index");
        assertTrue(index.getProperty(m.createProperty(VOID, "entities")).getLong() > 100);
    }
}
