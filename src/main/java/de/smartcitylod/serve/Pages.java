package de.smartcitylod.serve;

import de.smartcitylod.vocab.SC;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.*;
import org.apache.jena.rdf.model.*;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.core.ResultBinding;
import org.apache.jena.sparql.core.Substitute;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.QueryEngineRegistry;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

import java.util.*;

import static de.smartcitylod.serve.Html.esc;

/**
 * HTML pages for people: bilingual labels, links to neighbours, the sources behind each fact, and
 * per kind of resource the view a reader wants: a city's index results as charts, its Atlas profile,
 * projects and programmes, and its official identifiers with links out; a programme's participants;
 * an index edition's ranking; a state's municipalities.
 */
final class Pages {
    static final String PREFIXES = """
            PREFIX sc: <https://w3id.org/smartcity-de/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX prov: <http://www.w3.org/ns/prov#>
            PREFIX schema: <https://schema.org/>
            PREFIX geo: <http://www.w3.org/2003/01/geo/wgs84_pos#>
            """;

    private final Dataset ds;
    private final String base;
    private final Map<String, String[]> propertyLabels;

    Pages(Dataset ds, String base, Map<String, String[]> propertyLabels) {
        this.ds = ds;
        this.base = base;
        this.propertyLabels = propertyLabels;
    }

    /** Local link for an IRI: resources under the base and the ontology resolve on this server. */
    String href(String iri) {
        if (iri.startsWith(base)) return "/" + iri.substring(base.length());
        if (iri.startsWith(SC.ONTOLOGY)) return "/ontology" + iri.substring(SC.ONTOLOGY.length());
        return iri;
    }

    static String label(Resource r, String lang) {
        for (Property p : new Property[]{RDFS.label, SKOS.prefLabel, org.apache.jena.vocabulary.DCTerms.title}) {
            String any = null;
            for (Statement s : r.listProperties(p).toList()) {
                if (!s.getObject().isLiteral()) continue;
                if (lang.equals(s.getLanguage())) return s.getString();
                if (any == null) any = s.getString();
            }
            if (any != null) return any;
        }
        String u = r.isURIResource() ? r.getURI() : r.toString();
        return u.substring(Math.max(u.lastIndexOf('/'), u.lastIndexOf('#')) + 1);
    }

    String link(Resource r) {
        if (!r.isURIResource()) return esc(r.toString());
        String de = label(r, "de"), en = label(r, "en");
        String text = de.equals(en) ? de : de + " / " + en;
        return "<a href=\"" + esc(href(r.getURI())) + "\">" + esc(text) + "</a>";
    }

    String link(String iri, String text) { return "<a href=\"" + esc(href(iri)) + "\">" + esc(text) + "</a>"; }

    String value(RDFNode n) {
        if (n.isLiteral()) {
            Literal l = n.asLiteral();
            String lang = l.getLanguage();
            return esc(l.getLexicalForm()) + (lang.isEmpty() ? "" : " <span class=\"muted\">@" + esc(lang) + "</span>");
        }
        return link(n.asResource());
    }

    String propertyName(Property p) {
        String[] l = propertyLabels.get(p.getURI());
        if (l != null) return "<a href=\"" + esc(href(p.getURI())) + "\" title=\"" + esc(p.getURI()) + "\">" + esc(l[0]) + " / " + esc(l[1]) + "</a>";
        String prefixed = de.smartcitylod.vocab.Vocab.prefixes().shortForm(p.getURI());
        return "<span title=\"" + esc(p.getURI()) + "\">" + esc(prefixed) + "</span>";
    }

    /**
     * A page is built from a few fixed queries about one resource, {@code ?this}, each compiled and
     * optimised once. Jena's substitution of {@code ?this} rewrites the query text, so each run used
     * to be parsed into algebra and optimised again: half of a page query's time (JFR, uncached city pages). Here {@code ?this} is substituted into the optimised
     * algebra, and the engine (the store's own: TDB2's or the in-memory copy's) only evaluates it.
     * No page query projects {@code ?this}, so its results are those of the substituted text.
     */
    private final Map<String, Compiled> compiled = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A page query's optimised algebra, and the variables that stand for {@code ?this} in it: a
     * subquery that does not project a variable hides it from the outside as {@code ?/this}
     * (one slash per level), which the text substitution replaced as well.
     */
    private record Compiled(Op op, List<Var> thisVars) {
        private static final java.util.regex.Pattern THIS = java.util.regex.Pattern.compile("\\?(/*this)\\b");

        static Compiled of(String text) {
            var op = Algebra.optimize(Algebra.compile(QueryFactory.create(PREFIXES + text)));
            var names = new TreeSet<String>();
            for (var m = THIS.matcher(op.toString()); m.find(); ) names.add(m.group(1));
            return new Compiled(op, names.stream().map(Var::alloc).toList());
        }

        Op bound(String iri) {
            if (iri == null || thisVars.isEmpty()) return op;
            var b = BindingFactory.builder();
            for (var v : thisVars) b.add(v, NodeFactory.createURI(iri));
            return Substitute.substitute(op, b.build());
        }
    }

    /** Runs a fixed page query. */
    List<QuerySolution> select(String query) { return select(query, null); }

    /** Runs a page query with {@code ?this} bound to the resource {@code iri} (null: none). */
    List<QuerySolution> select(String query, String iri) {
        var op = compiled.computeIfAbsent(query, Compiled::of).bound(iri);
        var dsg = ds.asDatasetGraph();
        var cxt = Context.setupContextForDataset(ARQ.getContext(), dsg);
        cxt.set(ARQ.optimization, false);                   // done once above; the engine still applies its own store-specific steps
        var plan = QueryEngineRegistry.findFactory(op, dsg, cxt)
                .create(op, dsg, BindingFactory.root(), cxt);
        Model model = ds.getDefaultModel();
        List<QuerySolution> out = new ArrayList<>();
        var it = plan.iterator();
        try {
            while (it.hasNext()) out.add(new ResultBinding(model, it.next()));
        } finally { it.close(); plan.close(); }
        return out;
    }

    static String str(QuerySolution q, String v) {
        RDFNode n = q.get(v);
        return n == null ? "" : n.isLiteral() ? n.asLiteral().getLexicalForm() : n.toString();
    }

    /** The whole page for a resource, given its description (own statements, inbound links, neighbour labels). */
    String render(Resource r, Model description) {
        String de = label(r, "de"), en = label(r, "en");
        StringBuilder body = new StringBuilder();
        body.append("<p class=\"muted\">").append(esc(r.getURI())).append(" · ")
            .append("<a href=\"").append(esc(dataPath(r.getURI(), "ttl"))).append("\">Turtle</a> · ")
            .append("<a href=\"").append(esc(dataPath(r.getURI(), "jsonld"))).append("\">JSON-LD</a> · ")
            .append("<a href=\"").append(esc(dataPath(r.getURI(), "nt"))).append("\">N-Triples</a> · ")
            .append("<a href=\"").append(esc(dataPath(r.getURI(), "rdf"))).append("\">RDF/XML</a></p>");
        Set<String> types = new TreeSet<>();
        r.listProperties(RDF.type).forEachRemaining(s -> types.add(s.getObject().asResource().getURI()));
        if (!types.isEmpty()) {
            body.append("<p>");
            for (String t : types) body.append(link(description.createResource(t))).append(' ');
            body.append("</p>");
        }
        String iri = r.getURI();
        if (types.contains(SC.Municipality.getURI()) || types.contains(SC.District.getURI()) || types.contains(SC.MunicipalGroup.getURI())) body.append(unitSections(r, iri));
        if (types.contains(SC.State.getURI())) body.append(stateSection(iri)).append(unitSections(r, iri));
        if (types.contains(SC.FundingProgramme.getURI()) || types.contains(SC.Competition.getURI())) body.append(programmeSection(iri));
        if (types.contains(SC.IndexEdition.getURI())) body.append(editionSection(iri));
        if (types.contains(SC.AtlasEdition.getURI())) body.append(atlasSection(iri));
        body.append(sourcesSection(iri));
        body.append(statements(r));
        body.append(inbound(r, description));
        return Html.page(de.equals(en) ? de : de + " / " + en, body.toString());
    }

    String dataPath(String iri, String suffix) {
        String h = href(iri);
        if (h.startsWith("/id/")) return "/data/" + h.substring(4) + "." + suffix;
        return h + "." + suffix;
    }

    private String statements(Resource r) {
        StringBuilder sb = new StringBuilder("<h2>Aussagen <span class=\"muted\">/ Statements</span></h2><table><tr><th>Eigenschaft / Property</th><th>Wert / Value</th></tr>");
        List<Statement> sts = new ArrayList<>(r.listProperties().toList());
        sts.sort(Comparator.comparing((Statement s) -> s.getPredicate().getURI()).thenComparing(s -> s.getObject().toString()));
        for (Statement s : sts) {
            if (s.getPredicate().equals(RDF.type)) continue;
            sb.append("<tr><td>").append(propertyName(s.getPredicate())).append("</td><td>").append(value(s.getObject())).append("</td></tr>");
        }
        return sb.append("</table>").toString();
    }

    static final int MAX_INBOUND = 100;

    private String inbound(Resource r, Model description) {
        List<Statement> in = description.listStatements(null, null, r).toList().stream()
                .sorted(Comparator.comparing((Statement s) -> s.getPredicate().getURI()).thenComparing(s -> s.getSubject().toString())).toList();
        if (in.isEmpty()) return "";
        StringBuilder sb = new StringBuilder("<h2>Verweise hierher <span class=\"muted\">/ Linked from</span> (" + in.size() + ")</h2><table><tr><th>Ressource / Resource</th><th>Eigenschaft / Property</th></tr>");
        // An edition is linked from every one of its observations: the table above shows them; list a readable number.
        List<Statement> shown = in.subList(0, Math.min(in.size(), MAX_INBOUND));
        Map<String, String> names = readableNames(shown.stream().map(Statement::getSubject).filter(x -> x.isURIResource() && !x.hasProperty(RDFS.label)).toList());
        for (Statement s : shown) {
            String name = s.getSubject().isURIResource() ? names.get(s.getSubject().getURI()) : null;
            sb.append("<tr><td>").append(name == null ? link(s.getSubject()) : link(s.getSubject().getURI(), name))
              .append("</td><td>").append(propertyName(s.getPredicate())).append("</td></tr>");
        }
        sb.append("</table>");
        if (in.size() > MAX_INBOUND)
            sb.append("<p class=\"muted\">").append(in.size() - MAX_INBOUND).append(" weitere: alle im RDF-Dokument · ").append(in.size() - MAX_INBOUND)
              .append(" more: all of them in the RDF document.</p>");
        return sb.toString();
    }

    /**
     * Readable names for the unlabelled things that point at a resource (index results, profiles,
     * participations, amounts), built from what they say: "Smart City Index 2019 · Gesamt · Karlsruhe:
     * Rang 2, 69.0".
     */
    private Map<String, String> readableNames(List<Resource> subjects) {
        // Read through the union model, not SPARQL: TDB2 in Jena 6.0.0 fails on VALUES and UNION-first
        // patterns here ("Peek iterator is already empty"). One scan of each subject's statements.
        Model m = ds.getUnionModel();
        Map<String, String> out = new HashMap<>();
        for (Resource x : subjects) {
            Map<String, List<RDFNode>> f = new HashMap<>();
            m.getResource(x.getURI()).listProperties().forEachRemaining(st -> f.computeIfAbsent(st.getPredicate().getURI(), k -> new ArrayList<>()).add(st.getObject()));
            List<RDFNode> types = f.getOrDefault(RDF.type.getURI(), List.of());
            String name = null;
            if (has(types, SC.IndexObservation)) {
                String rank = lexical(f, SC.rank), score = lexical(f, SC.score);
                name = deLabel(f, SC.edition) + " · " + deLabel(f, SC.category) + " · " + deLabel(f, SC.city)
                        + (rank.isEmpty() && score.isEmpty() ? "" : ": " + (rank.isEmpty() ? "" : "Rang " + rank) + (!rank.isEmpty() && !score.isEmpty() ? ", " : "") + score);
            } else if (has(types, SC.AtlasProfile)) {
                name = deLabel(f, SC.atlas) + " · Profil · " + deLabel(f, SC.city);
            } else if (has(types, SC.Participation)) {
                name = deLabel(f, SC.programme) + " · " + deLabel(f, SC.role) + " · " + deLabel(f, SC.participant);
            } else if (has(types, SC.FundingAmount)) {
                name = deLabel(f, SC.project) + " · " + deLabel(f, SC.amountKind) + ": " + euros(lexical(f, SC.amount));
            }
            if (name != null) out.put(x.getURI(), name);
        }
        return out;
    }

    private static boolean has(List<RDFNode> nodes, org.apache.jena.graph.Node iri) {
        for (RDFNode n : nodes) if (n.isURIResource() && n.asResource().getURI().equals(iri.getURI())) return true;
        return false;
    }

    /** The German label of the resource a property points at, "" if none. */
    private String deLabel(Map<String, List<RDFNode>> facts, org.apache.jena.graph.Node property) {
        List<RDFNode> vs = facts.get(property.getURI());
        if (vs == null || vs.isEmpty() || !vs.get(0).isResource()) return "";
        Resource o = vs.get(0).asResource();
        return o.isURIResource() ? texts.computeIfAbsent("label de " + o.getURI(), k -> label(o, "de")) : label(o, "de");
    }

    /**
     * Texts of the resources every page names (categories, editions, sources, cities), read once per
     * release rather than joined into each page's query: they are few and recur on every page.
     */
    private final Map<String, String> texts = new java.util.concurrent.ConcurrentHashMap<>();

    /** The value of a literal property in a language (null: any), "" if there is none. Called inside a read transaction. */
    private String text(String iri, Property p, String lang) {
        return texts.computeIfAbsent(p.getURI() + " " + lang + " " + iri, k -> {
            for (Statement st : ds.getUnionModel().getResource(iri).listProperties(p).toList())
                if (st.getObject().isLiteral() && (lang == null || lang.equals(st.getLanguage()))) return st.getString();
            return "";
        });
    }

    private String sourcesSection(String iri) {
        var rows = select("SELECT DISTINCT ?s ?title ?publisher ?url ?date WHERE { ?this prov:wasDerivedFrom ?s . ?s dcterms:title ?title ; dcterms:publisher ?publisher ."
                + " OPTIONAL { ?s schema:url ?url } OPTIONAL { ?s dcterms:issued ?date } } ORDER BY ?title", iri);
        if (rows.isEmpty()) return "";
        StringBuilder sb = new StringBuilder("<h2>Quellen <span class=\"muted\">/ Sources</span></h2><ul>");
        for (var q : rows) {
            sb.append("<li>").append(link(str(q, "s"), str(q, "title"))).append(", ").append(esc(str(q, "publisher")));
            if (!str(q, "date").isEmpty()) sb.append(", ").append(esc(str(q, "date")));
            if (!str(q, "url").isEmpty()) sb.append(" · <a href=\"").append(esc(str(q, "url"))).append("\">").append(esc(str(q, "url"))).append("</a>");
            sb.append("</li>");
        }
        return sb.append("</ul>").toString();
    }

    /** Index results (chart and table), Atlas profile, projects, programmes, identifiers. */
    private String unitSections(Resource r, String iri) {
        StringBuilder sb = new StringBuilder();
        sb.append(identifiers(r));
        Statement lat = r.getProperty(r.getModel().createProperty(de.smartcitylod.vocab.Vocab.GEO + "lat"));
        Statement lon = r.getProperty(r.getModel().createProperty(de.smartcitylod.vocab.Vocab.GEO + "long"));
        Statement key = r.getProperty(org.apache.jena.vocabulary.DCTerms.identifier);
        if (lat != null && lon != null && key != null)
            sb.append(GermanyMap.svg("Lage", "location", List.of(new GermanyMap.Dot(lat.getDouble(), lon.getDouble(), href(r.getURI()), "#d1495b", label(r, "de"))),
                    Map.of(label(r, "de"), "#d1495b"), GermanyMap.STATE_IDS.get(key.getString().substring(0, 2))));
        List<Claim> obs = indexClaims(iri);
        if (!obs.isEmpty()) {
            List<SvgChart.Point> pts = new ArrayList<>();
            StringBuilder table = new StringBuilder("<table><tr><th>Ausgabe / Edition</th><th>Kategorie / Category</th><th>Rang / Rank</th><th>Tendenz / change</th><th>Punkte / Score</th><th>Quellen / Sources</th><th>Hinweis / Note</th></tr>");
            // one row per claim (observation), with all the sources that state it
            Map<String, List<Claim>> claims = new LinkedHashMap<>();
            for (var q : obs) claims.computeIfAbsent(q.year() + "|" + q.cat() + "|" + q.rank() + "|" + q.score() + "|" + q.bound(), k -> new ArrayList<>()).add(q);
            for (var claim : claims.values()) {
                var q = claim.get(0);
                int year = Integer.parseInt(q.year());
                String cat = text(q.cat(), SKOS.prefLabel, "de");
                Integer rank = q.rank().isEmpty() ? null : Integer.valueOf(q.rank());
                Double score = q.score().isEmpty() ? null : Double.valueOf(q.score());
                if (!q.cat().endsWith("/unspecified")) pts.add(new SvgChart.Point(year, q.cat(), cat, rank, score, text(q.src(), DCTerms.title, null)));
                StringBuilder srcs = new StringBuilder();
                for (var c : claim) srcs.append(srcs.length() == 0 ? "" : "<br>").append(link(c.src(), text(c.src(), DCTerms.title, null)));
                table.append("<tr><td>").append(link(base + "id/index/" + year, Integer.toString(year))).append("</td><td>").append(esc(cat)).append(" / ").append(esc(text(q.cat(), SKOS.prefLabel, "en")))
                     .append("</td><td>").append(rank != null ? rank.toString() : q.bound().isEmpty() ? "–" : "≤ " + esc(q.bound()))
                     .append("</td><td>").append(esc(signed(q.change()))).append("</td><td>").append(score == null ? "–" : esc(q.score()))
                     .append("</td><td>").append(srcs).append("</td><td>").append(esc(q.note())).append("</td></tr>");
            }
            sb.append("<h2>Smart City Index <span class=\"muted\">/ index results</span></h2><div class=\"charts\">")
              .append(SvgChart.render(pts, true, "Rang je Kategorie", "rank by category"))
              .append(SvgChart.render(pts, false, "Punkte je Kategorie", "score by category"))
              .append("</div>").append(table).append("</table>");
        }
        var profile = select("""
                SELECT ?p ?atlas ?size ?status ?strategy ?unit ?theme ?src WHERE {
                  ?p a sc:AtlasProfile ; sc:city ?this ; sc:atlas ?atlas ; prov:wasDerivedFrom ?src .
                  OPTIONAL { ?p sc:sizeClass ?size } OPTIONAL { ?p sc:strategyStatus ?status } OPTIONAL { ?p sc:strategy ?strategy }
                  OPTIONAL { ?p sc:coordinatingUnit ?unit } OPTIONAL { ?p sc:theme ?theme }
                } ORDER BY ?p ?theme""", iri);
        if (!profile.isEmpty()) {
            sb.append("<h2>Smart-City-Atlas <span class=\"muted\">/ atlas profile</span></h2><table><tr><th>Profil / Profile</th><th>Angaben / Details</th><th>Quelle / Source</th></tr>");
            Map<String, List<QuerySolution>> byProfile = new LinkedHashMap<>();
            for (var q : profile) byProfile.computeIfAbsent(str(q, "p"), k -> new ArrayList<>()).add(q);
            for (var e : byProfile.entrySet()) {
                var q = e.getValue().get(0);
                Set<String> details = new LinkedHashSet<>();
                for (var row : e.getValue())
                    for (String v : List.of("size", "status", "strategy", "theme"))
                        if (row.get(v) != null) details.add(lbl(row.get(v).asResource()));
                if (!str(q, "unit").isEmpty()) details.add("Koordinierung: " + esc(str(q, "unit")));
                sb.append("<tr><td><a href=\"").append(esc(href(e.getKey()))).append("\">").append(lbl(str(q, "atlas"))).append("</a></td><td>").append(String.join(", ", details))
                  .append("</td><td>").append(lblLink(str(q, "src"))).append("</td></tr>");
            }
            sb.append("</table>");
        }
        var projects = select("""
                SELECT DISTINCT ?proj ?via WHERE { { ?proj sc:locatedIn ?this } UNION { ?g sc:member ?this . ?proj sc:locatedIn ?g BIND(?g AS ?via) } } ORDER BY ?proj""", iri);
        if (!projects.isEmpty()) {
            sb.append("<h2>Projekte <span class=\"muted\">/ projects</span></h2><ul>");
            for (var q : projects) sb.append("<li>").append(lblLink(str(q, "proj"))).append(q.get("via") == null ? "" : " <span class=\"muted\">(über / via " + lblLink(str(q, "via")) + ")</span>").append("</li>");
            sb.append("</ul>");
        }
        var parts = select("""
                SELECT DISTINCT ?prog ?role ?round ?amount ?via WHERE {
                  # the unit itself or a group it belongs to; written as a subquery first, which TDB2 6.0.0 plans without error
                  { SELECT ?u ?via WHERE { { BIND(?this AS ?u) } UNION { ?u sc:member ?this BIND(?u AS ?via) } } }
                  ?p sc:participant ?u ; sc:programme ?prog ; sc:role ?role .
                  OPTIONAL { ?p sc:round/sc:year ?round } OPTIONAL { ?p sc:amount ?amount }
                } ORDER BY ?prog ?round ?role""", iri);
        if (!parts.isEmpty()) {
            sb.append("<h2>Programme und Wettbewerbe <span class=\"muted\">/ programmes and competitions</span></h2><table><tr><th>Programm / Programme</th><th>Rolle / Role</th><th>Runde / Round</th><th>Betrag / Amount (EUR)</th></tr>");
            for (var q : parts)
                sb.append("<tr><td>").append(lblLink(str(q, "prog"))).append(q.get("via") == null ? "" : " <span class=\"muted\">(über / via " + lblLink(str(q, "via")) + ")</span>")
                  .append("</td><td>").append(lbl(q.get("role").asResource())).append("</td><td>").append(esc(str(q, "round"))).append("</td><td>").append(str(q, "amount").isEmpty() ? "" : euros(str(q, "amount"))).append("</td></tr>");
            sb.append("</table>");
        }
        return sb.toString();
    }

    /** One source's statement of an index result: lexical forms, "" where the observation says nothing. */
    record Claim(String obs, String year, String cat, String rank, String score, String change, String bound, String src, String note) {}

    private static final Comparator<Claim> CLAIM_ORDER = Comparator.comparingInt((Claim c) -> Integer.parseInt(c.year()))
            .thenComparing(Claim::cat).thenComparing(Claim::src).thenComparing(Claim::obs);

    /**
     * The index results stated about a unit, one per observation and source, in edition, category
     * and source order. All statements of each observation come from one index scan and are picked
     * here: a join with an OPTIONAL per property cost twice as much per page.
     */
    private List<Claim> indexClaims(String iri) {
        Map<String, Map<String, List<RDFNode>>> byObs = new LinkedHashMap<>();
        for (var q : select("SELECT ?o ?p ?v WHERE { ?o sc:city ?this ; sc:edition ?e . ?o ?p ?v }", iri))
            byObs.computeIfAbsent(q.getResource("o").getURI(), k -> new HashMap<>())
                 .computeIfAbsent(q.getResource("p").getURI(), k -> new ArrayList<>()).add(q.get("v"));
        List<Claim> out = new ArrayList<>();
        for (var e : byObs.entrySet()) {
            Map<String, List<RDFNode>> f = e.getValue();
            for (RDFNode edition : f.getOrDefault(SC.edition.getURI(), List.of())) {
                String year = edition.isURIResource() ? text(edition.asResource().getURI(), YEAR, null) : "";
                if (year.isEmpty()) continue;
                for (RDFNode cat : f.getOrDefault(SC.category.getURI(), List.of()))
                    for (RDFNode src : f.getOrDefault(de.smartcitylod.vocab.Vocab.provWasDerivedFrom.getURI(), List.of()))
                        out.add(new Claim(e.getKey(), year, cat.toString(), lexical(f, SC.rank), lexical(f, SC.score), lexical(f, SC.rankChange),
                                lexical(f, SC.rankAtMost), src.toString(), lexical(f, SC.derivation)));
            }
        }
        out.sort(CLAIM_ORDER);
        return out;
    }

    private static final Property YEAR = ResourceFactory.createProperty(SC.year.getURI());

    private static String lexical(Map<String, List<RDFNode>> facts, org.apache.jena.graph.Node property) {
        List<RDFNode> vs = facts.get(property.getURI());
        return vs == null || vs.isEmpty() || !vs.get(0).isLiteral() ? "" : vs.get(0).asLiteral().getLexicalForm();
    }

    private String identifiers(Resource r) {
        StringBuilder sb = new StringBuilder("<h2>Kennungen <span class=\"muted\">/ identifiers</span></h2><table class=\"ids\">");
        Statement id = r.getProperty(org.apache.jena.vocabulary.DCTerms.identifier);
        if (id != null) sb.append("<tr><th>Schlüssel / key</th><td>").append(esc(id.getString())).append("</td></tr>");
        for (var p : List.of(new Object[]{SC.wikidata, "Wikidata"}, new Object[]{SC.nuts, "NUTS (Eurostat)"}, new Object[]{SC.politicalGeocoding, "DCAT-AP.de Geokodierung / geocoding"})) {
            for (Statement s : r.listProperties(r.getModel().createProperty(((org.apache.jena.graph.Node) p[0]).getURI())).toList())
                sb.append("<tr><th>").append(esc((String) p[1])).append("</th><td><a class=\"out\" href=\"").append(esc(s.getObject().asResource().getURI())).append("\">")
                  .append(esc(s.getObject().asResource().getURI())).append("</a></td></tr>");
        }
        Statement pop = r.getProperty(r.getModel().createProperty(SC.population.getURI()));
        Statement popDate = r.getProperty(r.getModel().createProperty(SC.populationDate.getURI()));
        if (pop != null) sb.append("<tr><th>Einwohner / population</th><td>").append(esc(pop.getLiteral().getLexicalForm()))
                .append(popDate == null ? "" : " (" + esc(popDate.getLiteral().getLexicalForm()) + ")").append("</td></tr>");
        return sb.append("</table>").toString();
    }

    private String stateSection(String iri) {
        var rows = select("""
                SELECT ?m ?name ?pop ?kind WHERE { ?m sc:state ?this ; rdfs:label ?name FILTER(lang(?name) = "de")
                  { ?m a sc:Municipality BIND("Gemeinde" AS ?kind) } UNION { ?m a sc:District BIND("Kreis" AS ?kind) }
                  OPTIONAL { ?m sc:population ?pop } } ORDER BY ?kind DESC(?pop) ?name""", iri);
        StringBuilder sb = new StringBuilder("<h2>Gemeinden und Kreise <span class=\"muted\">/ municipalities and districts</span> (" + rows.size() + ")</h2>"
                + "<table><tr><th>Name</th><th>Art / kind</th><th>Einwohner / population</th></tr>");
        for (var q : rows) sb.append("<tr><td>").append(link(str(q, "m"), str(q, "name"))).append("</td><td>").append(esc(str(q, "kind"))).append("</td><td>").append(esc(str(q, "pop"))).append("</td></tr>");
        return sb.append("</table>").toString();
    }

    private String programmeSection(String iri) {
        var rows = select("""
                SELECT ?p ?u ?name ?role ?round ?amount ?project (GROUP_CONCAT(DISTINCT STR(?src); separator=" ") AS ?sources) WHERE {
                  ?p sc:programme ?this ; sc:participant ?u ; sc:role ?role ; prov:wasDerivedFrom ?src .
                  ?u rdfs:label ?name FILTER(lang(?name) = "de")
                  OPTIONAL { ?p sc:round/sc:year ?round } OPTIONAL { ?p sc:project ?project } OPTIONAL { ?p sc:amount ?amount }
                } GROUP BY ?p ?u ?name ?role ?round ?amount ?project ORDER BY ?round ?role ?name""", iri);
        // The amounts stated for the projects, each with its kind and source (total volume and grant stay apart).
        Map<String, List<String>> funding = new HashMap<>();
        for (var q : select("""
                SELECT ?project ?amount ?kind ?srcTitle WHERE {
                  ?f a sc:FundingAmount ; sc:project ?project ; sc:amount ?amount ; sc:amountKind/skos:prefLabel ?kind ; prov:wasDerivedFrom/dcterms:title ?srcTitle .
                  ?project sc:programme ?this FILTER(lang(?kind) = "de")
                } ORDER BY ?project ?kind ?amount""", iri))
            funding.computeIfAbsent(str(q, "project"), k -> new ArrayList<>())
                    .add(esc(str(q, "kind")) + ": " + euros(str(q, "amount")) + " <span class=\"muted\">(" + esc(str(q, "srcTitle")) + ")</span>");
        StringBuilder sb = new StringBuilder("<h2>Teilnehmer <span class=\"muted\">/ participants</span> (" + rows.size() + ")</h2>"
                + "<table class=\"participants\"><tr><th>Teilnehmer / Participant</th><th>Rolle / Role</th><th>Runde / Round</th><th>Beträge / Amounts</th><th>Projekt / Project</th><th>Quellen / Sources</th></tr>");
        for (var q : rows) {
            List<String> amounts = new ArrayList<>();
            if (!str(q, "amount").isEmpty()) amounts.add(euros(str(q, "amount")));
            if (q.get("project") != null) amounts.addAll(funding.getOrDefault(str(q, "project"), List.of()));
            sb.append("<tr><td>").append(lblLink(str(q, "u"))).append("</td><td>").append(lbl(q.get("role").asResource())).append("</td><td>").append(esc(str(q, "round")))
              .append("</td><td>").append(String.join("<br>", amounts)).append("</td><td>").append(q.get("project") == null ? "" : lblLink(str(q, "project")))
              .append("</td><td>");
            String sep = "";
            for (String src : new TreeSet<>(List.of(str(q, "sources").split(" ")))) { sb.append(sep).append(lblLink(src)); sep = "<br>"; }
            sb.append("</td></tr>");
        }
        sb.append("</table>");
        // participants with coordinates on a map, coloured by role (groups and districts have none)
        Map<String, String> roleColour = Map.of("winner", "#d1495b", "finalist", "#edae49", "lead", "#12355b", "partner", "#00798c", "participant", "#66a182");
        List<GermanyMap.Dot> dots = new ArrayList<>();
        // Only where there are participants (every participation is sourced and named, by the shapes):
        // on a programme without any, TDB2 6.0.0 fails planning this query ("Peek iterator is already empty").
        if (!rows.isEmpty()) for (var q : select("""
                SELECT DISTINCT ?u ?name ?lat ?lon ?role WHERE { ?p sc:programme ?this ; sc:participant ?u ; sc:role ?role .
                  ?u rdfs:label ?name FILTER(lang(?name) = "de") ?u geo:lat ?lat ; geo:long ?lon } ORDER BY ?name""", iri)) {
            String role = str(q, "role").replaceAll(".*/", "");
            dots.add(new GermanyMap.Dot(Double.parseDouble(str(q, "lat")), Double.parseDouble(str(q, "lon")), href(str(q, "u")),
                    roleColour.getOrDefault(role, "#9aa7b5"), str(q, "name") + " (" + role + ")"));
        }
        if (!dots.isEmpty())
            sb.append("<h3>Karte <span class=\"muted\">/ map</span></h3>").append(GermanyMap.svg("Teilnehmer", "participants", dots,
                    GermanyMap.legend("Gewinner / winner", "#d1495b", "Finalist", "#edae49", "Leitkommune / lead", "#12355b",
                            "Partner", "#00798c", "Teilnehmer / participant", "#66a182"), null));
        return sb.toString();
    }

    /** An amount in euros as a German reader writes it: 8.000.000 €. */
    static String euros(String decimal) {
        java.text.NumberFormat f = java.text.NumberFormat.getNumberInstance(Locale.GERMANY);
        f.setMaximumFractionDigits(2);
        return f.format(new java.math.BigDecimal(decimal)) + " €";
    }

    /** An Atlas edition: its cities on a map, coloured by the strategy status their profiles state. */
    private String atlasSection(String iri) {
        Map<String, String> colours = Map.of("adopted", "#00798c", "in-development", "#edae49");
        Map<String, String> status = new HashMap<>(), names = new HashMap<>();
        Map<String, double[]> where = new LinkedHashMap<>();
        for (var q : select("""
                SELECT ?c ?name ?lat ?lon ?status WHERE { ?p a sc:AtlasProfile ; sc:atlas ?this ; sc:city ?c . ?c rdfs:label ?name FILTER(lang(?name) = "de")
                  ?c geo:lat ?lat ; geo:long ?lon OPTIONAL { ?p sc:strategyStatus ?status } } ORDER BY ?name""", iri)) {
            String c = str(q, "c");
            names.put(c, str(q, "name"));
            where.put(c, new double[]{Double.parseDouble(str(q, "lat")), Double.parseDouble(str(q, "lon"))});
            if (!str(q, "status").isEmpty()) status.merge(c, str(q, "status").replaceAll(".*/", ""), (a, b) -> a.equals(b) ? a : a + "|" + b);
        }
        List<GermanyMap.Dot> dots = new ArrayList<>();
        where.forEach((c, ll) -> {
            String st = status.getOrDefault(c, "");
            dots.add(new GermanyMap.Dot(ll[0], ll[1], href(c), colours.getOrDefault(st, "#9aa7b5"), names.get(c) + (st.isEmpty() ? "" : " (" + st + ")")));
        });
        return "<h2>Städte des Atlas <span class=\"muted\">/ the atlas cities</span> (" + dots.size() + ")</h2>"
                + GermanyMap.svg("Digitalstrategie", "digital strategy", dots, GermanyMap.legend("beschlossen / adopted", "#00798c",
                "in Erarbeitung / in development", "#edae49", "nicht angegeben / not stated", "#9aa7b5"), null);
    }

    /** A rank change as the tables print it: +3, -2, 0. */
    static String signed(String change) {
        return change.isEmpty() || change.startsWith("-") || change.equals("0") ? change : "+" + change;
    }

    /** Column order of the edition table: the overall result, then the five categories. */
    private static final List<String> CATEGORY_ORDER = List.of("overall", "administration", "it-infrastructure", "energy-environment", "mobility", "society");

    /**
     * The whole table of an edition: one row per city, rank, score and Tendenz overall and per
     * category, sortable by any column (a few lines of script, no library); sources below.
     */
    private String editionSection(String iri) {
        var rows = select("""
                SELECT ?cat ?rank ?score ?change ?bound ?c ?name ?src ?lat ?lon WHERE {
                  ?o sc:edition ?this ; sc:category ?cat ; sc:city ?c ; prov:wasDerivedFrom ?src .
                  ?c rdfs:label ?name FILTER(lang(?name) = "de")
                  OPTIONAL { ?o sc:rank ?rank } OPTIONAL { ?o sc:score ?score } OPTIONAL { ?o sc:rankChange ?change } OPTIONAL { ?o sc:rankAtMost ?bound }
                  OPTIONAL { ?c geo:lat ?lat ; geo:long ?lon }
                } ORDER BY ?name ?cat ?src""", iri);
        record Cell(String rank, String score, String change, String bound) {}
        Map<String, Map<String, Cell>> byCity = new TreeMap<>();
        Map<String, String> names = new HashMap<>();
        Set<String> sources = new TreeSet<>();
        Map<String, Set<String>> disputed = new HashMap<>();
        Map<String, double[]> where = new LinkedHashMap<>();   // every city of the edition, for the map
        for (var q : rows) {
            String city = str(q, "c");
            names.put(city, str(q, "name"));
            if (!str(q, "lat").isEmpty()) where.putIfAbsent(city, new double[]{Double.parseDouble(str(q, "lat")), Double.parseDouble(str(q, "lon"))});
            String cat = str(q, "cat").replaceAll(".*/", "");
            if (!CATEGORY_ORDER.contains(cat)) continue;
            sources.add(str(q, "src"));
            Cell cell = new Cell(str(q, "rank"), str(q, "score"), str(q, "change"), str(q, "bound"));
            Cell prev = byCity.computeIfAbsent(city, k -> new HashMap<>()).putIfAbsent(cat, cell);
            // A second claim fills what the first lacks; a different value marks the cell as disputed (the city page lists both).
            if (prev != null) {
                if ((!prev.rank().isEmpty() && !cell.rank().isEmpty() && !prev.rank().equals(cell.rank()))
                        || (!prev.score().isEmpty() && !cell.score().isEmpty() && !prev.score().equals(cell.score())))
                    disputed.computeIfAbsent(city, k -> new HashSet<>()).add(cat);
                byCity.get(city).put(cat, new Cell(prev.rank().isEmpty() ? cell.rank() : prev.rank(), prev.score().isEmpty() ? cell.score() : prev.score(),
                        prev.change().isEmpty() ? cell.change() : prev.change(), prev.bound().isEmpty() ? cell.bound() : prev.bound()));
            }
        }
        List<String> cities = new ArrayList<>(byCity.keySet());
        cities.sort(Comparator.comparingInt((String c) -> {
            Cell o = byCity.get(c).get("overall");
            return o == null || o.rank().isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(o.rank());
        }).thenComparing(names::get));
        StringBuilder sb = new StringBuilder("<h2>Rangliste <span class=\"muted\">/ ranking</span> (" + cities.size() + " Städte / cities)</h2>")
                .append("<p class=\"muted\">Spaltenkopf anklicken zum Sortieren · click a column heading to sort. ")
                .append("Tendenz: Veränderung des Rangs gegenüber der vorigen Ausgabe, wie die Quelle sie angibt · rank change against the previous edition as stated. ")
                .append("* mehrere Quellen mit verschiedenen Werten (siehe Stadtseite) · sources disagree (see the city page).</p>")
                .append("<table class=\"ranking sortable\"><thead><tr><th data-type=\"text\">Stadt / City</th>");
        for (String cat : CATEGORY_ORDER) {
            String label = lbl(SC.category(cat).getURI());
            sb.append("<th data-type=\"num\">").append(label).append(": Rang / rank</th><th data-type=\"num\">").append(label).append(": Punkte / score</th>");
            if (cat.equals("overall")) sb.append("<th data-type=\"num\">Tendenz</th>");
        }
        sb.append("</tr></thead><tbody>");
        for (String city : cities) {
            sb.append("<tr><td>").append(link(city, names.get(city))).append("</td>");
            for (String cat : CATEGORY_ORDER) {
                Cell c = byCity.get(city).get(cat);
                String mark = disputed.getOrDefault(city, Set.of()).contains(cat) ? "*" : "";
                String rank = c == null ? "" : !c.rank().isEmpty() ? c.rank() : c.bound().isEmpty() ? "" : "≤ " + c.bound();
                String rankSort = c == null ? "" : !c.rank().isEmpty() ? c.rank() : c.bound();
                sb.append("<td data-v=\"").append(esc(rankSort)).append("\">").append(esc(rank)).append(mark).append("</td>");
                sb.append("<td data-v=\"").append(c == null ? "" : esc(c.score())).append("\">").append(c == null ? "" : esc(c.score())).append("</td>");
                if (cat.equals("overall")) {
                    String ch = c == null ? "" : c.change();
                    sb.append("<td data-v=\"").append(esc(ch)).append("\">").append(esc(signed(ch))).append("</td>");
                }
            }
            sb.append("</tr>");
        }
        sb.append("</tbody></table>").append(SORT_SCRIPT);
        // the same table on a map: overall score as colour, rank-only cities grey
        List<GermanyMap.Dot> dots = new ArrayList<>();
        where.forEach((city, ll) -> {
            Cell o = byCity.getOrDefault(city, Map.of()).get("overall");
            String score = o == null ? "" : o.score(), rank = o == null ? "" : o.rank();
            dots.add(new GermanyMap.Dot(ll[0], ll[1], href(city), score.isEmpty() ? "#9aa7b5" : GermanyMap.scoreColour(Double.parseDouble(score)),
                    names.get(city) + (rank.isEmpty() ? "" : ", Rang / rank " + rank) + (score.isEmpty() ? "" : ", " + score)));
        });
        sb.append("<h3>Karte <span class=\"muted\">/ map</span></h3>")
          .append(GermanyMap.svg("Gesamtpunktzahl", "overall score", dots, GermanyMap.legend("≥ 80", GermanyMap.scoreColour(85),
                  "60–80", GermanyMap.scoreColour(70), "< 60", GermanyMap.scoreColour(45), "ohne Punktzahl / no score", "#9aa7b5"), null));
        sb.append("<h3>Quellen der Tabelle <span class=\"muted\">/ sources of the table</span></h3><ul>");
        for (String src : sources) sb.append("<li>").append(lblLink(src)).append("</li>");
        return sb.append("</ul>").toString();
    }

    /** Sorts a table.sortable by the clicked column; empty cells last; inline, so the page needs nothing from elsewhere. */
    private static final String SORT_SCRIPT = """
            <script>
            document.querySelectorAll('table.sortable th').forEach(function (th) {
              th.style.cursor = 'pointer';
              th.addEventListener('click', function () {
                var table = th.closest('table'), body = table.tBodies[0], i = th.cellIndex, num = th.dataset.type === 'num';
                var asc = th.dataset.dir !== 'asc';
                table.querySelectorAll('th').forEach(function (h) { delete h.dataset.dir; });
                th.dataset.dir = asc ? 'asc' : 'desc';
                var rows = Array.prototype.slice.call(body.rows);
                rows.sort(function (a, b) {
                  var x = num ? a.cells[i].dataset.v : a.cells[i].textContent, y = num ? b.cells[i].dataset.v : b.cells[i].textContent;
                  if (x === '' || y === '') return x === y ? 0 : x === '' ? 1 : -1;
                  var d = num ? parseFloat(x) - parseFloat(y) : x.localeCompare(y, 'de');
                  return asc ? d : -d;
                });
                rows.forEach(function (r) { body.appendChild(r); });
              });
            });
            </script>""";

    /** Labels looked up in the store, kept for the server's life: the store it serves does not change while it runs. */
    private final Map<String, String> labels = new java.util.concurrent.ConcurrentHashMap<>();

    /** Label of a resource (German, else English), HTML-escaped. */
    private String lbl(Resource r) { return lbl(r.getURI()); }

    private String lbl(String iri) {
        return labels.computeIfAbsent(iri, u -> {
            var rows = select("SELECT ?l WHERE { ?this rdfs:label|skos:prefLabel|dcterms:title ?l } ORDER BY DESC(lang(?l) = \"de\") ?l LIMIT 1", u);
            return rows.isEmpty() ? esc(u) : esc(str(rows.get(0), "l"));
        });
    }

    private String lblLink(String iri) {
        return "<a href=\"" + esc(href(iri)) + "\">" + lbl(iri) + "</a>";
    }
}
