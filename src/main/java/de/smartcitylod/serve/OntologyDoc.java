package de.smartcitylod.serve;

import de.smartcitylod.vocab.SC;
import org.apache.jena.rdf.model.*;
import org.apache.jena.vocabulary.*;

import java.util.*;

import static de.smartcitylod.serve.Html.esc;

/** HTML documentation of the ontology at its URI: classes, properties, concept schemes and the SHACL shapes. */
final class OntologyDoc {
    private static final String SH = "http://www.w3.org/ns/shacl#";

    private OntologyDoc() {}

    static String render(Model ont, Model shapes) {
        StringBuilder sb = new StringBuilder();
        Resource o = ont.createResource(SC.ONTOLOGY);
        sb.append("<p>").append(esc(text(o, RDFS.comment, "de"))).append("<br><span class=\"muted\">").append(esc(text(o, RDFS.comment, "en"))).append("</span></p>")
          .append("<p class=\"muted\">Namespace <code>").append(esc(SC.NS)).append("</code> · <a href=\"/ontology.ttl\">Turtle</a> · Version ")
          .append(esc(text(o, OWL.versionInfo, ""))).append("</p>");
        sb.append("<nav><a href=\"#classes\">Klassen / Classes</a> · <a href=\"#properties\">Eigenschaften / Properties</a> · <a href=\"#schemes\">Begriffssysteme / Concept schemes</a> · <a href=\"#shapes\">Shapes</a></nav>");
        sb.append("<h2 id=\"classes\">Klassen <span class=\"muted\">/ Classes</span></h2>").append(terms(ont, OWL.Class, true));
        sb.append("<h2 id=\"properties\">Eigenschaften <span class=\"muted\">/ Properties</span></h2>");
        sb.append(terms(ont, OWL.ObjectProperty, false)).append(terms(ont, OWL.DatatypeProperty, false));
        sb.append("<h2 id=\"schemes\">Begriffssysteme <span class=\"muted\">/ Concept schemes</span></h2>");
        for (Resource scheme : sorted(ont.listResourcesWithProperty(RDF.type, SKOS.ConceptScheme).toList())) {
            sb.append("<h3 id=\"").append(esc(local(scheme))).append("\">").append(esc(text(scheme, RDFS.label, "de"))).append(" <span class=\"muted\">/ ")
              .append(esc(text(scheme, RDFS.label, "en"))).append("</span></h3><table><tr><th>Begriff / Concept</th><th>Deutsch</th><th>English</th><th>Entsprechung / match</th></tr>");
            for (Resource c : sorted(ont.listResourcesWithProperty(SKOS.inScheme, scheme).toList())) {
                StringBuilder match = new StringBuilder();
                for (Resource m : objects(c, SKOS.closeMatch)) match.append("<a href=\"").append(esc(m.getURI())).append("\">").append(esc(local(m))).append("</a> ");
                sb.append("<tr><td><a href=\"").append(esc("/ontology" + c.getURI().substring(SC.ONTOLOGY.length()))).append("\"><code>").append(esc(local(c))).append("</code></a></td><td>")
                  .append(esc(text(c, SKOS.prefLabel, "de"))).append("</td><td>").append(esc(text(c, SKOS.prefLabel, "en"))).append("</td><td>").append(match).append("</td></tr>");
            }
            sb.append("</table>");
        }
        sb.append("<h2 id=\"shapes\">SHACL-Shapes</h2><p class=\"muted\">ontology/shapes.ttl: what the build checks before it publishes.</p>");
        for (Resource shape : sorted(shapes.listResourcesWithProperty(RDF.type, shapes.createResource(SH + "NodeShape")).toList())) {
            sb.append("<h3>").append(esc(local(shape))).append("</h3><p>Ziel / target: ");
            shape.listProperties(shapes.createProperty(SH, "targetClass")).forEachRemaining(s -> sb.append("<code>").append(esc(local(s.getResource()))).append("</code> "));
            sb.append("</p><table><tr><th>Pfad / path</th><th>Einschränkungen / constraints</th></tr>");
            // property shapes are blank nodes, listed in an order that differs from process to process: sort
            // them by path and their constraints by name, so that every replica sends the same bytes for one ETag
            Map<String, String> rows = new TreeMap<>();
            for (Statement ps : shape.listProperties(shapes.createProperty(SH, "property")).toList()) {
                Resource p = ps.getResource();
                List<String> c = new ArrayList<>();
                for (Statement s : p.listProperties().toList()) {
                    String n = s.getPredicate().getLocalName();
                    if (n.equals("path")) continue;
                    c.add(esc(n) + " = " + esc(valueText(s.getObject())) + "; ");
                }
                Collections.sort(c);
                Statement path = p.getProperty(shapes.createProperty(SH, "path"));
                String shown = path == null ? "" : esc(pathText(shapes, path.getObject()));
                rows.put(shown + "\n" + String.join("", c), "<tr><td><code>" + shown + "</code></td><td>" + String.join("", c) + "</td></tr>");
            }
            rows.values().forEach(sb::append);
            sb.append("</table>");
        }
        return Html.page("Smart-City-Ontologie / Smart city ontology", sb.toString());
    }

    private static String terms(Model ont, Resource type, boolean classes) {
        StringBuilder sb = new StringBuilder("<table><tr><th>Term</th><th>Deutsch</th><th>English</th><th>")
                .append(classes ? "Oberklasse / superclass" : "Definitionsbereich → Wertebereich / domain → range").append("</th></tr>");
        for (Resource t : sorted(ont.listResourcesWithProperty(RDF.type, type).toList())) {
            if (!t.getURI().startsWith(SC.NS)) continue;
            String rel = classes ? refs(t, RDFS.subClassOf) : refs(t, RDFS.domain) + " → " + refs(t, RDFS.range);
            sb.append("<tr id=\"").append(esc(t.getLocalName())).append("\"><td><code>sc:").append(esc(t.getLocalName())).append("</code></td><td><b>")
              .append(esc(text(t, RDFS.label, "de"))).append("</b><br>").append(esc(text(t, RDFS.comment, "de"))).append("</td><td><b>")
              .append(esc(text(t, RDFS.label, "en"))).append("</b><br>").append(esc(text(t, RDFS.comment, "en"))).append("</td><td>").append(rel).append("</td></tr>");
        }
        return sb.append("</table>").toString();
    }

    private static String refs(Resource t, Property p) {
        StringBuilder sb = new StringBuilder();
        for (Resource o : objects(t, p)) sb.append("<code>").append(esc(t.getModel().shortForm(o.getURI()))).append("</code> ");
        return sb.toString();
    }

    /** The terms a property points at, by IRI: a store lists them in its own order (TDB2 and memory differ). */
    private static List<Resource> objects(Resource t, Property p) {
        return sorted(t.listProperties(p).mapWith(Statement::getResource).toList());
    }

    /** A constraint's value: a literal, a term's local name, a list (sh:in, sh:languageIn, sh:or) or a nested shape, written out. */
    private static String valueText(RDFNode v) {
        if (v.isLiteral()) return v.asLiteral().getLexicalForm();
        Resource r = v.asResource();
        if (r.isURIResource()) return local(r);
        if (r.canAs(RDFList.class)) return "(" + String.join(" ", r.as(RDFList.class).asJavaList().stream().map(OntologyDoc::valueText).toList()) + ")";
        return "[" + String.join("; ", r.listProperties().toList().stream().map(s -> s.getPredicate().getLocalName() + " = " + valueText(s.getObject())).sorted().toList()) + "]";
    }

    /** A SHACL path as SPARQL writes it: a property, or a blank node with an alternative, inverse or sequence path. */
    private static String pathText(Model shapes, RDFNode path) {
        if (path.isURIResource()) return shapes.shortForm(path.asResource().getURI());
        Resource r = path.asResource();
        Statement alt = r.getProperty(shapes.createProperty(SH, "alternativePath"));
        if (alt != null) return String.join(" | ", alt.getObject().as(RDFList.class).asJavaList().stream().map(n -> pathText(shapes, n)).toList());
        Statement inv = r.getProperty(shapes.createProperty(SH, "inversePath"));
        if (inv != null) return "^" + pathText(shapes, inv.getObject());
        if (r.canAs(RDFList.class)) return String.join("/", r.as(RDFList.class).asJavaList().stream().map(n -> pathText(shapes, n)).toList());
        return "?";
    }

    private static List<Resource> sorted(List<Resource> rs) {
        return rs.stream().filter(Resource::isURIResource).sorted(Comparator.comparing(Resource::getURI)).toList();
    }

    static String text(Resource r, Property p, String lang) {
        String any = "";
        for (Statement s : r.listProperties(p).toList()) {
            if (!s.getObject().isLiteral()) continue;
            if (lang.equals(s.getLanguage())) return s.getString();
            if (any.isEmpty()) any = s.getString();
        }
        return any;
    }

    private static String local(Resource r) {
        String u = r.getURI();
        return u == null ? r.toString() : u.substring(Math.max(u.lastIndexOf('#'), u.lastIndexOf('/')) + 1);
    }
}
