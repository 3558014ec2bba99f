package de.smartcitylod.build;

import de.smartcitylod.publish.DumpWriter;
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
    void twoBuildsOfTheSameInputGiveByteIdenticalDumps() throws IOException {
        Path data = Fixtures.dataDir(dir, null);
        BuildJob.Result a = new BuildJob(Fixtures.options(dir.resolve("a"), data)).run();
        BuildJob.Result b = new BuildJob(Fixtures.options(dir.resolve("b"), data)).run();
        List<String> namesA = names(a.dumpsDir()), namesB = names(b.dumpsDir());
        assertEquals(namesA, namesB);
        assertTrue(namesA.contains(DumpWriter.ALL) && namesA.contains(DumpWriter.ALL + ".sha256"), namesA.toString());
        // The release metadata and the patch from the previous release differ by design; every dump is identical.
        for (String n : namesA.stream().filter(n -> !n.startsWith("release.") && !n.startsWith("smartcity-lod.rdfp")).toList())
            assertArrayEquals(Files.readAllBytes(a.dumpsDir().resolve(n)), Files.readAllBytes(b.dumpsDir().resolve(n)), n);
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
    void aSecondBuildSwitchesTheStoreAndKeepsThePrevious() throws IOException {
        Path data = Fixtures.dataDir(dir, null);
        BuildOptions opts = Fixtures.options(dir, data);
        BuildJob.Result first = new BuildJob(opts).run();
        BuildJob.Result second = new BuildJob(opts).run();
        Generations g = new Generations(opts.store());
        assertEquals(second.storeDir(), g.current());
        assertEquals(first.storeDir(), g.previous());
        assertTrue(Files.isSymbolicLink(opts.store()));
    }

    private static List<String> names(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) { return s.map(p -> p.getFileName().toString()).sorted().toList(); }
    }
}
