package de.smartcitylod.serve;

import de.smartcitylod.publish.Release;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static de.smartcitylod.serve.Html.esc;

/**
 * Time travel: {@code /release/} lists the releases served, {@code /release/{id}/} describes one,
 * {@code /release/{id}/dumps/} serves its files. Its SPARQL endpoint, {@code /release/{id}/sparql},
 * is Fuseki's own (registered by {@link ServedReleases}).
 */
final class ReleaseRoutes implements WebServlet.Routes {
    private final ServedReleases releases;

    ReleaseRoutes(ServedReleases releases) { this.releases = releases; }

    @Override
    public boolean handle(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = WebServlet.path(req);
        if (!path.startsWith(ServedReleases.RELEASE_PREFIX) && !path.equals("/release")) return false;
        String rest = path.length() <= ServedReleases.RELEASE_PREFIX.length() ? "" : path.substring(ServedReleases.RELEASE_PREFIX.length());
        if (rest.isEmpty()) { list(req, resp); return true; }
        int slash = rest.indexOf('/');
        String id = slash < 0 ? rest : rest.substring(0, slash);
        String tail = slash < 0 ? "" : rest.substring(slash + 1);
        ServedReleases.Served r = id.matches("[a-z0-9-]+") ? releases.release(id) : null;
        if (r == null) { resp.sendError(404, "release " + id + " is not served (see /release/)"); return true; }
        if (tail.isEmpty()) { describe(r, req, resp); return true; }
        if (tail.equals("dumps") || tail.equals("dumps/")) { r.routes.dumpIndex(ServedReleases.RELEASE_PREFIX + id + "/dumps/", req, resp); return true; }
        if (tail.startsWith("dumps/")) { r.routes.dumpFile(tail.substring("dumps/".length()), req, resp); return true; }
        resp.sendError(404);
        return true;
    }

    private void list(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String current = releases.current().id;
        StringBuilder sb = new StringBuilder("<p>Jedes Release bleibt unter seiner Kennung abfragbar, solange es aufbewahrt wird; die Kennung ist ein Hash des Inhalts. ")
                .append("Every release stays queryable under its id while it is kept; the id is a hash of its content.</p>")
                .append("<table class=\"releases\"><tr><th>Release</th><th>Datum / date</th><th>Quads</th><th>Vorgänger / previous</th><th>SPARQL</th><th>Dumps</th></tr>");
        for (ServedReleases.Served s : releases.releases()) {
            Release r = s.release;
            String p = ServedReleases.RELEASE_PREFIX + s.id + "/";
            sb.append("<tr><td><a href=\"").append(esc(p)).append("\">").append(esc(s.id)).append("</a>").append(s.id.equals(current) ? " (aktuell / current)" : "")
              .append("</td><td>").append(r == null ? "" : esc(r.date())).append("</td><td>").append(r == null ? "" : r.quads())
              .append("</td><td>").append(r == null ? "" : esc(r.previous())).append("</td><td><code>").append(esc(p)).append("sparql</code></td><td><a href=\"")
              .append(esc(p)).append("dumps/\">").append(esc(p)).append("dumps/</a></td></tr>");
        }
        sb.append("</table>");
        WebServlet.send(resp, "text/html; charset=utf-8", Html.page("Releases", sb.toString()).getBytes(StandardCharsets.UTF_8), req);
    }

    private void describe(ServedReleases.Served s, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Release r = s.release;
        String p = ServedReleases.RELEASE_PREFIX + s.id + "/";
        String body = "<table><tr><th>Kennung / id</th><td>" + esc(s.id) + "</td></tr>"
                + (r == null ? "" : "<tr><th>Datum / date</th><td>" + esc(r.date()) + "</td></tr><tr><th>Quads</th><td>" + r.quads()
                + "</td></tr><tr><th>Vorgänger / previous</th><td>" + esc(r.previous()) + "</td></tr>")
                + "<tr><th>SPARQL</th><td><code>" + esc(p) + "sparql</code> (GET/POST, nur lesend / read-only)</td></tr>"
                + "<tr><th>Dumps</th><td><a href=\"" + esc(p) + "dumps/\">" + esc(p) + "dumps/</a></td></tr></table>";
        WebServlet.send(resp, "text/html; charset=utf-8", Html.page("Release " + s.id, body).getBytes(StandardCharsets.UTF_8), req);
    }
}
