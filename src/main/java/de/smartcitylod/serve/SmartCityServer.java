package de.smartcitylod.serve;

import de.smartcitylod.store.StoreConfig;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.DatasetGraph;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.gzip.GzipHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;

/**
 * The embedded Fuseki server: configured by fuseki-config/config.ttl through Fuseki's own parser
 * (store paths pointed at the chosen store), read-only, with ping, Prometheus metrics, CORS, gzip,
 * the federation allow-list, the query page and the linked-data routes.
 */
public final class SmartCityServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SmartCityServer.class);
    public static final String DATASET = "/smartcity";
    public static final String ENDPOINT = DATASET + "/sparql";

    private final FusekiServer fuseki;
    private final ServerOptions options;
    private final FederationGuard guard;

    private final ServedReleases releases;

    private final ResponseCache cache;

    private SmartCityServer(FusekiServer fuseki, ServerOptions options, FederationGuard guard, ServedReleases releases, ResponseCache cache) {
        this.releases = releases;
        this.cache = cache;
        this.fuseki = fuseki;
        this.options = options;
        this.guard = guard;
    }

    public static SmartCityServer start(ServerOptions options) {
        CompactResults.register();
        // Open the generation the link points to now, by its real path: TDB2 caches connections by
        // path, and a later rebuild moves the link, not the folder.
        Path store;
        try { store = options.store().toRealPath(); } catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); }
        Model config = StoreConfig.load(options.config(), store);
        if (options.timeout() != null) StoreConfig.setServerContext(config, "arq:queryTimeout", options.timeout());
        String allow = options.serviceAllowList() != null ? options.serviceAllowList() : StoreConfig.serverContext(config, FederationGuard.CONTEXT_KEY);
        FederationGuard guard = FederationGuard.parse(allow);
        List<ExampleQueries.Example> examples = ExampleQueries.load(options.queries());
        // The routes need the served releases, which exist only once Fuseki has parsed the config.
        java.util.concurrent.atomic.AtomicReference<ServedReleases> served = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicReference<ReleaseRoutes> releaseRoutes = new java.util.concurrent.atomic.AtomicReference<>();
        WebServlet.Routes routes = (req, resp) -> {
            ServedReleases r = served.get();
            if (r == null) return false;
            return releaseRoutes.get().handle(req, resp) || r.withCurrent(s -> s.routes.handle(req, resp));
        };

        // GET on the endpoint without a query: the service description, or a help page for browsers.
        String timeout = options.timeout() != null ? options.timeout() : java.util.Objects.toString(StoreConfig.serverContext(config, "arq:queryTimeout"), "none");
        jakarta.servlet.Filter describe = routeFilter(served, req -> {
            String path = WebServlet.path(req);
            boolean endpoint = path.equals(ENDPOINT) || path.equals(DATASET + "/query") || path.equals(DATASET) || path.equals(DATASET + "/");
            return endpoint && req.getQueryString() == null;
        }, (ld, req, resp) -> ld.serviceDescription(req, resp, guard.allowed(), timeout));
        // GSP ?default answers the union, as the SPARQL default graph does (after the cache: it is a large, cacheable answer).
        jakarta.servlet.Filter gspDefault = routeFilter(served, req -> {
            String path = WebServlet.path(req);
            return (path.equals(DATASET + "/data") || path.equals(DATASET + "/get"))
                    && ("default".equals(req.getQueryString()) || "default=".equals(req.getQueryString()));
        }, LinkedDataRoutes::unionGraph);
        ResponseCache cache = new ResponseCache(() -> served.get() == null ? "" : served.get().current().id, options.cacheBytes());
        FusekiServer fuseki = FusekiServer.create()
                .port(options.port())
                .parseConfig(config)
                .enablePing(true)
                .enableMetrics(true)
                .enableStats(true)
                .enableCors(true, corsConfig(options))
                .addServlet("/*", new WebServlet(examples, ENDPOINT, routes))
                .addFilter("/*", new ReadOnlyGuard())
                .addFilter("/*", describe)
                .addFilter("/*", cache)
                .addFilter("/*", gspDefault)
                .build();
        ServedReleases releases = new ServedReleases(options, fuseki.getDataAccessPointRegistry(), DATASET, guard);
        served.set(releases);
        releaseRoutes.set(new ReleaseRoutes(releases));

        Server jetty = fuseki.getJettyServer();
        // Listen on the chosen interface only (default localhost); 0.0.0.0 for all.
        for (var c : jetty.getConnectors()) if (c instanceof ServerConnector sc) sc.setHost(options.host());
        Handler inner = jetty.getHandler();
        GzipHandler gzip = new GzipHandler();
        gzip.setMinGzipSize(256);
        gzip.addIncludedMethods("GET", "POST");
        gzip.addIncludedMimeTypes("application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                "text/tab-separated-values", "text/turtle", "application/ld+json", "application/n-triples", "application/rdf+xml",
                "application/json", "text/html", "text/javascript", "text/css", "application/sparql-query", "image/svg+xml");
        gzip.setHandler(inner);
        jetty.setHandler(gzip);

        fuseki.start();
        SmartCityServer s = new SmartCityServer(fuseki, options, guard, releases, cache);
        LOG.info("smartcity-lod is listening on {} (SPARQL: {}, query page: {})", s.url(), s.url() + ENDPOINT.substring(1), s.url());
        return s;
    }

    /** A request one of the current release's routes answers in front of Fuseki. */
    interface RouteCall { void run(LinkedDataRoutes routes, HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException; }

    /** A filter that hands GET and HEAD requests it {@code applies} to to the current release's routes, and the rest on. */
    private static jakarta.servlet.Filter routeFilter(java.util.concurrent.atomic.AtomicReference<ServedReleases> served,
                                                      java.util.function.Predicate<HttpServletRequest> applies, RouteCall call) {
        return (sreq, sresp, chain) -> {
            HttpServletRequest req = (HttpServletRequest) sreq;
            ServedReleases r = served.get();
            if (r != null && ("GET".equals(req.getMethod()) || "HEAD".equals(req.getMethod())) && applies.test(req)) {
                r.withCurrent(s -> { call.run(s.routes, req, (HttpServletResponse) sresp); return true; });
                return;
            }
            chain.doFilter(sreq, sresp);
        };
    }

    /** fuseki-config/cors.properties beside the config file: reads from anywhere, no writes, no credentials. */
    static String corsConfig(ServerOptions options) {
        Path p = options.config().toAbsolutePath().resolveSibling("cors.properties");
        return java.nio.file.Files.exists(p) ? p.toString() : null;
    }

    public int port() { return fuseki.getHttpPort(); }

    public String url() {
        String host = "localhost".equals(options.host()) || "0.0.0.0".equals(options.host()) ? "localhost" : options.host();
        return "http://" + host + ":" + port() + "/";
    }

    public FederationGuard guard() { return guard; }

    public void join() { fuseki.join(); }

    /** The id of the release served now. */
    public String releaseId() { return releases.current().id; }

    /** Bytes the response cache holds now. */
    public long cachedBytes() { return cache.weightedBytes(); }

    /** How many times the server has switched to a new release. */
    public int swaps() { return releases.swaps(); }

    @Override public void close() {
        releases.close();
        fuseki.stop();
    }
}
