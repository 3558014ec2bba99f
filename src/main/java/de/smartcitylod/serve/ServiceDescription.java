package de.smartcitylod.serve;

import de.smartcitylod.publish.VoidDescription;
import de.smartcitylod.vocab.Vocab;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.*;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

import java.util.Map;
import java.util.Set;

import static de.smartcitylod.serve.Html.esc;

/**
 * The SPARQL 1.1 Service Description of the endpoint, answered on GET without a query (what
 * clients such as Comunica and the W3C service-description tests ask for), and a help page for a
 * person who opens the endpoint URL in a browser: the same facts either way.
 */
final class ServiceDescription {
    static final String SD = "http://www.w3.org/ns/sparql-service-description#";
    static final String FORMATS = "http://www.w3.org/ns/formats/";
    /** Result formats the endpoint writes (W3C format IRIs, media type). */
    static final Map<String, String> RESULT_FORMATS = new java.util.LinkedHashMap<>(Map.of(
            "SPARQL_Results_JSON", "application/sparql-results+json", "SPARQL_Results_XML", "application/sparql-results+xml",
            "SPARQL_Results_CSV", "text/csv", "SPARQL_Results_TSV", "text/tab-separated-values", "Turtle", "text/turtle",
            "JSON-LD", "application/ld+json", "N-Triples", "application/n-triples", "RDF_XML", "application/rdf+xml"));

    private ServiceDescription() {}

    static Model build(String endpointUrl, String queryPageUrl, VoidDescription.Stats stats, long unionTriples, Set<String> federation, String timeout) {
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefix("sd", SD).setNsPrefix("void", Vocab.VOID).setNsPrefix("dcterms", DCTerms.NS).setNsPrefix("rdfs", RDFS.uri)
         .setNsPrefix("formats", FORMATS).setNsPrefix("sc", de.smartcitylod.vocab.SC.NS);
        Resource service = m.createResource(endpointUrl).addProperty(RDF.type, m.createResource(SD + "Service"))
                .addProperty(m.createProperty(SD, "endpoint"), m.createResource(endpointUrl))
                .addProperty(m.createProperty(SD, "supportedLanguage"), m.createResource(SD + "SPARQL11Query"))
                .addProperty(m.createProperty(SD, "feature"), m.createResource(SD + "UnionDefaultGraph"))
                .addProperty(m.createProperty(SD, "feature"), m.createResource(SD + "BasicFederatedQuery"))
                .addProperty(DCTerms.title, "smartcity-lod SPARQL-Endpunkt", "de").addProperty(DCTerms.title, "smartcity-lod SPARQL endpoint", "en")
                .addProperty(RDFS.comment, "Nur lesend; keine Updates. Zeitlimit (ms, erstes Ergebnis,gesamt): " + timeout
                        + ". SERVICE nur zu den genannten Endpunkten.", "de")
                .addProperty(RDFS.comment, "Read-only; no updates. Time limit (ms, first result,overall): " + timeout
                        + ". SERVICE only to the endpoints named.", "en")
                .addProperty(RDFS.seeAlso, m.createResource(queryPageUrl));
        for (String f : RESULT_FORMATS.keySet()) service.addProperty(m.createProperty(SD, "resultFormat"), m.createResource(FORMATS + f));
        for (String target : federation) service.addProperty(m.createProperty(de.smartcitylod.vocab.SC.federationTarget.getURI()), m.createResource(target));
        Resource dataset = m.createResource().addProperty(RDF.type, m.createResource(SD + "Dataset"))
                .addProperty(m.createProperty(SD, "defaultGraph"), m.createResource().addProperty(RDF.type, m.createResource(SD + "Graph"))
                        .addProperty(RDFS.comment, "Die Vereinigung aller benannten Graphen.", "de").addProperty(RDFS.comment, "The union of all named graphs.", "en")
                        .addLiteral(m.createProperty(Vocab.VOID, "triples"), m.createTypedLiteral(Long.toString(unionTriples), XSDDatatype.XSDinteger)));
        stats.perGraph().forEach((g, counts) -> dataset.addProperty(m.createProperty(SD, "namedGraph"),
                m.createResource().addProperty(RDF.type, m.createResource(SD + "NamedGraph"))
                        .addProperty(m.createProperty(SD, "name"), m.createResource(g))
                        .addProperty(m.createProperty(SD, "graph"), m.createResource().addProperty(RDF.type, m.createResource(SD + "Graph"))
                                .addLiteral(m.createProperty(Vocab.VOID, "triples"), m.createTypedLiteral(Long.toString(counts[0]), XSDDatatype.XSDinteger)))));
        service.addProperty(m.createProperty(SD, "defaultDataset"), dataset);
        return m;
    }

    /** The help page: what a person who opens the endpoint URL needs to use it. */
    static String html(String endpointUrl, String queryPageUrl, VoidDescription.Stats stats, long unionTriples, Set<String> federation, String timeout) {
        StringBuilder sb = new StringBuilder()
                .append("<p>Dies ist ein SPARQL-1.1-Endpunkt (nur lesend). Abfragen stellen Sie auf der <a href=\"").append(esc(queryPageUrl))
                .append("\">Abfrageseite</a> oder per HTTP · This is a read-only SPARQL 1.1 endpoint. Ask queries on the <a href=\"")
                .append(esc(queryPageUrl)).append("\">query page</a> or over HTTP:</p>")
                .append("<pre>curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 10' ").append(esc(endpointUrl)).append("</pre>")
                .append("<table><tr><th>Endpunkt / endpoint</th><td><code>").append(esc(endpointUrl)).append("</code> (GET ?query=…, POST form or application/sparql-query)</td></tr>")
                .append("<tr><th>Formate / formats</th><td>").append(esc(String.join(", ", RESULT_FORMATS.values()))).append(" (Accept header, or ?format=csv|tsv|json|xml)</td></tr>")
                .append("<tr><th>Zeitlimit / time limit</th><td>").append(esc(timeout)).append(" ms (first result, overall)</td></tr>")
                .append("<tr><th>Standardgraph / default graph</th><td>union of the named graphs, ").append(unionTriples).append(" triples</td></tr>")
                .append("<tr><th>SERVICE</th><td>").append(esc(String.join(" ", federation))).append("</td></tr>")
                .append("<tr><th>Dienstbeschreibung / service description</th><td>this URL with <code>Accept: text/turtle</code></td></tr></table>")
                .append("<h2>Benannte Graphen <span class=\"muted\">/ named graphs</span></h2><table><tr><th>Graph</th><th>Tripel / triples</th></tr>");
        stats.perGraph().forEach((g, c) -> sb.append("<tr><td><code>").append(esc(g)).append("</code></td><td>").append(c[0]).append("</td></tr>"));
        return Html.page("SPARQL-Endpunkt / SPARQL endpoint", sb.append("</table>").toString());
    }
}
