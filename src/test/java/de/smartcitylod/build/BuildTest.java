package de.smartcitylod.build;

import de.smartcitylod.publish.DumpWriter;
import de.smartcitylod.publish.Release;
import de.smartcitylod.store.Generations;
import de.smartcitylod.store.TdbStore;
import de.smartcitylod.support.Fixtures;
import de.smartcitylod.validate.ShaclValidation;
import org.apache.jena.query.*;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.*;

class BuildTest {
    @TempDir Path dir;

    @Test
    void shaclViolationFailsTheBuildWithNodePathMessageAndCsvLine() throws IOException {
        Path data = Fixtures.dataDir(dir, null);
        Files.writeString(data.resolve("index-results.csv"),
                "# decimal=comma\nedition;unit;category;score;rank;derivation;note;source\n2019;01999001;overall;150;3;;;src-a\n");
        var e = assertThrows(ShaclValidation.ViolationsException.class, () -> new BuildJob(Fixtures.options(dir, data)).run());
        assertEquals(1, e.violations().size(), e.getMessage());
        ShaclValidation.Violation v = e.violations().get(0);
        assertEquals("<https://w3id.org/smartcity-de/id/index/2019/observation/01999001/overall/src-a>", v.focusNode());
        assertEquals("<https://w3id.org/smartcity-de/ontology#score>", v.path());
        assertEquals("score must be a decimal from 0 to 100", v.message());
        assertTrue(v.origin().endsWith("data/index-results.csv:3"), v.origin());
        assertNull(new Generations(dir.resolve("run/tdb2")).current(), "no store is created by a failed build");
    }

    @Test
    void twoBuildsOfTheSameInputGiveByteIdenticalReleases() throws IOException {
        Path data = Fixtures.dataDir(dir, null);
        BuildJob.Result a = new BuildJob(Fixtures.options(dir.resolve("a"), data)).run();
        BuildJob.Result b = new BuildJob(Fixtures.options(dir.resolve("b"), data)).run();
        List<String> namesA = names(a.dumpsDir()), namesB = names(b.dumpsDir());
        assertEquals(namesA, namesB);
        assertTrue(namesA.containsAll(List.of(DumpWriter.ALL, DumpWriter.ALL + ".sha256", Release.FILE, Release.PATCH)), namesA.toString());
        // every file, the release metadata and the patch included: nothing depends on the clock
        for (String n : namesA) assertArrayEquals(Files.readAllBytes(a.dumpsDir().resolve(n)), Files.readAllBytes(b.dumpsDir().resolve(n)), n);
        // and so is the whole run/dumps tree: the link and the generation folders beside it
        assertEquals(tree(dir.resolve("a/run")), tree(dir.resolve("b/run")));
        // the release id is the content hash, the folder is named by it, the date is the newest source date
        assertEquals(DumpWriter.sha256(a.dumpsDir().resolve(DumpWriter.ALL)).substring(0, 12), a.release().version());
        assertEquals(a.release().version(), a.dumpsDir().getFileName().toString());
        assertEquals("2020-01-01", a.release().date(), "src-b (2020) is the newest source of the fixture");
    }

    @Test
    void sourceDateEpochSetsTheReleaseDate() {
        assertEquals("2023-11-14", Release.date("2019-06-02", java.util.Map.of("SOURCE_DATE_EPOCH", "1700000000")));
        assertEquals("2019-06-02", Release.date("2019-06-02", java.util.Map.of()));
        assertEquals("2019-06-01", Release.date("2019-06", java.util.Map.of()));
    }

    @Test
    void aBuildOfTheServedContentMakesNoNewRelease() throws IOException {
        Path data = Fixtures.dataDir(dir, null);
        BuildOptions opts = Fixtures.options(dir, data);
        BuildJob.Result first = new BuildJob(opts).run();
        BuildJob.Result again = new BuildJob(opts).run();
        assertTrue(first.newRelease());
        assertFalse(again.newRelease());
        assertEquals(first.release(), again.release());
        assertEquals(first.storeDir(), new Generations(opts.store()).current());
        assertEquals(1, new Generations(opts.dumps()).releases().size(), "no second generation");
    }

    @Test
    void theBuildsQualityReportIsTheReportOfTheDataHeldInMemory() throws IOException {
        // the build counts from the dump lines as they are written and queries the store for the rest
        BuildOptions opts = BuildOptions.defaults().withStore(dir.resolve("run/tdb2")).withDumps(dir.resolve("run/dumps"));
        BuildJob.Result r = new BuildJob(opts).run();
        BuildJob.Converted c = new BuildJob(opts).convertAndValidate();
        String inMemory = new de.smartcitylod.report.QualityReport(c.dataset(), c.graphs(), c.result().rowsPerFile()).markdown();
        assertTrue(inMemory.contains("| sc:IndexObservation | ") && inMemory.contains("## Conflicting claims ("), inMemory);
        assertEquals(inMemory, Files.readString(r.dumpsDir().resolve(BuildJob.QUALITY_REPORT)));
    }

    @Test
    void storeAndDumpsHoldTheConvertedData() throws IOException {
        Path data = Fixtures.dataDir(dir, null);
        BuildOptions opts = Fixtures.options(dir, data);
        BuildJob.Result r = new BuildJob(opts).run();
        // the gzipped N-Quads dump parses and has every quad of the build
        DatasetGraph dump;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(r.dumpsDir().resolve(DumpWriter.ALL)))) {
            dump = org.apache.jena.sparql.core.DatasetGraphFactory.create();
            RDFDataMgr.read(dump, in, org.apache.jena.riot.Lang.NQUADS);
        }
        assertEquals(r.quads(), dump.stream().count());
        // checksum file matches the bytes
        String sha = Files.readString(r.dumpsDir().resolve(DumpWriter.ALL + ".sha256")).split(" ")[0];
        assertEquals(DumpWriter.sha256(r.dumpsDir().resolve(DumpWriter.ALL)), sha);
        // the store answers SPARQL over the union of the named graphs, and full-text search works
        Dataset ds = TdbStore.open(opts.config(), opts.store());
        try {
            Txn.executeRead(ds, () -> {
                try (QueryExecution qe = QueryExecutionFactory.create("""
                        PREFIX sc: <https://w3id.org/smartcity-de/ontology#>
                        PREFIX text: <http://jena.apache.org/text#>
                        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                        SELECT DISTINCT ?rank ?name WHERE {
                          (?city) text:query (rdfs:label "Teststadt") .
                          ?obs sc:city ?city ; sc:rank ?rank . ?city rdfs:label ?name FILTER(lang(?name) = "de")
                        } ORDER BY ?rank""", ds)) {
                    List<QuerySolution> rows = new java.util.ArrayList<>();
                    qe.execSelect().forEachRemaining(rows::add);
                    assertEquals(2, rows.size());
                    assertEquals(2, rows.get(0).getLiteral("rank").getInt());
                    assertEquals("Teststadt-0001", rows.get(0).getLiteral("name").getString());
                }
            });
        } finally {
            TdbStore.close(ds);
        }
    }

    @Test
    void aBuildWithChangedDataSwitchesTheStoreAndKeepsTheLastThree() throws IOException {
        Path data = Fixtures.dataDir(dir, null);
        BuildOptions opts = Fixtures.options(dir, data);
        List<Path> stores = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Files.writeString(data.resolve("sources.csv"), "src-x" + i + ",Quelle X" + i + ",Herausgeber X,,2021,,news-article,de,\n", StandardOpenOption.APPEND);
            BuildJob.Result r = new BuildJob(opts).run();
            assertTrue(r.newRelease());
            stores.add(r.storeDir());
        }
        Generations g = new Generations(opts.store());
        assertEquals(stores.get(4), g.current());
        assertEquals(stores.get(3), g.previous());
        assertEquals(List.of(stores.get(4), stores.get(3), stores.get(2)), g.releases(), "the current release and the two before it");
        assertFalse(Files.exists(stores.get(0)) || Files.exists(stores.get(1)), "older stores are deleted");
        assertEquals(3, new Generations(opts.dumps()).releases().size());
        assertTrue(Files.isSymbolicLink(opts.store()));
    }

    @Test
    void aSecondBuildAtTheSameTimeFailsClearlyAndChangesNothing() throws Exception {
        Path data = Fixtures.dataDir(dir, null);
        BuildOptions opts = Fixtures.options(dir, data);
        new BuildJob(opts).run();
        Path before = new Generations(opts.store()).current();
        try (BuildLock held = BuildLock.acquire(opts.store().toAbsolutePath().getParent())) {
            var e = assertThrows(BuildLock.BuildRunningException.class, () -> new BuildJob(opts).run());
            assertTrue(e.getMessage().contains("another build is running") && e.getMessage().contains("nothing was changed"), e.getMessage());
        }
        assertEquals(before, new Generations(opts.store()).current());
    }

    /** Every path under run/ that belongs to the dumps (links with their targets, files with a hash of their bytes). */
    private static List<String> tree(Path run) throws IOException {
        try (Stream<Path> s = Files.walk(run)) {
            return s.filter(p -> run.relativize(p).toString().startsWith("dumps")).map(p -> {
                try {
                    String rel = run.relativize(p).toString();
                    if (Files.isSymbolicLink(p)) return rel + " -> " + Files.readSymbolicLink(p);
                    if (Files.isRegularFile(p)) return rel + " " + DumpWriter.sha256(p);
                    return rel + "/";
                } catch (IOException e) { throw new java.io.UncheckedIOException(e); }
            }).sorted().toList();
        }
    }

    private static List<String> names(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) { return s.map(p -> p.getFileName().toString()).sorted().toList(); }
    }
}
