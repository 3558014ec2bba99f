package de.smartcitylod.convert;

import de.smartcitylod.read.*;
import de.smartcitylod.vocab.SC;
import de.smartcitylod.vocab.Vocab;
import org.apache.jena.graph.Node;

import java.util.List;

import static de.smartcitylod.convert.ConversionContext.*;
import static de.smartcitylod.read.Column.*;
import static de.smartcitylod.read.ColumnType.*;

/** Bitkom Smart City Index: editions, their category names, and scores/ranks as Data Cube observations. */
public final class IndexConverter implements Converter {
    public static final TableSchema EDITIONS = new TableSchema("index-editions.csv",
            required("year", YEAR), optional("cities", INTEGER), optional("indicators", INTEGER), optional("parameters", INTEGER),
            optional("data_points", INTEGER), optional("data_points_note", TEXT), optional("reference_date", DATE), optional("published", DATE),
            optional("gaps_note", TEXT), required("source", LIST));
    public static final TableSchema CATEGORIES = new TableSchema("index-categories.csv",
            required("edition", YEAR), requiredCode("category", Codes.CATEGORIES.toArray(String[]::new)), required("label_de", TEXT),
            required("source", LIST));
    public static final TableSchema RESULTS = new TableSchema("index-results.csv",
            required("edition", YEAR), required("unit", TEXT), requiredCode("category", Codes.CATEGORIES.toArray(String[]::new)),
            optional("score", DECIMAL), optional("rank", INTEGER), optional("rank_change", INTEGER), optional("rank_at_most", INTEGER),
            optional("derivation", TEXT), optional("note", TEXT),
            required("source", LIST));

    @Override public String graphName() { return "index"; }
    @Override public List<TableSchema> tables() { return List.of(EDITIONS, CATEGORIES, RESULTS); }

    @Override public void convert(TableSchema table, CsvRow row, ConversionContext ctx) {
        switch (table.fileName()) {
            case "index-editions.csv" -> edition(row, ctx);
            case "index-categories.csv" -> category(row, ctx);
            case "index-results.csv" -> result(row, ctx);
            default -> throw new IllegalArgumentException(table.fileName());
        }
    }

    private void edition(CsvRow row, ConversionContext ctx) {
        int year = row.year("year");
        Node s = ctx.uris().index(year);
        if (!ctx.define(Kind.INDEX_EDITION, Integer.toString(year), s, row, "year")) return;
        ctx.type(s, SC.IndexEdition, Vocab.qbDataSetClass);
        ctx.labels(s, "Smart City Index " + year, "Smart City Index " + year);
        ctx.add(s, Vocab.qbStructure, SC.indexStructure);
        ctx.add(s, SC.year, gYear(year));
        ctx.add(s, SC.citiesCovered, integer(row.integer("cities")));
        ctx.add(s, SC.indicatorCount, integer(row.integer("indicators")));
        ctx.add(s, SC.parameterCount, integer(row.integer("parameters")));
        ctx.add(s, SC.dataPointCount, integer(row.integer("data_points")));
        ctx.add(s, Vocab.skosNote, text(row.text("data_points_note"), "de"));
        ctx.add(s, SC.referenceDate, date(row.text("reference_date")));
        ctx.add(s, Vocab.skosEditorialNote, text(row.text("gaps_note"), "en"));
        ctx.add(s, Vocab.dctIssued, date(row.text("published")));
        ctx.derivedFrom(s, row);
    }

    private void category(CsvRow row, ConversionContext ctx) {
        int year = row.year("edition");
        Node ed = ctx.resolve(Kind.INDEX_EDITION, Integer.toString(year), row, "edition");
        if (ed == null) return;
        String cat = row.text("category");
        Node s = ctx.uris().editionCategory(year, cat);
        if (!ctx.defineNode(s, row, "category")) return;
        ctx.type(s, SC.EditionCategory);
        ctx.add(s, SC.edition, ed);
        ctx.add(s, SC.category, SC.category(cat));
        ctx.add(s, Vocab.skosPrefLabel, text(row.text("label_de"), "de"));
        ctx.add(ed, SC.editionCategory, s);
        ctx.derivedFrom(s, row);
    }

    private void result(CsvRow row, ConversionContext ctx) {
        int year = row.year("edition");
        Node ed = ctx.resolve(Kind.INDEX_EDITION, Integer.toString(year), row, "edition");
        String unitKey = row.text("unit");
        Node unit = ctx.unit(row, "unit", unitKey);
        if (ed == null || unit == null) return;
        if (!row.has("score") && !row.has("rank") && !row.has("rank_at_most") && !row.has("rank_change")) {
            row.error("score", "a result needs a score, a rank, a rank bound (rank_at_most) or a rank change");
            return;
        }
        if (row.has("rank") && row.has("rank_at_most")) { row.error("rank_at_most", "give a rank or a rank bound, not both"); return; }
        Long rank = row.integer("rank");
        String cat = row.text("category");
        // One observation per claim: keyed by the first source the row names.
        Node s = ctx.uris().observation(year, unitKey, cat, row.list("source").get(0));
        if (!ctx.defineNode(s, row, "unit")) return;
        ctx.type(s, SC.IndexObservation, Vocab.qbObservation);
        ctx.add(s, Vocab.qbDataSet, ed);
        ctx.add(s, SC.edition, ed);
        ctx.add(s, SC.city, unit);
        ctx.add(s, SC.category, SC.category(cat));
        ctx.add(s, SC.score, decimal(row.decimalText("score")));
        ctx.add(s, SC.rank, integer(rank));
        ctx.add(s, SC.rankChange, integer(row.integer("rank_change")));
        ctx.add(s, SC.rankAtMost, integer(row.integer("rank_at_most")));
        ctx.add(s, SC.derivation, text(row.text("derivation"), "en"));
        ctx.add(s, Vocab.skosNote, text(row.text("note"), "en"));
        ctx.derivedFrom(s, row);
    }
}
