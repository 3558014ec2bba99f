package de.smartcitylod.report;

import java.math.BigDecimal;
import java.util.*;

/**
 * What the index tables say about each other. The "Tendenz" a table states is the change against
 * the previous edition, so it can be checked against the ranks we hold for that edition; ranks of
 * an edition and category should run 1..N without gaps; and a better rank should not come with a
 * lower score. Every disagreement is a finding: the claims themselves are kept as their sources
 * state them.
 */
public final class IndexConsistency {
    /** One claim about a city in one category of one edition, by one group of sources. */
    public record Claim(int year, String city, String category, Integer rank, Integer rankChange, BigDecimal score, String sources) {}

    /** One disagreement, for the quality report. */
    public record Finding(String check, int year, String category, String detail, String sources) {}

    /** Per edition and category: how much of the table we hold. */
    public record Coverage(int year, String category, Integer cities, int ranked, int scored, List<String> missingRanks) {}

    private final List<Finding> findings = new ArrayList<>();
    private final List<Coverage> coverage = new ArrayList<>();
    private long findingCount, tendencyChecked, tendencyUnchecked;
    private final int maxListed;

    /**
     * @param claims every claim with a stated category (claims of unstated category are compared elsewhere)
     * @param citiesPerEdition cities an edition covers, where a source states it (else the highest rank held is N)
     */
    public IndexConsistency(List<Claim> claims, Map<Integer, Integer> citiesPerEdition, int maxListed) {
        this.maxListed = maxListed;
        Map<String, List<Claim>> byTable = new TreeMap<>();
        for (Claim c : claims) byTable.computeIfAbsent(key(c.year(), c.category()), k -> new ArrayList<>()).add(c);
        for (List<Claim> table : byTable.values()) {
            checkRankChanges(table, byTable);
            checkRankSequence(table, citiesPerEdition.get(table.get(0).year()));
            checkRankAgainstScore(table);
        }
    }

    private static String key(int year, String category) { return year + "|" + category; }

    private void add(Finding f) {
        findingCount++;
        if (findings.size() < maxListed) findings.add(f);
    }

    /** Tendenz = previous rank - rank: +3 means three places up. Checked against every rank held for the previous edition. */
    private void checkRankChanges(List<Claim> table, Map<String, List<Claim>> byTable) {
        Claim any = table.get(0);
        List<Claim> previous = previousTable(any.year(), any.category(), byTable);
        Map<String, Set<Integer>> previousRanks = new HashMap<>();
        if (previous != null)
            for (Claim p : previous) if (p.rank() != null) previousRanks.computeIfAbsent(p.city(), k -> new TreeSet<>()).add(p.rank());
        for (Claim c : table) {
            if (c.rankChange() == null || c.rank() == null) continue;
            Set<Integer> prev = previousRanks.get(c.city());
            if (prev == null) { tendencyUnchecked++; continue; }
            tendencyChecked++;
            int expected = c.rank() + c.rankChange();
            if (!prev.contains(expected))
                add(new Finding("rank change disagrees with the previous edition", c.year(), c.category(),
                        String.format("%s: rank %d with change %+d implies rank %d in %d, but the ranks held for %d are %s",
                                c.city(), c.rank(), c.rankChange(), expected, previous.get(0).year(), previous.get(0).year(), prev),
                        c.sources()));
        }
    }

    /** The nearest earlier edition of the same category (editions are yearly, but one may be missing). */
    private static List<Claim> previousTable(int year, String category, Map<String, List<Claim>> byTable) {
        for (int y = year - 1; y >= year - 3; y--) {
            List<Claim> t = byTable.get(key(y, category));
            if (t != null) return t;
        }
        return null;
    }

    private void checkRankSequence(List<Claim> table, Integer cities) {
        Claim any = table.get(0);
        SortedSet<Integer> ranks = new TreeSet<>();
        Set<String> scored = new HashSet<>(), ranked = new HashSet<>();
        for (Claim c : table) {
            if (c.rank() != null) { ranks.add(c.rank()); ranked.add(c.city()); }
            if (c.score() != null) scored.add(c.city());
        }
        int n = cities != null ? cities : ranks.isEmpty() ? 0 : ranks.last();
        List<String> missing = ranges(ranks, n);
        coverage.add(new Coverage(any.year(), any.category(), cities, ranked.size(), scored.size(), missing));
        // A place no source gives is a gap in our data, listed under coverage, not a contradiction. A table
        // contradicts itself when more places are missing than cities lack a rank: then cities share places.
        long missingCount = n - ranks.stream().filter(r -> r >= 1 && r <= n).count();
        if (cities != null && missingCount > cities - ranked.size()) {
            // name the shared places and who holds them, with the sources saying so
            SortedMap<Integer, SortedSet<String>> holders = new TreeMap<>();
            SortedSet<String> sources = new TreeSet<>();
            for (Claim c : table) if (c.rank() != null) holders.computeIfAbsent(c.rank(), k -> new TreeSet<>()).add(c.city());
            List<String> shared = new ArrayList<>();
            holders.forEach((rank, who) -> { if (who.size() > 1) shared.add(rank + " (" + String.join(", ", who) + ")"); });
            for (Claim c : table) if (c.rank() != null && holders.get(c.rank()).size() > 1) sources.add(c.sources());
            add(new Finding("ranks are not 1.." + n + " without gaps", any.year(), any.category(), "missing ranks " + String.join(", ", missing)
                    + " with " + (cities - ranked.size()) + " cities unranked: cities share a place"
                    + (shared.isEmpty() ? "" : "; places held by more than one city: " + String.join("; ", shared)), String.join(" ", sources)));
        }
        if (cities != null && !ranks.isEmpty() && ranks.last() > cities)
            add(new Finding("rank beyond the number of cities", any.year(), any.category(), "rank " + ranks.last() + " of " + cities + " cities", ""));
    }

    /** Missing numbers of 1..n as ranges: "11–19", "21". */
    static List<String> ranges(SortedSet<Integer> present, int n) {
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 1; i <= n + 1; i++) {
            boolean gap = i <= n && !present.contains(i);
            if (gap && start < 0) start = i;
            if (!gap && start > 0) { out.add(start == i - 1 ? Integer.toString(start) : start + "–" + (i - 1)); start = -1; }
        }
        return out;
    }

    /** Sorted by rank, a score must not rise: an adjacent pair against the order is reported (n log n even on a million claims). */
    private void checkRankAgainstScore(List<Claim> table) {
        List<Claim> both = new ArrayList<>();
        for (Claim c : table) if (c.rank() != null && c.score() != null) both.add(c);
        both.sort(Comparator.comparingInt(Claim::rank).thenComparing(Claim::city));
        for (int i = 0; i + 1 < both.size(); i++) {
            Claim a = both.get(i), b = both.get(i + 1);
            if (a.rank() < b.rank() && QualityReport.differ(a.score().toPlainString(), b.score().toPlainString()) && a.score().compareTo(b.score()) < 0)
                add(new Finding("rank order against score order", a.year(), a.category(),
                        String.format("%s rank %d score %s is ahead of %s rank %d score %s", a.city(), a.rank(), a.score().toPlainString(),
                                b.city(), b.rank(), b.score().toPlainString()),
                        a.sources().equals(b.sources()) ? a.sources() : a.sources() + " / " + b.sources()));
        }
    }

    public List<Finding> findings() { return findings; }
    public long findingCount() { return findingCount; }
    public List<Coverage> coverage() { return coverage; }
    public long tendencyChecked() { return tendencyChecked; }
    public long tendencyUnchecked() { return tendencyUnchecked; }
}
