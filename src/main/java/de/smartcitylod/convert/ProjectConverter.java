package de.smartcitylod.convert;

import de.smartcitylod.read.*;
import de.smartcitylod.vocab.SC;
import de.smartcitylod.vocab.Vocab;
import org.apache.jena.graph.Node;

import java.util.ArrayList;
import java.util.List;

import static de.smartcitylod.convert.ConversionContext.*;
import static de.smartcitylod.read.Column.*;
import static de.smartcitylod.read.ColumnType.*;

/**
 * Projects: lighthouse projects named by sources, and model projects selected in a programme. A model
 * project also yields a Participation of each of its units in the programme round.
 */
public final class ProjectConverter implements Converter {
    public static final TableSchema PROJECTS = new TableSchema("projects.csv",
            required("id", SLUG), requiredCode("kind", "lighthouse", "model-project"), required("name_de", TEXT),
            optional("name_en", TEXT), required("units", LIST), codes("themes", false, Codes.THEMES), optional("partners", LIST),
            optional("programme", SLUG), optional("round", SLUG), optionalCode("size_class", Codes.SIZE_CLASSES.toArray(String[]::new)),
            optional("atlas", YEAR), optional("description_de", TEXT), optional("description_en", TEXT),
            required("source", LIST));

    @Override public String graphName() { return "projects"; }
    /** Amounts of money per project, each with its kind and source: total volume and federal grant are different claims. */
    public static final TableSchema FUNDING = new TableSchema("project-funding.csv",
            required("project", SLUG), required("amount_eur", DECIMAL), requiredCode("kind", Codes.AMOUNT_KINDS.toArray(String[]::new)),
            optional("note", TEXT), required("source", LIST));

    @Override public List<TableSchema> tables() { return List.of(PROJECTS, FUNDING); }

    @Override public void convert(TableSchema table, CsvRow row, ConversionContext ctx) {
        if (table == FUNDING) { funding(row, ctx); return; }
        String id = row.text("id");
        Node s = ctx.uris().project(id);
        List<Node> units = new ArrayList<>();
        for (String u : row.list("units")) {
            Node n = ctx.unit(row, "units", u);
            if (n == null) return;
            units.add(n);
        }
        Node prog = null, round = null;
        String p = row.text("programme"), r = row.text("round");
        if (p != null) {
            prog = ctx.resolve(Kind.PROGRAMME, p, row, "programme");
            if (prog == null) return;
            if (r != null) {
                round = ctx.resolve(Kind.ROUND, p + "/" + r, row, "round");
                if (round == null) return;
            }
        } else if (r != null) { row.error("round", "a round needs a programme"); return; }
        if ("model-project".equals(row.text("kind")) && prog == null) { row.error("programme", "a model project names its programme"); return; }
        Node atlas = null;
        if (row.has("atlas")) {
            atlas = ctx.resolve(Kind.ATLAS_EDITION, Integer.toString(row.year("atlas")), row, "atlas");
            if (atlas == null) return;
        }
        if (!ctx.define(Kind.PROJECT, id, s, row, "id")) return;
        ctx.type(s, SC.Project, "model-project".equals(row.text("kind")) ? SC.ModelProject : SC.LighthouseProject);
        ctx.labels(s, row.text("name_de"), row.text("name_en"));
        ctx.add(s, Vocab.dctIdentifier, plain(id));
        for (Node u : units) ctx.add(s, SC.locatedIn, u);
        for (String t : row.list("themes")) ctx.add(s, SC.theme, SC.theme(t));
        for (String partner : row.list("partners")) ctx.add(s, SC.partner, text(partner, "de"));
        ctx.add(s, SC.programme, prog);
        ctx.add(s, SC.round, round);
        if (row.has("size_class")) ctx.add(s, SC.sizeClass, SC.sizeClass(row.text("size_class")));
        ctx.add(s, SC.featuredIn, atlas);
        ctx.add(s, Vocab.dctDescription, text(row.text("description_de"), "de"));
        ctx.add(s, Vocab.dctDescription, text(row.text("description_en"), "en"));
        ctx.derivedFrom(s, row);
        if (prog != null && "model-project".equals(row.text("kind"))) {
            List<String> keys = row.list("units");
            for (int i = 0; i < units.size(); i++) {
                Node part = ctx.uris().participation(p, r == null ? "" : r, keys.get(i), "participant");
                if (!ctx.defineNode(part, row, "units")) continue;
                ctx.type(part, SC.Participation);
                ctx.add(part, SC.participant, units.get(i));
                ctx.add(part, SC.programme, prog);
                ctx.add(part, SC.round, round);
                ctx.add(part, SC.role, SC.role("participant"));
                ctx.add(part, SC.project, s);
                if (row.has("size_class")) ctx.add(part, SC.sizeClass, SC.sizeClass(row.text("size_class")));
                ctx.derivedFrom(part, row);
            }
        }
    }

    private void funding(CsvRow row, ConversionContext ctx) {
        String project = row.text("project");
        Node p = ctx.resolve(Kind.PROJECT, project, row, "project");
        if (p == null) return;
        String kind = row.text("kind");
        Node s = ctx.uris().fundingAmount(project, kind, row.list("source").get(0), row.decimalText("amount_eur"));
        if (!ctx.defineNode(s, row, "amount_eur")) return;
        ctx.type(s, SC.FundingAmount);
        ctx.add(s, SC.project, p);
        ctx.add(s, SC.amount, decimal(row.decimalText("amount_eur")));
        ctx.add(s, SC.amountKind, SC.amountKind(kind));
        ctx.add(s, Vocab.skosNote, text(row.text("note"), "en"));
        ctx.derivedFrom(s, row);
    }
}
