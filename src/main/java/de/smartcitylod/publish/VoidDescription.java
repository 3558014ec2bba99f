package de.smartcitylod.publish;

import de.smartcitylod.vocab.SC;
import de.smartcitylod.vocab.Vocab;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.query.*;
import org.apache.jena.rdf.model.*;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * VoID description of the served data: triples and entities per dataset, SPARQL endpoint, dumps,
 * example resources, vocabularies, URI space, and linksets to Wikidata, NUTS and the DCAT-AP.de
 * political geocoding with their link counts. Statistics are read from the store once.
 */
public final class VoidDescription {
    private static final String VOID = Vocab.VOID;

    /** Counts per named graph: triples and typed entities; and link counts per linking property. */
    public record Stats(Map<String, long[]> perGraph, long triples, long entities, Map<String, Long> links) {}

    private VoidDescription() {}

    public static Stats stats(DatasetGraph dsg, String base) {
        Map<String, long[]> per = new LinkedHashMap<>();
        Map<String, Long> links = new LinkedHashMap<>();
        long[] totals = new long[2];
        Txn.executeRead(dsg, () -> {
            Dataset ds = DatasetFactory.wrap(dsg);
            try (QueryExecution qe = QueryExecutionFactory.create("""
                    SELECT ?g (COUNT(*) AS ?t) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g""", ds)) {
                qe.execSelect().forEachRemaining(r -> per.put(r.getResource("g").getURI(), new long[]{r.getLiteral("t").getLong(), 0}));
            }
            try (QueryExecution qe = QueryExecutionFactory.create("""
                    SELECT ?g (COUNT(DISTINCT ?s) AS ?e) WHERE { GRAPH ?g { ?s a ?c } } GROUP BY ?g""", ds)) {
                qe.execSelect().forEachRemaining(r -> { long[] v = per.get(r.getResource("g").getURI()); if (v != null) v[1] = r.getLiteral("e").getLong(); });
            }
            try (QueryExecution qe = QueryExecutionFactory.create("SELECT (COUNT(DISTINCT ?s) AS ?e) WHERE { GRAPH ?g { ?s a ?c } }", ds)) {
                totals[1] = qe.execSelect().next().getLiteral("e").getLong();
            }
            for (org.apache.jena.graph.Node p : new org.apache.jena.graph.Node[]{SC.wikidata, SC.nuts, SC.politicalGeocoding}) {
                try (QueryExecution qe = QueryExecutionFactory.create("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s <" + p.getURI() + "> ?o } }", ds)) {
                    links.put(p.getURI(), qe.execSelect().next().getLiteral("n").getLong());
                }
            }
        });
        for (long[] v : per.values()) totals[0] += v[0];
        return new Stats(per, totals[0], totals[1], links);
    }

    public static Model build(String base, String publicUrl, Stats stats) {
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefix("void", VOID).setNsPrefix("dct", DCTerms.NS).setNsPrefix("sc", SC.NS);
        Property triples = m.createProperty(VOID, "triples"), entities = m.createProperty(VOID, "entities");
        Resource all = m.createResource(base + "catalog/dataset/smartcity-lod")
                .addProperty(RDF.type, m.createResource(VOID + "Dataset"))
                .addProperty(DCTerms.title, "smartcity-lod", "en")
                .addProperty(DCTerms.description, "Smart-City-Daten deutscher Kommunen als Linked Open Data", "de")
                .addProperty(DCTerms.description, "Smart-city data of German municipalities as linked open data", "en")
                .addProperty(m.createProperty(VOID, "sparqlEndpoint"), m.createResource(publicUrl + "smartcity/sparql"))
                .addProperty(m.createProperty(VOID, "dataDump"), m.createResource(publicUrl + "dumps/" + DumpWriter.ALL))
                .addProperty(m.createProperty(VOID, "uriSpace"), base + "id/")
                .addProperty(m.createProperty(VOID, "rootResource"), m.createResource(base + "id/index/2019"))
                .addProperty(m.createProperty(VOID, "exampleResource"), m.createResource(base + "id/city/06411000"))
                .addProperty(m.createProperty(VOID, "exampleResource"), m.createResource(base + "id/programme/modellprojekte-smart-cities"))
                .addLiteral(triples, m.createTypedLiteral(Long.toString(stats.triples()), XSDDatatype.XSDinteger))
                .addLiteral(entities, m.createTypedLiteral(Long.toString(stats.entities()), XSDDatatype.XSDinteger))
                .addProperty(DCTerms.license, m.createResource(PublishedDatasets.DL_BY_DE_2));
        for (String v : new String[]{SC.NS, Vocab.QB, "http://www.w3.org/2004/02/skos/core#", "http://purl.org/dc/terms/", Vocab.PROV,
                Vocab.ORG, Vocab.SCHEMA, Vocab.GEO, "http://www.w3.org/2000/01/rdf-schema#", "http://www.w3.org/2002/07/owl#"})
            all.addProperty(m.createProperty(VOID, "vocabulary"), m.createResource(v));
        for (PublishedDatasets.Info info : PublishedDatasets.ALL) {
            long[] s = stats.perGraph().getOrDefault(base + "graph/" + info.graph(), new long[2]);
            Resource sub = m.createResource(base + "catalog/dataset/" + info.key())
                    .addProperty(RDF.type, m.createResource(VOID + "Dataset"))
                    .addProperty(DCTerms.title, info.titleDe(), "de").addProperty(DCTerms.title, info.titleEn(), "en")
                    .addProperty(m.createProperty(VOID, "dataDump"), m.createResource(publicUrl + "dumps/" + DumpWriter.graphFileName(info.graph())))
                    .addProperty(m.createProperty(VOID, "sparqlEndpoint"), m.createResource(publicUrl + "smartcity/sparql"))
                    .addProperty(m.createProperty(VOID, "exampleResource"), m.createResource(base + info.exampleResource()))
                    .addProperty(m.createProperty(VOID, "uriSpace"), base + "id/")
                    .addLiteral(triples, m.createTypedLiteral(Long.toString(s[0]), XSDDatatype.XSDinteger))
                    .addLiteral(entities, m.createTypedLiteral(Long.toString(s[1]), XSDDatatype.XSDinteger))
                    .addProperty(DCTerms.license, m.createResource(info.licence()));
            all.addProperty(m.createProperty(VOID, "subset"), sub);
        }
        linkset(m, base, all, "wikidata", SC.wikidata.getURI(), "http://www.wikidata.org/", stats);
        linkset(m, base, all, "nuts", SC.nuts.getURI(), "http://data.europa.eu/nuts/", stats);
        linkset(m, base, all, "dcat-ap-de-geocoding", SC.politicalGeocoding.getURI(), "http://dcat-ap.de/def/politicalGeocoding/", stats);
        return m;
    }

    private static void linkset(Model m, String base, Resource all, String name, String predicate, String target, Stats stats) {
        Resource ls = m.createResource(base + "catalog/linkset/" + name)
                .addProperty(RDF.type, m.createResource(VOID + "Linkset"))
                .addProperty(m.createProperty(VOID, "subjectsTarget"), all)
                .addProperty(m.createProperty(VOID, "objectsTarget"), m.createResource(target))
                .addProperty(m.createProperty(VOID, "linkPredicate"), m.createResource(predicate))
                .addLiteral(m.createProperty(VOID, "triples"), m.createTypedLiteral(Long.toString(stats.links().getOrDefault(predicate, 0L)), XSDDatatype.XSDinteger));
        all.addProperty(m.createProperty(VOID, "subset"), ls);
    }
}
