package de.smartcitylod.publish;

import java.util.List;

/**
 * The datasets the catalogue and VoID describe: one per named graph, plus the whole dataset.
 * Titles, themes, periods and licences in one place. Licences follow the sources: reference units
 * come from Destatis (dl-de/by-2-0, attribution required) and Eurostat (CC BY 4.0); the other
 * graphs are facts compiled by this project from cited public sources, published under CC BY 4.0.
 */
public final class PublishedDatasets {
    public static final String DL_BY_DE_2 = "http://dcat-ap.de/def/licenses/dl-by-de/2.0";
    public static final String CC_BY_4 = "http://dcat-ap.de/def/licenses/cc-by/4.0";
    public static final String DESTATIS_ATTRIBUTION = "Statistisches Bundesamt (Destatis), Gemeindeverzeichnis 31.12.2019; Eurostat LAU/NUTS (CC BY 4.0); smartcity-lod";

    public record Info(String key, String graph, String titleDe, String titleEn, String descDe, String descEn,
                       List<String> themes, List<String> keywordsDe, List<String> keywordsEn, String start, String end,
                       String licence, String attribution, String exampleResource) {}

    private PublishedDatasets() {}

    public static final List<Info> ALL = List.of(
            new Info("index", "index", "Bitkom Smart City Index: Punktzahlen und Ränge", "Bitkom Smart City Index: scores and ranks",
                    "Veröffentlichte Gesamt- und Kategorieergebnisse des Smart City Index 2019–2025 als RDF Data Cube, jede Angabe mit ihrer Quelle.",
                    "Published overall and category results of the Smart City Index 2019–2025 as RDF Data Cube, each claim with its source.",
                    List.of("REGI", "GOVE", "TECH"), List.of("Smart City", "Digitalisierung", "Ranking"), List.of("smart city", "digitalisation", "ranking"),
                    "2019-01-01", "2025-12-31", CC_BY_4, null, "id/index/2023"),
            new Info("atlas", "atlas", "Smart-City-Atlas 2019", "Smart-City-Atlas 2019",
                    "Die 50 Städte des Smart-City-Atlas (Bitkom, Fraunhofer IESE) und die Kennzahlen, die der Atlas berichtet.",
                    "The 50 cities of the Smart-City-Atlas (Bitkom, Fraunhofer IESE) and the figures the Atlas reports.",
                    List.of("REGI", "GOVE"), List.of("Smart City", "Digitalstrategie"), List.of("smart city", "digital strategy"),
                    "2019-01-01", "2019-12-31", CC_BY_4, null, "id/atlas/2019"),
            new Info("projects", "projects", "Smart-City-Projekte", "Smart-city projects",
                    "Leuchtturmprojekte und die 73 Modellprojekte Smart Cities mit Orten, Handlungsfeldern und Beträgen.",
                    "Lighthouse projects and the 73 Smart Cities model projects with places, themes and amounts.",
                    List.of("REGI", "GOVE", "TECH"), List.of("Modellprojekte Smart Cities", "Projekte"), List.of("smart cities model projects", "projects"),
                    "2019-01-01", "2025-12-31", CC_BY_4, null, "id/project/darmstadt-datenplattform"),
            new Info("programmes", "programmes", "Förderprogramme und Wettbewerbe", "Funding programmes and competitions",
                    "Förderprogramme und Wettbewerbe von Bund, Ländern und Verbänden mit Runden, Budgets und Teilnahmen.",
                    "Funding programmes and competitions of the federation, states and associations with rounds, budgets and participations.",
                    List.of("GOVE", "ECON", "REGI"), List.of("Förderprogramm", "Wettbewerb"), List.of("funding programme", "competition"),
                    "2016-11-01", "2021-12-31", CC_BY_4, null, "id/programme/modellprojekte-smart-cities"),
            new Info("reference", "reference", "Gebietseinheiten: Länder, Kreise, Gemeinden, Verbünde", "Reference units: states, districts, municipalities, alliances",
                    "Länder, Kreise und Gemeinden mit AGS, Einwohnerzahl, Fläche, Koordinaten, NUTS-Code und Verweisen auf Wikidata und DCAT-AP.de-Geokodierung.",
                    "States, districts and municipalities with AGS, population, area, coordinates, NUTS code and links to Wikidata and DCAT-AP.de geocoding.",
                    List.of("REGI", "GOVE"), List.of("Gemeindeverzeichnis", "AGS", "Gebietseinheiten"), List.of("municipality register", "AGS", "administrative units"),
                    "2019-12-31", "2019-12-31", DL_BY_DE_2, DESTATIS_ATTRIBUTION, "id/city/05315000"),
            new Info("sources", "sources", "Quellen", "Sources",
                    "Die Dokumente, aus denen jede Angabe stammt: Titel, Herausgeber, URL, Datum, Lizenz.",
                    "The documents every fact is taken from: title, publisher, URL, date, licence.",
                    List.of("GOVE"), List.of("Quellen", "Provenienz"), List.of("sources", "provenance"),
                    "2016-11-01", "2026-12-31", CC_BY_4, null, "id/source/notebookcheck-sci-2019"));

    /** The whole dataset (all graphs, plus the ontology), as one N-Quads dump. */
    public static final Info WHOLE = new Info("smartcity-lod", null, "smartcity-lod: Smart-City-Daten deutscher Kommunen",
            "smartcity-lod: smart-city data of German municipalities",
            "Alle Daten von smartcity-lod in einem Datensatz: Smart City Index, Smart-City-Atlas, Projekte, Förderprogramme, Gebietseinheiten und Quellen.",
            "All smartcity-lod data in one dataset: Smart City Index, Smart-City-Atlas, projects, funding programmes, reference units and sources.",
            List.of("REGI", "GOVE", "TECH"), List.of("Smart City", "Linked Open Data", "Kommunen"), List.of("smart city", "linked open data", "municipalities"),
            "2016-11-01", "2025-12-31", DL_BY_DE_2, DESTATIS_ATTRIBUTION, "id/city/06411000");
}
