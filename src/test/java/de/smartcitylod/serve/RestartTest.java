package de.smartcitylod.serve;

import de.smartcitylod.build.BuildJob;
import de.smartcitylod.support.Fixtures;
import de.smartcitylod.support.Sparql;
import de.smartcitylod.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.junit.jupiter.api.Assertions.*;

/** A new build is served after the server restarts; until then the running server keeps the old one. */
class RestartTest {
    @TempDir Path dir;
    static final String SOURCES = "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/smartcity-de/ontology#Source> }";

    @Test void newBuildIsServedAfterRestart() throws Exception {
        Path data = Fixtures.dataDir(dir, null);
        TestServer first = TestServer.start(dir, data, o -> o);
        try {
            assertEquals("2", count(first));
            Files.writeString(data.resolve("sources.csv"), "src-c,Quelle C,Herausgeber C,,2021,,news-article,de,\n", StandardOpenOption.APPEND);
            new BuildJob(first.build).run();
            assertEquals("2", count(first), "the running server keeps serving the generation it opened");
        } finally {
            first.close();
        }
        try (TestServer second = TestServer.serve(first.build, o -> o)) {
            assertEquals("3", count(second));
        }
    }

    private static String count(TestServer s) throws Exception {
        return Sparql.rows(s.query(SOURCES, "application/sparql-results+json").body()).get(0).get("n");
    }
}
