package de.smartcitylod.serve;

import de.smartcitylod.publish.Catalogue;
import de.smartcitylod.publish.Release;
import de.smartcitylod.publish.VoidDescription;
import de.smartcitylod.vocab.SC;
import de.smartcitylod.vocab.Vocab;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.query.*;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.*;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import static de.smartcitylod.serve.Html.esc;

/**
 * The linked-data side of the server. The configured base URI is mapped onto the server:
 * {@code /id/...} (and the ontology's concept URIs) answer 303 See Other to a page for browsers or
 * an RDF document for RDF clients; {@code /page/...} and {@code /data/...(.ttl|.jsonld|.nt|.rdf)}
 * are the documents; {@code /ontology}, {@code /catalog}, {@code /.well-known/void} and
 * {@code /dumps/} describe and distribute the release.
 */
public final class LinkedDataRoutes implements WebServlet.Routes {
    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9._~/-]+");
    private static final List<String> PAGE_OR_RDF = List.of(Conneg.HTML, "text/turtle", "application/ld+json", "application/n-triples", "application/rdf+xml");
    private static final List<String> RDF_FIRST = List.of("text/turtle", "application/ld+json", "application/n-triples", "application/rdf+xml", Conneg.HTML);
    private static final Map<String, String> DUMP_TYPES = Map.of(".gz", "application/gzip", ".ttl", "text/turtle; charset=utf-8",
            ".sha256", "text/plain; charset=utf-8", ".rdfp", "text/plain; charset=utf-8", ".md", "text/markdown; charset=utf-8",
            ".properties", "text/plain; charset=utf-8");

    private final DatasetGraph dsg;
    private final Dataset ds;
    private final String base;
    private final Path dumpsDir;
    private final Release release;
    private final Model shapes;
    private final Pages pages;
    private final Map<String, Model> catalogues = new ConcurrentHashMap<>();
    private volatile VoidDescription.Stats stats;

    /** The release these routes serve (its id), named in a Link header of every document. */
    private final String releaseId;

    public LinkedDataRoutes(DatasetGraph dsg, String base, Path dumpsDir, Path shapesFile, String releaseId) {
        this.releaseId = releaseId;
        this.dsg = dsg;
        this.ds = DatasetFactory.wrap(dsg);
        this.dumpsDir = dumpsDir;
        this.release = Release.read(dumpsDir);
        this.base = base != null ? base : release != null ? release.base() : de.smartcitylod.vocab.Uris.DEFAULT_BASE;
        this.shapes = Files.exists(shapesFile) ? RDFDataMgr.loadModel(shapesFile.toString()) : ModelFactory.createDefaultModel();
        this.shapes.setNsPrefixes(Vocab.prefixes());
        this.pages = new Pages(ds, this.base, propertyLabels());
    }

    public String base() { return base; }

    private Map<String, String[]> propertyLabels() {
        Map<String, String[]> out = new HashMap<>();
        Txn.executeRead(dsg, () -> {
            try (QueryExecution qe = QueryExecutionFactory.create(Pages.PREFIXES + """
                    SELECT ?p ?de ?en WHERE { ?p rdfs:label ?de FILTER(lang(?de) = "de") ?p rdfs:label ?en FILTER(lang(?en) = "en")
                      FILTER(STRSTARTS(STR(?p), "https://w3id.org/smartcity-de/ontology")) }""", ds)) {
                qe.execSelect().forEachRemaining(q -> out.put(q.getResource("p").getURI(), new String[]{q.getLiteral("de").getString(), q.getLiteral("en").getString()}));
            }
        });
        return out;
    }

    @Override
    public boolean handle(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = WebServlet.path(req);
        if (path.equals("/catalog") || path.startsWith("/catalog/")) { catalogue(req, resp); return true; }
        if (path.equals("/.well-known/void")) { voidDescription(req, resp); return true; }
        if (path.equals("/dumps") || path.equals("/dumps/")) { dumpIndex(req, resp); return true; }
        if (path.startsWith("/dumps/")) { dumpFile(path.substring("/dumps/".length()), req, resp); return true; }
        if (path.equals("/ontology") || path.matches("/ontology\\.(ttl|jsonld|nt|rdf|html)")) { ontology(path, req, resp); return true; }
        if (path.equals("/id") || path.equals("/id/")) { index(req, resp); return true; }
        if (path.startsWith("/graph/")) {
            String g = path.substring("/graph/".length());
            if (!g.matches("[a-z]+")) return false;
            redirect(resp, "/dumps/smartcity-lod-" + g + ".ttl");
            return true;
        }
        if (!SAFE_PATH.matcher(path).matches()) return false;
        if (path.startsWith("/id/") || path.startsWith("/ontology/")) { resource(path, req, resp); return true; }
        if (path.startsWith("/page/")) { document(path.substring("/page".length()), Conneg.HTML, req, resp); return true; }
        if (path.startsWith("/data/")) { data(path.substring("/data".length()), req, resp); return true; }
        return false;
    }

    /** Resource URI → its IRI under the base (or the ontology's namespace). */
    private String iriOf(String resourcePath) {
        if (resourcePath.startsWith("/ontology/")) return SC.ONTOLOGY + resourcePath.substring("/ontology".length());
        return base + resourcePath.substring(1);
    }

    private void resource(String path, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        // explicit suffix on the resource URI: serve that representation directly
        String suffix = suffix(path);
        if (suffix != null && Conneg.SUFFIXES.containsKey(suffix)) {
            document(path.substring(0, path.length() - suffix.length() - 1), Conneg.SUFFIXES.get(suffix), req, resp);
            return;
        }
        String iri = iriOf(path);
        if (!known(iri)) { notFound(resp, iri); return; }
        String type = Conneg.choose(req.getHeader("Accept"), preferHtml(req) ? PAGE_OR_RDF : RDF_FIRST);
        if (type == null) { resp.sendError(406, "Not acceptable: offers are " + PAGE_OR_RDF); return; }
        String rest = path.startsWith("/id/") ? path.substring(3) : path;
        resp.setHeader("Vary", ResponseCache.VARY);
        resp.setStatus(303);
        resp.setHeader("Location", type.equals(Conneg.HTML) ? "/page" + rest : "/data" + rest + "." + Conneg.suffix(type));
    }

    /** Browsers say text/html explicitly; a bare or missing Accept gets RDF (Turtle) first. */
    private static boolean preferHtml(HttpServletRequest req) {
        String a = req.getHeader("Accept");
        return a != null && (a.contains("text/html") || a.contains("application/xhtml+xml"));
    }

    private void data(String rest, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String suffix = suffix(rest);
        if (suffix != null && Conneg.SUFFIXES.containsKey(suffix)) {
            document(rest.substring(0, rest.length() - suffix.length() - 1), Conneg.SUFFIXES.get(suffix), req, resp);
            return;
        }
        String type = Conneg.choose(req.getHeader("Accept"), RDF_FIRST);
        resp.setHeader("Vary", ResponseCache.VARY);
        document(rest, type == null ? "text/turtle" : type, req, resp);
    }

    /**
     * Pages and documents rendered at once in this JVM: one per core. Each takes a few milliseconds
     * of CPU; with every request thread reading the store at once, TDB2's memory-mapped block access
     * (a synchronized method per file) became a lock convoy (profiled: 2,778 contended entries in
     * 20 s, 73 s of waiting) and 16 clients got 30-40 % fewer pages per second than with this bound.
     * SPARQL queries are not bounded here: one slow query must not hold up the pages.
     */
    private static final java.util.concurrent.Semaphore RENDERERS =
            new java.util.concurrent.Semaphore(Integer.getInteger("smartcity.renderers", Runtime.getRuntime().availableProcessors()), true);

    /** A document about the resource {@code rest} (path after /id, /page or /data, or an ontology path). */
    private void document(String rest, String type, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        RENDERERS.acquireUninterruptibly();
        try { render(rest, type, req, resp); } finally { RENDERERS.release(); }
    }

    private void render(String rest, String type, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (rest.endsWith(".html")) rest = rest.substring(0, rest.length() - 5);
        // rest is "/city/..." (after /page or /data), "/id/city/..." (a suffixed resource URI) or an ontology path
        String iri = rest.startsWith("/ontology/") || rest.startsWith("/id/") ? iriOf(rest) : base + "id" + rest;
        Model d = describe(iri);
        if (d.isEmpty()) { notFound(resp, iri); return; }
        if (releaseId != null) resp.setHeader("Link", "<" + ServedReleases.RELEASE_PREFIX + releaseId + "/>; rel=\"latest-version\"");
        if (type.equals(Conneg.HTML)) {
            String[] html = new String[1];
            final String resourceIri = iri;
            Txn.executeRead(dsg, () -> html[0] = pages.render(d.createResource(resourceIri), d));
            WebServlet.send(resp, "text/html; charset=utf-8", html[0].getBytes(StandardCharsets.UTF_8), req);
        } else {
            sendModel(d, type, req, resp);
        }
    }

    /** Whether the store says anything about (or points at) the resource: enough to answer the 303, which needs no description. */
    boolean known(String iri) {
        if (iri.contains(">") || iri.contains(" ")) return false;
        boolean[] yes = new boolean[1];
        Txn.executeRead(dsg, () -> {
            try (QueryExecution qe = QueryExecutionFactory.create("ASK { { <" + iri + "> ?p ?o } UNION { ?s ?p <" + iri + "> } }", ds)) { yes[0] = qe.execAsk(); }
        });
        return yes[0];
    }

    /** Statements pointing at a resource that its description includes (an edition has one per observation). */
    static final int MAX_INBOUND = 5000;
    private static final List<org.apache.jena.graph.Node> LABELS = List.of(
            org.apache.jena.vocabulary.RDFS.label.asNode(), org.apache.jena.vocabulary.SKOS.prefLabel.asNode());

    /**
     * A resource's description: its own statements, at most {@link #MAX_INBOUND} statements pointing at
     * it, and the labels (rdfs:label, skos:prefLabel) of the resources on their other ends. Read from
     * the union graph's indexes directly: the same as a CONSTRUCT query, at a third of its cost (no
     * query compilation, no bindings; profiled as a fifth of an uncached page's time).
     */
    Model describe(String iri) {
        Model m = ModelFactory.createDefaultModel();
        if (iri.contains(">") || iri.contains(" ")) return m;
        org.apache.jena.graph.Graph out = m.getGraph();
        org.apache.jena.graph.Node me = org.apache.jena.graph.NodeFactory.createURI(iri), any = org.apache.jena.graph.Node.ANY;
        Txn.executeRead(dsg, () -> {
            org.apache.jena.graph.Graph union = dsg.getUnionGraph();
            union.find(me, any, any).forEachRemaining(t -> {
                out.add(t);
                if (!t.getObject().isLiteral()) labelsOf(union, t.getObject(), out);
            });
            var in = union.find(any, any, me);
            try {
                for (int n = 0; n < MAX_INBOUND && in.hasNext(); n++) {
                    var t = in.next();
                    out.add(t);
                    labelsOf(union, t.getSubject(), out);
                }
            } finally { in.close(); }
        });
        m.setNsPrefixes(Vocab.prefixes());
        return m;
    }

    private static void labelsOf(org.apache.jena.graph.Graph g, org.apache.jena.graph.Node n, org.apache.jena.graph.Graph out) {
        for (var p : LABELS) g.find(n, p, org.apache.jena.graph.Node.ANY).forEachRemaining(out::add);
    }

    private void notFound(HttpServletResponse resp, String iri) throws IOException {
        resp.setStatus(404);
        byte[] body = Html.page("Nicht gefunden / Not found", "<p>Keine Daten über / no data about <code>" + esc(iri) + "</code>.</p>").getBytes(StandardCharsets.UTF_8);
        resp.setContentType("text/html; charset=utf-8");
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }

    private static String suffix(String path) {
        int slash = path.lastIndexOf('/'), dot = path.lastIndexOf('.');
        return dot > slash ? path.substring(dot + 1) : null;
    }

    private void sendModel(Model m, String type, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFFormat fmt = switch (type) {
            case "application/ld+json" -> RDFFormat.JSONLD11;
            case "application/n-triples" -> RDFFormat.NTRIPLES;
            case "application/rdf+xml" -> RDFFormat.RDFXML;
            default -> RDFFormat.TURTLE;
        };
        RDFDataMgr.write(out, m, fmt);
        WebServlet.send(resp, type + ("application/rdf+xml".equals(type) ? "" : "; charset=utf-8"), out.toByteArray(), req);
    }

    private void ontology(String path, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String suffix = suffix(path);
        String type = suffix != null ? Conneg.SUFFIXES.get(suffix) : Conneg.choose(req.getHeader("Accept"), preferHtml(req) ? PAGE_OR_RDF : RDF_FIRST);
        resp.setHeader("Vary", ResponseCache.VARY);
        Model ont = ModelFactory.createDefaultModel();
        Txn.executeRead(dsg, () -> ont.add(ModelFactory.createModelForGraph(dsg.getGraph(org.apache.jena.graph.NodeFactory.createURI(base + "graph/ontology")))));
        ont.setNsPrefixes(Vocab.prefixes());
        if (Conneg.HTML.equals(type)) WebServlet.send(resp, "text/html; charset=utf-8", OntologyDoc.render(ont, shapes).getBytes(StandardCharsets.UTF_8), req);
        else sendModel(ont, type == null ? "text/turtle" : type, req, resp);
    }

    private static String publicUrl(HttpServletRequest req) {
        return req.getScheme() + "://" + req.getServerName() + ":" + req.getServerPort() + "/";
    }

    /** The releases kept for time travel (the catalogue lists them as versions); none until the server sets it. */
    private volatile java.util.function.Supplier<List<Catalogue.Version>> versions = List::of;

    void versions(java.util.function.Supplier<List<Catalogue.Version>> v) { this.versions = v; }

    public Model catalogue(String publicUrl) {
        List<Catalogue.Version> vs = versions.get();
        String key = publicUrl + " " + vs.stream().map(v -> v.release().version()).sorted().toList();
        return catalogues.computeIfAbsent(key, k -> {
            String u = publicUrl;
            try {
                List<String> states = new ArrayList<>();
                Txn.executeRead(dsg, () -> {
                    try (QueryExecution qe = QueryExecutionFactory.create(Pages.PREFIXES + "SELECT ?k WHERE { ?s a sc:State ; dcterms:identifier ?k } ORDER BY ?k", ds)) {
                        qe.execSelect().forEachRemaining(q -> states.add(q.getLiteral("k").getString()));
                    }
                });
                return Catalogue.build(base, u, dumpsDir, release, states, vs);
            } catch (IOException e) { throw new java.io.UncheckedIOException(e); }
        });
    }

    private void catalogue(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (release == null) { resp.sendError(404, "no release"); return; }
        Model m = catalogue(publicUrl(req));
        describedAs(m, "Katalog / Catalogue (DCAT-AP.de)", "Der DCAT-AP.de-Katalog dieser Daten, wie Portale (GovData, data.europa.eu) ihn lesen; "
                + "hier als Seite für Menschen · The DCAT-AP.de catalogue of this data as portals harvest it, here as a page for people.", req, resp);
    }

    /** An RDF description: a page for browsers, else the RDF format that Accept or ?format= asks for (Turtle by default). */
    private void describedAs(Model m, String title, String intro, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String format = req.getParameter("format");
        String type = format != null && Conneg.RDF_TYPES.contains(format) ? format
                : Conneg.choose(req.getHeader("Accept"), preferHtml(req) ? PAGE_OR_RDF : Conneg.RDF_TYPES);
        resp.setHeader("Vary", ResponseCache.VARY);
        if (Conneg.HTML.equals(type)) {
            String path = WebServlet.path(req);
            WebServlet.send(resp, "text/html; charset=utf-8", DescriptionPage.render(title, intro, m, path).getBytes(StandardCharsets.UTF_8), req);
        } else {
            sendModel(m, type == null ? "text/turtle" : type, req, resp);
        }
    }

    /**
     * The Graph Store Protocol's default graph is the SPARQL default graph here: the union of the
     * named graphs (in the store itself the default graph is empty, so a plain GSP read gave 0 bytes).
     */
    void unionGraph(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Model m = ModelFactory.createDefaultModel();
        Txn.executeRead(dsg, () -> m.add(ModelFactory.createModelForGraph(dsg.getUnionGraph())));
        m.setNsPrefixes(Vocab.prefixes());
        String type = Conneg.choose(req.getHeader("Accept"), Conneg.RDF_TYPES);
        resp.setHeader("Vary", ResponseCache.VARY);
        sendModel(m, type == null ? "text/turtle" : type, req, resp);
    }

    private volatile Long unionTriples;

    /** The endpoint's service description (RDF by Accept) or, for a browser, its help page. */
    void serviceDescription(HttpServletRequest req, HttpServletResponse resp, java.util.Set<String> federation, String timeout) throws IOException {
        if (stats == null) stats = VoidDescription.stats(dsg, base);
        if (unionTriples == null) Txn.executeRead(dsg, () -> {
            try (QueryExecution qe = QueryExecutionFactory.create("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", ds)) {
                unionTriples = qe.execSelect().next().getLiteral("n").getLong();
            }
        });
        String endpoint = publicUrl(req) + SmartCityServer.ENDPOINT.substring(1);
        String type = Conneg.choose(req.getHeader("Accept"), preferHtml(req) ? PAGE_OR_RDF : RDF_FIRST);
        resp.setHeader("Vary", ResponseCache.VARY);
        if (Conneg.HTML.equals(type))
            WebServlet.send(resp, "text/html; charset=utf-8", ServiceDescription.html(endpoint, publicUrl(req), stats, unionTriples, federation, timeout)
                    .getBytes(StandardCharsets.UTF_8), req);
        else sendModel(ServiceDescription.build(endpoint, publicUrl(req), stats, unionTriples, federation, timeout), type == null ? "text/turtle" : type, req, resp);
    }

    private void voidDescription(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (stats == null) stats = VoidDescription.stats(dsg, base);
        Model m = VoidDescription.build(base, publicUrl(req), stats);
        describedAs(m, "VoID", "Die VoID-Beschreibung der Daten: Umfang je Datensatz, Dumps, Vokabulare, Verknüpfungen · "
                + "The VoID description of the data: size per dataset, dumps, vocabularies, linksets.", req, resp);
    }

    private void index(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        StringBuilder sb = new StringBuilder("<p>Einstiegspunkte / entry points:</p>");
        String[][] lists = {{"sc:IndexEdition", "Smart City Index"}, {"sc:AtlasEdition", "Smart-City-Atlas"},
                {"sc:FundingProgramme", "Förderprogramme / funding programmes"}, {"sc:Competition", "Wettbewerbe / competitions"}, {"sc:State", "Länder / states"}};
        for (String[] l : lists) {
            sb.append("<h2>").append(esc(l[1])).append("</h2><ul>");
            String[] html = new String[1];
            Txn.executeRead(dsg, () -> {
                StringBuilder li = new StringBuilder();
                for (var q : pages.select("SELECT ?s ?l WHERE { ?s a " + l[0] + " ; rdfs:label ?l FILTER(lang(?l) = \"de\") } ORDER BY ?l"))
                    li.append("<li>").append(pages.link(Pages.str(q, "s"), Pages.str(q, "l"))).append("</li>");
                html[0] = li.toString();
            });
            sb.append(html[0]).append("</ul>");
        }
        WebServlet.send(resp, "text/html; charset=utf-8", Html.page("Daten / Data", sb.toString()).getBytes(StandardCharsets.UTF_8), req);
    }

    private void dumpIndex(HttpServletRequest req, HttpServletResponse resp) throws IOException { dumpIndex("/dumps/", req, resp); }

    /** The release's files; {@code prefix} is where they are served ({@code /dumps/} or {@code /release/{id}/dumps/}). */
    void dumpIndex(String prefix, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        StringBuilder sb = new StringBuilder();
        if (release != null) sb.append("<p>Release <b>").append(esc(release.version())).append("</b>, ").append(esc(release.date()))
                .append(release.previous().isEmpty() ? "" : " (vorher / previous: " + esc(release.previous()) + ")").append("</p>");
        sb.append("<table><tr><th>Datei / file</th><th>Bytes</th><th>SHA-256</th></tr>");
        if (dumpsDir != null && Files.isDirectory(dumpsDir))
            try (var s = Files.list(dumpsDir)) {
                for (Path f : s.sorted().toList()) {
                    String n = f.getFileName().toString();
                    if (n.endsWith(".sha256") || n.startsWith(".")) continue;     // checksums go beside their file; markers are internal
                    Path sha = dumpsDir.resolve(n + ".sha256");
                    sb.append("<tr><td><a href=\"").append(esc(prefix)).append(esc(n)).append("\">").append(esc(n)).append("</a></td><td>").append(Files.size(f))
                      .append("</td><td><code>").append(Files.exists(sha) ? esc(Files.readString(sha).split("\\s+")[0]) : "").append("</code></td></tr>");
                }
            }
        sb.append("</table><p>Katalog / catalogue: <a href=\"/catalog\">/catalog</a> (DCAT-AP.de) · VoID: <a href=\"/.well-known/void\">/.well-known/void</a></p>");
        WebServlet.send(resp, "text/html; charset=utf-8", Html.page("Dumps", sb.toString()).getBytes(StandardCharsets.UTF_8), req);
    }

    /** Dump files with Content-Type, Content-Length, ETag (SHA-256), Last-Modified, HEAD and conditional GET. */
    void dumpFile(String name, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (dumpsDir == null || !name.matches("[A-Za-z0-9._-]+") || name.startsWith(".")) { resp.sendError(404); return; }
        Path f = dumpsDir.resolve(name);
        if (!Files.isRegularFile(f)) { resp.sendError(404); return; }
        String type = DUMP_TYPES.entrySet().stream().filter(e -> name.endsWith(e.getKey())).map(Map.Entry::getValue).findFirst().orElse("application/octet-stream");
        Path shaFile = dumpsDir.resolve(name + ".sha256");
        String sha = Files.exists(shaFile) ? Files.readString(shaFile).split("\\s+")[0] : de.smartcitylod.publish.DumpWriter.sha256(f);
        String etag = "\"" + sha + "\"";
        long modified = Files.getLastModifiedTime(f).toMillis() / 1000 * 1000;
        resp.setHeader("ETag", etag);
        resp.setHeader("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.ofEpochMilli(modified).atZone(ZoneOffset.UTC)));
        resp.setHeader("Cache-Control", "public, max-age=3600");
        String inm = req.getHeader("If-None-Match");
        boolean notModified = inm != null ? Arrays.stream(inm.split(",")).map(String::trim).anyMatch(t -> t.equals(etag) || t.equals("*"))
                : req.getDateHeader("If-Modified-Since") >= modified;
        if (notModified) { resp.setStatus(304); return; }
        resp.setContentType(type);
        resp.setContentLengthLong(Files.size(f));
        if ("HEAD".equals(req.getMethod())) return;
        // A release's files never change: small ones are kept in memory and written in one piece.
        if (Files.size(f) <= DUMP_IN_MEMORY) {
            byte[] bytes = dumpBytes.computeIfAbsent(name, n -> {
                try { return Files.readAllBytes(f); } catch (IOException e) { throw new java.io.UncheckedIOException(e); }
            });
            resp.getOutputStream().write(bytes);
            return;
        }
        try (OutputStream out = resp.getOutputStream()) { Files.copy(f, out); }
    }

    /** Dump files up to this size are served from memory (the curated data's are a few hundred KB). */
    static final long DUMP_IN_MEMORY = 8L << 20;
    private final Map<String, byte[]> dumpBytes = new ConcurrentHashMap<>();

    private static void redirect(HttpServletResponse resp, String location) {
        resp.setStatus(303);
        resp.setHeader("Location", location);
    }
}
