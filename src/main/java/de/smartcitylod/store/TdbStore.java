package de.smartcitylod.store;

import org.apache.jena.assembler.Assembler;
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
import org.apache.jena.tdb2.sys.TDBInternal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

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
     * Fills the (new, empty) store at {@code dir} and closes it: TDB2's bulk loader for the quads
     * (it reports progress), then the text index from the quads the entity map covers, through the
     * same jena-text index the server uses.
     */
    public static long load(Path configFile, Path dir, DatasetGraph data) {
        Dataset ds = open(configFile, dir);
        DatasetGraph dsg = ds.asDatasetGraph();
        try {
            if (!(dsg instanceof DatasetGraphText text)) throw new IllegalStateException("the configured dataset is not a text dataset: " + dsg.getClass());
            DataLoader loader = LoaderFactory.phasedLoader(text.getBase(), (fmt, args) -> LOG.info(String.format(fmt, args)));
            loader.startBulk();
            try {
                StreamRDF stream = loader.stream();
                data.find().forEachRemaining(stream::quad);
                loader.finishBulk();
            } catch (RuntimeException e) {
                loader.finishException(e);
                throw e;
            }
            long[] indexed = {0};
            TextIndex index = text.getTextIndex();
            Txn.executeWrite(text, () -> data.find().forEachRemaining(q -> {
                Entity e = TextQueryFuncs.entityFromQuad(index.getDocDef(), q);
                if (e != null) { index.addEntity(e); indexed[0]++; }
            }));
            LOG.info("text index: {} entries", indexed[0]);
            return loader.countQuads() + loader.countTriples();
        } finally {
            close(ds);
        }
    }

    /**
     * Publishes release {@code id}: its store (loaded from {@code data} unless the release is still
     * kept from before), then its dumps folder. The store link moves first: a server switches only
     * when both links name the same release. A store that fails to load is removed again.
     * @return the store's generation folder
     */
    public static Path publish(Path configFile, Generations stores, Generations dumps, Path dumpsDir, String id, int keep,
                               java.util.function.Supplier<DatasetGraph> data) {
        Path storeDir = stores.generation(id);
        if (storeDir == null) {
            storeDir = stores.prepare(id);
            try {
                long t0 = System.nanoTime();
                long n = load(configFile, storeDir, data.get());
                LOG.info("loaded {} quads into {} in {} ms", n, storeDir, (System.nanoTime() - t0) / 1_000_000);
            } catch (RuntimeException | Error e) {
                stores.discard(storeDir);
                throw e;
            }
        } else {
            LOG.info("release {} is still kept: its store is served again", id);
        }
        Path store = stores.commit(storeDir, id, keep);
        dumps.commit(dumpsDir, id, keep);
        return store;
    }

    /** Closes the dataset and its text index, and drops TDB2's cached connection so the folder can be moved or deleted. */
    public static void close(Dataset ds) {
        DatasetGraph dsg = ds.asDatasetGraph();
        DatasetGraph base = dsg instanceof DatasetGraphText t ? t.getBase() : dsg;
        org.apache.jena.dboe.base.file.Location location = TDBInternal.isTDB2(base) ? TDBInternal.getDatabaseContainer(base).getLocation() : null;
        ds.close();
        if (location == null) return;
        TDBInternal.expel(base);
        // Expelling leaves the JVM's lock on tdb.lock held; release it, or the folder cannot be opened
        // again under its release name once it has been renamed.
        org.apache.jena.dboe.base.file.ProcessFileLock lock = org.apache.jena.tdb2.sys.DatabaseConnection.lockForLocation(location);
        if (lock != null) org.apache.jena.dboe.base.file.ProcessFileLock.release(lock);
        // The lock file still names this process; while it lives, another process (the server
        // switching to this release) would take the store for locked. Ours to remove: we held it.
        java.nio.file.Path lockFile = java.nio.file.Path.of(location.getDirectoryPath(), "tdb.lock");
        try {
            if (java.nio.file.Files.exists(lockFile)
                    && java.nio.file.Files.readString(lockFile).strip().equals(Long.toString(ProcessHandle.current().pid())))
                java.nio.file.Files.delete(lockFile);
        } catch (java.io.IOException e) {
            LOG.debug("could not remove {}: {}", lockFile, e.toString());
        }
    }
}
