package de.smartcitylod.serve;

import de.smartcitylod.build.BuildJob;
import de.smartcitylod.publish.DumpWriter;
import de.smartcitylod.store.Generations;
import de.smartcitylod.store.Replica;
import de.smartcitylod.support.Fixtures;
import de.smartcitylod.support.Sparql;
import de.smartcitylod.support.TestServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
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

import static de.smartcitylod.support.TestServer.HTTP;
import static org.junit.jupiter.api.Assertions.*;

/**
 * deploy/nginx.conf for real: a primary, two replicas that copy its release over HTTP (checksums
 * verified) and Debian's nginx in front on loopback. One replica is stopped under load: not one
 * request fails. A new release of the primary reaches the remaining replica and is served.
 */
class ReplicasTest {
    static final Path NGINX = Path.of("/usr/sbin/nginx");
    static final String Q = "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/smartcity-de/ontology#Source> }";
    @TempDir Path dir;

    @Test void aReplicaStoppedUnderLoadCostsNoRequestAndNewReleasesReachTheOthers() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(NGINX), "Debian's nginx not installed (.ci/run installs nginx-light); replica test skipped");
        Path data = Fixtures.dataDir(dir.resolve("primary"), null);
        try (TestServer primary = TestServer.start(dir.resolve("primary"), data, o -> o)) {
            URI from = URI.create(primary.url("/"));
            // each replica tells nginx the release it serves (deploy/nginx-release, as the deploy README says)
            Path releaseDir = Files.createDirectories(dir.resolve("nginx-release"));
            String hook = "deploy/nginx-release " + releaseDir + " -p " + dir + " -c " + dir.resolve("nginx.conf");
            List<SmartCityServer> replicas = new ArrayList<>();
            List<Replica> copies = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Path run = dir.resolve("replica" + i);
                Replica r = new Replica(from, Path.of("fuseki-config/config.ttl"), run.resolve("tdb2"), run.resolve("dumps"), 3);
                assertEquals(primary.server.releaseId(), r.sync(), "the replica copies the primary's release");
                assertNull(r.sync(), "and knows when it has it already");
                copies.add(r);
                replicas.add(SmartCityServer.start(ServerOptions.defaults().withPort(0).withStore(run.resolve("tdb2"), run.resolve("dumps")).withReleases(3, 100).withOnRelease(hook)));
            }
            // the dumps a replica serves are the primary's, byte for byte
            Path primaryDump = new Generations(primary.build.dumps()).current().resolve(DumpWriter.ALL);
            assertArrayEquals(Files.readAllBytes(primaryDump), Files.readAllBytes(new Generations(dir.resolve("replica0/dumps")).current().resolve(DumpWriter.ALL)));

            int port;
            try (ServerSocket s = new ServerSocket(0)) { port = s.getLocalPort(); }
            String conf = Files.readString(Path.of("deploy/nginx.conf"))
                    .replace("worker_processes auto;", "worker_processes 2; daemon off; pid " + dir.resolve("nginx.pid") + "; error_log " + dir.resolve("nginx-error.log") + ";")
                    .replace("127.0.0.1:3031", "127.0.0.1:" + replicas.get(0).port()).replace("127.0.0.1:3032", "127.0.0.1:" + replicas.get(1).port())
                    .replace("127.0.0.1:8080", "127.0.0.1:" + port)
                    .replace("/var/cache/nginx/smartcity-lod", dir.resolve("nginx-cache").toString())
                    .replace("/var/lib/smartcity-lod/nginx", releaseDir.toString());
            Files.writeString(dir.resolve("nginx.conf"), conf);
            // nginx's workers run as another user (nobody) and write the micro-cache
            Path cache = Files.createDirectories(dir.resolve("nginx-cache"));
            Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx--x--x"));
            Files.setPosixFilePermissions(cache, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
            Process nginx = new ProcessBuilder(NGINX.toString(), "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
            try {
                String lb = "http://127.0.0.1:" + port;
                waitFor(lb + "/$/ping");
                microCacheAnswersRepeatsAndRevalidations(lb);
                String oldTag = nginxAnswersRevalidationsOfTheCurrentRelease(lb, primary.server.releaseId());
                AtomicBoolean stop = new AtomicBoolean();
                AtomicInteger ok = new AtomicInteger();
                Queue<String> failures = new ConcurrentLinkedQueue<>();
                List<Thread> load = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int n = t;
                    Thread th = new Thread(() -> {
                        int i = 0;
                        while (!stop.get()) {
                            try {
                                // distinct queries too, so that not everything comes from the replicas' caches
                                String q = (n % 2 == 0) ? Q : Q.replace("?n)", "?n) ") + " LIMIT " + (1 + i++);
                                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(lb + "/smartcity/sparql?query=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                                        .header("Accept", "application/sparql-results+json").timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
                                if (r.statusCode() == 200) ok.incrementAndGet(); else failures.add(r.statusCode() + " " + r.body());
                            } catch (Exception e) {
                                failures.add(e.toString());
                            }
                        }
                    });
                    th.start();
                    load.add(th);
                }
                Thread.sleep(1500);
                int before = ok.get();
                replicas.get(0).close();                                  // one replica goes away under load
                Thread.sleep(2500);
                assertTrue(ok.get() > before, "requests go on through the other replica");

                // a new release on the primary reaches the remaining replica, which switches to it
                Files.writeString(data.resolve("sources.csv"), "src-c,Quelle C,Herausgeber C,,2021,,news-article,de,\n", StandardOpenOption.APPEND);
                String id = new BuildJob(primary.build).run().release().version();
                long t0 = System.nanoTime();
                while (!id.equals(primary.server.releaseId()) && System.nanoTime() - t0 < 10_000_000_000L) Thread.sleep(20);
                assertEquals(id, copies.get(1).sync(), "the replica fetches what the primary serves now");
                t0 = System.nanoTime();
                while (!id.equals(replicas.get(1).releaseId()) && System.nanoTime() - t0 < 10_000_000_000L) Thread.sleep(20);
                assertEquals(id, replicas.get(1).releaseId());
                // nginx's micro-cache holds an answer for a second: the new release shows within a few
                String n = null;
                t0 = System.nanoTime();
                while (!"3".equals(n) && System.nanoTime() - t0 < 5_000_000_000L) {
                    HttpResponse<String> after = HTTP.send(HttpRequest.newBuilder(URI.create(lb + "/smartcity/sparql?query=" + URLEncoder.encode(Q, StandardCharsets.UTF_8)))
                            .header("Accept", "application/sparql-results+json").GET().build(), HttpResponse.BodyHandlers.ofString());
                    n = Sparql.rows(after.body()).get(0).get("n");
                    if (!"3".equals(n)) Thread.sleep(100);
                }
                assertEquals("3", n, "the new release through the load balancer");
                // the replica told nginx: the old release's ETag is no longer answered with a 304, the new one's is
                t0 = System.nanoTime();
                while (revalidate(lb, oldTag).statusCode() == 304 && System.nanoTime() - t0 < 10_000_000_000L) Thread.sleep(100);
                assertEquals(200, revalidate(lb, oldTag).statusCode(), "an ETag of the old release gets the new answer");
                t0 = System.nanoTime();
                while (!"RELEASE".equals(revalidate(lb, revalidate(lb, null).headers().firstValue("ETag").orElseThrow()).headers().firstValue("X-Cache-Status").orElse(""))
                        && System.nanoTime() - t0 < 10_000_000_000L) Thread.sleep(100);
                nginxAnswersRevalidationsOfTheCurrentRelease(lb, id);
                Thread.sleep(500);
                stop.set(true);
                for (Thread th : load) th.join();
                assertEquals(List.of(), List.copyOf(failures), "no failed request of " + ok.get());
            } finally {
                nginx.destroy();
                nginx.waitFor();
                for (SmartCityServer r : replicas) r.close();
            }
        }
    }

    /** A replica refuses a release whose bytes do not match what the primary states. */
    @Test void aReplicaRefusesAReleaseWhoseChecksumsDoNotMatch() throws Exception {
        Path data = Fixtures.dataDir(dir.resolve("primary"), null);
        try (TestServer primary = TestServer.start(dir.resolve("primary"), data, o -> o)) {
            Path served = new Generations(primary.build.dumps()).current();
            Files.writeString(served.resolve(DumpWriter.graphFileName("index")), "# tampered\n", StandardOpenOption.APPEND);
            Path run = dir.resolve("replica");
            Replica r = new Replica(URI.create(primary.url("/")), Path.of("fuseki-config/config.ttl"), run.resolve("tdb2"), run.resolve("dumps"), 3);
            var e = assertThrows(java.io.IOException.class, r::sync);
            assertTrue(e.getMessage().contains("does not match"), e.getMessage());
            assertNull(new Generations(run.resolve("tdb2")).current(), "nothing is switched");
            assertNull(new Generations(run.resolve("dumps")).current());
        }
    }

    /**
     * deploy/nginx.conf keeps answers for a second: a repeated request and a revalidation with the
     * replicas' ETag are answered by nginx from its cache (HIT, or REVALIDATED when the second had
     * passed on a slow machine), with the replica's bytes and ETag; gzip and plain answers are kept
     * apart; dumps pass through with their conditional requests.
     */
    private static void microCacheAnswersRepeatsAndRevalidations(String lb) throws Exception {
        URI uri = URI.create(lb + "/smartcity/sparql?query=" + URLEncoder.encode(Q + " # micro-cache", StandardCharsets.UTF_8));
        HttpRequest get = HttpRequest.newBuilder(uri).header("Accept", "application/sparql-results+json").GET().build();
        HttpResponse<String> first = HTTP.send(get, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, first.statusCode());
        assertEquals("MISS", first.headers().firstValue("X-Cache-Status").orElse(""), "the first request goes to a replica");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = HTTP.send(get, HttpResponse.BodyHandlers.ofString());
        assertTrue(FROM_CACHE.contains(again.headers().firstValue("X-Cache-Status").orElse("")), "the repeat is nginx's: " + again.headers().map());
        assertEquals(first.body(), again.body());
        assertEquals(etag, again.headers().firstValue("ETag").orElse(""));
        // two ETags, as a cache holding two variants sends them: not for nginx's release check, for its cache
        HttpResponse<String> revalidated = HTTP.send(HttpRequest.newBuilder(uri).header("Accept", "application/sparql-results+json")
                .header("If-None-Match", "\"0123456789ab-x\", " + etag).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(304, revalidated.statusCode());
        assertTrue(FROM_CACHE.contains(revalidated.headers().firstValue("X-Cache-Status").orElse("")), "nginx answers the revalidation from its cache: " + revalidated.headers().map());
        // another Accept is another answer (Vary: Accept), not the cached JSON
        HttpResponse<String> csv = HTTP.send(HttpRequest.newBuilder(uri).header("Accept", "text/csv").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(csv.body().startsWith("n"), csv.body());
        assertNotEquals(etag, csv.headers().firstValue("ETag").orElse(""));
        // a gzip answer cached first is not given to a client that did not ask for gzip
        URI page = URI.create(lb + "/page/index/2019");
        HttpResponse<byte[]> zipped = HTTP.send(HttpRequest.newBuilder(page).header("Accept", "text/html").header("Accept-Encoding", "gzip").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("gzip", zipped.headers().firstValue("Content-Encoding").orElse(""));
        HttpResponse<String> plain = HTTP.send(HttpRequest.newBuilder(page).header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty() && plain.body().contains("<html"), "plain HTML for a client without gzip");
        // dumps: the replica answers the conditional request (nginx does not keep them)
        String dump = lb + "/dumps/" + DumpWriter.ALL;
        String dumpTag = HTTP.send(HttpRequest.newBuilder(URI.create(dump)).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding()).headers().firstValue("ETag").orElseThrow();
        HttpResponse<Void> dump304 = HTTP.send(HttpRequest.newBuilder(URI.create(dump)).header("If-None-Match", dumpTag).GET().build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(304, dump304.statusCode());
        assertTrue(dump304.headers().firstValue("X-Cache-Status").isEmpty(), "not through the cache");
    }

    private static final String REVALIDATED_QUERY = "/smartcity/sparql?query=" + URLEncoder.encode(Q + " # release check", StandardCharsets.UTF_8);

    /** A GET of the release-check query as JSON, with {@code If-None-Match} if {@code etag} is not null. */
    private static HttpResponse<String> revalidate(String lb, String etag) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(lb + REVALIDATED_QUERY)).header("Accept", "application/sparql-results+json");
        if (etag != null) b.header("If-None-Match", etag);
        return HTTP.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * nginx knows the replicas' release (deploy/nginx-release) and answers a revalidation of it from
     * the request alone, with no replica and no cache file: the ETag names the release and hashes the
     * variant (Accept), which nginx checks, and the request, which the replicas check. Another Accept,
     * a forged variant hash or a POST gets no such 304.
     * @return the ETag revalidated
     */
    private static String nginxAnswersRevalidationsOfTheCurrentRelease(String lb, String release) throws Exception {
        HttpResponse<String> first = revalidate(lb, null);
        assertEquals(200, first.statusCode());
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertTrue(etag.startsWith("\"" + release + "-"), etag);
        HttpResponse<String> r = null;
        long t0 = System.nanoTime();               // the replica's hook may still be reloading nginx
        while ((r = revalidate(lb, etag)).headers().firstValue("X-Cache-Status").filter("RELEASE"::equals).isEmpty() && System.nanoTime() - t0 < 10_000_000_000L)
            Thread.sleep(100);
        assertEquals(304, r.statusCode());
        assertEquals("RELEASE", r.headers().firstValue("X-Cache-Status").orElse(""), "nginx's own 304: " + r.headers().map());
        assertEquals(etag, r.headers().firstValue("ETag").orElse(""));
        assertEquals("public, max-age=300", r.headers().firstValue("Cache-Control").orElse(""));
        assertTrue(r.body().isEmpty());
        // the same ETag for another variant (Accept) is not the current one: a 200 from the cache or a replica
        HttpResponse<String> csv = HTTP.send(HttpRequest.newBuilder(URI.create(lb + REVALIDATED_QUERY)).header("Accept", "text/csv")
                .header("If-None-Match", etag).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, csv.statusCode());
        assertTrue(csv.body().startsWith("n"), csv.body());
        // a well-formed ETag with another variant hash: not nginx's 304
        String forged = etag.substring(0, 14) + (etag.charAt(14) == 'A' ? 'B' : 'A') + etag.substring(15);
        assertEquals(200, revalidate(lb, forged).statusCode());
        // the request part is the replicas' to check, not nginx's (a client revalidates at the URL it got the ETag from)
        String otherRequest = etag.substring(0, 37) + (etag.charAt(37) == 'A' ? 'B' : 'A') + etag.substring(38);
        assertEquals("RELEASE", revalidate(lb, otherRequest).headers().firstValue("X-Cache-Status").orElse(""), otherRequest);
        // a POST of the same query is never answered from the GET's ETag by nginx
        HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(URI.create(lb + REVALIDATED_QUERY)).header("Accept", "application/sparql-results+json")
                .header("If-None-Match", etag).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertNotEquals("RELEASE", post.headers().firstValue("X-Cache-Status").orElse(""));
        return etag;
    }

    private static final Set<String> FROM_CACHE = Set.of("HIT", "REVALIDATED", "UPDATING", "STALE");

    private static void waitFor(String url) throws Exception {
        for (int i = 0; i < 100; i++) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return;
            } catch (java.io.IOException e) { /* not up yet */ }
            Thread.sleep(100);
        }
        fail(url + " did not answer");
    }
}
