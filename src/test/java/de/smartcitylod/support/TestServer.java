package de.smartcitylod.support;

import de.smartcitylod.build.BuildJob;
import de.smartcitylod.build.BuildOptions;
import de.smartcitylod.serve.ServerOptions;
import de.smartcitylod.serve.SmartCityServer;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;

/** Builds a data folder into a temporary store and serves it on a free loopback port. */
public final class TestServer implements AutoCloseable {
    public static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public final BuildOptions build;
    public final SmartCityServer server;

    private TestServer(BuildOptions build, SmartCityServer server) { this.build = build; this.server = server; }

    public static TestServer start(Path dir, Path data, UnaryOperator<ServerOptions> tweak) {
        BuildOptions b = Fixtures.options(dir, data);
        new BuildJob(b).run();
        return serve(b, tweak);
    }

    /** Serves whatever the store of {@code b} holds now, without building. */
    public static TestServer serve(BuildOptions b, UnaryOperator<ServerOptions> tweak) {
        ServerOptions o = tweak.apply(ServerOptions.defaults().withPort(0).withStore(b.store(), b.dumps()));
        return new TestServer(b, SmartCityServer.start(o));
    }

    public String url(String path) { return server.url() + (path.startsWith("/") ? path.substring(1) : path); }

    public HttpResponse<String> get(String path, String accept) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(60)).GET();
        if (accept != null) r.header("Accept", accept);
        return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> query(String sparql, String accept) throws Exception {
        return query(sparql, accept, SmartCityServer.ENDPOINT);
    }

    /** A query to another endpoint of the server, e.g. an older release's {@code /release/{id}/sparql}. */
    public HttpResponse<String> query(String sparql, String accept, String endpoint) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url(endpoint)))
                .timeout(Duration.ofSeconds(90))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(sparql, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Any request, on a fresh client: the server may close a connection after refusing a request whose
     * body it did not read, and that connection must not go back to the shared pool.
     */
    public <T> HttpResponse<T> send(String method, String path, String contentType, byte[] body, String accept,
                                    HttpResponse.BodyHandler<T> handler) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) b.header("Content-Type", contentType);
        if (accept != null) b.header("Accept", accept);
        try (HttpClient client = HttpClient.newHttpClient()) { return client.send(b.build(), handler); }
    }

    @Override public void close() { server.close(); }
}
