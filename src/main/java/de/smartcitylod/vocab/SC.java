package de.smartcitylod.vocab;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * Terms of the smart-city ontology ({@code ontology/smartcity.ttl}), the one place code names them.
 * OntologyTermsTest checks that every constant here is declared and labelled in the ontology file.
 * The vocabulary namespace is fixed (it names the vocabulary, not a deployment); instance URIs use
 * the configurable base in {@link Uris}.
 */
public final class SC {
    private SC() {}

    public static final String ONTOLOGY = "https://w3id.org/smartcity-de/ontology";
    public static final String NS = ONTOLOGY + "#";
    public static final String CATEGORY_NS = ONTOLOGY + "/category/";
    public static final String THEME_NS = ONTOLOGY + "/theme/";
    public static final String STATUS_NS = ONTOLOGY + "/status/";
    public static final String ROLE_NS = ONTOLOGY + "/role/";
    public static final String SIZE_NS = ONTOLOGY + "/size-class/";
    public static final String LEVEL_NS = ONTOLOGY + "/level/";
    public static final String SOURCE_KIND_NS = ONTOLOGY + "/source-kind/";
    public static final String ATLAS_STATISTIC_NS = ONTOLOGY + "/atlas-statistic/";
    public static final String AMOUNT_KIND_NS = ONTOLOGY + "/amount-kind/";

    private static Node t(String local) { return NodeFactory.createURI(NS + local); }

    // classes
    public static final Node AdministrativeUnit = t("AdministrativeUnit");
    public static final Node State = t("State");
    public static final Node District = t("District");
    public static final Node Municipality = t("Municipality");
    public static final Node City = t("City");
    public static final Node MunicipalGroup = t("MunicipalGroup");
    public static final Node IndexEdition = t("IndexEdition");
    public static final Node IndexObservation = t("IndexObservation");
    public static final Node EditionCategory = t("EditionCategory");
    public static final Node Category = t("Category");
    public static final Node Theme = t("Theme");
    public static final Node AtlasEdition = t("AtlasEdition");
    public static final Node AtlasProfile = t("AtlasProfile");
    public static final Node AtlasStatistic = t("AtlasStatistic");
    public static final Node DigitalStrategy = t("DigitalStrategy");
    public static final Node Project = t("Project");
    public static final Node LighthouseProject = t("LighthouseProject");
    public static final Node ModelProject = t("ModelProject");
    public static final Node FundingProgramme = t("FundingProgramme");
    public static final Node Competition = t("Competition");
    public static final Node ProgrammeRound = t("ProgrammeRound");
    public static final Node Participation = t("Participation");
    public static final Node Source = t("Source");
    public static final Node StrategyStatus = t("StrategyStatus");
    public static final Node Role = t("Role");
    public static final Node SizeClass = t("SizeClass");
    public static final Node ProgrammeLevel = t("ProgrammeLevel");
    public static final Node SourceKind = t("SourceKind");
    public static final Node AtlasStatisticKind = t("AtlasStatisticKind");
    public static final Node FundingAmount = t("FundingAmount");
    public static final Node AmountKind = t("AmountKind");

    // concept schemes
    public static final Node categories = t("categories");
    public static final Node themes = t("themes");
    public static final Node strategyStatuses = t("strategyStatuses");
    public static final Node roles = t("roles");
    public static final Node sizeClasses = t("sizeClasses");
    public static final Node levels = t("levels");
    public static final Node sourceKinds = t("sourceKinds");
    public static final Node atlasStatistics = t("atlasStatistics");
    public static final Node amountKinds = t("amountKinds");

    // properties
    public static final Node state = t("state");
    public static final Node member = t("member");
    public static final Node population = t("population");
    public static final Node populationDate = t("populationDate");
    public static final Node area = t("area");
    public static final Node nuts = t("nuts");
    public static final Node politicalGeocoding = t("politicalGeocoding");
    public static final Node wikidata = t("wikidata");
    /** Full-text search over names, alternative names, titles and descriptions at once (a jena-text property list). */
    public static final Node text = t("text");
    public static final Node sizeClass = t("sizeClass");
    public static final Node edition = t("edition");
    public static final Node city = t("city");
    public static final Node category = t("category");
    public static final Node score = t("score");
    public static final Node rank = t("rank");
    public static final Node rankChange = t("rankChange");
    public static final Node rankAtMost = t("rankAtMost");
    public static final Node referenceDate = t("referenceDate");
    public static final Node strategyAdopted = t("strategyAdopted");
    public static final Node featuredIn = t("featuredIn");
    public static final Node amountKind = t("amountKind");
    public static final Node federationTarget = t("federationTarget");
    public static final Node derivation = t("derivation");
    public static final Node year = t("year");
    public static final Node citiesCovered = t("citiesCovered");
    public static final Node indicatorCount = t("indicatorCount");
    public static final Node parameterCount = t("parameterCount");
    public static final Node dataPointCount = t("dataPointCount");
    public static final Node editionCategory = t("editionCategory");
    public static final Node atlas = t("atlas");
    public static final Node strategy = t("strategy");
    public static final Node strategyStatus = t("strategyStatus");
    public static final Node coordinatingUnit = t("coordinatingUnit");
    public static final Node partnerNetwork = t("partnerNetwork");
    public static final Node theme = t("theme");
    public static final Node statistic = t("statistic");
    public static final Node value = t("value");
    public static final Node locatedIn = t("locatedIn");
    public static final Node partner = t("partner");
    public static final Node programme = t("programme");
    public static final Node round = t("round");
    public static final Node amount = t("amount");
    public static final Node budget = t("budget");
    public static final Node fundingRate = t("fundingRate");
    public static final Node level = t("level");
    public static final Node administrator = t("administrator");
    public static final Node motto = t("motto");
    public static final Node applicantCount = t("applicantCount");
    public static final Node selectedCount = t("selectedCount");
    public static final Node participant = t("participant");
    public static final Node role = t("role");
    public static final Node project = t("project");
    public static final Node applicant = t("applicant");
    public static final Node finalist = t("finalist");
    public static final Node winner = t("winner");
    public static final Node sourceKind = t("sourceKind");

    // other named individuals
    public static final Node indexStructure = t("indexStructure");

    /** Concept codes of the schemes; the CSV files use these codes. */
    public static Node category(String code) { return NodeFactory.createURI(CATEGORY_NS + code); }
    public static Node theme(String code) { return NodeFactory.createURI(THEME_NS + code); }
    public static Node status(String code) { return NodeFactory.createURI(STATUS_NS + code); }
    public static Node role(String code) { return NodeFactory.createURI(ROLE_NS + code); }
    public static Node sizeClass(String code) { return NodeFactory.createURI(SIZE_NS + code); }
    public static Node level(String code) { return NodeFactory.createURI(LEVEL_NS + code); }
    public static Node sourceKind(String code) { return NodeFactory.createURI(SOURCE_KIND_NS + code); }
    public static Node amountKind(String code) { return NodeFactory.createURI(AMOUNT_KIND_NS + code); }
    public static Node atlasStatistic(String code) { return NodeFactory.createURI(ATLAS_STATISTIC_NS + code); }
}
