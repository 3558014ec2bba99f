package de.smartcitylod.serve;

import de.smartcitylod.vocab.Vocab;
import org.apache.jena.rdf.model.*;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;

import java.util.*;

import static de.smartcitylod.serve.Html.esc;

/**
 * A readable page of an RDF description that is served as data (the DCAT-AP.de catalogue, VoID):
 * one section per described resource, typed ones first, with every statement, links followed to the
 * resources they describe, and links to the same description in each RDF format. It shows exactly
 * what the RDF says, nothing more.
 */
final class DescriptionPage {
    private DescriptionPage() {}

    static String render(String title, String intro, Model m, String path) {
        StringBuilder sb = new StringBuilder("<p>").append(esc(intro)).append("</p><p class=\"muted\">");
        for (String[] f : new String[][]{{"text/turtle", "Turtle"}, {"application/ld+json", "JSON-LD"}, {"application/rdf+xml", "RDF/XML"}, {"application/n-triples", "N-Triples"}})
            sb.append("<a href=\"").append(esc(path)).append("?format=").append(esc(f[0])).append("\">").append(f[1]).append("</a> · ");
        sb.setLength(sb.length() - 3);
        sb.append("</p>");
        PrefixMapping pm = Vocab.prefixes();
        List<Resource> subjects = new ArrayList<>(m.listSubjects().toList());
        // Datasets, services and catalogues first, then the rest; blank nodes are shown inside their owner.
        subjects.removeIf(RDFNode::isAnon);
        subjects.sort(Comparator.comparing((Resource r) -> rank(r)).thenComparing(Resource::getURI));
        for (Resource r : subjects) {
            String label = label(r);
            sb.append("<h2 id=\"").append(esc(anchor(r))).append("\">").append(esc(label)).append("</h2><p class=\"muted\">")
              .append(esc(r.getURI())).append("</p>").append(table(r, pm));
        }
        return Html.page(title, sb.toString());
    }

    /** Which typed resources come first: catalogue, service, datasets, distributions, everything else. */
    private static int rank(Resource r) {
        for (Statement t : r.listProperties(RDF.type).toList()) {
            String u = t.getObject().isURIResource() ? t.getResource().getURI() : "";
            if (u.endsWith("#Catalog")) return 0;
            if (u.endsWith("#DataService")) return 1;
            if (u.endsWith("#Dataset")) return 2;
            if (u.endsWith("#Linkset")) return 3;
            if (u.endsWith("#Distribution")) return 4;
        }
        return 5;
    }

    private static String label(Resource r) {
        for (String lang : new String[]{"de", "en", ""})
            for (Statement s : r.listProperties(DCTerms.title).toList())
                if (s.getObject().isLiteral() && s.getLanguage().equals(lang)) return s.getString();
        String u = r.getURI();
        return u.substring(Math.max(u.lastIndexOf('/'), u.lastIndexOf('#')) + 1);
    }

    private static String anchor(Resource r) { return Integer.toHexString(r.getURI().hashCode()); }

    private static String table(Resource r, PrefixMapping pm) {
        StringBuilder sb = new StringBuilder("<table><tr><th>Eigenschaft / property</th><th>Wert / value</th></tr>");
        List<Statement> sts = new ArrayList<>(r.listProperties().toList());
        sts.sort(Comparator.comparing((Statement s) -> pm.shortForm(s.getPredicate().getURI())).thenComparing(s -> s.getObject().toString()));
        for (Statement s : sts)
            sb.append("<tr><td title=\"").append(esc(s.getPredicate().getURI())).append("\">").append(esc(pm.shortForm(s.getPredicate().getURI())))
              .append("</td><td>").append(value(s.getObject(), pm)).append("</td></tr>");
        return sb.append("</table>").toString();
    }

    private static String value(RDFNode o, PrefixMapping pm) {
        if (o.isLiteral()) {
            Literal l = o.asLiteral();
            return esc(l.getLexicalForm()) + (l.getLanguage().isEmpty() ? "" : " <span class=\"muted\">@" + esc(l.getLanguage()) + "</span>");
        }
        if (o.isAnon()) {                                       // shown in place: checksums, periods, locations
            StringBuilder sb = new StringBuilder("<span class=\"muted\">[</span> ");
            for (Statement s : o.asResource().listProperties().toList())
                sb.append(esc(pm.shortForm(s.getPredicate().getURI()))).append(" ").append(value(s.getObject(), pm)).append("; ");
            return sb.append("<span class=\"muted\">]</span>").toString();
        }
        Resource r = o.asResource();
        String u = r.getURI();
        boolean described = r.getModel().contains(r, null, (RDFNode) null);
        String href = described ? "#" + anchor(r) : u;
        return "<a href=\"" + esc(href) + "\">" + esc(described ? label(r) : pm.shortForm(u)) + "</a>";
    }
}
