package de.smartcitylod.serve;

import de.smartcitylod.build.BuildJob;
import de.smartcitylod.build.BuildOptions;
import de.smartcitylod.support.Fixtures;
import de.smartcitylod.support.TestServer;
import de.smartcitylod.vocab.Uris;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** With another base URI, the data is minted under it and the server maps that base onto itself. */
class CustomBaseTest {
    @TempDir Path dir;

    @Test void resourcesUnderAConfiguredBaseDereference() throws Exception {
        String base = "http://lod.example.test/smartcity/";
        BuildOptions b = Fixtures.options(dir, Fixtures.dataDir(dir, null)).withUris(new Uris(base));
        new BuildJob(b).run();
        try (TestServer server = TestServer.serve(b, o -> o)) {
            var see = server.get("/id/city/01999001", "text/turtle");
            assertEquals(303, see.statusCode());
            var doc = server.get(see.headers().firstValue("Location").orElseThrow(), "text/turtle");
            assertEquals(200, doc.statusCode());
            Model m = ModelFactory.createDefaultModel();
            RDFDataMgr.read(m, new ByteArrayInputStream(doc.body().getBytes(StandardCharsets.UTF_8)), Lang.TURTLE);
            assertTrue(m.containsResource(m.createResource(base + "id/city/01999001")));
            assertTrue(m.contains(m.createResource(base + "id/city/01999001"), m.createProperty("https://w3id.org/smartcity-de/ontology#state"),
                    m.createResource(base + "id/state/01")), "links stay under the configured base; the vocabulary namespace is fixed");
            String page = server.get("/page/city/01999001", "text/html").body();
            assertTrue(page.contains("href=\"/id/state/01\""), "pages link to this server");
            String catalogue = server.get("/catalog", "text/turtle").body();
            assertTrue(catalogue.contains(base + "catalog/dataset/index"));
        }
    }
}
