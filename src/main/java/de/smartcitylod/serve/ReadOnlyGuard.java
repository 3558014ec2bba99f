package de.smartcitylod.serve;

import jakarta.servlet.*;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The first thing every request meets: this service only reads. Any method but GET, HEAD, POST and
 * OPTIONS, and any POST that is not a SPARQL query (an update, a Graph Store write, an upload), gets
 * 405 with an {@code Allow} header and a message that says so, before Fuseki or anything else sees it.
 */
final class ReadOnlyGuard implements Filter {
    static final String READ_ONLY = "This is a read-only service: SPARQL Update, Graph Store Protocol writes and uploads are not offered. "
            + "Dieser Dienst ist nur lesend.";

    @Override
    public void doFilter(ServletRequest sreq, ServletResponse sresp, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) sreq;
        HttpServletResponse resp = (HttpServletResponse) sresp;
        String method = req.getMethod();
        String path = WebServlet.path(req);
        boolean queryEndpoint = path.endsWith("/sparql") || path.endsWith("/query") || path.equals(SmartCityServer.DATASET)
                || path.equals(SmartCityServer.DATASET + "/");
        switch (method) {
            case "GET", "HEAD", "OPTIONS" -> {
                // An update by GET is wrong twice (the protocol allows updates only by POST); say what matters here.
                // Looked for in the raw query string: parsing the parameters of every GET would cost each cached answer.
                String qs = req.getQueryString();
                if (queryEndpoint && qs != null && (qs.startsWith("update=") || qs.contains("&update="))) { refuse(resp, 400, null); return; }
                chain.doFilter(req, resp);
                return;
            }
            case "POST" -> {
                if (queryEndpoint && isQuery(req)) { chain.doFilter(req, resp); return; }
                refuse(resp, 405, queryEndpoint ? "GET, HEAD, POST, OPTIONS" : "GET, HEAD, OPTIONS");
            }
            default -> refuse(resp, 405, queryEndpoint ? "GET, HEAD, POST, OPTIONS" : "GET, HEAD, OPTIONS");
        }
    }

    /** A SPARQL query by POST: a query body, or a form with a query and no update. */
    private static boolean isQuery(HttpServletRequest req) {
        String type = req.getContentType() == null ? "" : req.getContentType().toLowerCase(java.util.Locale.ROOT);
        if (type.startsWith("application/sparql-query")) return true;
        if (type.startsWith("application/x-www-form-urlencoded")) return req.getParameter("update") == null && req.getParameter("query") != null;
        return false;
    }

    private static void refuse(HttpServletResponse resp, int status, String allow) throws IOException {
        resp.setStatus(status);
        if (allow != null) resp.setHeader("Allow", allow);
        byte[] body = (READ_ONLY + "\n").getBytes(StandardCharsets.UTF_8);
        resp.setContentType("text/plain; charset=utf-8");
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }
}
