package de.smartcitylod.build;

import de.smartcitylod.publish.Release;
import de.smartcitylod.store.Generations;
import de.smartcitylod.store.TdbStore;
import de.smartcitylod.support.Fixtures;
import de.smartcitylod.support.Sparql;
import org.apache.jena.query.Dataset;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Fault trials with real processes: builds killed with SIGKILL at random points never damage what
 * is served, and the next build succeeds; a server killed with SIGKILL and started again serves the
 * same release. bench/soak.sh runs the same kind of trial for minutes under load.
 */
class FaultTrialsTest {
    static final int TRIALS = 10;
    @TempDir Path dir;

    /** The command line in a new JVM: the test's own java and classpath. */
    static ProcessBuilder cli(Path log, String... args) {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), "de.smartcitylod.cli.SmartCity"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    }

    @Test void buildsKilledAtRandomPointsLeaveTheServedReleaseIntactAndTheNextBuildSucceeds() throws Exception {
        Path data = Fixtures.dataDir(dir, null);
        Path store = dir.resolve("run/tdb2"), dumps = dir.resolve("run/dumps"), log = dir.resolve("builds.log");
        String[] build = {"build", "--data", data.toString(), "--store", store.toString(), "--dumps", dumps.toString()};
        assertEquals(0, cli(log, build).start().waitFor(), () -> read(log));
        long seed = System.nanoTime();
        Random random = new Random(seed);
        int killedBeforeCommit = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            Files.writeString(data.resolve("sources.csv"), "src-k" + trial + ",Quelle K" + trial + ",Herausgeber K,,2021,,news-article,de,\n", StandardOpenOption.APPEND);
            String before = new Generations(store).currentId();
            Process p = cli(log, build).start();
            long delay = 200 + random.nextInt(4000);
            boolean finished = p.waitFor(delay, TimeUnit.MILLISECONDS);
            if (!finished) {
                p.destroyForcibly();                                   // SIGKILL: no shutdown hook, no cleanup
                p.waitFor();
            }
            String after = new Generations(store).currentId();
            if (after.equals(before)) killedBeforeCommit++;
            assertServable(store, dumps, "trial " + trial + " (seed " + seed + ", killed after " + delay + " ms" + (finished ? ", had finished" : "") + ")");
        }
        assertTrue(killedBeforeCommit > 0, "at least one build was killed mid-way (seed " + seed + ")");
        // the next build cleans up and publishes the data of the last trial
        assertEquals(0, cli(log, build).start().waitFor(), () -> read(log));
        assertServable(store, dumps, "after the trials");
        assertEquals(String.valueOf(2 + TRIALS), sources(store), "the last build holds every source");
        for (Path builds : List.of(dir.resolve("run/tdb2.builds"), dir.resolve("run/dumps.builds")))
            try (var s = Files.list(builds)) {
                assertTrue(s.allMatch(g -> Files.exists(g.resolve(".complete"))), "no leftover of a killed build in " + builds);
            }
    }

    /** Both links point at complete generations; the store opens and answers; the dumps name their release. */
    private static void assertServable(Path store, Path dumps, String when) {
        Generations s = new Generations(store), d = new Generations(dumps);
        assertNotNull(s.generation(s.currentId()), when + ": store link points at a complete generation");
        assertNotNull(d.generation(d.currentId()), when + ": dumps link points at a complete generation");
        assertEquals(d.currentId(), Release.read(d.current()).version(), when + ": the dumps name their release");
        assertTrue(Integer.parseInt(sources(store)) >= 2, when);
    }

    private static String sources(Path store) {
        Dataset ds = TdbStore.open(Path.of("fuseki-config/config.ttl"), store);
        try {
            return Txn.calculateRead(ds, () -> {
                try (var qe = org.apache.jena.query.QueryExecutionFactory.create(
                        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s a <https://w3id.org/smartcity-de/ontology#Source> } }", ds)) {
                    return qe.execSelect().next().getLiteral("n").getLexicalForm();
                }
            });
        } finally {
            TdbStore.close(ds);
        }
    }

    @Test void aServerKilledAndStartedAgainServesTheSameRelease() throws Exception {
        Path data = Fixtures.dataDir(dir, null);
        Path store = dir.resolve("run/tdb2"), dumps = dir.resolve("run/dumps"), log = dir.resolve("server.log");
        assertEquals(0, cli(log, "build", "--data", data.toString(), "--store", store.toString(), "--dumps", dumps.toString()).start().waitFor(), () -> read(log));
        int port;
        try (ServerSocket s = new ServerSocket(0)) { port = s.getLocalPort(); }
        String[] serve = {"serve", "--port", Integer.toString(port), "--store", store.toString(), "--dumps", dumps.toString()};
        String first, count;
        Process server = cli(log, serve).start();
        try {
            first = releaseOf(port, log);
            count = query(port);
        } finally {
            server.destroyForcibly();
            server.waitFor();
        }
        Process again = cli(log, serve).start();
        try {
            assertEquals(first, releaseOf(port, log), "the same release after kill -9 and restart");
            assertEquals(count, query(port));
        } finally {
            again.destroyForcibly();
            again.waitFor();
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static String releaseOf(int port, Path log) throws Exception {
        long t0 = System.nanoTime();
        while (System.nanoTime() - t0 < 90_000_000_000L) {
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/dumps/" + Release.FILE)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200)
                    return r.body().lines().filter(l -> l.startsWith("version=")).findFirst().orElseThrow();
            } catch (IOException e) {
                Thread.sleep(200);                                    // not listening yet
            }
        }
        fail("the server did not answer within 90 s:\n" + read(log));
        return null;
    }

    private static String query(int port) throws Exception {
        String q = "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/smartcity-de/ontology#Source> }";
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/smartcity/sparql?query="
                + URLEncoder.encode(q, StandardCharsets.UTF_8))).header("Accept", "application/sparql-results+json").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return Sparql.rows(r.body()).get(0).get("n");
    }

    private static String read(Path log) {
        try { return Files.exists(log) ? Files.readString(log) : ""; } catch (IOException e) { return e.toString(); }
    }
}
