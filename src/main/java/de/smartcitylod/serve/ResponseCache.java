package de.smartcitylod.serve;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.*;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.*;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.*;
import java.util.function.Supplier;

/**
 * Release-keyed HTTP caching for everything derived from the data: SPARQL results, pages, RDF
 * documents, catalogue, VoID. The data change only with a release, so an answer is exact until the
 * next one: the ETag is the release id plus hashes of the variant (Accept) and of the request (request
 * target, Accept and, for a POST, the SPARQL body; see {@link #etag}), {@code If-None-Match} is answered with 304 before any query runs, and the
 * bytes of a 200 are kept in a Caffeine cache bounded by bytes, not entries. Keys carry the release
 * id, so a switch of release changes every ETag at once and no old answer can be served; the old
 * entries are then dropped.
 */
final class ResponseCache implements Filter {
    /** Answers larger than this are streamed, not kept: a dump-sized CONSTRUCT would push out everything else. */
    static final int MAX_ENTRY = 4 << 20;
    private static final long SLOW_NANOS = 30_000_000_000L;
    /**
     * Answers vary with the Accept header and, as Jetty's GzipHandler compresses them, with
     * Accept-Encoding: setting Vary replaces the one the GzipHandler wrote, so both are named.
     */
    static final String VARY = "Accept, Accept-Encoding";
    private static final Set<String> KEPT_HEADERS = Set.of("Content-Type", "Content-Disposition", "Vary", "Link", "Location", "Content-Language");
    /** Paths with caching of their own (dumps: SHA-256 ETags; static files) or none (admin, metrics). */
    private static final List<String> PASS = List.of("/$/", "/dumps/", "/static/", "/release/");
    /**
     * Linked-data paths, whose answer depends on the path, {@code ?format=} and the headers only.
     * A link shared on social media gains a parameter unique to each click (Facebook's fbclid): it
     * gets its own ETag, as any URL does, but must not make every click render the page again.
     */
    private static final List<String> PATH_ONLY = List.of("/page/", "/id/", "/data/", "/ontology", "/catalog", "/.well-known/");

    /** A kept 200 answer: the headers that describe it, and its bytes. */
    record Entry(Map<String, String> headers, byte[] body) {
        int weight() { return body.length + 256; }
    }

    private final Supplier<String> release;
    private final Cache<String, Entry> cache;
    private volatile String cachedRelease;
    /** False for a bound of 0: Caffeine would still hold each answer until its eviction ran, and serve it meanwhile. */
    private final boolean keeps;

    ResponseCache(Supplier<String> release, long maxBytes) {
        this.release = release;
        this.keeps = maxBytes > 0;
        this.cache = Caffeine.newBuilder().maximumWeight(maxBytes).weigher((String k, Entry e) -> e.weight() + k.length()).build();
    }

    /** Bytes held now (for tests and metrics); never above the bound once Caffeine has evicted. */
    long weightedBytes() {
        cache.cleanUp();
        return cache.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
    }

    @Override
    public void doFilter(ServletRequest sreq, ServletResponse sresp, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) sreq;
        HttpServletResponse resp = (HttpServletResponse) sresp;
        String path = WebServlet.path(req);
        String method = req.getMethod();
        if (!(method.equals("GET") || method.equals("HEAD") || method.equals("POST")) || PASS.stream().anyMatch(path::startsWith)) {
            chain.doFilter(req, resp);
            return;
        }
        String rel = release.get();
        if (!rel.equals(cachedRelease)) {                 // a new release: old keys can never match again; free their memory
            cachedRelease = rel;
            cache.invalidateAll();
        }
        // A POSTed query is part of the key: read it once and hand it on unchanged.
        byte[] body = new byte[0];
        if (method.equals("POST")) {
            String type = Objects.toString(req.getContentType(), "");
            if (type.startsWith("application/x-www-form-urlencoded")) {
                body = canonicalForm(req.getParameterMap()).getBytes(StandardCharsets.UTF_8);   // the container keeps the parsed form for Fuseki
            } else if (type.startsWith("application/sparql-query")) {
                body = req.getInputStream().readNBytes(MAX_ENTRY + 1);
                if (body.length > MAX_ENTRY) { chain.doFilter(new Replay(req, body), resp); return; }
                req = new Replay(req, body);
            } else {
                chain.doFilter(req, resp);                 // updates and anything else: never cached (and refused downstream)
                return;
            }
        }
        String accept = Objects.toString(req.getHeader("Accept"), "");
        String etagKey = key(rel, method, req.getRequestURI() + (req.getQueryString() == null ? "" : "?" + req.getQueryString()), accept, body);
        String etag = etag(rel, accept, etagKey);
        String key = entryKey(etagKey, req, rel, accept, body);
        // Cache headers go on answers that are 200 (or 304 for them) only: an error or a redirect is not kept downstream either.
        if (matches(req.getHeader("If-None-Match"), etag)) {
            cacheHeaders(resp, etag);
            resp.setStatus(304);                            // nothing is run: the release fixes the answer
            resp.setHeader("X-Cache", "REVALIDATED");
            return;
        }
        Entry hit = keeps ? cache.getIfPresent(key) : null;
        if (hit != null) {
            cacheHeaders(resp, etag);
            resp.setHeader("X-Cache", "HIT");
            send(hit, req, resp);
            return;
        }
        // A HEAD that misses is answered as the GET it stands for (Fuseki's query service has no HEAD):
        // the GET's answer is kept, and only its headers are sent.
        HttpServletRequest forward = !method.equals("HEAD") ? req : new HttpServletRequestWrapper(req) {
            @Override public String getMethod() { return "GET"; }
        };
        Capture capture = new Capture(resp);
        long t0 = System.nanoTime();
        chain.doFilter(forward, capture);
        capture.flushBuffer();
        if (capture.overflowed || capture.getStatus() != 200) return;     // sent through already
        Entry e = new Entry(capture.keptHeaders(), capture.bytes());
        // Kept only when the release did not change meanwhile, and not near the query time limit,
        // where a result cut off mid-stream could look like a whole one.
        if (keeps && rel.equals(release.get()) && System.nanoTime() - t0 < SLOW_NANOS) cache.put(key, e);
        resp.setHeader("X-Cache", "MISS");
        cacheHeaders(resp, etag);                           // Fuseki sets its own Cache-Control; this answer is exact for the release
        send(e, req, resp);
    }

    private static void cacheHeaders(HttpServletResponse resp, String etag) {
        resp.setHeader("ETag", etag);
        resp.setHeader("Cache-Control", "public, max-age=300");
        resp.setHeader("Vary", VARY);
    }

    private static void send(Entry e, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setStatus(200);
        e.headers().forEach(resp::setHeader);
        resp.setContentLength(e.body().length);
        if (!"HEAD".equals(req.getMethod())) resp.getOutputStream().write(e.body());
    }

    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) return false;
        for (String t : ifNoneMatch.split(",")) {
            String v = t.trim();
            if (v.startsWith("W/")) v = v.substring(2);
            if (v.equals(etag) || v.equals("*")) return true;
        }
        return false;
    }

    /** Form parameters in a fixed order, so that equal queries get equal keys however the client orders them. */
    static String canonicalForm(Map<String, String[]> params) {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(params).forEach((k, vs) -> { for (String v : vs) sb.append(k).append('=').append(v).append('&'); });
        return sb.toString();
    }

    /**
     * What an answer depends on: the release, the request target as sent (path and query string),
     * Accept and, for a POST, the body. A GET's (and HEAD's) key is {@code "<release> <request-target> <Accept>"}.
     */
    static String key(String release, String method, String target, String accept, byte[] body) {
        return method.equals("GET") || method.equals("HEAD") ? release + " " + target + " " + accept
                : release + " " + method + " " + target + " " + accept + "\n" + new String(body, StandardCharsets.UTF_8);
    }

    /**
     * The key an answer is kept under: the ETag's, but on {@link #PATH_ONLY} paths with no query
     * parameter other than {@code format}; and with the host, which the catalogue names in its URLs.
     */
    private static String entryKey(String etagKey, HttpServletRequest req, String release, String accept, byte[] body) {
        String path = WebServlet.path(req);
        String key = etagKey;
        if (req.getQueryString() != null && PATH_ONLY.stream().anyMatch(path::startsWith)) {
            String format = req.getParameter("format");
            key = key(release, req.getMethod(), req.getRequestURI() + (format == null ? "" : "?format=" + format), accept, body);
        }
        return req.getServerName() + ":" + req.getServerPort() + " " + key;
    }

    /**
     * {@code "<release>-<variant>-<request>"}: the MD5 of {@code "<release> <Accept>"} and of the
     * request's {@link #key}. The replica compares all of it. deploy/nginx.conf answers revalidations of
     * the current release itself and checks the release and the variant only
     * ({@code secure_link_md5 "$smartcity_release $http_accept"}): a client revalidates an ETag at the
     * URL it got it from (entity tags tell apart the representations of one resource, RFC 9110
     * 8.8.3), and hashing the request line again costs what the 304 itself does with a 1 KB query URL.
     */
    static String etag(String release, String accept, String key) {
        return "\"" + release + "-" + hash(release + " " + accept) + "-" + hash(key) + "\"";
    }

    /** The key's MD5 in unpadded base64url: the form nginx's secure_link module compares. Not a security measure: an ETag needs no secret. */
    static String hash(String key) {
        try {
            byte[] d = MessageDigest.getInstance("MD5").digest(key.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
        } catch (NoSuchAlgorithmException e) { throw new IllegalStateException(e); }
    }

    /** The request with its body read once and replayed. */
    private static final class Replay extends HttpServletRequestWrapper {
        private final byte[] body;
        Replay(HttpServletRequest r, byte[] body) { super(r); this.body = body; }
        @Override public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override public int read() { return in.read(); }
                @Override public int read(byte[] b, int off, int len) { return in.read(b, off, len); }
                @Override public boolean isFinished() { return in.available() == 0; }
                @Override public boolean isReady() { return true; }
                @Override public void setReadListener(ReadListener l) { throw new UnsupportedOperationException(); }
            };
        }
        @Override public BufferedReader getReader() { return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8)); }
    }

    /**
     * Holds the answer in memory up to {@link #MAX_ENTRY}; beyond that it stops holding and streams
     * the rest straight to the client (the answer is then not cached).
     */
    private static final class Capture extends HttpServletResponseWrapper {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final HttpServletResponse target;
        private ServletOutputStream out;
        private PrintWriter writer;
        boolean overflowed;

        Capture(HttpServletResponse r) { super(r); this.target = r; }

        Map<String, String> keptHeaders() {
            Map<String, String> h = new LinkedHashMap<>();
            for (String name : KEPT_HEADERS) if (target.getHeader(name) != null) h.put(name, target.getHeader(name));
            return h;
        }

        byte[] bytes() { return buffer.toByteArray(); }

        @Override public void setContentLength(int len) { if (overflowed || getStatus() != 200) target.setContentLength(len); }
        @Override public void setContentLengthLong(long len) { if (overflowed || getStatus() != 200) target.setContentLengthLong(len); }

        @Override public ServletOutputStream getOutputStream() {
            if (out == null) out = new ServletOutputStream() {
                @Override public void write(int b) throws IOException { write(new byte[]{(byte) b}, 0, 1); }
                @Override public void write(byte[] b, int off, int len) throws IOException {
                    if (!overflowed && getStatus() == 200 && buffer.size() + len <= MAX_ENTRY) { buffer.write(b, off, len); return; }
                    if (!overflowed) {                      // too large, or not a 200: pass everything on from here
                        overflowed = true;
                        target.getOutputStream().write(buffer.toByteArray());
                        buffer.reset();
                    }
                    target.getOutputStream().write(b, off, len);
                }
                @Override public boolean isReady() { return true; }
                @Override public void setWriteListener(WriteListener l) { throw new UnsupportedOperationException(); }
            };
            return out;
        }

        @Override public PrintWriter getWriter() {
            if (writer == null) writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8), false);
            return writer;
        }

        @Override public void flushBuffer() throws IOException {
            if (writer != null) writer.flush();
            if (overflowed) target.flushBuffer();
        }

        @Override public void sendError(int sc, String msg) throws IOException { overflowed = true; target.sendError(sc, msg); }
        @Override public void sendError(int sc) throws IOException { overflowed = true; target.sendError(sc); }
    }
}
