package de.smartcitylod.report;

import de.smartcitylod.publish.DumpWriter;
import de.smartcitylod.publish.SortedLines;
import de.smartcitylod.publish.SubjectGroups;
import de.smartcitylod.vocab.SC;
import de.smartcitylod.vocab.Vocab;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;

import java.util.*;

import static de.smartcitylod.publish.SubjectGroups.*;

/**
 * What the quality report counts resource by resource: triples per graph, resources per class, and
 * the index claims. The build takes it from the dump's sorted lines as they are written (reading a
 * million observations back from TDB2 took most of the report's 20 s); {@link #of} takes it from an
 * in-memory dataset the same way.
 *
 * <p>Statements are counted as in the union graph: a statement held in two graphs counts once for
 * classes and claims.
 */
public final class Census implements SubjectGroups.Sink {
    private static final String TYPE = nt(Vocab.rdfType), OBSERVATION = nt(SC.IndexObservation);
    private static final String EDITION = nt(SC.edition), CITY = nt(SC.city), CATEGORY = nt(SC.category), RANK = nt(SC.rank),
            SCORE = nt(SC.score), CHANGE = nt(SC.rankChange), DERIVED = nt(Vocab.provWasDerivedFrom), YEAR = nt(SC.year),
            LABEL = nt(Vocab.rdfsLabel), IDENTIFIER = nt(Vocab.dctIdentifier);

    private final Map<String, Long> triples = new HashMap<>(), resources = new HashMap<>();
    /** Observations as stated, their edition, city and sources still IRIs: those may come later in sort order. */
    private final List<Stated> stated = new ArrayList<>();
    private final Map<String, List<String>> years = new HashMap<>(), germanNames = new HashMap<>(), identifiers = new HashMap<>();
    /** One String per repeated IRI (editions, cities, categories, sources), not one per observation. */
    private final Map<String, String> shared = new HashMap<>();

    /** One observation's values by predicate; absent values are empty arrays. */
    private record Stated(String obs, String[] editions, String[] cities, String[] categories, String[] ranks, String[] scores,
                          String[] changes, String[] sources) {}

    /** The census of a dataset held in memory: its quads as dump lines, sorted, taken subject by subject. */
    public static Census of(DatasetGraph ds) {
        Census census = new Census();
        SubjectGroups groups = new SubjectGroups(census);
        try (SortedLines lines = new SortedLines()) {
            ds.find().forEachRemaining(q -> lines.add(DumpWriter.nquad(q)));
            lines.distinct().forEachRemaining(groups::line);
        }
        groups.end();
        return census;
    }

    @Override public void subject(String s, List<String> predicates, List<String> objects, List<String> graphs) {
        boolean observation = false;
        String lastP = null, lastO = null;
        for (int i = 0; i < predicates.size(); i++) {
            String p = predicates.get(i), o = objects.get(i), g = graphs.get(i);
            if (g != null) triples.merge(g, 1L, Long::sum);
            // sorted lines: the same statement in several graphs comes in adjacent lines
            if (p.equals(lastP) && o.equals(lastO)) continue;
            lastP = p;
            lastO = o;
            if (p.equals(TYPE) && isIri(o)) {
                resources.merge(o, 1L, Long::sum);
                observation |= o.equals(OBSERVATION);
            } else if (p.equals(YEAR) && isLiteral(o)) years.computeIfAbsent(s, k -> new ArrayList<>(1)).add(lexical(o));
            else if (p.equals(LABEL) && isLiteral(o) && language(o).equals("de")) germanNames.computeIfAbsent(s, k -> new ArrayList<>(1)).add(lexical(o));
            else if (p.equals(IDENTIFIER) && isLiteral(o)) identifiers.computeIfAbsent(s, k -> new ArrayList<>(1)).add(lexical(o));
        }
        if (observation) stated.add(new Stated(iri(s), values(predicates, objects, EDITION, true), values(predicates, objects, CITY, true),
                values(predicates, objects, CATEGORY, true), values(predicates, objects, RANK, false), values(predicates, objects, SCORE, false),
                values(predicates, objects, CHANGE, false), values(predicates, objects, DERIVED, true)));
    }

    private static final String[] NONE = {};

    /** The distinct objects of {@code p}, as terms ({@code shared}: one String per repeated term) or as values. */
    private String[] values(List<String> predicates, List<String> objects, String p, boolean asTerms) {
        int first = predicates.indexOf(p);
        if (first < 0) return NONE;
        List<String> terms = new ArrayList<>(1), out = new ArrayList<>(1);
        for (int i = first; i < predicates.size() && predicates.get(i).equals(p); i++) {
            String o = objects.get(i);
            if (terms.contains(o)) continue;             // the same statement in another graph
            terms.add(o);
            out.add(asTerms ? shared.computeIfAbsent(o, k -> k) : isLiteral(o) ? lexical(o) : isIri(o) ? iri(o) : o);
        }
        return out.toArray(NONE);
    }

    /** Triples in a graph. */
    public long triples(Node graph) { return triples.getOrDefault(nt(graph), 0L); }

    /** Resources of a class (subjects typed with it). */
    public long resources(Node cls) { return resources.getOrDefault(nt(cls), 0L); }

    private static final Comparator<QualityReport.Claim> CLAIM_ORDER =
            Comparator.comparingInt(QualityReport.Claim::year).thenComparing(QualityReport.Claim::city).thenComparing(QualityReport.Claim::obs);

    /**
     * The index claims, ordered by year, city and observation: an observation's edition year, city
     * label (German), category, sources' identifiers and optional rank, score and change, one claim
     * per combination where a value is repeated. An observation without sources' identifiers is left out.
     */
    List<QualityReport.Claim> claims() {
        List<QualityReport.Claim> out = new ArrayList<>(stated.size());
        Map<String, List<Integer>> yearNumbers = new HashMap<>();
        Map<String, String> categoryNames = new HashMap<>();   // the IRI's last segment, once per category
        for (Stated o : stated) {
            SortedSet<String> sources = new TreeSet<>();
            for (String src : o.sources()) sources.addAll(identifiers.getOrDefault(src, List.of()));
            if (sources.isEmpty()) continue;
            String joined = String.join("|", sources);
            for (String e : o.editions())
                for (int year : yearNumbers.computeIfAbsent(e, x -> years.getOrDefault(x, List.of()).stream().map(Census::integer).filter(Objects::nonNull).toList()))
                    for (String c : o.cities())
                        for (String city : germanNames.getOrDefault(c, List.of()))
                            for (String cat : o.categories())
                                for (String rank : optional(o.ranks()))
                                    for (String score : optional(o.scores()))
                                        for (String change : optional(o.changes()))
                                            out.add(new QualityReport.Claim(o.obs(), year, city,
                                                    categoryNames.computeIfAbsent(cat, k -> (isIri(k) ? iri(k) : k).replaceAll(".*/", "")),
                                                    rank, score, change, joined));
        }
        out.sort(CLAIM_ORDER);
        return out;
    }

    /** An optional value's forms, or one empty string when there is none (as an unbound OPTIONAL). */
    private static String[] optional(String[] values) { return values.length == 0 ? new String[] {""} : values; }

    /** xsd:integer(str(?y)): the year as a number, or null where it is none (the claim is then left out). */
    private static Integer integer(String s) {
        try { return Integer.valueOf(s.trim()); } catch (NumberFormatException e) { return null; }
    }

    private static String nt(Node iri) { return "<" + iri.getURI() + ">"; }
}
