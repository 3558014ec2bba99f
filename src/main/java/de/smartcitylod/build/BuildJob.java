package de.smartcitylod.build;

import de.smartcitylod.concurrent.SideBySide;
import de.smartcitylod.convert.Pipeline;
import de.smartcitylod.publish.DumpWriter;
import de.smartcitylod.publish.PatchWriter;
import de.smartcitylod.publish.Release;
import de.smartcitylod.report.Census;
import de.smartcitylod.report.QualityReport;
import de.smartcitylod.store.Generations;
import de.smartcitylod.store.TdbStore;
import de.smartcitylod.validate.ShaclValidation;
import de.smartcitylod.vocab.SC;
import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.system.Txn;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Transactional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The build: convert the CSV sources, validate with SHACL, then load a new TDB2 store and write new
 * dumps, switching both only when everything succeeded.
 */
public final class BuildJob {
    private static final Logger LOG = LoggerFactory.getLogger(BuildJob.class);
    public static final String ONTOLOGY_GRAPH = "ontology";
    public static final String QUALITY_REPORT = "quality-report.md";

    /** The converted and validated dataset, before it is stored. */
    public record Converted(DatasetGraph dataset, Map<String, Node> graphs, Pipeline.Result result) {}

    /** What a build produced; {@code newRelease} is false when the data equalled the served release. */
    public record Result(Path storeDir, Path dumpsDir, List<DumpWriter.DumpFile> dumps, long quads, Release release, boolean newRelease) {}

    private final BuildOptions options;

    public BuildJob(BuildOptions options) { this.options = options; }

    /**
     * Converts and validates in memory; touches no output. For {@code validate} and for tests on small
     * data: the build itself streams into the store instead (see {@link #run}). Throws DataException
     * or ViolationsException.
     */
    public Converted convertAndValidate() {
        long t0 = System.nanoTime();
        DatasetGraph ds = DatasetGraphFactory.create();
        Pipeline.Result result = convert(StreamRDFLib.dataset(ds));
        LOG.info("converted {} quads from {} files in {} ms", result.quads(), result.rowsPerFile().size(), (System.nanoTime() - t0) / 1_000_000);
        validate(ds.getUnionGraph(), null);
        return new Converted(ds, graphs(), result);
    }

    /** The named graphs of a release by name, in a fixed order. */
    private Map<String, Node> graphs() {
        Map<String, Node> graphs = new LinkedHashMap<>();
        graphs.put(ONTOLOGY_GRAPH, options.uris().graph(ONTOLOGY_GRAPH));
        for (String g : Pipeline.GRAPHS) graphs.put(g, options.uris().graph(g));
        return graphs;
    }

    /** Streams the converted CSV sources and the ontology (into its own graph) to {@code sink}. */
    private Pipeline.Result convert(StreamRDF sink) {
        // Origins are not kept on the happy path (they cost a map entry per row); see validate.
        Pipeline.Result result = new Pipeline(options.uris(), false).withLimits(options.limits()).run(options.data(), sink);
        Node ontologyGraph = options.uris().graph(ONTOLOGY_GRAPH);
        RDFParser.source(options.ontologyFile()).parse(new StreamRDFWrapper(sink) {
            @Override public void triple(Triple t) { sink.quad(Quad.create(ontologyGraph, t)); }
            @Override public void start() {}
            @Override public void finish() {}
            @Override public void prefix(String prefix, String iri) {}
            @Override public void base(String base) {}
        });
        return result;
    }

    /** SHACL over the whole data (in read transactions on {@code txn} if it is a store); on violations, converts again remembering the CSV rows of the focus nodes only, and throws. */
    private void validate(Graph union, Transactional txn) { validate(new ShaclValidation(options.shapes()), union, txn); }

    private void validate(ShaclValidation shapes, Graph union, Transactional txn) {
        long t1 = System.nanoTime();
        List<ShaclValidation.Violation> violations = shapes.validate(union, txn, Map.of());
        if (!violations.isEmpty()) {
            // Conversion is deterministic: convert again, remembering the CSV rows of the focus nodes only.
            java.util.Set<Node> focus = new java.util.HashSet<>();
            violations.forEach(v -> focus.add(v.node()));
            Pipeline.Result traced = new Pipeline(options.uris(), focus::contains).withLimits(options.limits()).run(options.data(), StreamRDFLib.sinkNull());
            throw new ShaclValidation.ViolationsException(ShaclValidation.sorted(violations.stream().map(v -> v.withOrigins(traced.origins())).toList()));
        }
        LOG.info("SHACL validation passed in {} ms", (System.nanoTime() - t1) / 1_000_000);
    }

    /** The whole build. On any failure, or when killed, the current store and dumps stay as they were. */
    public Result run() {
        try (BuildLock lock = BuildLock.acquire(options.store().toAbsolutePath().getParent())) {
            return runLocked();
        }
    }

    /**
     * Streams the conversion at once into a new TDB2 store (bulk loader) and into an external sort
     * for the dumps, then validates, reports and writes the patch from the store and the sorted
     * dumps: memory does not grow with the data. The new store and dumps are temporary generations
     * until everything succeeded.
     */
    private Result runLocked() {
        Generations stores = new Generations(options.store());
        Generations dumps = new Generations(options.dumps());
        // Under the lock no other build runs: a .tmp generation is what a killed build left.
        stores.removeLeftovers();
        dumps.removeLeftovers();
        Path storeDir = stores.prepare();
        Path dumpsDir = dumps.prepare();
        try {
            long t0 = System.nanoTime();
            Pipeline.Result[] converted = new Pipeline.Result[1];
            DumpWriter.Collector forDumps = new DumpWriter.Collector();
            // the quality report's counts and claims, taken from the dump's sorted lines as they are written
            Census census = new Census();
            Dataset store = null;
            Path previousDumps = dumps.current();
            Release previous = Release.read(previousDumps), release;
            List<DumpWriter.DumpFile> files;
            long n, changes = 0;
            boolean unchanged;
            // the patch to this release, merged from the dump's sorted lines as they are written
            try (PatchWriter.Merge patchLines = new PatchWriter.Merge(previousDumps, previous, dumpsDir.resolve(Release.PATCH))) {
                // SHACL, the quality report and the patch's end run side by side (each store reader in its own read transaction)
                ExecutorService pool = Executors.newFixedThreadPool(3);
                try {
                    DumpWriter.Dumps written;
                    Future<?> shacl;
                    Pipeline.Result result;
                    DatasetGraph data;
                    try (forDumps) {
                        // one pass: every converted quad goes to the bulk loader and to the dumps' external sort
                        TdbStore.load(options.config(), storeDir, sink -> converted[0] = convert(new StreamRDFWrapper(sink) {
                            @Override public void quad(Quad q) { forDumps.quad(q); super.quad(q); }
                        }));
                        result = converted[0];
                        LOG.info("converted and loaded {} quads from {} files in {} ms", result.quads(), result.rowsPerFile().size(), (System.nanoTime() - t0) / 1_000_000);
                        store = TdbStore.open(options.config(), storeDir);
                        data = store.asDatasetGraph();
                        // SHACL needs only the store: it runs on one core while this thread writes the dumps, on two after
                        ShaclValidation shapes = new ShaclValidation(options.shapes());
                        shapes.threads(1);
                        shacl = pool.submit(() -> validate(shapes, data.getUnionGraph(), data));
                        long td = System.nanoTime();
                        written = DumpWriter.write(forDumps, graphs(), dumpsDir, patchLines::line, census);
                        shapes.threads(ShaclValidation.THREADS);
                        LOG.info("wrote {} dumps in {} ms", written.files().size(), (System.nanoTime() - td) / 1_000_000);
                    }
                    files = written.files();
                    n = written.quads();
                    String allSha = files.stream().filter(f -> f.name().equals(DumpWriter.ALL)).findFirst().orElseThrow().sha256();
                    String id = Release.id(allSha);
                    unchanged = previous != null && previous.version().equals(id) && id.equals(stores.currentId());
                    Future<QualityReport> report = unchanged ? null
                            : pool.submit(() -> Txn.calculateRead(data, () -> new QualityReport(data, census, graphs(), result.rowsPerFile())));
                    String date = Release.date(Txn.calculateRead(data, () -> newestSourceDate(data)), System.getenv());
                    release = Release.of(allSha, date, options.uris().base(), previous, n);
                    Future<Long> patch = unchanged ? null : pool.submit(() -> {
                        long c = patchLines.finish(release);
                        DumpWriter.checksum(dumpsDir.resolve(Release.PATCH));
                        return c;
                    });
                    SideBySide.await(shacl);
                    if (!unchanged) {
                        QualityReport r = SideBySide.await(report);
                        java.nio.file.Files.writeString(dumpsDir.resolve(QUALITY_REPORT), r.markdown());
                        LOG.info(r.summary());
                        changes = SideBySide.await(patch);
                    }
                } finally {
                    SideBySide.end(pool, () -> LOG.info("waiting for the build's checks to finish"));
                    if (store != null) TdbStore.close(store);
                }
            }
            if (unchanged) {
                LOG.info("the data did not change: release {} is already served; no new release", release.version());
                stores.discard(storeDir);
                dumps.discard(dumpsDir);
                return new Result(stores.current(), dumps.current(), files, n, previous, false);
            }
            release.write(dumpsDir);
            LOG.info("release {} of {} ({} changes since {})", release.version(), release.date(), changes, previous == null ? "the empty dataset" : previous.version());
            Path served = TdbStore.commit(stores, dumps, storeDir, dumpsDir, release.version(), options.keep());
            return new Result(served, dumps.generation(release.version()), files, n, release, true);
        } catch (IOException e) {
            stores.discard(storeDir);
            dumps.discard(dumpsDir);
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            stores.discard(storeDir);
            dumps.discard(dumpsDir);
            throw e;
        }
    }

    /** The newest publication date of the data's sources (ISO, at the precision given), or null. */
    static String newestSourceDate(DatasetGraph ds) {
        String newest = null;
        var it = ds.find(Node.ANY, Node.ANY, DCTerms.issued.asNode(), Node.ANY);
        while (it.hasNext()) {
            Quad q = it.next();
            if (!q.getObject().isLiteral() || !ds.contains(q.getGraph(), q.getSubject(), RDF.type.asNode(), SC.Source)) continue;
            String d = q.getObject().getLiteralLexicalForm();
            if (newest == null || d.compareTo(newest) > 0) newest = d;
        }
        return newest;
    }
}
