package de.smartcitylod.convert;

import de.smartcitylod.read.*;
import de.smartcitylod.vocab.SC;
import de.smartcitylod.vocab.Vocab;
import org.apache.jena.graph.Node;

import java.util.List;

import static de.smartcitylod.read.Column.*;
import static de.smartcitylod.read.ColumnType.*;

/** sources.csv: the documents every other row cites. */
public final class SourcesConverter implements Converter {
    public static final TableSchema SOURCES = new TableSchema("sources.csv",
            required("id", SLUG), required("title", TEXT), required("publisher", TEXT), optional("url", URL),
            required("date", DATE), optional("licence", URL), codes("kind", true, Codes.SOURCE_KINDS),
            optionalCode("language", "de", "en"), optional("note", TEXT));

    @Override public String graphName() { return "sources"; }
    @Override public List<TableSchema> tables() { return List.of(SOURCES); }

    @Override public void convert(TableSchema table, CsvRow row, ConversionContext ctx) {
        String id = row.text("id");
        Node s = ctx.uris().source(id);
        if (!ctx.define(ConversionContext.Kind.SOURCE, id, s, row, "id")) return;
        String lang = row.has("language") ? row.text("language") : "de";
        ctx.type(s, SC.Source);
        ctx.add(s, Vocab.dctTitle, ConversionContext.text(row.text("title"), lang));
        ctx.add(s, Vocab.rdfsLabel, ConversionContext.text(row.text("title"), lang));
        ctx.add(s, Vocab.dctPublisher, ConversionContext.plain(row.text("publisher")));
        ctx.add(s, Vocab.schemaUrl, ConversionContext.uri(row.text("url")));
        ctx.add(s, Vocab.dctIssued, ConversionContext.date(row.text("date")));
        ctx.add(s, Vocab.dctLicense, ConversionContext.uri(row.text("licence")));
        for (String k : row.list("kind")) ctx.add(s, SC.sourceKind, SC.sourceKind(k));
        ctx.add(s, Vocab.dctIdentifier, ConversionContext.plain(id));
        ctx.add(s, Vocab.skosNote, ConversionContext.text(row.text("note"), "en"));
    }
}
