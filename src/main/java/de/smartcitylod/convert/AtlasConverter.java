package de.smartcitylod.convert;

import de.smartcitylod.read.*;
import de.smartcitylod.vocab.SC;
import de.smartcitylod.vocab.Vocab;
import org.apache.jena.graph.Node;

import java.util.List;

import static de.smartcitylod.convert.ConversionContext.*;
import static de.smartcitylod.read.Column.*;
import static de.smartcitylod.read.ColumnType.*;

/** Smart-City-Atlas: editions, per-city profiles and the aggregate figures the Atlas reports. */
public final class AtlasConverter implements Converter {
    public static final TableSchema EDITIONS = new TableSchema("atlas-editions.csv",
            required("year", YEAR), required("title_de", TEXT), optional("title_en", TEXT), optional("published", DATE),
            optional("publisher", LIST), optional("url", URL), required("source", LIST));
    public static final TableSchema PROFILES = new TableSchema("atlas-profiles.csv",
            required("edition", YEAR), required("unit", TEXT), optionalCode("city_type", "large-city", "medium-town"),
            optional("strategy_name", TEXT), optionalCode("strategy_status", Codes.STATUSES.toArray(String[]::new)), optional("strategy_adopted", DATE),
            optional("coordinating_unit", TEXT), optional("partner_network", TEXT), codes("themes", false, Codes.THEMES),
            required("source", LIST));
    public static final TableSchema STATISTICS = new TableSchema("atlas-statistics.csv",
            required("edition", YEAR), requiredCode("statistic", Codes.ATLAS_STATISTICS.toArray(String[]::new)),
            optional("qualifier", TEXT), required("value", DECIMAL), required("source", LIST));

    @Override public String graphName() { return "atlas"; }
    @Override public List<TableSchema> tables() { return List.of(EDITIONS, PROFILES, STATISTICS); }

    @Override public void convert(TableSchema table, CsvRow row, ConversionContext ctx) {
        switch (table.fileName()) {
            case "atlas-editions.csv" -> edition(row, ctx);
            case "atlas-profiles.csv" -> profile(row, ctx);
            case "atlas-statistics.csv" -> statistic(row, ctx);
            default -> throw new IllegalArgumentException(table.fileName());
        }
    }

    private void edition(CsvRow row, ConversionContext ctx) {
        int year = row.year("year");
        Node s = ctx.uris().atlas(year);
        if (!ctx.define(Kind.ATLAS_EDITION, Integer.toString(year), s, row, "year")) return;
        ctx.type(s, SC.AtlasEdition);
        ctx.labels(s, row.text("title_de"), row.text("title_en"));
        ctx.add(s, SC.year, gYear(year));
        ctx.add(s, Vocab.dctIssued, date(row.text("published")));
        for (String p : row.list("publisher")) ctx.add(s, Vocab.dctPublisher, plain(p));
        ctx.add(s, Vocab.foafPage, uri(row.text("url")));
        ctx.derivedFrom(s, row);
    }

    private void profile(CsvRow row, ConversionContext ctx) {
        int year = row.year("edition");
        Node atlas = ctx.resolve(Kind.ATLAS_EDITION, Integer.toString(year), row, "edition");
        String unitKey = row.text("unit");
        Node unit = ctx.unit(row, "unit", unitKey);
        if (atlas == null || unit == null) return;
        // One profile per claim: keyed by the first source the row names.
        Node s = ctx.uris().atlasProfile(year, unitKey, row.list("source").get(0));
        if (!ctx.defineNode(s, row, "unit")) return;
        ctx.type(s, SC.AtlasProfile);
        ctx.add(s, SC.atlas, atlas);
        ctx.add(s, SC.city, unit);
        if (row.has("city_type")) ctx.add(s, SC.sizeClass, SC.sizeClass(row.text("city_type")));
        if (row.has("strategy_status")) ctx.add(s, SC.strategyStatus, SC.status(row.text("strategy_status")));
        if (row.has("strategy_adopted") && !row.has("strategy_name")) { row.error("strategy_adopted", "an adoption date needs the strategy's name"); return; }
        if (row.has("strategy_name")) {
            Node st = ctx.uris().strategy(unitKey, slug(row.text("strategy_name")));
            ctx.type(st, SC.DigitalStrategy);
            ctx.add(st, Vocab.dctTitle, text(row.text("strategy_name"), "de"));
            ctx.add(st, Vocab.rdfsLabel, text(row.text("strategy_name"), "de"));
            ctx.add(st, SC.city, unit);
            if (row.has("strategy_status")) ctx.add(st, SC.strategyStatus, SC.status(row.text("strategy_status")));
            ctx.add(st, SC.strategyAdopted, date(row.text("strategy_adopted")));
            ctx.derivedFrom(st, row);
            ctx.origin(st, row);
            ctx.add(s, SC.strategy, st);
        }
        ctx.add(s, SC.coordinatingUnit, text(row.text("coordinating_unit"), "de"));
        ctx.add(s, SC.partnerNetwork, text(row.text("partner_network"), "de"));
        for (String t : row.list("themes")) ctx.add(s, SC.theme, SC.theme(t));
        ctx.derivedFrom(s, row);
    }

    private void statistic(CsvRow row, ConversionContext ctx) {
        int year = row.year("edition");
        Node atlas = ctx.resolve(Kind.ATLAS_EDITION, Integer.toString(year), row, "edition");
        if (atlas == null) return;
        String stat = row.text("statistic");
        String q = row.has("qualifier") ? row.text("qualifier") : null;
        Node state = null, theme = null;
        switch (stat) {
            case "cities-per-state" -> {
                if (q == null) { row.error("qualifier", "cities-per-state needs the state key as qualifier"); return; }
                state = ctx.resolve(Kind.STATE, q, row, "qualifier");
                if (state == null) return;
            }
            case "theme-share", "lighthouse-share" -> {
                if (q == null || !Codes.THEMES.contains(q)) { row.error("qualifier", stat + " needs a theme code as qualifier, one of " + new java.util.TreeSet<>(Codes.THEMES)); return; }
                theme = SC.theme(q);
            }
            default -> {
                if (q != null) { row.error("qualifier", stat + " takes no qualifier"); return; }
            }
        }
        Node s = ctx.uris().atlasStatistic(year, q == null ? stat : stat + "-" + q);
        if (!ctx.defineNode(s, row, "statistic")) return;
        ctx.type(s, SC.AtlasStatistic);
        ctx.add(s, SC.atlas, atlas);
        ctx.add(s, SC.statistic, SC.atlasStatistic(stat));
        ctx.add(s, SC.state, state);
        ctx.add(s, SC.theme, theme);
        ctx.add(s, SC.value, decimal(row.decimalText("value")));
        ctx.derivedFrom(s, row);
    }
}
