package de.smartcitylod.report;

import de.smartcitylod.vocab.SC;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Node;
import org.apache.jena.query.*;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.sparql.core.DatasetGraph;

import java.math.BigDecimal;
import java.util.*;

/**
 * The data-quality report of a build: what is known and what is not. Counts per dataset,
 * conflicting claims between sources, units lacking coordinates or keys, sources lacking a URL or
 * an exact date, and rows skipped or corrected. Computed with SPARQL over the converted data, written
 * as Markdown beside the dumps (deterministic: no timestamps).
 */
public final class QualityReport {
    private static final String PREFIXES = """
            PREFIX sc: <https://w3id.org/smartcity-de/ontology#>
            PREFIX sccat: <https://w3id.org/smartcity-de/ontology/category/>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX prov: <http://www.w3.org/ns/prov#>
            PREFIX schema: <https://schema.org/>
            PREFIX geo: <http://www.w3.org/2003/01/geo/wgs84_pos#>
            PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
            """;

    /** A conflict between claims: same edition, city and category (or an unstated category against the overall ranking). */
    public record Conflict(String kind, int year, String city, String category, String claimA, String sourceA, String claimB, String sourceB) {
        @Override public String toString() {
            return String.format("%s: %d %s %s: %s (%s) vs %s (%s)", kind, year, city, category, claimA, sourceA, claimB, sourceB);
        }
    }

    private final Dataset ds;
    private final Map<String, Long> graphSizes = new LinkedHashMap<>();
    private final Map<String, Long> classCounts = new LinkedHashMap<>();
    private final List<Conflict> conflicts = new ArrayList<>();
    private final List<String> unitsWithoutCoordinates = new ArrayList<>();
    private final List<String> unitsWithoutKey = new ArrayList<>();
    private final List<String> unitsWithoutNuts = new ArrayList<>();
    private final List<String> sourcesWithoutUrl = new ArrayList<>();
    private final List<String> sourcesWithYearOnly = new ArrayList<>();
    private final List<String> sourcesWithoutTitle = new ArrayList<>();
    private final List<String> editionsWithoutCategoryNames = new ArrayList<>();

    /** The report of a dataset held in memory. */
    public QualityReport(DatasetGraph data, Map<String, Node> graphs, Map<String, Integer> rowsPerFile) {
        this(data, Census.of(data), graphs, rowsPerFile);
    }

    /**
     * The report of {@code data}, whose census was taken as its dumps were written (so counts and
     * claims are not read back from the store).
     */
    public QualityReport(DatasetGraph data, Census census, Map<String, Node> graphs, Map<String, Integer> rowsPerFile) {
        this.ds = DatasetFactory.wrap(data);
        this.rowsPerFile = new LinkedHashMap<>(rowsPerFile);
        graphs.forEach((name, g) -> graphSizes.put(name, census.triples(g)));
        compute(census);
    }

    private final Map<String, Integer> rowsPerFile;
    private IndexConsistency consistency;
    private final Map<Integer, String> gapNotes = new TreeMap<>();

    public IndexConsistency consistency() { return consistency; }

    public List<Conflict> conflicts() { return conflicts; }

    /** The report lists this many conflicts at most and counts the rest (synthetic benchmark data has millions). */
    static final int MAX_LISTED = 1000;
    private long conflictCount;

    /** Counts a conflict; builds its text only while the list is not full (synthetic data has millions of pairs). */
    private void addConflict(java.util.function.Supplier<Conflict> c) {
        conflictCount++;
        if (conflicts.size() < MAX_LISTED) conflicts.add(c.get());
    }
    public Map<String, Long> classCounts() { return classCounts; }
    public List<String> unitsWithoutCoordinates() { return unitsWithoutCoordinates; }
    public List<String> sourcesWithoutUrl() { return sourcesWithoutUrl; }

    private List<QuerySolution> unionSelect(String q) {
        List<QuerySolution> out = new ArrayList<>();
        unionSelect(q, out::add);
        return out;
    }

    private void unionSelect(String q, java.util.function.Consumer<QuerySolution> each) {
        Query query = QueryFactory.create(PREFIXES + q);
        // On a TDB2 store, TDB2's own engine with the union as default graph (joins on node ids; the
        // report took 24 s of CPU on 1.8M quads through the general engine over the union graph); an
        // in-memory dataset is queried through its union graph.
        DatasetGraph dsg = ds.asDatasetGraph();
        try (QueryExecution qe = org.apache.jena.tdb2.sys.TDBInternal.isTDB2(dsg)
                ? QueryExecution.dataset(ds).query(query).set(org.apache.jena.tdb2.TDB2.symUnionDefaultGraph, true).build()
                : QueryExecutionFactory.create(query, org.apache.jena.rdf.model.ModelFactory.createModelForGraph(dsg.getUnionGraph()))) {
            qe.execSelect().forEachRemaining(each);
        }
    }

    private static String s(QuerySolution qs, String v) {
        RDFNode n = qs.get(v);
        return n == null ? "" : n.isLiteral() ? n.asLiteral().getLexicalForm() : n.toString();
    }

    private void compute(Census census) {
        for (String cls : List.of("State", "District", "Municipality", "City", "MunicipalGroup", "Source", "IndexEdition", "IndexObservation",
                "AtlasEdition", "AtlasProfile", "AtlasStatistic", "Project", "LighthouseProject", "ModelProject", "FundingProgramme",
                "Competition", "ProgrammeRound", "Participation"))
            classCounts.put(cls, census.resources(NodeFactory.createURI(SC.NS + cls)));
        // All pairs of claims about the same edition and city, in the same category or one unstated.
        List<Claim> claims = census.claims();
        List<IndexConsistency.Claim> stated = new ArrayList<>();
        for (Claim c : claims)
            if (!c.cat().equals("unspecified"))
                stated.add(new IndexConsistency.Claim(c.year(), c.city(), c.cat(), c.rank().isEmpty() ? null : Integer.valueOf(c.rank()),
                        c.change().isEmpty() ? null : Integer.valueOf(c.change()), c.score().isEmpty() ? null : new BigDecimal(c.score()), c.sources()));
        Map<Integer, Integer> cities = new TreeMap<>();
        for (QuerySolution q : unionSelect("""
                SELECT ?year ?n ?gaps WHERE { ?e a sc:IndexEdition ; sc:year ?year OPTIONAL { ?e sc:citiesCovered ?n } OPTIONAL { ?e skos:editorialNote ?gaps } }""")) {
            int y = Integer.parseInt(s(q, "year"));
            if (!s(q, "n").isEmpty()) cities.put(y, Integer.parseInt(s(q, "n")));
            if (!s(q, "gaps").isEmpty()) gapNotes.put(y, s(q, "gaps"));
        }
        consistency = new IndexConsistency(stated, cities, MAX_LISTED);
        // Compare claims only within the same edition and city (grouped first: large datasets have millions of claims).
        Map<String, List<Claim>> byCity = new LinkedHashMap<>();
        for (Claim c : claims) byCity.computeIfAbsent(c.year() + "|" + c.city(), k -> new ArrayList<>()).add(c);
        for (List<Claim> group : byCity.values()) {
            for (int i = 0; i < group.size(); i++) {
                for (int j = i + 1; j < group.size(); j++) {
                    Claim a = group.get(i), b = group.get(j);
                    boolean sameCat = a.cat().equals(b.cat());
                    boolean unstated = (a.cat().equals("unspecified") && b.cat().equals("overall")) || (b.cat().equals("unspecified") && a.cat().equals("overall"));
                    if (!sameCat && !unstated) continue;
                    String kind = sameCat ? "different values" : "category not stated by one source";
                    if (!a.rank().isEmpty() && !b.rank().isEmpty() && !a.rank().equals(b.rank()))
                        addConflict(() -> new Conflict(kind + " (rank)", a.year(), a.city(), a.cat() + (sameCat ? "" : "/" + b.cat()), "rank " + a.rank(), a.sources(), "rank " + b.rank(), b.sources()));
                    if (!a.score().isEmpty() && !b.score().isEmpty() && differ(a.score(), b.score()))
                        addConflict(() -> new Conflict(kind + " (score)", a.year(), a.city(), a.cat(), "score " + a.score(), a.sources(), "score " + b.score(), b.sources()));
                }
            }
        }
        // Two cities claiming one rank in one category of one edition, according to one source.
        Map<String, List<Claim>> byRank = new LinkedHashMap<>();
        for (Claim c : claims) if (!c.rank().isEmpty()) byRank.computeIfAbsent(c.year() + "|" + c.cat() + "|" + c.rank() + "|" + c.sources(), k -> new ArrayList<>()).add(c);
        for (List<Claim> group : byRank.values())
            for (int i = 0; i < group.size(); i++)
                for (int j = i + 1; j < group.size(); j++) {
                    Claim a = group.get(i), b = group.get(j);
                    addConflict(() -> new Conflict("two cities claim one rank", a.year(), a.city() + " / " + b.city(), a.cat(), "rank " + a.rank(), a.sources(), "rank " + b.rank(), b.sources()));
                }

        for (QuerySolution q : unionSelect("""
                SELECT ?key ?name WHERE { ?u a sc:Municipality ; dcterms:identifier ?key ; rdfs:label ?name FILTER(lang(?name) = "de")
                  FILTER NOT EXISTS { ?u geo:lat ?lat } } ORDER BY ?key"""))
            unitsWithoutCoordinates.add(s(q, "key") + " " + s(q, "name"));
        for (QuerySolution q : unionSelect("""
                SELECT ?u ?name WHERE { ?u a sc:MunicipalGroup ; rdfs:label ?name FILTER(lang(?name) = "de") } ORDER BY ?name"""))
            unitsWithoutKey.add(s(q, "name") + " (inter-municipal group: no official key)");
        for (QuerySolution q : unionSelect("""
                SELECT ?key ?name WHERE { ?u a sc:AdministrativeUnit ; dcterms:identifier ?key ; rdfs:label ?name FILTER(lang(?name) = "de")
                  FILTER NOT EXISTS { ?u a sc:MunicipalGroup } FILTER NOT EXISTS { ?u sc:nuts ?n } } ORDER BY ?key"""))
            unitsWithoutNuts.add(s(q, "key") + " " + s(q, "name"));
        for (QuerySolution q : unionSelect("""
                SELECT ?id WHERE { ?s a sc:Source ; dcterms:identifier ?id FILTER NOT EXISTS { ?s schema:url ?u } } ORDER BY ?id"""))
            sourcesWithoutUrl.add(s(q, "id"));
        for (QuerySolution q : unionSelect("""
                SELECT ?id ?d WHERE { ?s a sc:Source ; dcterms:identifier ?id ; dcterms:issued ?d FILTER(datatype(?d) != xsd:date) } ORDER BY ?id"""))
            sourcesWithYearOnly.add(s(q, "id") + " (" + s(q, "d") + ")");
        for (QuerySolution q : unionSelect("""
                SELECT ?id WHERE { ?s a sc:Source ; dcterms:identifier ?id ; dcterms:title ?t FILTER(STRSTARTS(?t, "[title not recorded]")) } ORDER BY ?id"""))
            sourcesWithoutTitle.add(s(q, "id"));
        for (QuerySolution q : unionSelect("""
                SELECT ?year WHERE { ?e a sc:IndexEdition ; sc:year ?year FILTER NOT EXISTS { ?e sc:editionCategory ?c } } ORDER BY ?year"""))
            editionsWithoutCategoryNames.add(s(q, "year"));
    }

    /** One index claim: an observation with its edition's year, its city's German name and its sources' ids. */
    record Claim(String obs, int year, String city, String cat, String rank, String score, String change, String sources) {}

    /** Scores differ beyond the rounding of the less precise one (68.6 and 68.63 agree). */
    static boolean differ(String a, String b) {
        BigDecimal x = new BigDecimal(a), y = new BigDecimal(b);
        int scale = Math.min(x.scale(), y.scale());
        BigDecimal tolerance = BigDecimal.ONE.movePointLeft(scale).divide(BigDecimal.valueOf(2));
        return x.subtract(y).abs().compareTo(tolerance) > 0;
    }

    /** A short summary for the console. */
    public String summary() {
        return String.format("Quality: %d sources (%d without URL), %d units, %d index claims, %d conflicts between claims, %d index consistency findings, %d municipalities without coordinates",
                classCounts.get("Source"), sourcesWithoutUrl.size(), classCounts.get("State") + classCounts.get("District") + classCounts.get("Municipality") + classCounts.get("MunicipalGroup"),
                classCounts.get("IndexObservation"), conflictCount, consistency.findingCount(), unitsWithoutCoordinates.size());
    }

    public String markdown() {
        StringBuilder sb = new StringBuilder("# smartcity-lod data-quality report\n\n");
        sb.append("What the build knows and what it does not. Generated by `smartcity build` from `data/`.\n\n");
        sb.append("## Counts\n\n| dataset (named graph) | triples |\n|---|---:|\n");
        graphSizes.forEach((g, n) -> sb.append("| ").append(g).append(" | ").append(n).append(" |\n"));
        sb.append("\n| class | resources |\n|---|---:|\n");
        classCounts.forEach((c, n) -> sb.append("| sc:").append(c).append(" | ").append(n).append(" |\n"));
        sb.append("\n| file | rows |\n|---|---:|\n");
        rowsPerFile.forEach((f, n) -> sb.append("| ").append(f).append(" | ").append(n).append(" |\n"));
        sb.append("\n## Conflicting claims (").append(conflictCount).append(")\n\n");
        if (conflictCount > conflicts.size()) sb.append("The first ").append(conflicts.size()).append(" are listed.\n\n");
        sb.append("Each claim is kept with its source; none is picked. \"category not stated\" compares a rank whose source does not say whether it is overall or per category with the overall ranking of the same edition.\n\n");
        sb.append("| kind | edition | city | category | claim A | source A | claim B | source B |\n|---|---|---|---|---|---|---|---|\n");
        for (Conflict c : conflicts)
            sb.append("| ").append(c.kind()).append(" | ").append(c.year()).append(" | ").append(c.city()).append(" | ").append(c.category())
              .append(" | ").append(c.claimA()).append(" | ").append(c.sourceA()).append(" | ").append(c.claimB()).append(" | ").append(c.sourceB()).append(" |\n");
        indexTables(sb);
        list(sb, "Municipalities without coordinates", unitsWithoutCoordinates);
        list(sb, "Units without an official key", unitsWithoutKey);
        list(sb, "Units (with a key) without a NUTS code", unitsWithoutNuts);
        list(sb, "Sources without a URL", sourcesWithoutUrl);
        list(sb, "Sources dated only to the year or month", sourcesWithYearOnly);
        list(sb, "Sources whose headline the stored copy does not show (title marked '[title not recorded]')", sourcesWithoutTitle);
        list(sb, "Index editions whose category names no source gives", editionsWithoutCategoryNames);
        sb.append("\n## Rows skipped or corrected\n\nNone: the build stops on any invalid row instead of skipping or correcting it.\n");
        return sb.toString();
    }

    /** Coverage of every edition and category, then the consistency findings. */
    private void indexTables(StringBuilder sb) {
        sb.append("\n## Index tables: what is held and what is missing\n\n");
        sb.append("Per edition and category: cities with a rank and with a score, and the ranks of 1..N that no source gives us. ")
          .append("N is the number of cities the edition covers, where a source states it.\n\n");
        sb.append("| edition | category | cities | ranked | scored | ranks missing |\n|---|---|---:|---:|---:|---|\n");
        for (IndexConsistency.Coverage c : consistency.coverage())
            sb.append("| ").append(c.year()).append(" | ").append(c.category()).append(" | ").append(c.cities() == null ? "?" : c.cities())
              .append(" | ").append(c.ranked()).append(" | ").append(c.scored()).append(" | ")
              .append(c.missingRanks().isEmpty() ? "none" : String.join(", ", c.missingRanks())).append(" |\n");
        if (!gapNotes.isEmpty()) {
            sb.append("\nWhy values are missing, per edition (from `index-editions.csv`):\n\n");
            gapNotes.forEach((y, n) -> sb.append("- ").append(y).append(": ").append(n).append('\n'));
        }
        sb.append("\n## Index consistency (").append(consistency.findingCount()).append(")\n\n");
        sb.append("Rank changes (\"Tendenz\") checked against the previous edition: ").append(consistency.tendencyChecked())
          .append("; not checkable (no rank held for the previous edition): ").append(consistency.tendencyUnchecked()).append(".\n\n");
        if (consistency.findingCount() > consistency.findings().size()) sb.append("The first ").append(consistency.findings().size()).append(" are listed.\n\n");
        if (consistency.findings().isEmpty()) { sb.append("None.\n"); return; }
        sb.append("| check | edition | category | detail | sources |\n|---|---|---|---|---|\n");
        for (IndexConsistency.Finding f : consistency.findings())
            sb.append("| ").append(f.check()).append(" | ").append(f.year()).append(" | ").append(f.category()).append(" | ")
              .append(f.detail()).append(" | ").append(f.sources()).append(" |\n");
    }

    private static void list(StringBuilder sb, String title, List<String> items) {
        sb.append("\n## ").append(title).append(" (").append(items.size()).append(")\n\n");
        if (items.isEmpty()) sb.append("None.\n");
        for (String i : items) sb.append("- ").append(i).append('\n');
    }
}
