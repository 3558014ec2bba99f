package de.smartcitylod.report;

import de.smartcitylod.build.BuildJob;
import de.smartcitylod.build.BuildOptions;
import de.smartcitylod.vocab.SC;
import de.smartcitylod.vocab.Uris;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.jena.graph.Node;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** The curated data in data/: every row sourced, nothing invented, conflicts reported, not resolved. */
class DataHonestyTest {
    static final Path DATA = Path.of("data");
    static BuildJob.Converted converted;
    static QualityReport report;

    @BeforeAll static void convert() {
        converted = new BuildJob(BuildOptions.defaults()).convertAndValidate();
        report = new QualityReport(converted.dataset(), converted.graphs(), converted.result().rowsPerFile());
    }

    static List<CSVRecord> read(Path file) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.removeIf(l -> l.startsWith("#") || l.startsWith("\uFEFF#"));
        String text = String.join("\n", lines).replace("\uFEFF", "");
        char delim = text.lines().findFirst().orElse("").contains(";") ? ';' : ',';
        try (CSVParser p = CSVParser.parse(text, CSVFormat.DEFAULT.builder().setDelimiter(delim).setHeader().setSkipHeaderRecord(true).get())) {
            return p.getRecords();
        }
    }

    @Test void everyCuratedRowResolvesToADocumentedSource() throws IOException {
        Map<String, CSVRecord> sources = new HashMap<>();
        for (CSVRecord r : read(DATA.resolve("sources.csv"))) sources.put(r.get("id"), r);
        for (CSVRecord s : sources.values()) {
            assertFalse(s.get("title").isBlank() || s.get("publisher").isBlank() || s.get("date").isBlank(), s.get("id"));
            assertTrue(!s.get("url").isBlank() || s.get("note").contains("URL not recorded"), s.get("id") + " needs a URL or says why it has none");
        }
        List<String> problems = new ArrayList<>();
        int rows = 0;
        try (Stream<Path> files = Files.list(DATA)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv") && !p.endsWith("sources.csv")).sorted().toList()) {
                for (CSVRecord r : read(f)) {
                    rows++;
                    String src = r.isMapped("source") ? r.get("source") : "";
                    if (src.isBlank()) problems.add(f.getFileName() + " record " + r.getRecordNumber() + ": no source");
                    for (String id : src.split("\\|")) if (!src.isBlank() && !sources.containsKey(id)) problems.add(f.getFileName() + " record " + r.getRecordNumber() + ": unknown source " + id);
                }
            }
        }
        assertTrue(rows > 500, "curated rows: " + rows);
        assertEquals(List.of(), problems);
    }

    @Test void noScoreWhereOnlyARankIsStatedAndTheOtherWayRound() throws IOException {
        long rowsWithScore = 0, rowsWithRank = 0;
        for (CSVRecord r : read(DATA.resolve("index-results.csv"))) {
            if (!r.get("score").isBlank()) rowsWithScore++;
            if (!r.get("rank").isBlank()) rowsWithRank++;
        }
        var g = converted.dataset().getGraph(Uris.defaults().graph("index"));
        assertEquals(rowsWithScore, g.find(Node.ANY, SC.score, Node.ANY).toList().size());
        assertEquals(rowsWithRank, g.find(Node.ANY, SC.rank, Node.ANY).toList().size());
        // e.g. Aachen's 2020 rank 9 is published without a score
        Node aachen2020 = Uris.defaults().observation(2020, "05334002", "overall", "property-magazine-sci-2020");
        assertTrue(g.contains(aachen2020, SC.rank, Node.ANY));
        assertFalse(g.contains(aachen2020, SC.score, Node.ANY));
    }

    @Test void derivedValuesAreMarkedAsDerived() {
        var g = converted.dataset().getGraph(Uris.defaults().graph("index"));
        Node berlin = Uris.defaults().observation(2019, "11000000", "unspecified", "seed-000-ser-blog");
        assertTrue(g.contains(berlin, SC.derivation, Node.ANY), "Berlin's implied rank 1 is marked as derived");
    }

    @Test void qualityReportListsTheConflictsBetweenSeed000AndThe2019PressRanking() {
        Map<String, String> pressRank = Map.of("Berlin", "rank 4", "Bonn", "rank 7", "Heidelberg", "rank 6", "Karlsruhe", "rank 2", "Stuttgart", "rank 3");
        pressRank.forEach((city, rank) -> assertTrue(report.conflicts().stream().anyMatch(c -> c.year() == 2019 && c.city().equals(city)
                && c.sourceB().equals("seed-000-ser-blog") && c.claimA().equals(rank) && c.sourceA().contains("notebookcheck-sci-2019")),
                city + " conflict missing: " + report.conflicts()));
        assertTrue(report.conflicts().stream().anyMatch(c -> c.kind().equals("two cities claim one rank") && c.city().equals("Karlsruhe / Köln")));
        // Köln is 8th in both: no conflict
        assertTrue(report.conflicts().stream().noneMatch(c -> c.city().equals("Köln") && c.year() == 2019));
        String md = report.markdown();
        assertTrue(md.contains("| category not stated by one source (rank) | 2019 | Karlsruhe |"), md);
    }

    @Test void roundingIsNotAConflict() {
        assertFalse(QualityReport.differ("88.1", "88.13"));
        assertTrue(QualityReport.differ("88.1", "88.2"));
    }

    @Test void theSourcesAggregatesAreInTheData() {
        assertEquals(50L, countAtlasCities(), "the Atlas profiles 50 cities");
        assertEquals(73L, report.classCounts().get("ModelProject"));
        assertEquals(List.of(), report.unitsWithoutCoordinates(), "every municipality has coordinates from the register");
    }

    private long countAtlasCities() {
        var g = converted.dataset().getGraph(Uris.defaults().graph("atlas"));
        return g.find(Node.ANY, SC.city, Node.ANY).toList().stream()
                .filter(t -> t.getSubject().getURI().endsWith("/blogpod-atlas-2019")).map(t -> t.getObject()).distinct().count();
    }
}
