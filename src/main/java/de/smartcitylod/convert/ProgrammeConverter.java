package de.smartcitylod.convert;

import de.smartcitylod.read.*;
import de.smartcitylod.vocab.SC;
import de.smartcitylod.vocab.Vocab;
import org.apache.jena.graph.Node;

import java.util.List;

import static de.smartcitylod.convert.ConversionContext.*;
import static de.smartcitylod.read.Column.*;
import static de.smartcitylod.read.ColumnType.*;

/** Funding programmes and competitions, their rounds, and who took part in which role. */
public final class ProgrammeConverter implements Converter {
    public static final TableSchema PROGRAMMES = new TableSchema("programmes.csv",
            required("id", SLUG), requiredCode("kind", "programme", "competition"), required("name_de", TEXT), optional("name_en", TEXT),
            requiredCode("level", Codes.LEVELS.toArray(String[]::new)), optional("state", TEXT), optional("funder", LIST),
            optional("administrator", LIST), optional("start", DATE), optional("end", DATE), optional("budget_eur", DECIMAL),
            optional("funding_rate", DECIMAL), codes("themes", false, Codes.THEMES), optional("url", URL),
            optional("description_de", TEXT), optional("description_en", TEXT), required("source", LIST));
    public static final TableSchema ROUNDS = new TableSchema("programme-rounds.csv",
            required("programme", SLUG), required("round", SLUG), optional("year", YEAR), optional("motto_de", TEXT),
            optional("announced", DATE), optional("budget_eur", DECIMAL), optional("applicants", INTEGER),
            optional("selected", INTEGER), optional("note", TEXT), required("source", LIST));
    public static final TableSchema PARTICIPATIONS = new TableSchema("participations.csv",
            required("programme", SLUG), optional("round", SLUG), required("unit", TEXT),
            requiredCode("role", Codes.ROLES.toArray(String[]::new)), optional("amount_eur", DECIMAL), optional("project", SLUG),
            optional("note", TEXT), required("source", LIST));

    @Override public String graphName() { return "programmes"; }
    @Override public List<TableSchema> tables() { return List.of(PROGRAMMES, ROUNDS, PARTICIPATIONS); }

    @Override public void convert(TableSchema table, CsvRow row, ConversionContext ctx) {
        switch (table.fileName()) {
            case "programmes.csv" -> programme(row, ctx);
            case "programme-rounds.csv" -> round(row, ctx);
            case "participations.csv" -> participation(row, ctx);
            default -> throw new IllegalArgumentException(table.fileName());
        }
    }

    private void programme(CsvRow row, ConversionContext ctx) {
        String id = row.text("id");
        Node s = ctx.uris().programme(id);
        Node state = null;
        if (row.has("state")) {
            state = ctx.resolve(Kind.STATE, row.text("state"), row, "state");
            if (state == null) return;
        }
        if (!ctx.define(Kind.PROGRAMME, id, s, row, "id")) return;
        ctx.type(s, "competition".equals(row.text("kind")) ? SC.Competition : SC.FundingProgramme);
        ctx.labels(s, row.text("name_de"), row.text("name_en"));
        ctx.add(s, Vocab.dctIdentifier, plain(id));
        ctx.add(s, SC.level, SC.level(row.text("level")));
        ctx.add(s, SC.state, state);
        for (String f : row.list("funder")) ctx.add(s, Vocab.schemaFunder, organisation(f, ctx));
        for (String a : row.list("administrator")) ctx.add(s, SC.administrator, organisation(a, ctx));
        ctx.add(s, Vocab.schemaStartDate, date(row.text("start")));
        ctx.add(s, Vocab.schemaEndDate, date(row.text("end")));
        ctx.add(s, SC.budget, decimal(row.decimalText("budget_eur")));
        if (row.has("funding_rate")) {
            var rate = row.decimal("funding_rate");
            if (rate.signum() < 0 || rate.compareTo(java.math.BigDecimal.ONE) > 0) { row.error("funding_rate", "funding rate is a share from 0 to 1, e.g. 0.65"); return; }
            ctx.add(s, SC.fundingRate, decimal(rate));
        }
        for (String t : row.list("themes")) ctx.add(s, SC.theme, SC.theme(t));
        ctx.add(s, Vocab.foafPage, uri(row.text("url")));
        ctx.add(s, Vocab.dctDescription, text(row.text("description_de"), "de"));
        ctx.add(s, Vocab.dctDescription, text(row.text("description_en"), "en"));
        ctx.derivedFrom(s, row);
    }

    private Node organisation(String name, ConversionContext ctx) {
        Node o = ctx.uris().org(slug(name));
        ctx.type(o, Vocab.orgOrganization);
        ctx.add(o, Vocab.rdfsLabel, text(name, "de"));
        return o;
    }

    private void round(CsvRow row, ConversionContext ctx) {
        String p = row.text("programme"), r = row.text("round");
        Node prog = ctx.resolve(Kind.PROGRAMME, p, row, "programme");
        if (prog == null) return;
        Node s = ctx.uris().round(p, r);
        if (!ctx.define(Kind.ROUND, p + "/" + r, s, row, "round")) return;
        ctx.type(s, SC.ProgrammeRound);
        ctx.add(s, SC.programme, prog);
        ctx.labels(s, "Runde " + r, "Round " + r);
        ctx.add(s, SC.year, gYear(row.year("year")));
        ctx.add(s, SC.motto, text(row.text("motto_de"), "de"));
        ctx.add(s, org.apache.jena.vocabulary.DCTerms.date.asNode(), date(row.text("announced")));
        ctx.add(s, SC.budget, decimal(row.decimalText("budget_eur")));
        ctx.add(s, SC.applicantCount, integer(row.integer("applicants")));
        ctx.add(s, SC.selectedCount, integer(row.integer("selected")));
        ctx.add(s, Vocab.skosNote, text(row.text("note"), "en"));
        ctx.derivedFrom(s, row);
    }

    private void participation(CsvRow row, ConversionContext ctx) {
        String p = row.text("programme");
        String r = row.has("round") ? row.text("round") : "";
        Node prog = ctx.resolve(Kind.PROGRAMME, p, row, "programme");
        Node unit = ctx.unit(row, "unit", row.text("unit"));
        Node round = r.isEmpty() ? null : ctx.resolve(Kind.ROUND, p + "/" + r, row, "round");
        Node project = row.has("project") ? ctx.resolve(Kind.PROJECT, row.text("project"), row, "project") : null;
        if (prog == null || unit == null || (!r.isEmpty() && round == null) || (row.has("project") && project == null)) return;
        String role = row.text("role");
        Node s = ctx.uris().participation(p, r, row.text("unit"), role);
        if (!ctx.defineNode(s, row, "unit")) return;
        ctx.type(s, SC.Participation);
        ctx.add(s, SC.participant, unit);
        ctx.add(s, SC.programme, prog);
        ctx.add(s, SC.round, round);
        ctx.add(s, SC.role, SC.role(role));
        ctx.add(s, SC.amount, decimal(row.decimalText("amount_eur")));
        ctx.add(s, SC.project, project);
        ctx.add(s, Vocab.skosNote, text(row.text("note"), "en"));
        ctx.derivedFrom(s, row);
        // Direct links for competitions, derived from the participation (documented in the ontology).
        switch (role) {
            case "winner" -> ctx.add(prog, SC.winner, unit);
            case "finalist" -> ctx.add(prog, SC.finalist, unit);
            case "applicant" -> ctx.add(prog, SC.applicant, unit);
            default -> { }
        }
    }
}
