package de.smartcitylod.store;

import org.apache.jena.assembler.Assembler;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.text.DatasetGraphText;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Iterator;

/** Loads quads into a new TDB2 store with its Lucene text index, assembled from the Fuseki config. */
public final class TdbStore {
    private static final Logger LOG = LoggerFactory.getLogger(TdbStore.class);
    private static final int BATCH = 100_000;

    private TdbStore() {}

    /** Opens (creating if needed) the text-indexed TDB2 dataset at {@code dir} as the config describes it. */
    public static Dataset open(Path configFile, Path dir) {
        Model config = StoreConfig.load(configFile, dir);
        return (Dataset) Assembler.general().open(StoreConfig.datasetResource(config));
    }

    /** Fills the (new, empty) store at {@code dir}, logging progress, and closes it. */
    public static long load(Path configFile, Path dir, DatasetGraph data) {
        Dataset ds = open(configFile, dir);
        DatasetGraph dsg = ds.asDatasetGraph();
        long n = 0;
        try {
            long total = data.stream().count();
            Iterator<Quad> it = data.find();
            while (it.hasNext()) {
                long start = n;
                // One transaction per batch keeps the journal small on large builds.
                long[] done = {n};
                Txn.executeWrite(dsg, () -> {
                    while (it.hasNext() && done[0] - start < BATCH) { dsg.add(it.next()); done[0]++; }
                });
                n = done[0];
                if (total > BATCH) LOG.info("loaded {} / {} quads ({}%)", n, total, n * 100 / Math.max(1, total));
            }
        } finally {
            close(ds);
        }
        return n;
    }

    /** Closes the dataset and its text index, and drops TDB2's cached connection so the folder can be moved or deleted. */
    public static void close(Dataset ds) {
        DatasetGraph dsg = ds.asDatasetGraph();
        DatasetGraph base = dsg instanceof DatasetGraphText t ? t.getBase() : dsg;
        ds.close();
        if (TDBInternal.isTDB2(base)) TDBInternal.expel(base);
    }
}
