package de.smartcitylod.convert;

import java.util.Set;

/** The codes CSV files use for concepts of the ontology's schemes (checked against ontology/ by OntologyTermsTest). */
public final class Codes {
    private Codes() {}
    public static final Set<String> CATEGORIES = Set.of("overall", "administration", "it-infrastructure", "energy-environment", "mobility", "society", "unspecified");
    public static final Set<String> THEMES = Set.of("administration", "mobility", "energy-environment", "health", "education", "retail", "society", "security", "it-infrastructure", "data-platform");
    public static final Set<String> STATUSES = Set.of("adopted", "in-development", "none");
    public static final Set<String> ROLES = Set.of("lead", "partner", "participant", "winner", "finalist", "applicant");
    public static final Set<String> SIZE_CLASSES = Set.of("large-city", "medium-town", "small-town", "inter-municipal");
    public static final Set<String> LEVELS = Set.of("federal", "state", "private");
    public static final Set<String> SOURCE_KINDS = Set.of("official-register", "press-release", "news-article", "vendor-blog", "blog", "official-page", "organisation-page", "dataset");
    public static final Set<String> AMOUNT_KINDS = Set.of("total-volume", "federal-grant", "own-share", "state-cofunding", "share-of-grant", "applied-for", "unspecified");
    public static final Set<String> ATLAS_STATISTICS = Set.of("cities", "agenda-adopted", "agenda-in-development", "medium-towns", "cities-per-state", "theme-share", "lighthouse-share");
}
