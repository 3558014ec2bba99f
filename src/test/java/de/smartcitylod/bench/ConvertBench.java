package de.smartcitylod.bench;

import de.smartcitylod.build.BuildJob;
import de.smartcitylod.build.BuildOptions;
import de.smartcitylod.convert.Pipeline;
import de.smartcitylod.vocab.Uris;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.Quad;

import java.io.*;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark (not a test): generates a synthetic index-results CSV (cities Teststadt-00001 ...,
 * at least 1M rows), measures conversion throughput against the floor of Jena RIOT writing the same
 * triples as N-Triples from a plain loop, and the time of a whole build. Run with bench/run.sh.
 */
public final class ConvertBench {
    public static void main(String[] args) throws Exception {
        int cities = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int editions = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        boolean build = args.length <= 2 || !args[2].equals("--no-build");
        // --build-only: skip the conversion comparison (it holds all triples in memory for its floor),
        // to measure the build's own heap, e.g. with -Xmx2g
        boolean convertBench = args.length <= 2 || !args[2].equals("--build-only");
        // --generate-only DIR: write the synthetic data folder DIR/data and stop (bench/endpoint.sh uses it)
        boolean generateOnly = args.length > 3 && args[2].equals("--generate-only");
        if (generateOnly) {
            long rows = generate(Path.of(args[3]).resolve("data"), cities, editions);
            System.out.printf(Locale.ROOT, "generated %,d index-result rows (%,d cities x %d editions) in %s%n", rows, cities, editions, args[3]);
            return;
        }
        Path dir = Files.createTempDirectory("smartcity-bench");
        try {
            long rows = generate(dir.resolve("data"), cities, editions);
            System.out.printf(Locale.ROOT, "generated %,d index-result rows (%,d cities x %d editions) in %s%n", rows, cities, editions, dir);
            Uris uris = Uris.defaults();
            if (convertBench) compareConversion(dir, uris, rows);
            if (build) buildAndLoaderFloor(dir);
        } finally {
            // a 1M-row run leaves 9 GB (data, two stores, dumps): keep it only when asked to
            if (Boolean.getBoolean("bench.keep")) System.out.println("kept " + dir);
            else deleteTree(dir);
        }
    }

    /** Deletes the benchmark's folder; a failure to delete is reported, not thrown over the run's own error. */
    private static void deleteTree(Path dir) {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            System.err.println("could not delete " + dir + ": " + e);
        }
    }

    private static void compareConversion(Path dir, Uris uris, long rows) {
        // One warm-up, then measured runs alternating conversion and floor on the same triples; the
        // machine is small and noisy, so the median of the per-run ratios is reported.
        List<Double> ratios = new ArrayList<>(), converts = new ArrayList<>(), floors = new ArrayList<>();
        long triples = 0;
        List<Triple> same = collect(dir.resolve("data"), uris);
        int runs = Integer.getInteger("bench.runs", 6);
        for (int run = 0; run < runs; run++) {
            long t0 = System.nanoTime();
            // -Dbench.nullSink=true measures conversion alone (no serialisation), to see where time goes
            CountingSink sink = new CountingSink(Boolean.getBoolean("bench.nullSink") ? StreamRDFLib.sinkNull() : ntriplesTo(OutputStream.nullOutputStream()));
            new Pipeline(uris, false).run(dir.resolve("data"), sink);   // as the build does: origins only on SHACL failure
            double convert = sink.n / ((System.nanoTime() - t0) / 1e9);
            triples = sink.n;

            long t1 = System.nanoTime();
            StreamRDF w = StreamRDFWriter.getWriterStream(OutputStream.nullOutputStream(), Lang.NTRIPLES);
            w.start();
            for (Triple t : same) w.triple(t);
            w.finish();
            double floor = same.size() / ((System.nanoTime() - t1) / 1e9);
            if (run > 0) { converts.add(convert); floors.add(floor); ratios.add(convert / floor); }
            System.out.printf(Locale.ROOT, "run %d: convert %,.0f triples/s, RIOT N-Triples floor %,.0f triples/s%s%n", run, convert, floor, run == 0 ? " (warm-up)" : "");
        }
        System.out.printf(Locale.ROOT, "RESULT rows=%d triples=%d median_convert_triples_per_s=%.0f median_floor_triples_per_s=%.0f median_ratio=%.2f min_ratio=%.2f max_ratio=%.2f%n",
                rows, triples, median(converts), median(floors), median(ratios),
                ratios.stream().mapToDouble(Double::doubleValue).min().orElse(0), ratios.stream().mapToDouble(Double::doubleValue).max().orElse(0));
        same.clear();
    }

    /**
     * The whole build, then TDB2's phased bulk loader alone on the build's own N-Quads dump into a
     * fresh store (the floor the build is compared with), and the heap's peak during the build.
     */
    private static void buildAndLoaderFloor(Path dir) {
        BuildOptions opts = BuildOptions.defaults().withData(dir.resolve("data")).withStore(dir.resolve("run/tdb2")).withDumps(dir.resolve("run/dumps"));
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long t0 = System.nanoTime();
        BuildJob.Result r = new BuildJob(opts).run();
        double secs = (System.nanoTime() - t0) / 1e9;
        // The old generation's peak is what the build kept alive (the young pools peak at other moments,
        // so their sum would overstate it); the run itself proves the bound: it fails if -Xmx is too small.
        long oldPeak = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && (p.getName().contains("Old") || p.getName().contains("Tenured")))
                .mapToLong(p -> p.getPeakUsage().getUsed()).max().orElse(-1);
        System.out.printf(Locale.ROOT, "RESULT build_seconds=%.1f quads=%d old_gen_peak_mb=%d max_heap_mb=%d%n",
                secs, r.quads(), oldPeak >> 20, Runtime.getRuntime().maxMemory() >> 20);

        Path floorStore = dir.resolve("loader-floor");
        long t1 = System.nanoTime();
        org.apache.jena.sparql.core.DatasetGraph dsg = org.apache.jena.tdb2.DatabaseMgr.connectDatasetGraph(floorStore.toString());
        org.apache.jena.tdb2.loader.DataLoader loader = org.apache.jena.tdb2.loader.LoaderFactory.phasedLoader(dsg, (fmt, args) -> {});
        loader.startBulk();
        de.smartcitylod.store.TdbStore.fromDump(r.dumpsDir().resolve(de.smartcitylod.publish.DumpWriter.ALL)).accept(loader.stream());
        loader.finishBulk();
        double floor = (System.nanoTime() - t1) / 1e9;
        System.out.printf(Locale.ROOT, "RESULT loader_alone_seconds=%.1f quads=%d build_over_loader=%.2f%n", floor, loader.countQuads(), secs / floor);
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        int n = s.size();
        return n == 0 ? 0 : n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    /** The triples the conversion produces, materialised once so the floor writes exactly the same ones. */
    private static List<Triple> collect(Path data, Uris uris) {
        List<Triple> out = new ArrayList<>();
        new Pipeline(uris, false).run(data, new org.apache.jena.riot.system.StreamRDFBase() {
            @Override public void quad(Quad q) { out.add(q.asTriple()); }
            @Override public void triple(Triple t) { out.add(t); }
        });
        return out;
    }

    /** The converter emits quads (one named graph per source); the benchmark writes their triples as N-Triples, like the floor. */
    private static StreamRDF ntriplesTo(OutputStream os) {
        StreamRDF w = StreamRDFWriter.getWriterStream(os, Lang.NTRIPLES);
        return new StreamRDFWrapper(w) {
            @Override public void quad(Quad q) { other.triple(q.asTriple()); }
        };
    }

    static final class CountingSink extends StreamRDFWrapper {
        long n;
        CountingSink(StreamRDF s) { super(s); }
        @Override public void quad(Quad q) { n++; super.quad(q); }
        @Override public void triple(Triple t) { n++; super.triple(t); }
    }

    /** Synthetic data only: cities named Teststadt-NNNNN with made-up keys, scores and ranks. */
    static long generate(Path data, int cities, int editions) throws IOException {
        Files.createDirectories(data);
        Files.writeString(data.resolve("sources.csv"), "id,title,publisher,url,date,licence,kind,language,note\n"
                + "bench,Synthetische Benchmarkdaten,smartcity-lod bench,,2026,,dataset,de,generated test data\n");
        Files.writeString(data.resolve("states.csv"), "key,code,name_de,name_en,nuts1,wikidata,source\n01,SH,Schleswig-Holstein,Schleswig-Holstein,DEF,,bench\n");
        try (Writer w = Files.newBufferedWriter(data.resolve("municipalities.csv"), StandardCharsets.UTF_8)) {
            w.write("ags,name,official_name,kind,population,population_date,area_km2,lat,lon,nuts3,wikidata,source\n");
            for (int c = 1; c <= cities; c++)
                w.write(String.format(Locale.ROOT, "01%06d,Teststadt-%05d,,city,%d,2019-12-31,100.5,54.1,9.9,,,bench\n", c, c, 100_000 + c));
        }
        try (Writer w = Files.newBufferedWriter(data.resolve("index-editions.csv"), StandardCharsets.UTF_8)) {
            w.write("year,cities,indicators,parameters,data_points,data_points_note,published,source\n");
            for (int e = 0; e < editions; e++) w.write((1950 + e) + "," + cities + ",,,,,,bench\n");
        }
        long rows = 0;
        try (Writer w = Files.newBufferedWriter(data.resolve("index-results.csv"), StandardCharsets.UTF_8)) {
            w.write("# decimal=comma\nedition;unit;category;score;rank;derivation;note;source\n");
            for (int e = 0; e < editions; e++)
                for (int c = 1; c <= cities; c++) {
                    int score = (c * 7919 + e * 104729) % 1000;
                    w.write(String.format(Locale.ROOT, "%d;01%06d;overall;%d,%d;%d;;;bench\n", 1950 + e, c, score / 10, score % 10, (c - 1) % 200 + 1));
                    rows++;
                }
        }
        return rows;
    }
}
