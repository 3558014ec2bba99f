package de.smartcitylod.serve;

import de.smartcitylod.support.Sparql;
import de.smartcitylod.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static de.smartcitylod.support.Sparql.hasRow;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Every example query in queries/ answers as expected on the shipped data in data/, over HTTP
 * against a real server. The aggregates the sources state (Atlas cities per state, model projects
 * per round, competition applicants and finalists) come out exactly.
 * The federated examples are tested in FederationTest.
 */
class ExampleQueriesTest {
    @TempDir static Path dir;
    static TestServer server;

    @BeforeAll static void start() { server = TestServer.start(dir, Path.of("data"), o -> o); }
    @AfterAll static void stop() { server.close(); }

    static List<Map<String, String>> run(String name) throws Exception {
        var resp = server.query(Files.readString(Path.of("queries", name + ".rq")), "application/sparql-results+json");
        assertEquals(200, resp.statusCode(), resp.body());
        return Sparql.rows(resp.body());
    }

    @Test void everyExampleHasBilingualHeader() {
        var examples = ExampleQueries.load(Path.of("queries"));
        assertTrue(examples.size() >= 12, "at least 12 examples");
        for (var e : examples) {
            assertFalse(e.de().isEmpty() || e.en().isEmpty() || e.titleDe().isEmpty() || e.titleEn().isEmpty(), e.name());
        }
    }

    /** With many sources stating the same place, an example must still list each answer once. */
    @Test void noExampleRepeatsARow() throws Exception {
        for (var e : ExampleQueries.load(Path.of("queries"))) {
            if (e.text().contains("SERVICE")) continue;                  // federated: FederationTest
            var rows = run(e.name());
            assertEquals(new java.util.HashSet<>(rows).size(), rows.size(), e.name() + " repeats rows");
        }
    }

    @Test void wikidataItemsWithoutAServiceCall() throws Exception {
        var rows = run("20-wikidata-items");
        assertTrue(hasRow(rows, "city", "Darmstadt", "ags", "06411000", "item", "http://www.wikidata.org/entity/Q2973", "mappingSource", "geo-api-municipality-wikidata"));
        assertTrue(hasRow(rows, "city", "München", "item", "http://www.wikidata.org/entity/Q1726"));
        assertTrue(rows.size() >= 80, "every city of the index has its item: " + rows.size());
    }

    @Test void rankingPerEdition() throws Exception {
        var rows = run("01-ranking-per-edition");
        assertTrue(hasRow(rows, "year", "2019", "category", "Gesamt", "rank", "1", "city", "Hamburg", "score", "79.5", "source", "notebookcheck-sci-2019"));
        assertTrue(hasRow(rows, "year", "2025", "category", "Gesamt", "rank", "3", "city", "Stuttgart"));
        assertTrue(rows.stream().noneMatch(r -> "nicht angegeben".equals(r.get("category"))), "unspecified-category claims are not a ranking");
    }

    @Test void rankChanges() throws Exception {
        var rows = run("02-rank-changes");
        assertTrue(hasRow(rows, "city", "Darmstadt", "from", "2019", "rankBefore", "10", "to", "2020", "rankAfter", "4", "change", "6"));
        assertTrue(hasRow(rows, "city", "München", "from", "2022", "rankBefore", "2", "to", "2023", "rankAfter", "1", "change", "1"));
    }

    @Test void programmeCitiesWithIndexResults() throws Exception {
        var rows = run("03-programme-cities-index");
        assertTrue(hasRow(rows, "city", "Darmstadt", "round", "2020", "year", "2019", "rank", "10", "score", "61.1"));
        assertTrue(hasRow(rows, "city", "Ulm", "round", "2019", "year", "2023", "rank", "9"));
    }

    @Test void atlasCitiesPerStateMatchWhatTheAtlasStates() throws Exception {
        var rows = run("04-atlas-cities-per-state");
        Map<String, String> stated = Map.of("Nordrhein-Westfalen", "15", "Baden-Württemberg", "8", "Bayern", "7", "Niedersachsen", "5", "Sachsen", "3");
        stated.forEach((state, n) -> assertTrue(hasRow(rows, "state", state, "cities", n), state + " should count " + n));
        for (var r : rows) if (r.containsKey("stated")) assertEquals(Double.parseDouble(r.get("stated")), Double.parseDouble(r.get("cities")), r.toString());
        assertEquals(50, rows.stream().mapToInt(r -> Integer.parseInt(r.get("cities"))).sum());
        assertEquals(16, rows.size(), "all 13 area states and 3 city-states are represented");
    }

    @Test void projectsByTheme() throws Exception {
        var rows = run("05-projects-by-theme");
        assertTrue(hasRow(rows, "theme", "Datenplattform", "project", "Übergreifende Datenplattform Darmstadt", "place", "Darmstadt",
                "euTheme", "http://publications.europa.eu/resource/authority/data-theme/TECH"));
    }

    @Test void programmesPerState() throws Exception {
        var rows = run("06-programmes-per-state");
        assertTrue(hasRow(rows, "programme", "Digitale Modellregionen NRW", "state", "Nordrhein-Westfalen", "start", "2018", "end", "2023-06-30", "budget", "91000000.0"));
        assertTrue(hasRow(rows, "programme", "Modellprojekte Smart Cities", "level", "Bund"));
    }

    @Test void competitionsAndTheirApplicantsFinalistsWinner() throws Exception {
        var rows = run("07-competitions");
        var ds = rows.stream().filter(r -> r.get("competition").equals("Wettbewerb Digitale Stadt")).toList();
        assertEquals(14, ds.size(), "14 applicants");
        assertEquals(5, ds.stream().filter(r -> r.get("roles").contains("Finalist")).count(), "5 finalists");
        assertEquals(List.of("Darmstadt"), ds.stream().filter(r -> r.get("roles").contains("Gewinner")).map(r -> r.get("city")).toList());
        assertTrue(hasRow(rows, "city", "Darmstadt", "roles", "Bewerber, Finalist, Gewinner"), "roles in alphabetical order");
    }

    @Test void conflictingClaims() throws Exception {
        var rows = run("08-conflicting-claims");
        assertTrue(hasRow(rows, "kind", "different ranks", "year", "2019", "city", "Karlsruhe", "rankA", "8", "sourceA", "seed-000-ser-blog", "rankB", "2"));
        assertTrue(hasRow(rows, "kind", "shared rank", "year", "2019", "city", "Köln / Karlsruhe", "rankA", "8", "sourceA", "seed-000-ser-blog"));
    }

    @Test void fullTextSearch() throws Exception {
        var rows = run("09-fulltext-search");
        assertFalse(rows.isEmpty());
        assertEquals("https://w3id.org/smartcity-de/id/project/darmstadt-datenplattform", rows.get(0).get("resource"));
    }

    @Test void modelProjectsPerRoundMatchTheStatedCounts() throws Exception {
        var rows = run("12-model-projects-per-round");
        assertTrue(hasRow(rows, "round", "2019", "stated", "13", "projects", "13", "largeCities", "3"));
        assertTrue(hasRow(rows, "round", "2020", "stated", "32", "projects", "32", "applicants", "86", "motto", "Gemeinwohl und Netzwerkstadt/Stadtnetzwerk"));
        assertTrue(hasRow(rows, "round", "2021", "stated", "28", "projects", "28", "applicants", "94"));
    }

    @Test void factsAndSourcesOfACity() throws Exception {
        var rows = run("13-facts-and-sources-of-a-city");
        assertTrue(hasRow(rows, "year", "2019", "category", "Gesamt", "rank", "10", "score", "61.1",
                "url", "https://notebookcheck.com/Smart-City-Hamburg-vor-Karlsruhe-und-Stuttgart-im-Digital-Ranking-Infografik.439800.0.html"));
    }

    @Test void categoryLeaders() throws Exception {
        var rows = run("14-category-leaders");
        assertTrue(hasRow(rows, "year", "2019", "category", "Mobilität", "city", "Stuttgart", "score", "97.0"));
        assertTrue(hasRow(rows, "year", "2024", "category", "Energie und Umwelt", "city", "Ingolstadt"));
    }

    @Test void oneCityAcrossAllEditionsWithItsWeakestCategory() throws Exception {
        var rows = run("15-city-across-editions");
        // Bielefeld 2022: Bitkom's table (page 4) for administration, the local press for overall
        assertTrue(hasRow(rows, "year", "2022", "category", "Verwaltung", "rank", "47", "score", "66.4", "change", "-15", "source", "bitkom-sci-2022-page4"));
        assertTrue(hasRow(rows, "year", "2022", "category", "Gesamt", "rank", "46"));
        assertTrue(hasRow(rows, "year", "2022", "category", "Energie und Umwelt", "rank", "67", "weakest", "true"), "its weakest category that year");
        assertTrue(hasRow(rows, "year", "2022", "category", "Verwaltung", "weakest", "false"));
        assertTrue(rows.stream().map(r -> r.get("year")).distinct().count() >= 3, "several editions");
    }

    @Test void biggestClimbersAndFallersPerEdition() throws Exception {
        var rows = run("16-climbers-and-fallers");
        assertTrue(hasRow(rows, "year", "2020", "city", "Lübeck", "rankBefore", "67", "rank", "38", "change", "29"));
        assertTrue(hasRow(rows, "year", "2020", "city", "Dortmund", "rankBefore", "9", "rank", "32", "change", "-23"));
        assertTrue(hasRow(rows, "year", "2023", "city", "Rostock", "rankBefore", "71", "rank", "40", "change", "31"));
        for (var r : rows) assertTrue(r.get("kind").contains(Integer.parseInt(r.get("change")) > 0 ? "climber" : "faller"), r.toString());
    }

    @Test void stateAveragesPerEdition() throws Exception {
        var rows = run("17-state-averages");
        var nrw = rows.stream().filter(r -> r.get("year").equals("2023") && r.get("state").equals("Nordrhein-Westfalen")).findFirst().orElseThrow();
        assertEquals("10", nrw.get("cities"));
        // (83.2 + 79.3 + 76.2 + 72.4 + 70.1 + 61.4 + 52.0 + 39 + 65.9 + 50.1) / 10 = 64.96
        assertEquals(65.0, Double.parseDouble(nrw.get("average")), 1e-9);
        var hh = rows.stream().filter(r -> r.get("year").equals("2023") && r.get("state").equals("Hamburg")).findFirst().orElseThrow();
        assertEquals(83.9, Double.parseDouble(hh.get("average")), 1e-9);
    }

    @Test void atlasCitiesInTheIndex() throws Exception {
        var rows = run("18-atlas-cities-in-the-index");
        assertTrue(hasRow(rows, "city", "Aachen", "strategy", "beschlossen", "year", "2019", "rank", "11"));
        assertTrue(hasRow(rows, "city", "Aachen", "year", "2020", "rank", "9"));
        assertEquals(50, rows.stream().map(r -> r.get("city")).distinct().count(), "all 50 Atlas cities, with or without index results");
    }

    @Test void modelProjectsInTheBottomThird() throws Exception {
        var rows = run("19-model-projects-bottom-third");
        assertTrue(hasRow(rows, "city", "Pforzheim", "year", "2021", "rank", "68", "of", "81", "project", "Modellprojekt Smart Cities 2021: Pforzheim"));
        assertTrue(hasRow(rows, "city", "Halle (Saale)", "year", "2025", "rank", "73", "of", "83"));
        for (var r : rows) assertTrue(Integer.parseInt(r.get("rank")) * 3 > 2 * Integer.parseInt(r.get("of")), r.toString());
    }
}
