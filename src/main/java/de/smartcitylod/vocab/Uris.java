package de.smartcitylod.vocab;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * Mints the URIs of the published resources under one configurable base. Keys are official where
 * one exists (AGS, state key, district key), otherwise slugs chosen in data/.
 */
public final class Uris {
    public static final String DEFAULT_BASE = "https://w3id.org/smartcity-de/";

    private final String base;

    public Uris(String base) {
        if (base == null || !(base.startsWith("http://") || base.startsWith("https://")) || !base.endsWith("/"))
            throw new IllegalArgumentException("base URI must be http(s) and end with '/': " + base);
        this.base = base;
    }

    public static Uris defaults() { return new Uris(DEFAULT_BASE); }

    public String base() { return base; }

    public Node id(String path) { return NodeFactory.createURI(base + "id/" + path); }

    public Node state(String key) { return id("state/" + key); }
    public Node city(String ags) { return id("city/" + ags); }
    public Node district(String key) { return id("district/" + key); }
    public Node group(String slug) { return id("group/" + slug); }
    public Node source(String id) { return id("source/" + id); }
    public Node org(String slug) { return id("org/" + slug); }
    public Node index(int year) { return id("index/" + year); }
    public Node editionCategory(int year, String category) { return id("index/" + year + "/category/" + category); }
    public Node observation(int year, String unitKey, String category, String sourceId) {
        // one builder: this runs once per index row
        return NodeFactory.createURI(new StringBuilder(base.length() + 64).append(base).append("id/index/").append(year)
                .append("/observation/").append(unitKey).append('/').append(category).append('/').append(sourceId).toString());
    }
    public Node atlas(int year) { return id("atlas/" + year); }
    public Node atlasProfile(int year, String unitKey, String sourceId) { return id("atlas/" + year + "/profile/" + unitKey + "/" + sourceId); }
    public Node atlasStatistic(int year, String key) { return id("atlas/" + year + "/statistic/" + key); }
    public Node strategy(String unitKey, String slug) { return id("strategy/" + unitKey + "/" + slug); }
    public Node project(String id) { return id("project/" + id); }
    /** One stated amount of a project: by kind, source and amount (a source may state two amounts of one kind, e.g. partners' shares). */
    public Node fundingAmount(String project, String kind, String sourceId, String amount) {
        return id("project/" + project + "/funding/" + kind + "/" + sourceId + "/" + amount);
    }
    public Node programme(String slug) { return id("programme/" + slug); }
    public Node round(String programme, String round) { return id("programme/" + programme + "/round/" + round); }
    public Node participation(String programme, String round, String unitKey, String role) {
        return id("programme/" + programme + "/participation/" + (round.isEmpty() ? "" : round + "/") + unitKey + "/" + role);
    }
    public Node graph(String name) { return NodeFactory.createURI(base + "graph/" + name); }
}
