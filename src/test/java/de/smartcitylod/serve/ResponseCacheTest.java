package de.smartcitylod.serve;

import de.smartcitylod.build.BuildJob;
import de.smartcitylod.support.Fixtures;
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

import static de.smartcitylod.support.TestServer.HTTP;
import static org.junit.jupiter.api.Assertions.*;

/** Answers are cached per release: repeated requests come from memory, If-None-Match is a 304, a new release changes every ETag. */
class ResponseCacheTest {
    @TempDir Path dir;
    static final String Q = "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/smartcity-de/ontology#Source> }";

    private static HttpResponse<byte[]> get(TestServer s, String path, String accept, String ifNoneMatch) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(s.url(path))).timeout(Duration.ofSeconds(30)).GET();
        if (accept != null) b.header("Accept", accept);
        if (ifNoneMatch != null) b.header("If-None-Match", ifNoneMatch);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String md5(String s) throws Exception {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(java.security.MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    private static String sparql(String q) { return "/smartcity/sparql?query=" + URLEncoder.encode(q, StandardCharsets.UTF_8); }

    @Test void repeatedRequestsComeFromTheCacheAndRevalidateWith304() throws Exception {
        try (TestServer s = TestServer.start(dir, Fixtures.dataDir(dir, null), o -> o)) {
            for (String path : new String[]{sparql(Q), "/page/state/01", "/data/state/01.ttl", "/catalog", "/.well-known/void"}) {
                var first = get(s, path, "application/sparql-results+json, text/turtle;q=0.9, text/html;q=0.8", null);
                var again = get(s, path, "application/sparql-results+json, text/turtle;q=0.9, text/html;q=0.8", null);
                assertEquals(200, first.statusCode(), path);
                assertEquals("MISS", first.headers().firstValue("X-Cache").orElse(""), path);
                assertEquals("HIT", again.headers().firstValue("X-Cache").orElse(""), path);
                assertArrayEquals(first.body(), again.body(), "identical bytes: " + path);
                assertEquals(first.headers().firstValue("Content-Type"), again.headers().firstValue("Content-Type"), path);
                String etag = first.headers().firstValue("ETag").orElseThrow();
                assertTrue(etag.startsWith("\"" + s.server.releaseId() + "-"), "the ETag names the release: " + etag);
                // the variant's hash, which nginx checks ("$smartcity_release $http_accept"), then the request's
                String accept = "application/sparql-results+json, text/turtle;q=0.9, text/html;q=0.8";
                assertEquals("\"" + s.server.releaseId() + "-" + md5(s.server.releaseId() + " " + accept) + "-" + md5(s.server.releaseId() + " " + path + " " + accept) + "\"", etag, path);
                // the replica checks the request part too: an ETag of another URL is no 304 here
                String other = etag.substring(0, etag.length() - 3) + (etag.charAt(etag.length() - 3) == 'A' ? "B" : "A") + etag.substring(etag.length() - 2);
                assertEquals(200, get(s, path, accept, other).statusCode(), path);
                assertTrue(first.headers().firstValue("Cache-Control").orElse("").contains("public"), path);
                var revalidated = get(s, path, "application/sparql-results+json, text/turtle;q=0.9, text/html;q=0.8", etag);
                assertEquals(304, revalidated.statusCode(), path);
                assertEquals(0, revalidated.body().length);
            }
            // a HEAD first does not leave an empty answer for the GET after it
            String fresh = "/page/city/01999002";
            var head = HTTP.send(HttpRequest.newBuilder(URI.create(s.url(fresh))).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, head.statusCode());
            var afterHead = get(s, fresh, "text/html", null);
            assertTrue(afterHead.body().length > 1000, "a whole page after a HEAD: " + afterHead.body().length + " bytes");
            // a HEAD on a query not asked before answers as its GET would (Fuseki's query service alone refuses HEAD)
            String ask = sparql("ASK { ?s ?p ?o } # head-first");
            var headQuery = HTTP.send(HttpRequest.newBuilder(URI.create(s.url(ask))).header("Accept", "application/sparql-results+json")
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, headQuery.statusCode());
            assertEquals(0, headQuery.body().length);
            assertTrue(headQuery.headers().firstValue("ETag").isPresent());
            var getQuery = get(s, ask, "application/sparql-results+json", null);
            assertEquals("HIT", getQuery.headers().firstValue("X-Cache").orElse(""), "the HEAD's answer was kept");
            assertEquals(headQuery.headers().firstValue("ETag"), getQuery.headers().firstValue("ETag"));
            assertTrue(new String(getQuery.body(), StandardCharsets.UTF_8).contains("\"boolean\""), "the whole answer after a HEAD");
            // the same query as a POSTed form is one key too, whatever the parameter order
            var post = HTTP.send(HttpRequest.newBuilder(URI.create(s.url("/smartcity/sparql"))).header("Accept", "application/sparql-results+json")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(Q, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
            var post2 = HTTP.send(HttpRequest.newBuilder(URI.create(s.url("/smartcity/sparql"))).header("Accept", "application/sparql-results+json")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(Q, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, post.statusCode(), post.body());
            assertEquals("HIT", post2.headers().firstValue("X-Cache").orElse(""));
            assertEquals(post.body(), post2.body());
            // a bad query is not cached, and its answer carries no cache headers
            var bad = get(s, sparql("SELECT WHERE {"), "application/sparql-results+json", null);
            assertEquals(400, bad.statusCode());
            assertTrue(bad.headers().firstValue("ETag").isEmpty() && bad.headers().firstValue("Cache-Control").map(v -> !v.contains("public")).orElse(true), bad.headers().toString());
            assertTrue(get(s, "/page/city/99999999", "text/html", null).headers().firstValue("ETag").isEmpty(), "no ETag on a 404");
            assertEquals(400, get(s, sparql("SELECT WHERE {"), "application/sparql-results+json", null).statusCode());
        }
    }

    @Test void trackingParametersShareTheAnswerButNotTheETag() throws Exception {
        try (TestServer s = TestServer.start(dir, Fixtures.dataDir(dir, null), o -> o)) {
            var first = get(s, "/page/state/01?fbclid=IwAR1", "text/html", null);
            var other = get(s, "/page/state/01?fbclid=IwAR2&utm_source=x", "text/html", null);
            assertEquals("MISS", first.headers().firstValue("X-Cache").orElse(""));
            assertEquals("HIT", other.headers().firstValue("X-Cache").orElse(""), "a page does not read the query string: one rendering serves every click");
            assertArrayEquals(first.body(), other.body());
            assertNotEquals(first.headers().firstValue("ETag"), other.headers().firstValue("ETag"), "each URL has its own ETag, as nginx computes it");
            assertEquals(304, get(s, "/page/state/01?fbclid=IwAR2&utm_source=x", "text/html", other.headers().firstValue("ETag").orElseThrow()).statusCode());
            // ?format= is the one parameter these paths read
            var turtle = get(s, "/catalog?format=text/turtle", "text/html", null);
            var jsonld = get(s, "/catalog?format=application/ld%2Bjson&fbclid=IwAR3", "text/html", null);
            assertEquals("MISS", jsonld.headers().firstValue("X-Cache").orElse(""));
            assertTrue(turtle.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"));
            assertTrue(jsonld.headers().firstValue("Content-Type").orElse("").startsWith("application/ld+json"));
            assertEquals("HIT", get(s, "/catalog?fbclid=IwAR4&format=text/turtle", "text/html", null).headers().firstValue("X-Cache").orElse(""));
            // the SPARQL endpoint's query string is the query
            var q1 = get(s, sparql(Q), "application/sparql-results+json", null);
            var q2 = get(s, sparql(Q) + "&fbclid=IwAR5", "application/sparql-results+json", null);
            assertEquals(200, q2.statusCode());
            assertEquals("MISS", q2.headers().firstValue("X-Cache").orElse(""), "queries keep the whole query string in their key");
            assertArrayEquals(q1.body(), q2.body());
            // the catalogue names the host it was asked at: another host name gets its own answer
            var byName = get(s, "/catalog", "text/turtle", null);
            var byAddress = HTTP.send(HttpRequest.newBuilder(URI.create(s.url("/catalog").replace("//localhost:", "//127.0.0.1:"))).header("Accept", "text/turtle").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals("MISS", byAddress.headers().firstValue("X-Cache").orElse(""));
            assertTrue(new String(byName.body(), StandardCharsets.UTF_8).contains("//localhost:") && byAddress.body().contains("//127.0.0.1:"), byAddress.body());
        }
    }

    @Test void aNewReleaseChangesETagsAndAnswers() throws Exception {
        Path data = Fixtures.dataDir(dir, null);
        try (TestServer s = TestServer.start(dir, data, o -> o.withReleases(3, 100))) {
            var before = get(s, sparql(Q), "application/sparql-results+json", null);
            String etag = before.headers().firstValue("ETag").orElseThrow();
            Files.writeString(data.resolve("sources.csv"), "src-c,Quelle C,Herausgeber C,,2021,,news-article,de,\n", StandardOpenOption.APPEND);
            String id = new BuildJob(s.build).run().release().version();
            long t0 = System.nanoTime();
            while (!id.equals(s.server.releaseId()) && System.nanoTime() - t0 < 10_000_000_000L) Thread.sleep(20);
            var after = get(s, sparql(Q), "application/sparql-results+json", etag);
            assertEquals(200, after.statusCode(), "the old ETag no longer matches");
            assertNotEquals(etag, after.headers().firstValue("ETag").orElseThrow());
            assertTrue(new String(after.body(), StandardCharsets.UTF_8).contains("\"3\""), "the new answer");
            assertEquals("MISS", after.headers().firstValue("X-Cache").orElse(""));
        }
    }

    @Test void theCacheStaysWithinItsBoundUnderAFloodOfDistinctQueries() throws Exception {
        long bound = 64 * 1024;
        try (TestServer s = TestServer.start(dir, Fixtures.dataDir(dir, null), o -> o.withCacheBytes(bound))) {
            long max = 0;
            for (int i = 0; i < 400; i++) {
                var r = get(s, sparql("SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT " + (10 + i)), "application/sparql-results+json", null);
                assertEquals(200, r.statusCode());
                if (i % 20 == 0) max = Math.max(max, s.server.cachedBytes());
            }
            max = Math.max(max, s.server.cachedBytes());
            assertTrue(max <= bound, "held " + max + " bytes with a bound of " + bound);
            assertTrue(s.server.cachedBytes() > bound / 4, "and it is used: " + s.server.cachedBytes());
        }
    }

    @Test void aBoundOfZeroKeepsNothingEvenUnderConcurrentRequests() throws Exception {
        try (TestServer s = TestServer.start(dir, Fixtures.dataDir(dir, null), o -> o.withCacheBytes(0))) {
            var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
            try {
                var answers = new java.util.ArrayList<java.util.concurrent.Future<HttpResponse<byte[]>>>();
                for (int i = 0; i < 160; i++) answers.add(pool.submit(() -> get(s, "/page/state/01", "text/html", null)));
                for (var a : answers) {
                    assertEquals(200, a.get().statusCode());
                    assertEquals("MISS", a.get().headers().firstValue("X-Cache").orElse(""), "every answer rendered, none from memory");
                    assertTrue(a.get().headers().firstValue("ETag").isPresent(), "and still an ETag");
                }
            } finally { pool.shutdownNow(); }
            assertEquals(0, s.server.cachedBytes());
        }
    }
}
