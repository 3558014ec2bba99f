package de.smartcitylod.report;

import de.smartcitylod.build.BuildJob;
import de.smartcitylod.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.*;

/** The build's quality report flags index tables that contradict themselves: a wrong Tendenz, a rank gap, ranks against scores. */
class IndexConsistencyTest {
    @TempDir Path dir;

    /** Four test cities; two editions of four cities each. */
    private QualityReport build(String results2020) throws IOException {
        Path data = Fixtures.dataDir(dir, null);
        Files.writeString(data.resolve("municipalities.csv"), """
                ags,name,official_name,kind,population,population_date,area_km2,lat,lon,nuts3,wikidata,source
                01999001,Teststadt-0001,,city,120000,2019-12-31,,,,,,src-a
                01999002,Teststadt-0002,,city,110000,2019-12-31,,,,,,src-a
                01999003,Teststadt-0003,,city,105000,2019-12-31,,,,,,src-a
                01999004,Teststadt-0004,,city,101000,2019-12-31,,,,,,src-a
                """);
        Files.writeString(data.resolve("index-editions.csv"), """
                year,cities,source
                2019,4,src-a
                2020,4,src-a
                """);
        Files.writeString(data.resolve("index-results.csv"), """
                edition,unit,category,score,rank,rank_change,source
                2019,01999001,overall,80.0,1,,src-a
                2019,01999002,overall,70.0,2,,src-a
                2019,01999003,overall,60.0,3,,src-a
                2019,01999004,overall,50.0,4,,src-a
                """ + results2020);
        BuildJob.Converted c = new BuildJob(Fixtures.options(dir, data)).convertAndValidate();
        return new QualityReport(c.dataset(), c.graphs(), c.result().rowsPerFile());
    }

    private static List<String> checks(QualityReport r) {
        return r.consistency().findings().stream().map(f -> f.check() + " " + f.year() + " " + f.category() + ": " + f.detail()).toList();
    }

    /** A 2020 table that agrees with 2019 in every respect; each test breaks one row of it. */
    static final String CONSISTENT = """
            2020,01999002,overall,75.0,1,1,src-b
            2020,01999001,overall,74.0,2,-1,src-b
            2020,01999004,overall,60.0,3,1,src-b
            2020,01999003,overall,55.5,4,-1,src-b
            """;

    @Test
    void aConsistentTableHasNoFindingsAndEveryRankChangeIsChecked() throws IOException {
        QualityReport r = build(CONSISTENT);
        assertEquals(List.of(), checks(r));
        assertEquals(4, r.consistency().tendencyChecked());
        assertTrue(r.markdown().contains("| 2020 | overall | 4 | 4 | 4 | none |"), r.markdown());
    }

    @Test
    void aWrongTendenzIsFlaggedWithTheRanksHeld() throws IOException {
        QualityReport r = build(CONSISTENT.replace("01999004,overall,60.0,3,1,", "01999004,overall,60.0,3,2,"));
        assertEquals(List.of("rank change disagrees with the previous edition 2020 overall: "
                + "Teststadt-0004: rank 3 with change +2 implies rank 5 in 2019, but the ranks held for 2019 are [4]"), checks(r));
        assertTrue(r.markdown().contains("rank change disagrees with the previous edition"));
    }

    @Test
    void aRankGapIsFlagged() throws IOException {
        // every city ranked, two of them on place 3, none on 4
        QualityReport r = build(CONSISTENT.replace("2020,01999003,overall,55.5,4,-1,src-b", "2020,01999003,overall,55.5,3,0,src-b"));
        assertEquals(List.of("ranks are not 1..4 without gaps 2020 overall: missing ranks 4 with 0 cities unranked: cities share a place; "
                + "places held by more than one city: 3 (Teststadt-0003, Teststadt-0004)"), checks(r));
    }

    @Test
    void aPlaceNoSourceGivesIsCoverageNotAFinding() throws IOException {
        QualityReport r = build(CONSISTENT.replace("2020,01999004,overall,60.0,3,1,src-b\n", ""));
        assertEquals(List.of(), checks(r));
        assertTrue(r.markdown().contains("| 2020 | overall | 4 | 3 | 3 | 3 |"), "listed as missing under coverage: " + r.markdown());
    }

    @Test
    void aRankOrderAgainstTheScoreOrderIsFlagged() throws IOException {
        QualityReport r = build(CONSISTENT.replace("01999004,overall,60.0,", "01999004,overall,55.0,"));
        assertEquals(List.of("rank order against score order 2020 overall: Teststadt-0004 rank 3 score 55.0 is ahead of Teststadt-0003 rank 4 score 55.5"), checks(r));
    }

    @Test
    void missingRanksAreListedAsRanges() {
        SortedSet<Integer> held = new TreeSet<>(List.of(1, 2, 3, 5, 9, 10));
        assertEquals(List.of("4", "6–8", "11–12"), IndexConsistency.ranges(held, 12));
    }
}
