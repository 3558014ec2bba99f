package de.smartcitylod.serve;

import java.nio.file.Path;

/** How to run the server; the defaults are the README's: localhost:3030, store in run/. */
public record ServerOptions(String host, int port, Path config, Path store, Path dumps, Path queries, String base,
                            String timeout, String serviceAllowList, int keep, long pollMillis, long cacheBytes, String onRelease) {
    public static ServerOptions defaults() {
        return new ServerOptions("localhost", 3030, Path.of("fuseki-config/config.ttl"), Path.of("run/tdb2"), Path.of("run/dumps"),
                Path.of("queries"), null, null, null, de.smartcitylod.store.Generations.DEFAULT_KEEP, 500, 256L << 20, null);
    }
    public ServerOptions withPort(int p) { return new ServerOptions(host, p, config, store, dumps, queries, base, timeout, serviceAllowList, keep, pollMillis, cacheBytes, onRelease); }
    public ServerOptions withStore(Path s, Path d) { return new ServerOptions(host, port, config, s, d, queries, base, timeout, serviceAllowList, keep, pollMillis, cacheBytes, onRelease); }
    public ServerOptions withTimeout(String t) { return new ServerOptions(host, port, config, store, dumps, queries, base, t, serviceAllowList, keep, pollMillis, cacheBytes, onRelease); }
    /** Releases served for time travel (the current one included), and how often the release links are looked at. */
    public ServerOptions withReleases(int k, long poll) { return new ServerOptions(host, port, config, store, dumps, queries, base, timeout, serviceAllowList, k, poll, cacheBytes, onRelease); }
    /** Bytes the response cache may hold (answers are exact until the next release). */
    public ServerOptions withCacheBytes(long b) { return new ServerOptions(host, port, config, store, dumps, queries, base, timeout, serviceAllowList, keep, pollMillis, b, onRelease); }
    public ServerOptions withServiceAllowList(String a) { return new ServerOptions(host, port, config, store, dumps, queries, base, timeout, a, keep, pollMillis, cacheBytes, onRelease); }
    /** A command run with the release id appended whenever the served release changes (at start too); null for none. */
    public ServerOptions withOnRelease(String command) { return new ServerOptions(host, port, config, store, dumps, queries, base, timeout, serviceAllowList, keep, pollMillis, cacheBytes, command); }
}
