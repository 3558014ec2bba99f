package de.smartcitylod.store;

import de.smartcitylod.publish.DumpWriter;

import org.apache.jena.assembler.Assembler;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.text.DatasetGraphText;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.dboe.base.file.ProcessFileLock;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.sys.DatabaseConnection;
import org.apache.jena.tdb2.sys.StoreConnection;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Loads quads into a new TDB2 store with its Lucene text index, assembled from the Fuseki config. */
public final class TdbStore {
    private static final Logger LOG = LoggerFactory.getLogger(TdbStore.class);

    private TdbStore() {}

    /** Opens (creating if needed) the text-indexed TDB2 dataset at {@code dir} as the config describes it. */
    public static Dataset open(Path configFile, Path dir) {
        Model config = StoreConfig.load(configFile, dir);
        return (Dataset) Assembler.general().open(StoreConfig.datasetResource(config));
    }

    /**
     * Fills the (new, empty) store at {@code dir} from the quads {@code producer} streams into it, and
     * closes it: TDB2's bulk loader for the quads (it reports progress), then the text index from the
     * loaded store through the same jena-text index the server uses. Nothing is held in memory but
     * the loader's own buffers.
     */
    public static long load(Path configFile, Path dir, Consumer<StreamRDF> producer) {
        Dataset ds = open(configFile, dir);
        DatasetGraph dsg = ds.asDatasetGraph();
        try {
            if (!(dsg instanceof DatasetGraphText text)) throw new IllegalStateException("the configured dataset is not a text dataset: " + dsg.getClass());
            DataLoader loader = LoaderFactory.phasedLoader(text.getBase(), (fmt, args) -> LOG.info(String.format(fmt, args)));
            loader.startBulk();
            try {
                producer.accept(loader.stream());
                loader.finishBulk();
            } catch (RuntimeException e) {
                loader.finishException(e);
                throw e;
            }
            long[] indexed = {0};
            TextIndex index = text.getTextIndex();
            // Only the indexed predicates' quads (POSG index): a scan of the whole store decoded every
            // quad for 20,000 entries, 7 s of 9.1M quads on the build's critical path.
            java.util.Set<Node> predicates = new java.util.LinkedHashSet<>();
            for (String field : index.getDocDef().fields()) predicates.addAll(index.getDocDef().getPredicates(field));
            Txn.executeWrite(text, () -> {
                for (Node p : predicates) text.getBase().find(Node.ANY, Node.ANY, p, Node.ANY).forEachRemaining(q -> {
                    Entity e = TextQueryFuncs.entityFromQuad(index.getDocDef(), q);
                    if (e != null) { index.addEntity(e); indexed[0]++; }
                });
            });
            LOG.info("text index: {} entries", indexed[0]);
            return loader.countQuads() + loader.countTriples();
        } finally {
            close(ds);
        }
    }

    /** Streams a gzipped N-Quads dump (a release's {@code smartcity-lod.nq.gz}) into a loader. */
    public static Consumer<StreamRDF> fromDump(Path nqGz) {
        return sink -> {
            try { DumpWriter.read(nqGz, sink); } catch (IOException e) { throw new UncheckedIOException(e); }
        };
    }

    /**
     * Publishes release {@code id} when its store is not loaded yet: loads it from {@code producer}
     * unless the release is still kept from before, then commits store and dumps (see {@link #commit}).
     * A store that fails to load is removed again.
     */
    public static Path publish(Path configFile, Generations stores, Generations dumps, Path dumpsDir, String id, int keep,
                               Consumer<StreamRDF> producer) {
        Path storeDir = stores.generation(id);
        if (storeDir == null) {
            storeDir = stores.prepare(id);
            try {
                long t0 = System.nanoTime();
                long n = load(configFile, storeDir, producer);
                LOG.info("loaded {} quads into {} in {} ms", n, storeDir, (System.nanoTime() - t0) / 1_000_000);
            } catch (RuntimeException | Error e) {
                stores.discard(storeDir);
                throw e;
            }
        } else {
            LOG.info("release {} is still kept: its store is served again", id);
        }
        return commit(stores, dumps, storeDir, dumpsDir, id, keep);
    }

    /**
     * Makes a loaded (closed) store and its dumps release {@code id}. The store link moves first: a
     * server switches only when both links name the same release. Where the release is still kept
     * from before, the kept store is served again and the new one dropped.
     * @return the store's generation folder
     */
    public static Path commit(Generations stores, Generations dumps, Path storeDir, Path dumpsDir, String id, int keep) {
        Path store = stores.commit(storeDir, id, keep);
        dumps.commit(dumpsDir, id, keep);
        return store;
    }

    /** Closes the dataset and its text index, and drops TDB2's cached connections so the folder can be moved or deleted. */
    public static void close(Dataset ds) {
        DatasetGraph dsg = ds.asDatasetGraph();
        DatasetGraph base = dsg instanceof DatasetGraphText t ? t.getBase() : dsg;
        // The assembler's text dataset wraps the storage itself (DatasetGraphTDB, in the container's
        // Data-NNNN folder), not the switchable container that TDBInternal knows; both hold a lock.
        Location container = null, storage = null;
        if (TDBInternal.isTDB2(base)) {
            container = TDBInternal.getDatabaseContainer(base).getLocation();
        } else if (base instanceof DatasetGraphTDB tdb && !tdb.getLocation().isMem()) {
            storage = tdb.getLocation();
            container = Location.create(Path.of(storage.getDirectoryPath()).getParent());
        }
        ds.close();
        if (container == null) return;
        DatabaseConnection.internalExpel(container, false);
        release(DatabaseConnection.lockForLocation(container), container);
        if (storage != null) {
            StoreConnection.internalExpel(storage, false);
            release(StoreConnection.lockForLocation(storage), storage);
        }
    }

    /**
     * Expelling leaves the JVM's lock on {@code tdb.lock} held: release it, or the folder cannot be
     * opened again under its release name once it has been renamed. The lock file still names this
     * process; while it lives another process (a server switching to this release) would take the
     * store for locked, so it is removed too: ours to remove, we held it.
     */
    private static void release(ProcessFileLock lock, Location location) {
        if (lock != null) ProcessFileLock.release(lock);
        Path lockFile = Path.of(location.getDirectoryPath(), "tdb.lock");
        try {
            if (Files.exists(lockFile) && Files.readString(lockFile).strip().equals(Long.toString(ProcessHandle.current().pid())))
                Files.delete(lockFile);
        } catch (IOException e) {
            LOG.debug("could not remove {}: {}", lockFile, e.toString());
        }
    }
}
