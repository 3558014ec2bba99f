package de.smartcitylod.publish;

import de.smartcitylod.build.BuildJob;
import de.smartcitylod.build.BuildOptions;
import de.smartcitylod.support.Fixtures;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.junit.jupiter.api.Assertions.*;

/** Each build publishes an RDF Patch from the previous release; applied to the previous dump it gives exactly the new dump. */
class ReleasePatchTest {
    @TempDir Path dir;

    @Test void patchTurnsThePreviousReleaseIntoTheNewOne() throws Exception {
        Path data = Fixtures.dataDir(dir, null);
        BuildOptions opts = Fixtures.options(dir, data);
        BuildJob.Result first = new BuildJob(opts).run();
        Release r1 = Release.read(first.dumpsDir());
        assertNotNull(r1);
        assertEquals("", r1.previous());

        // the first release's patch starts from the empty dataset
        DatasetGraph fromEmpty = DatasetGraphFactory.create();
        PatchWriter.apply(fromEmpty, first.dumpsDir().resolve(Release.PATCH));
        assertTrue(IsoMatcher.isomorphic(PatchWriter.readDump(first.dumpsDir()), fromEmpty));

        // change the data: a corrected score, a new source, a removed result
        Files.writeString(data.resolve("sources.csv"), "src-c,Quelle C,Herausgeber C,,2021,,news-article,de,\n", StandardOpenOption.APPEND);
        Files.writeString(data.resolve("index-results.csv"),
                "# decimal=comma\nedition;unit;category;score;rank;derivation;note;source\n2019;01999001;overall;70,1;3;;;src-a\n");
        BuildJob.Result second = new BuildJob(opts).run();
        Release r2 = Release.read(second.dumpsDir());
        assertEquals(r1.version(), r2.previous());
        assertEquals(r1.date(), r2.first(), "the date of first publication is carried on (dct:issued in the catalogue)");
        assertEquals("2021-01-01", r2.date(), "the new source of 2021 is the newest");

        DatasetGraph previous = PatchWriter.readDump(first.dumpsDir());
        PatchWriter.apply(previous, second.dumpsDir().resolve(Release.PATCH));
        DatasetGraph expected = PatchWriter.readDump(second.dumpsDir());
        assertTrue(IsoMatcher.isomorphic(expected, previous), "previous dump + patch = new dump");
        String patch = Files.readString(second.dumpsDir().resolve(Release.PATCH));
        assertTrue(patch.contains("H prev"), "the patch names the release it follows");
        assertTrue(patch.lines().anyMatch(l -> l.startsWith("D ") && l.contains("68.6")), "old score deleted");
        assertTrue(patch.lines().anyMatch(l -> l.startsWith("A ") && l.contains("70.1")), "new score added");
        assertTrue(patch.lines().noneMatch(l -> (l.startsWith("A ") || l.startsWith("D ")) && l.contains("Teststadt-0001\"@de")), "unchanged triples are not in the patch");
    }
}
