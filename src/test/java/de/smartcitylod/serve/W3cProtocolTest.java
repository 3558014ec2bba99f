package de.smartcitylod.serve;

import de.smartcitylod.support.Fixtures;
import de.smartcitylod.support.Sparql;
import de.smartcitylod.support.TestServer;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The W3C SPARQL 1.1 Protocol and Service Description test cases, run against the real server.
 *
 * <p>Each test is named after its entry in the W3C manifests (w3c/rdf-tests,
 * {@code sparql/sparql11/protocol/manifest.ttl} and {@code service-description/manifest.ttl}), whose
 * request and expected status it follows. Two adaptations, because this endpoint serves a fixed,
 * read-only release: the manifests' data graphs ({@code data1.rdf} ... {@code data3.rdf}) become three
 * graphs of the release, with one subject typed only in each; and every update case must be refused
 * with a 4xx that says the service is read-only (where the manifest expects a 2xx for a writable
 * store). The dataset cases also check the negative (a graph left out of the protocol dataset is not
 * seen), so a cache key that ignored the dataset parameters would fail them.
 */
class W3cProtocolTest {
    @TempDir static Path dir;
    static TestServer server;
    static String data1, data2, data3;          // subjects typed only in graphs g1, g2, g3
    static final String G = "https://w3id.org/smartcity-de/graph/";
    static final String G1 = G + "index", G2 = G + "atlas", G3 = G + "programmes";

    @BeforeAll static void start() throws Exception {
        server = TestServer.start(dir, Fixtures.dataDir(dir, null), o -> o);
        data1 = onlyIn(G1);
        data2 = onlyIn(G2);
        data3 = onlyIn(G3);
    }
    @AfterAll static void stop() { server.close(); }

    /** A subject with an rdf:type in graph {@code g} and in no other graph. */
    static String onlyIn(String g) throws Exception {
        String q = "SELECT ?s WHERE { GRAPH <" + g + "> { ?s a ?t } FILTER NOT EXISTS { GRAPH ?o { ?s a ?u } FILTER(?o != <" + g + ">) } } ORDER BY ?s LIMIT 1";
        var rows = Sparql.rows(server.query(q, "application/sparql-results+json").body());
        assertFalse(rows.isEmpty(), "the fixture release has a subject typed only in " + g);
        return rows.get(0).get("s");
    }

    static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }
    static String endpoint(String params) { return SmartCityServer.ENDPOINT + (params.isEmpty() ? "" : "?" + params); }

    static HttpResponse<byte[]> send(String method, String path, String contentType, byte[] body, String accept) throws Exception {
        return server.send(method, path, contentType, body, accept, HttpResponse.BodyHandlers.ofByteArray());
    }
    static HttpResponse<byte[]> get(String path) throws Exception { return send("GET", path, null, null, null); }
    static HttpResponse<byte[]> postQuery(String params, String query) throws Exception {
        return send("POST", endpoint(params), "application/sparql-query", query.getBytes(StandardCharsets.UTF_8), null);
    }
    static HttpResponse<byte[]> postForm(String params, String form) throws Exception {
        return send("POST", endpoint(params), "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8), null);
    }

    static String type(HttpResponse<?> r) { return r.headers().firstValue("Content-Type").orElse("").split(";")[0].trim(); }

    /** The manifest's "2xx or 3xx" plus a boolean result in a SPARQL results format. */
    static boolean booleanResult(HttpResponse<byte[]> r) {
        int s = r.statusCode();
        assertTrue(s >= 200 && s < 400, "status " + s + ": " + new String(r.body(), StandardCharsets.UTF_8));
        Lang lang = RDFLanguages.contentTypeToLang(type(r));
        assertNotNull(lang, "a SPARQL results media type, got " + type(r));
        return ResultSetMgr.readBoolean(new ByteArrayInputStream(r.body()), lang);
    }

    static void tabular(HttpResponse<byte[]> r) {
        int s = r.statusCode();
        assertTrue(s >= 200 && s < 400, "status " + s);
        Lang lang = RDFLanguages.contentTypeToLang(type(r));
        assertNotNull(lang, "a tabular results media type, got " + type(r));
        ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(r.body()), lang);
        assertTrue(rs.getResultVars().contains("value"), "the ?value column");
    }

    static void rdf(HttpResponse<byte[]> r) {
        int s = r.statusCode();
        assertTrue(s >= 200 && s < 400, "status " + s);
        Lang lang = RDFLanguages.contentTypeToLang(type(r));
        assertNotNull(lang, "an RDF media type, got " + type(r));
        RDFParser.source(new ByteArrayInputStream(r.body())).lang(lang).parse(ModelFactory.createDefaultModel());
    }

    static void clientError(HttpResponse<byte[]> r) {
        assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, "a 4xx, got " + r.statusCode() + ": " + new String(r.body(), StandardCharsets.UTF_8));
    }

    /** An update case: refused with a 4xx that says the service is read-only, and nothing changed. */
    static void refusedAsReadOnly(HttpResponse<byte[]> r) throws Exception {
        clientError(r);
        assertTrue(new String(r.body(), StandardCharsets.UTF_8).contains("read-only"), "says the service is read-only");
        assertTrue(booleanResult(postQuery("", "ASK { GRAPH <" + G1 + "> { <" + data1 + "> a ?t } }")), "the data is unchanged");
    }

    String askBoth(String a, String b) { return "ASK { <" + a + "> a ?t1 . <" + b + "> a ?t2 . }"; }
    String askNamed(String a, String b) { return "ASK { GRAPH ?g1 { <" + a + "> a ?t1 } GRAPH ?g2 { <" + b + "> a ?t2 } }"; }

    // ---- query cases ----

    @Test void query_post_form() throws Exception {
        assertTrue(booleanResult(postForm("default-graph-uri=" + enc(G + "none"), "query=ASK%20%7B%7D")));
    }

    @Test void query_dataset_default_graphs_get() throws Exception {
        String both = "default-graph-uri=" + enc(G1) + "&default-graph-uri=" + enc(G2);
        assertTrue(booleanResult(get(endpoint("query=" + enc(askBoth(data1, data2)) + "&" + both))));
        assertFalse(booleanResult(get(endpoint("query=" + enc(askBoth(data1, data2)) + "&default-graph-uri=" + enc(G1)))), "only the named default graph");
    }

    @Test void query_dataset_default_graphs_post() throws Exception {
        assertTrue(booleanResult(postQuery("default-graph-uri=" + enc(G1) + "&default-graph-uri=" + enc(G2), askBoth(data1, data2))));
        assertFalse(booleanResult(postQuery("default-graph-uri=" + enc(G1) + "&default-graph-uri=" + enc(G3), askBoth(data1, data2))));
    }

    @Test void query_dataset_named_graphs_post() throws Exception {
        assertTrue(booleanResult(postQuery("named-graph-uri=" + enc(G1) + "&named-graph-uri=" + enc(G2), askNamed(data1, data2))));
        assertFalse(booleanResult(postQuery("named-graph-uri=" + enc(G1), askNamed(data1, data2))));
    }

    @Test void query_dataset_named_graphs_get() throws Exception {
        assertTrue(booleanResult(get(endpoint("query=" + enc(askNamed(data1, data2)) + "&named-graph-uri=" + enc(G1) + "&named-graph-uri=" + enc(G2)))));
    }

    @Test void query_dataset_full() throws Exception {
        String q = "ASK { <" + data3 + "> a ?t3 GRAPH ?g1 { <" + data1 + "> a ?t1 } GRAPH ?g2 { <" + data2 + "> a ?t2 } }";
        assertTrue(booleanResult(postQuery("default-graph-uri=" + enc(G3) + "&named-graph-uri=" + enc(G1) + "&named-graph-uri=" + enc(G2), q)));
        assertFalse(booleanResult(postQuery("default-graph-uri=" + enc(G1) + "&named-graph-uri=" + enc(G1) + "&named-graph-uri=" + enc(G2), q)));
    }

    @Test void query_multiple_dataset() throws Exception {
        // FROM in the query, named graphs by the protocol: the protocol's dataset wins (SPARQL 1.1 Protocol 2.1.4).
        // The manifest encodes the second parameter into the first ('%26'), so only data1's graph is named.
        String q = "ASK FROM <" + G3 + "> { GRAPH ?g1 { <" + data1 + "> a ?t1 } }";
        assertTrue(booleanResult(postQuery("named-graph-uri=" + enc(G1), q)));
        String fromOnly = "ASK FROM <" + G3 + "> { <" + data1 + "> a ?t }";
        assertTrue(booleanResult(postQuery("default-graph-uri=" + enc(G1), fromOnly)), "the protocol's default graph, not FROM's");
    }

    @Test void query_get() throws Exception {
        assertTrue(booleanResult(get(endpoint("query=ASK%20%7B%7D&default-graph-uri=" + enc(G + "none")))));
    }

    @Test void query_content_type_select() throws Exception { tabular(postQuery("", "SELECT (1 AS ?value) {}")); }

    @Test void query_content_type_ask() throws Exception { assertTrue(booleanResult(postQuery("", "ASK {}"))); }

    @Test void query_content_type_describe() throws Exception { rdf(postQuery("", "DESCRIBE <http://example.org/>")); }

    @Test void query_content_type_construct() throws Exception { rdf(postQuery("", "CONSTRUCT { <s> <p> 1 } WHERE {}")); }

    @Test void query_post_direct() throws Exception { assertTrue(booleanResult(postQuery("", "ASK {}"))); }

    // ---- update cases: this service is read-only ----

    @Test void update_dataset_default_graph() throws Exception {
        refusedAsReadOnly(send("POST", endpoint("using-graph-uri=" + enc(G1)), "application/sparql-update",
                ("CLEAR ALL ; INSERT DATA { GRAPH <" + G1 + "> { <urn:x> a <urn:T> } }").getBytes(StandardCharsets.UTF_8), null));
    }
    @Test void update_dataset_default_graphs() throws Exception {
        refusedAsReadOnly(send("POST", endpoint("using-graph-uri=" + enc(G1) + "&using-graph-uri=" + enc(G2)), "application/sparql-update",
                "DROP ALL".getBytes(StandardCharsets.UTF_8), null));
    }
    @Test void update_dataset_named_graphs() throws Exception {
        refusedAsReadOnly(send("POST", endpoint("using-named-graph-uri=" + enc(G1)), "application/sparql-update",
                "DROP ALL".getBytes(StandardCharsets.UTF_8), null));
    }
    @Test void update_dataset_full() throws Exception {
        refusedAsReadOnly(send("POST", endpoint("using-graph-uri=" + enc(G1) + "&using-named-graph-uri=" + enc(G2)), "application/sparql-update",
                "DROP ALL".getBytes(StandardCharsets.UTF_8), null));
    }
    @Test void update_post_form() throws Exception { refusedAsReadOnly(postForm("", "update=CLEAR+ALL")); }
    @Test void update_post_direct() throws Exception {
        refusedAsReadOnly(send("POST", endpoint(""), "application/sparql-update", "CLEAR ALL".getBytes(StandardCharsets.UTF_8), null));
    }
    @Test void update_base_uri() throws Exception {
        refusedAsReadOnly(send("POST", endpoint(""), "application/sparql-update",
                "INSERT DATA { GRAPH <http://example.org/protocol-base-test/> { <http://example.org/s> <http://example.org/p> <test> } }".getBytes(StandardCharsets.UTF_8), null));
        var rows = Sparql.rows(server.query("SELECT ?o WHERE { GRAPH <http://example.org/protocol-base-test/> { ?s ?p ?o } }", "application/sparql-results+json").body());
        assertTrue(rows.isEmpty(), "nothing was written");
    }

    // ---- bad requests ----

    @Test void bad_query_method() throws Exception {
        clientError(send("PUT", endpoint("query=ASK%20%7B%7D"), "application/x-www-form-urlencoded", new byte[0], null));
    }
    @Test void bad_multiple_queries() throws Exception { clientError(get(endpoint("query=ASK%20%7B%7D&query=SELECT%20%2A%20%7B%7D"))); }
    @Test void bad_query_wrong_media_type() throws Exception {
        clientError(send("POST", endpoint(""), "text/plain", "ASK {}".getBytes(StandardCharsets.UTF_8), null));
    }
    @Test void bad_query_missing_form_type() throws Exception {
        clientError(send("POST", endpoint(""), null, "query=ASK%20%7B%7D".getBytes(StandardCharsets.UTF_8), null));
    }
    @Test void bad_query_missing_direct_type() throws Exception {
        clientError(send("POST", endpoint(""), null, "ASK {}".getBytes(StandardCharsets.UTF_8), null));
    }
    @Test void bad_query_non_utf8() throws Exception {
        // UTF-16 with a byte order mark, as the manifest says
        clientError(send("POST", endpoint(""), "application/sparql-query; charset=UTF-16", "ASK {}".getBytes(StandardCharsets.UTF_16), null));
    }
    @Test void bad_query_syntax() throws Exception { clientError(get(endpoint("query=ASK%20%7B"))); }
    @Test void bad_update_get() throws Exception { refusedAsReadOnly(get(endpoint("update=CLEAR%20ALL"))); }
    @Test void bad_multiple_updates() throws Exception { refusedAsReadOnly(postForm("", "update=CLEAR%20NAMED&update=CLEAR%20DEFAULT")); }
    @Test void bad_update_wrong_media_type() throws Exception {
        refusedAsReadOnly(send("POST", endpoint(""), "text/plain", "CLEAR NAMED".getBytes(StandardCharsets.UTF_8), null));
    }
    @Test void bad_update_missing_form_type() throws Exception {
        refusedAsReadOnly(send("POST", endpoint(""), null, "update=CLEAR%20NAMED".getBytes(StandardCharsets.UTF_8), null));
    }
    @Test void bad_update_non_utf8() throws Exception {
        refusedAsReadOnly(send("POST", endpoint(""), "application/sparql-update; charset=UTF-16", "CLEAR NAMED".getBytes(StandardCharsets.UTF_16), null));
    }
    @Test void bad_update_syntax() throws Exception { refusedAsReadOnly(postForm("", "update=CLEAR%20XYZ")); }
    @Test void bad_update_dataset_conflict() throws Exception {
        refusedAsReadOnly(send("POST", endpoint("using-named-graph-uri=" + enc("http://example/people")), "application/sparql-update",
                "WITH <http://example/addresses> DELETE { ?p <urn:n> 'Bill' } INSERT { ?p <urn:n> 'William' } WHERE { ?p <urn:n> 'Bill' }"
                        .getBytes(StandardCharsets.UTF_8), null));
    }

    // ---- service description ----

    static Model serviceDescription(HttpResponse<byte[]> r) {
        assertEquals(200, r.statusCode());
        Lang lang = RDFLanguages.contentTypeToLang(type(r));
        assertNotNull(lang, "GET on the endpoint returns RDF, got " + type(r));
        Model m = ModelFactory.createDefaultModel();
        RDFParser.source(new ByteArrayInputStream(r.body())).lang(lang).parse(m);
        return m;
    }

    @Test void returns_rdf() throws Exception {
        // no Accept header at all, as the W3C harness sends it, and the common RDF types
        serviceDescription(get(endpoint("")));
        for (String accept : new String[] {"text/turtle", "application/rdf+xml", "application/ld+json", "application/n-triples"})
            serviceDescription(send("GET", endpoint(""), null, null, accept));
    }

    @Test void has_endpoint_triple() throws Exception {
        Model m = serviceDescription(get(endpoint("")));
        Resource service = m.listSubjectsWithProperty(RDF.type, m.createResource(ServiceDescription.SD + "Service")).next();
        assertTrue(m.contains(service, m.createProperty(ServiceDescription.SD, "endpoint"), m.createResource(server.url(SmartCityServer.ENDPOINT))),
                "sd:endpoint is the URL that was asked");
    }

    /** Every sd: term used is one the Service Description vocabulary defines, and each is used where its domain says. */
    @Test void conforms_to_schema() throws Exception {
        Model m = serviceDescription(get(endpoint("")));
        Set<String> properties = Set.of("endpoint", "feature", "defaultEntailmentRegime", "entailmentRegime", "supportedEntailmentProfile",
                "entailmentProfile", "extensionFunction", "extensionAggregate", "languageExtension", "supportedLanguage",
                "propertyFeature", "defaultDataset", "availableGraphs", "resultFormat", "inputFormat", "defaultGraph",
                "namedGraph", "name", "graph");
        Set<String> classes = Set.of("Service", "Feature", "Language", "Function", "Aggregate", "EntailmentRegime", "EntailmentProfile",
                "GraphCollection", "Dataset", "Graph", "NamedGraph");
        Set<String> instances = Set.of("SPARQL10Query", "SPARQL11Query", "SPARQL11Update", "DereferencesURIs", "UnionDefaultGraph",
                "RequiresDataset", "EmptyGraphs", "BasicFederatedQuery");
        m.listStatements().forEach(st -> {
            if (st.getPredicate().getNameSpace().equals(ServiceDescription.SD))
                assertTrue(properties.contains(st.getPredicate().getLocalName()), "sd:" + st.getPredicate().getLocalName() + " is in the vocabulary");
            if (st.getObject().isURIResource() && st.getObject().asResource().getURI().startsWith(ServiceDescription.SD)) {
                String local = st.getObject().asResource().getURI().substring(ServiceDescription.SD.length());
                assertTrue(classes.contains(local) || instances.contains(local), "sd:" + local + " is in the vocabulary");
            }
        });
        Resource service = m.listSubjectsWithProperty(RDF.type, m.createResource(ServiceDescription.SD + "Service")).next();
        // the language is SPARQL 1.1 Query only: no update is offered
        assertTrue(m.contains(service, m.createProperty(ServiceDescription.SD, "supportedLanguage"), m.createResource(ServiceDescription.SD + "SPARQL11Query")));
        assertFalse(m.contains(service, m.createProperty(ServiceDescription.SD, "supportedLanguage"), m.createResource(ServiceDescription.SD + "SPARQL11Update")));
        // sd:defaultDataset points at an sd:Dataset with an sd:defaultGraph; each sd:namedGraph has an sd:name and an sd:graph
        Resource ds = service.getPropertyResourceValue(m.createProperty(ServiceDescription.SD, "defaultDataset"));
        assertNotNull(ds);
        assertTrue(ds.hasProperty(RDF.type, m.createResource(ServiceDescription.SD + "Dataset")));
        assertNotNull(ds.getPropertyResourceValue(m.createProperty(ServiceDescription.SD, "defaultGraph")));
        ds.listProperties(m.createProperty(ServiceDescription.SD, "namedGraph")).forEach(ng -> {
            Resource n = ng.getResource();
            assertTrue(n.hasProperty(m.createProperty(ServiceDescription.SD, "name")), "sd:name on " + n);
            assertNotNull(n.getPropertyResourceValue(m.createProperty(ServiceDescription.SD, "graph")), "sd:graph on " + n);
        });
    }
}
