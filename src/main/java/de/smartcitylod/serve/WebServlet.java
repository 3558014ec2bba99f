package de.smartcitylod.serve;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Everything the server shows besides Fuseki's own endpoints: the query page, its static files
 * and the example queries. Registered as Jetty's default servlet, so Fuseki's dataset and admin
 * paths take precedence.
 */
public class WebServlet extends HttpServlet {
    private static final String YASGUI = "META-INF/resources/webjars/zazuko__yasgui/4.5.0/build/";
    private static final Map<String, String> TYPES = Map.of("js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8",
            "map", "application/json", "html", "text/html; charset=utf-8");

    private final List<ExampleQueries.Example> examples;
    private final String endpointPath;
    private final Routes extra;

    /** Further routes (linked-data publishing); return false when the path is not theirs. */
    public interface Routes {
        boolean handle(HttpServletRequest req, HttpServletResponse resp) throws IOException;
    }

    public WebServlet(List<ExampleQueries.Example> examples, String endpointPath, Routes extra) {
        this.examples = examples;
        this.endpointPath = endpointPath;
        this.extra = extra;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = path(req);
        if (path.equals("/") || path.equals("/query") || path.equals("/sparql-ui")) {
            send(resp, "text/html; charset=utf-8", QueryPage.render(examples, endpointPath).getBytes(StandardCharsets.UTF_8), req);
        } else if (path.equals("/static/prefixes.json")) {
            // the query page's prefix autocompletion, in prefix.cc's format, from the project's own prefix list
            StringBuilder sb = new StringBuilder("{");
            new java.util.TreeMap<>(de.smartcitylod.vocab.Vocab.prefixes().getNsPrefixMap()).forEach((k, v) ->
                    sb.append(sb.length() > 1 ? "," : "").append(Html.jsonString(k)).append(':').append(Html.jsonString(v)));
            resp.setHeader("Cache-Control", "public, max-age=86400");
            send(resp, "application/json", sb.append('}').toString().getBytes(StandardCharsets.UTF_8), req);
        } else if (path.equals(GermanyMap.OUTLINES_PATH)) {
            // named by its hash: never changes, so browsers and CDNs keep it without asking again
            resp.setHeader("Cache-Control", "public, max-age=31536000, immutable");
            resp.setHeader("ETag", GermanyMap.OUTLINES_ETAG);
            if (ResponseCache.matches(req.getHeader("If-None-Match"), GermanyMap.OUTLINES_ETAG)) { resp.setStatus(304); return; }
            send(resp, "image/svg+xml", GermanyMap.OUTLINES, req);
        } else if (path.startsWith("/static/yasgui/")) {
            String file = path.substring("/static/yasgui/".length());
            if (!file.matches("[A-Za-z0-9._-]+")) { resp.sendError(404); return; }
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(YASGUI + file)) {
                if (in == null) { resp.sendError(404); return; }
                resp.setHeader("Cache-Control", "public, max-age=86400");
                send(resp, TYPES.getOrDefault(file.substring(file.lastIndexOf('.') + 1), "application/octet-stream"), in.readAllBytes(), req);
            }
        } else if (path.equals("/queries") || path.equals("/queries/")) {
            StringBuilder sb = new StringBuilder("[");
            for (ExampleQueries.Example e : examples) {
                if (sb.length() > 1) sb.append(',');
                sb.append("{\"name\":").append(Html.jsonString(e.name())).append(",\"title_de\":").append(Html.jsonString(e.titleDe()))
                  .append(",\"title_en\":").append(Html.jsonString(e.titleEn())).append(",\"de\":").append(Html.jsonString(e.de()))
                  .append(",\"en\":").append(Html.jsonString(e.en())).append(",\"url\":").append(Html.jsonString("/queries/" + e.name() + ".rq")).append('}');
            }
            send(resp, "application/json", sb.append(']').toString().getBytes(StandardCharsets.UTF_8), req);
        } else if (path.startsWith("/queries/") && path.endsWith(".rq")) {
            String name = path.substring("/queries/".length(), path.length() - 3);
            var ex = examples.stream().filter(e -> e.name().equals(name)).findFirst();
            if (ex.isEmpty()) { resp.sendError(404); return; }
            send(resp, "application/sparql-query; charset=utf-8", ex.get().text().getBytes(StandardCharsets.UTF_8), req);
        } else if (extra == null || !extra.handle(req, resp)) {
            resp.sendError(404, "Not found");
        }
    }

    /** POST is for the SPARQL endpoints (Fuseki's, matched before this servlet); a retired release's endpoint is a 404. */
    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = path(req);
        if (path.startsWith("/release/") && extra != null && extra.handle(req, resp)) return;
        resp.setHeader("Allow", "GET, HEAD, OPTIONS");
        resp.sendError(405, "Method not allowed: this is a read-only service; " + path + " answers GET and HEAD");
    }

    @Override
    protected void doHead(HttpServletRequest req, HttpServletResponse resp) throws IOException, jakarta.servlet.ServletException {
        if (extra != null && req.getRequestURI().startsWith("/dumps/") && extra.handle(req, resp)) return;
        super.doHead(req, resp);
    }

    /** The request's path within the server (no context path, no query string). */
    static String path(HttpServletRequest req) { return req.getRequestURI().substring(req.getContextPath().length()); }

    static void send(HttpServletResponse resp, String type, byte[] body, HttpServletRequest req) throws IOException {
        resp.setContentType(type);
        resp.setContentLength(body.length);
        if (!"HEAD".equals(req.getMethod())) resp.getOutputStream().write(body);
    }
}
