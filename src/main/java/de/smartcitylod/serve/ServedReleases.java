package de.smartcitylod.serve;

import de.smartcitylod.publish.Release;
import de.smartcitylod.store.Generations;
import de.smartcitylod.store.MemoryMirror;
import de.smartcitylod.store.TdbStore;
import org.apache.jena.fuseki.server.DataAccessPoint;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.query.Dataset;
import org.apache.jena.sparql.core.DatasetGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The releases a running server serves: the current one at {@code /smartcity} and every kept one,
 * read-only, at {@code /release/{id}}. It watches the {@code run/tdb2} and {@code run/dumps} links
 * (polling: it works whichever process builds, needs no channel between build and server, and a
 * link switch is seen within a second) and, once both name a new release, opens it and switches
 * Fuseki's dataset and the pages, dumps, catalogue and VoID over to it. Requests in flight finish
 * on the release they started on; a retired store is closed only when none is left, and deleted
 * when no build keeps it any more.
 */
final class ServedReleases implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServedReleases.class);
    static final String RELEASE_PREFIX = "/release/";

    /** One opened release: its store, Fuseki service and the routes (pages, dumps, catalogue) over it. */
    static final class Served {
        final String id;
        final Path store, dumps;
        final Release release;
        final Dataset dataset;
        final DataService service;
        final LinkedDataRoutes routes;
        /** Requests on our own routes using this release right now (Fuseki counts its own). */
        final AtomicInteger readers = new AtomicInteger();
        /** Set once the release is being closed: no new reader may take it. */
        volatile boolean closing;

        Served(String id, Path store, Path dumps, Release release, Dataset dataset, DataService service, LinkedDataRoutes routes) {
            this.id = id; this.store = store; this.dumps = dumps; this.release = release;
            this.dataset = dataset; this.service = service; this.routes = routes;
        }
    }

    private final ServerOptions options;
    private final Generations stores, dumps;
    private final DataAccessPointRegistry registry;
    private final DataService template;
    private final FederationGuard guard;
    private final String datasetName;
    private final AtomicReference<Served> current = new AtomicReference<>();
    /** Every opened release by id, the current one included: the time-travel endpoints. */
    private final Map<String, Served> open = new ConcurrentHashMap<>();
    private final List<Served> retiring = Collections.synchronizedList(new ArrayList<>());
    /** Releases no longer served (or that failed to open): not opened again for time travel. */
    private final Set<String> retiredIds = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService watcher;
    /** Told the id of every release served, the first included (null: no {@code --on-release}). */
    private final ReleaseHook hook;
    private final AtomicInteger swaps = new AtomicInteger();

    ServedReleases(ServerOptions options, DataAccessPointRegistry registry, String datasetName, FederationGuard guard) {
        this.options = options;
        this.stores = new Generations(options.store());
        this.dumps = new Generations(options.dumps());
        this.registry = registry;
        this.datasetName = datasetName;
        this.guard = guard;
        // The service Fuseki built from config.ttl: its endpoints are copied onto every release's dataset.
        this.template = registry.get(datasetName).getDataService();
        Served first = adopt(this.template);
        current.set(first);
        open.put(first.id, first);
        registerTimeTravel(first);
        openKept();
        this.hook = options.onRelease() == null ? null : new ReleaseHook(options.onRelease());
        if (hook != null) hook.served(first.id);
        this.watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "release-watcher");
            t.setDaemon(true);
            return t;
        });
        watcher.scheduleWithFixedDelay(this::poll, options.pollMillis(), options.pollMillis(), TimeUnit.MILLISECONDS);
    }

    /** The release Fuseki opened at start (the generation the link named then). */
    private Served adopt(DataService service) {
        Path store = realPath(options.store());
        Path dumpsDir = Files.exists(options.dumps()) ? realPath(options.dumps()) : null;
        Release release = Release.read(dumpsDir);
        DatasetGraph dsg = service.getDataset();
        DatasetGraph copy = MemoryMirror.of(dsg, MemoryMirror.maxQuads());
        if (copy != dsg) {
            service = DataService.newBuilder(template).dataset(copy).build();
            service.goActive();
            registry.put(datasetName, new DataAccessPoint(datasetName, service));
        }
        guard.install(copy.getContext());
        markInUse(store);
        String id = release != null ? release.version() : store.getFileName().toString();
        return served(id, store, dumpsDir, release, org.apache.jena.query.DatasetFactory.wrap(dsg), copy, service);
    }

    private Served openRelease(String id, Path store, Path dumpsDir) {
        Dataset ds = TdbStore.open(options.config(), store);
        DatasetGraph dsg;
        try {
            dsg = MemoryMirror.of(ds.asDatasetGraph(), MemoryMirror.maxQuads());
        } catch (RuntimeException | Error e) {
            TdbStore.close(ds);                                  // not left open for the next poll to open again
            throw e;
        }
        guard.install(dsg.getContext());
        DataService service = DataService.newBuilder(template).dataset(dsg).build();
        service.goActive();
        markInUse(store);
        return served(id, store, dumpsDir, Release.read(dumpsDir), ds, dsg, service);
    }

    /** @param ds the release's store (closed when the release retires); @param dsg what is served: the store or its copy in memory */
    private Served served(String id, Path store, Path dumpsDir, Release release, Dataset ds, DatasetGraph dsg, DataService service) {
        LinkedDataRoutes routes = new LinkedDataRoutes(dsg, options.base(), dumpsDir, Path.of("ontology", "shapes.ttl"), id);
        routes.versions(this::catalogueVersions);
        return new Served(id, store, dumpsDir, release, ds, service, routes);
    }

    /** Releases kept beside the current one become readable at /release/{id}. */
    private void openKept() {
        for (Path store : stores.releases()) {
            String id = store.getFileName().toString();
            if (open.containsKey(id) || retiredIds.contains(id)) continue;
            Path dumpsDir = dumps.generation(id);
            if (dumpsDir == null) continue;
            try {
                Served s = openRelease(id, store, dumpsDir);
                open.put(id, s);
                registerTimeTravel(s);
            } catch (RuntimeException e) {
                LOG.warn("release {} could not be opened for time travel: {}", id, e.getMessage());
                retiredIds.add(id);
            }
        }
    }

    private void registerTimeTravel(Served s) {
        registry.put(RELEASE_PREFIX + s.id, new DataAccessPoint(RELEASE_PREFIX + s.id, s.service));
    }

    Served current() { return current.get(); }

    /** The kept releases as catalogue versions, newest first. */
    List<de.smartcitylod.publish.Catalogue.Version> catalogueVersions() {
        List<de.smartcitylod.publish.Catalogue.Version> out = new ArrayList<>();
        for (Served s : releases()) if (s.release != null && s.dumps != null) out.add(new de.smartcitylod.publish.Catalogue.Version(s.release, s.dumps));
        return out;
    }

    /** A kept release by id, or null. */
    Served release(String id) { return open.get(id); }

    /** Ids of the releases served, newest first. */
    List<Served> releases() {
        List<Served> all = new ArrayList<>(open.values());
        List<String> order = stores.releases().stream().map(p -> p.getFileName().toString()).toList();
        all.sort(Comparator.comparingInt((Served s) -> order.indexOf(s.id) < 0 ? Integer.MAX_VALUE : order.indexOf(s.id)));
        return all;
    }

    int swaps() { return swaps.get(); }

    /** Work a request does with a release's routes. */
    interface Work { boolean run(Served s) throws IOException; }

    /** Runs a request against the current release, holding it until the request is done. */
    boolean withCurrent(Work work) throws IOException {
        Served s = acquire();
        try { return work.run(s); } finally { s.readers.decrementAndGet(); }
    }

    private Served acquire() {
        while (true) {
            Served s = current.get();
            s.readers.incrementAndGet();
            if (!s.closing) return s;
            s.readers.decrementAndGet();                          // switched and retired meanwhile: take the new one
        }
    }

    /** One look at the links; switches when both name a new, complete release. */
    synchronized void poll() {
        try {
            String storeId = stores.currentId(), dumpsId = dumps.currentId();
            Served cur = current.get();
            if (storeId != null && storeId.equals(dumpsId) && !storeId.equals(cur.id) && stores.generation(storeId) != null) switchTo(storeId);
            openKept();
            retireDropped();
            closeIdle();
        } catch (RuntimeException e) {
            LOG.warn("release watcher: {}", e.toString());
        }
    }

    private void switchTo(String id) {
        long t0 = System.nanoTime();
        Served next = open.get(id);
        if (next == null) {
            next = openRelease(id, stores.generation(id), dumps.generation(id));
            open.put(id, next);
            registerTimeTravel(next);
        }
        // One step for everything a request can reach: Fuseki's dataset, then pages, dumps, catalogue
        // and VoID (and any cache they hold), which live in the Served record.
        registry.put(datasetName, new DataAccessPoint(datasetName, next.service));
        Served previous = current.getAndSet(next);
        swaps.incrementAndGet();
        if (hook != null) hook.served(id);
        LOG.info("now serving release {} (was {}), switched in {} ms", id, previous.id, (System.nanoTime() - t0) / 1_000_000);
    }

    /** Ids of the releases kept now: the newest {@code keep}, the current one among them. */
    private Set<String> keptIds() {
        Set<String> ids = new HashSet<>();
        List<Path> all = stores.releases();
        for (Path p : all.subList(0, Math.min(options.keep(), all.size()))) ids.add(p.getFileName().toString());
        return ids;
    }

    /** Releases no build keeps any more stop being served; their stores close once idle. */
    private void retireDropped() {
        Set<String> kept = keptIds();
        for (Served s : List.copyOf(open.values())) {
            if (s == current.get() || kept.contains(s.id)) continue;
            open.remove(s.id);
            registry.remove(RELEASE_PREFIX + s.id);
            retiredIds.add(s.id);
            retiring.add(s);
            LOG.info("release {} is no longer kept: it closes when its last request is done", s.id);
        }
    }

    private void closeIdle() {
        Set<String> kept = keptIds();
        synchronized (retiring) {
            for (Iterator<Served> it = retiring.iterator(); it.hasNext(); ) {
                Served s = it.next();
                if (s.readers.get() > 0 || s.service.activeTxn.get() > 0) continue;
                s.closing = true;
                if (s.readers.get() > 0) { s.closing = false; continue; }   // a request took it just now
                close(s);
                it.remove();
                // The build skipped deleting it while we had it open; nothing keeps it now.
                if (stores.generation(s.id) != null && !kept.contains(s.id)) {
                    Generations.deleteTree(s.store);
                    LOG.info("deleted the store of release {}", s.id);
                }
            }
        }
    }

    private void close(Served s) {
        try {
            TdbStore.close(s.dataset);
        } catch (RuntimeException e) {
            LOG.warn("closing release {}: {}", s.id, e.toString());
        }
        unmarkInUse(s.store);
    }

    private static void markInUse(Path store) {
        try { Files.writeString(store.resolve(Generations.IN_USE + ProcessHandle.current().pid()), ""); } catch (IOException e) { /* read-only store: nothing to mark */ }
    }

    private static void unmarkInUse(Path store) {
        try { Files.deleteIfExists(store.resolve(Generations.IN_USE + ProcessHandle.current().pid())); } catch (IOException e) { /* gone already */ }
    }

    private static Path realPath(Path p) {
        try { return p.toRealPath(); } catch (IOException e) { throw new java.io.UncheckedIOException(e); }
    }

    @Override public void close() {
        watcher.shutdownNow();
        if (hook != null) hook.close();
        for (Served s : open.values()) unmarkInUse(s.store);
        for (Served s : retiring) unmarkInUse(s.store);
    }
}
