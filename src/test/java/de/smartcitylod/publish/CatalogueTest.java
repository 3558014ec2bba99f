package de.smartcitylod.publish;

import de.smartcitylod.support.TestServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static de.smartcitylod.support.TestServer.HTTP;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The DCAT-AP.de catalogue served at /catalog passes the official DCAT-AP 3.0.0 and DCAT-AP.de 3.0
 * SHACL shapes (read from ../shared/dcat-ap-shapes, the offline set its README names) with no
 * violation, and every distribution's download URL answers 200 on the running server.
 */
class CatalogueTest {
    /** shared/ sits beside the clone (as in CI); a clone elsewhere on a developer machine falls back to /work/shared. */
    static final Path SHAPES = java.util.stream.Stream.of(Path.of("..", "shared", "dcat-ap-shapes"), Path.of("/work/shared/dcat-ap-shapes"))
            .filter(Files::isDirectory).findFirst().orElse(Path.of("..", "shared", "dcat-ap-shapes"));
    @TempDir static Path dir;
    static TestServer server;
    static Model catalogue;

    @BeforeAll static void start() throws Exception {
        server = TestServer.start(dir, Path.of("data"), o -> o);
        var r = HTTP.send(HttpRequest.newBuilder(URI.create(server.url("/catalog"))).header("Accept", "text/turtle").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        catalogue = ModelFactory.createDefaultModel();
        RDFDataMgr.read(catalogue, new ByteArrayInputStream(r.body()), Lang.TURTLE);
    }

    @AfterAll static void stop() { server.close(); }

    @Test void passesTheDcatApDeShapesWithoutViolation() {
        Assumptions.assumeTrue(Files.isDirectory(SHAPES), "official shapes not found beside the project at " + SHAPES.toAbsolutePath());
        Graph shapesGraph = GraphFactory.createDefaultGraph();
        for (String f : List.of("dcat-ap-3.0.0/dcat-ap-SHACL.ttl", "dcat-ap-de-3.0/dcat-ap-SHACL-DE.ttl",
                "dcat-ap-de-3.0/dcat-ap-spec-german-additions.ttl", "dcat-ap-de-3.0/dcat-ap-de-deprecated.ttl"))
            RDFDataMgr.read(shapesGraph, SHAPES.resolve(f).toString());
        ValidationReport report = ShaclValidator.get().validate(Shapes.parse(shapesGraph), catalogue.getGraph());
        List<String> violations = new ArrayList<>(), warnings = new ArrayList<>();
        report.getEntries().forEach(e -> (e.severity() == Severity.Violation ? violations : warnings)
                .add(e.focusNode() + " " + e.resultPath() + ": " + e.message()));
        assertEquals(List.of(), violations);
        // Recommended properties are filled and no deprecated term is used: the shapes report either as a warning.
        assertEquals(List.of(), warnings);
    }

    @Test void describesEachDatasetWithItsDistributionsAndTheSparqlService() {
        String DCAT = de.smartcitylod.vocab.Vocab.DCAT;
        var datasets = catalogue.listSubjectsWithProperty(org.apache.jena.vocabulary.RDF.type, catalogue.createResource(DCAT + "Dataset")).toList();
        assertEquals(8, datasets.size(), "index, atlas, projects, programmes, reference, sources, the whole dataset and its one release so far");
        var whole = catalogue.createResource("https://w3id.org/smartcity-de/catalog/dataset/" + de.smartcitylod.publish.PublishedDatasets.WHOLE.key());
        var version = whole.getProperty(catalogue.createProperty(DCAT, "hasCurrentVersion")).getResource();
        assertEquals(server.server.releaseId(), version.getProperty(catalogue.createProperty(DCAT, "version")).getString(), "the current release is a version of the whole dataset");
        var services = catalogue.listSubjectsWithProperty(org.apache.jena.vocabulary.RDF.type, catalogue.createResource(DCAT + "DataService")).toList();
        assertEquals(1, services.size());
        assertTrue(services.get(0).getProperty(catalogue.createProperty(DCAT, "endpointURL")).getResource().getURI().endsWith("/smartcity/sparql"));
        var patch = catalogue.listSubjectsWithProperty(catalogue.createProperty(DCAT, "downloadURL"), catalogue.createResource(server.url("/dumps/" + Release.PATCH))).toList();
        assertEquals(1, patch.size(), "the release patch is listed");
        for (var d : catalogue.listSubjectsWithProperty(org.apache.jena.vocabulary.RDF.type, catalogue.createResource(DCAT + "Distribution")).toList())
            assertTrue(d.hasProperty(catalogue.createProperty(DCAT, "mediaType")), "every distribution has a media type: " + d);
        var reference = catalogue.createResource("https://w3id.org/smartcity-de/catalog/dataset/reference");
        var dist = reference.getProperty(catalogue.createProperty(DCAT, "distribution")).getResource();
        assertEquals("http://dcat-ap.de/def/licenses/dl-by-de/2.0", dist.getProperty(org.apache.jena.vocabulary.DCTerms.license).getResource().getURI(),
                "Destatis reference data keeps its dl-de/by-2-0 licence");
    }

    @Test void everyDownloadUrlAnswers200WithTheStatedSizeAndChecksum() throws Exception {
        var urls = catalogue.listObjectsOfProperty(catalogue.createProperty(de.smartcitylod.vocab.Vocab.DCAT, "downloadURL")).toList();
        assertTrue(urls.size() >= 8, urls.toString());
        for (RDFNode u : urls) {
            var r = HTTP.send(HttpRequest.newBuilder(URI.create(u.asResource().getURI())).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, r.statusCode(), u.toString());
            var dist = catalogue.listSubjectsWithProperty(catalogue.createProperty(de.smartcitylod.vocab.Vocab.DCAT, "downloadURL"), u).next();
            assertEquals(r.body().length, dist.getProperty(catalogue.createProperty(de.smartcitylod.vocab.Vocab.DCAT, "byteSize")).getLong(), u.toString());
            String sha = dist.getProperty(catalogue.createProperty(de.smartcitylod.vocab.Vocab.SPDX, "checksum")).getResource()
                    .getProperty(catalogue.createProperty(de.smartcitylod.vocab.Vocab.SPDX, "checksumValue")).getString();
            assertEquals(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(r.body())), sha, u.toString());
        }
    }

    @Test void aBrowserGetsTheCatalogueAndVoidAsPagesWithTheSameFacts() throws Exception {
        var html = server.get("/catalog", "text/html,application/xhtml+xml");
        assertEquals(200, html.statusCode());
        assertTrue(html.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        String DCAT = de.smartcitylod.vocab.Vocab.DCAT;
        for (var d : catalogue.listSubjectsWithProperty(org.apache.jena.vocabulary.RDF.type, catalogue.createResource(DCAT + "Dataset")).toList())
            assertTrue(html.body().contains(d.getURI().replace("&", "&amp;")), "every dataset: " + d);
        for (var u : catalogue.listObjectsOfProperty(catalogue.createProperty(DCAT, "downloadURL")).toList())
            assertTrue(html.body().contains("href=\"" + u.asResource().getURI() + "\""), "every download link: " + u);
        assertTrue(html.body().contains("?format=text/turtle"), "links to the RDF formats");
        var turtle = server.get("/catalog?format=text/turtle", "text/html");
        assertTrue(turtle.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"), "?format= wins over Accept");
        var voidPage = server.get("/.well-known/void", "text/html");
        assertEquals(200, voidPage.statusCode());
        assertTrue(voidPage.body().contains("triples") && voidPage.body().contains("<h2"), "the VoID statements as a page");
        assertTrue(server.get("/catalog", null).headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"), "harvesters without Accept get Turtle");
    }
}
