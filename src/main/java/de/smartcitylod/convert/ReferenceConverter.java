package de.smartcitylod.convert;

import de.smartcitylod.read.*;
import de.smartcitylod.vocab.SC;
import de.smartcitylod.vocab.Vocab;
import org.apache.jena.graph.Node;

import java.util.List;

import static de.smartcitylod.convert.ConversionContext.*;
import static de.smartcitylod.read.Column.*;
import static de.smartcitylod.read.ColumnType.*;

/** Reference units: states, districts, municipalities and inter-municipal groups, with their official keys. */
public final class ReferenceConverter implements Converter {
    public static final TableSchema STATES = new TableSchema("states.csv",
            key("key", 2, true), required("code", TEXT), required("name_de", TEXT), required("name_en", TEXT),
            required("nuts1", TEXT), optional("wikidata", TEXT), required("source", LIST));
    public static final TableSchema DISTRICTS = new TableSchema("districts.csv",
            key("key", 5, true), required("name", TEXT), optional("kind_de", TEXT), optional("nuts3", TEXT),
            optional("wikidata", TEXT), required("source", LIST));
    public static final TableSchema MUNICIPALITIES = new TableSchema("municipalities.csv",
            key("ags", 8, true), required("name", TEXT), optional("official_name", TEXT), requiredCode("kind", "city", "municipality"),
            optional("population", INTEGER), optional("population_date", DATE), optional("area_km2", DECIMAL),
            optional("lat", DECIMAL), optional("lon", DECIMAL), optional("nuts3", TEXT), optional("wikidata", TEXT),
            required("source", LIST));
    public static final TableSchema GROUPS = new TableSchema("groups.csv",
            required("id", SLUG), required("name_de", TEXT), optional("name_en", TEXT), optional("kind_de", TEXT),
            optional("members", LIST), optional("state", TEXT), required("source", LIST));

    @Override public String graphName() { return "reference"; }
    @Override public List<TableSchema> tables() { return List.of(STATES, DISTRICTS, MUNICIPALITIES, GROUPS); }

    @Override public void convert(TableSchema table, CsvRow row, ConversionContext ctx) {
        switch (table.fileName()) {
            case "states.csv" -> state(row, ctx);
            case "districts.csv" -> district(row, ctx);
            case "municipalities.csv" -> municipality(row, ctx);
            case "groups.csv" -> group(row, ctx);
            default -> throw new IllegalArgumentException(table.fileName());
        }
    }

    private void state(CsvRow row, ConversionContext ctx) {
        String key = row.text("key");
        Node s = ctx.uris().state(key);
        if (!ctx.define(Kind.STATE, key, s, row, "key")) return;
        ctx.define(Kind.UNIT, key, s, row, "key"); // a state can itself run a project
        ctx.type(s, SC.State, SC.AdministrativeUnit);
        ctx.labels(s, row.text("name_de"), row.text("name_en"));
        ctx.add(s, Vocab.skosAltLabel, plain(row.text("code")));
        ctx.add(s, Vocab.dctIdentifier, plain(key));
        ctx.add(s, SC.politicalGeocoding, uri(Vocab.GEOCODING + "stateKey/" + key));
        ctx.add(s, SC.nuts, uri(Vocab.NUTS + row.text("nuts1")));
        wikidata(s, row, ctx);
        ctx.derivedFrom(s, row);
    }

    private void district(CsvRow row, ConversionContext ctx) {
        String key = row.text("key");
        Node s = ctx.uris().district(key);
        Node state = register(row, ctx, key, "key", s);
        if (state == null) return;
        ctx.type(s, SC.District, SC.AdministrativeUnit);
        ctx.labels(s, row.text("name"), null);
        ctx.add(s, Vocab.skosNote, text(row.text("kind_de"), "de"));
        keyedLinks(s, row, ctx, "districtKey", key, state);
    }

    private void municipality(CsvRow row, ConversionContext ctx) {
        String ags = row.text("ags");
        if (row.has("population") != row.has("population_date")) {
            row.error(row.has("population") ? "population_date" : "population", "population and population_date go together");
            return;
        }
        Node s = ctx.uris().city(ags);
        Node state = register(row, ctx, ags, "ags", s);
        if (state == null) return;
        ctx.type(s, SC.Municipality, SC.AdministrativeUnit);
        if ("city".equals(row.text("kind"))) ctx.type(s, SC.City);
        ctx.labels(s, row.text("name"), null);
        ctx.add(s, Vocab.skosAltLabel, text(row.text("official_name"), "de"));
        ctx.add(s, SC.population, integer(row.integer("population")));
        ctx.add(s, SC.populationDate, date(row.text("population_date")));
        ctx.add(s, SC.area, decimal(row.decimalText("area_km2")));
        ctx.add(s, Vocab.geoLat, decimal(row.decimalText("lat")));
        ctx.add(s, Vocab.geoLong, decimal(row.decimalText("lon")));
        keyedLinks(s, row, ctx, "municipalityKey", ags, state);
    }

    /** Registers a unit with an official key whose first two digits are its state's key; returns the state, or null after an error. */
    private static Node register(CsvRow row, ConversionContext ctx, String key, String column, Node s) {
        Node state = ctx.resolve(Kind.STATE, key.substring(0, 2), row, column);
        if (state == null || !ctx.define(Kind.UNIT, key, s, row, column)) return null;
        return state;
    }

    /** The official identifiers of a keyed unit: key, state, DCAT-AP.de geocoding, NUTS-3, Wikidata; and its sources. */
    private static void keyedLinks(Node s, CsvRow row, ConversionContext ctx, String geocodingKind, String key, Node state) {
        ctx.add(s, Vocab.dctIdentifier, plain(key));
        ctx.add(s, SC.state, state);
        ctx.add(s, SC.politicalGeocoding, uri(Vocab.GEOCODING + geocodingKind + "/" + key));
        if (row.has("nuts3")) ctx.add(s, SC.nuts, uri(Vocab.NUTS + row.text("nuts3")));
        wikidata(s, row, ctx);
        ctx.derivedFrom(s, row);
    }

    private void group(CsvRow row, ConversionContext ctx) {
        String id = row.text("id");
        Node s = ctx.uris().group(id);
        Node state = null;
        if (row.has("state")) {
            state = ctx.resolve(Kind.STATE, row.text("state"), row, "state");
            if (state == null) return;
        }
        List<Node> members = new java.util.ArrayList<>();
        for (String m : row.list("members")) {
            Node n = ctx.unit(row, "members", m);
            if (n == null) return;
            members.add(n);
        }
        if (!ctx.define(Kind.UNIT, id, s, row, "id")) return;
        ctx.type(s, SC.MunicipalGroup, SC.AdministrativeUnit);
        ctx.labels(s, row.text("name_de"), row.text("name_en"));
        ctx.add(s, Vocab.skosNote, text(row.text("kind_de"), "de"));
        ctx.add(s, Vocab.dctIdentifier, plain(id));
        ctx.add(s, SC.state, state);
        for (Node m : members) ctx.add(s, SC.member, m);
        ctx.derivedFrom(s, row);
    }

    private static void wikidata(Node s, CsvRow row, ConversionContext ctx) {
        if (!row.has("wikidata")) return;
        String q = row.text("wikidata");
        if (!q.matches("Q[1-9][0-9]*")) { row.error("wikidata", "not a Wikidata item id (Q followed by digits): '" + q + "'"); return; }
        ctx.add(s, SC.wikidata, uri(Vocab.WIKIDATA + q));
    }
}
