package de.smartcitylod.build;

import de.smartcitylod.convert.Pipeline;
import de.smartcitylod.publish.DumpWriter;
import de.smartcitylod.publish.PatchWriter;
import de.smartcitylod.publish.Release;
import de.smartcitylod.report.QualityReport;
import de.smartcitylod.store.Generations;
import de.smartcitylod.store.TdbStore;
import de.smartcitylod.validate.ShaclValidation;
import de.smartcitylod.vocab.SC;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** What a build produced. */
    /** What a build produced; {@code newRelease} is false when the data equalled the served release. */
    public record Result(Converted converted, Path storeDir, Path dumpsDir, List<DumpWriter.DumpFile> dumps, long quads, Release release, boolean newRelease) {}

    private final BuildOptions options;

    public BuildJob(BuildOptions options) { this.options = options; }

    /** Converts and validates; touches no output. Throws DataException or ViolationsException. */
    public Converted convertAndValidate() {
        long t0 = System.nanoTime();
        DatasetGraph ds = DatasetGraphFactory.create();
        // Origins are not kept on the happy path (they cost a map entry per row); see below.
        Pipeline.Result result = new Pipeline(options.uris(), false).withLimits(options.limits()).run(options.data(), StreamRDFLib.dataset(ds));
        Map<String, Node> graphs = new LinkedHashMap<>();
        graphs.put(ONTOLOGY_GRAPH, options.uris().graph(ONTOLOGY_GRAPH));
        for (String g : Pipeline.GRAPHS) graphs.put(g, options.uris().graph(g));
        Graph ontology = RDFDataMgr.loadGraph(options.ontologyFile().toString());
        Graph target = ds.getGraph(graphs.get(ONTOLOGY_GRAPH));
        ontology.find().forEachRemaining(target::add);
        LOG.info("converted {} quads from {} files in {} ms", result.quads(), result.rowsPerFile().size(), (System.nanoTime() - t0) / 1_000_000);

        long t1 = System.nanoTime();
        ShaclValidation shacl = new ShaclValidation(options.shapes());
        List<ShaclValidation.Violation> violations = shacl.validate(ds.getUnionGraph(), result.origins());
        if (!violations.isEmpty()) {
            // Conversion is deterministic: convert again, remembering the CSV rows of the focus nodes only.
            java.util.Set<Node> focus = new java.util.HashSet<>();
            violations.forEach(v -> focus.add(v.node()));
            Pipeline.Result traced = new Pipeline(options.uris(), focus::contains).withLimits(options.limits()).run(options.data(), StreamRDFLib.sinkNull());
            throw new ShaclValidation.ViolationsException(ShaclValidation.sorted(violations.stream().map(v -> v.withOrigins(traced.origins())).toList()));
        }
        LOG.info("SHACL validation passed in {} ms", (System.nanoTime() - t1) / 1_000_000);
        return new Converted(ds, graphs, result);
    }

    /** The whole build. On any failure, or when killed, the current store and dumps stay as they were. */
    public Result run() {
        try (BuildLock lock = BuildLock.acquire(options.store().toAbsolutePath().getParent())) {
            return runLocked();
        }
    }

    private Result runLocked() {
        Converted converted = convertAndValidate();
        Generations stores = new Generations(options.store());
        Generations dumps = new Generations(options.dumps());
        // Under the lock no other build runs: a .tmp generation is what a killed build left.
        stores.removeLeftovers();
        dumps.removeLeftovers();
        Path dumpsDir = dumps.prepare();
        try {
            List<DumpWriter.DumpFile> files = DumpWriter.write(converted.dataset(), converted.graphs(), dumpsDir);
            long n = Iter.count(converted.dataset().find());
            Path previousDumps = dumps.current();
            Release previous = Release.read(previousDumps);
            String date = Release.date(newestSourceDate(converted.dataset()), System.getenv());
            String allSha = files.stream().filter(f -> f.name().equals(DumpWriter.ALL)).findFirst().orElseThrow().sha256();
            Release release = Release.of(allSha, date, options.uris().base(), previous, n);
            if (previous != null && previous.version().equals(release.version()) && release.version().equals(stores.currentId())) {
                dumps.discard(dumpsDir);
                LOG.info("the data did not change: release {} is already served; no new release", release.version());
                return new Result(converted, stores.current(), dumps.current(), files, n, previous, false);
            }
            long changes = PatchWriter.write(PatchWriter.readDump(previousDumps), converted.dataset(), previous, release, dumpsDir.resolve(Release.PATCH));
            DumpWriter.checksum(dumpsDir.resolve(Release.PATCH));
            release.write(dumpsDir);
            LOG.info("release {} of {} ({} changes since {})", release.version(), release.date(), changes, previous == null ? "the empty dataset" : previous.version());
            QualityReport report = new QualityReport(converted.dataset(), converted.graphs(), converted.result().rowsPerFile());
            java.nio.file.Files.writeString(dumpsDir.resolve(QUALITY_REPORT), report.markdown());
            LOG.info(report.summary());
            Path store = TdbStore.publish(options.config(), stores, dumps, dumpsDir, release.version(), options.keep(), converted::dataset);
            return new Result(converted, store, dumps.generation(release.version()), files, n, release, true);
        } catch (IOException e) {
            dumps.discard(dumpsDir);
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
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
