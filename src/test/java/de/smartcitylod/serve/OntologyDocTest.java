package de.smartcitylod.serve;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** The ontology page is the same bytes whoever renders it: replicas send one ETag for it. */
class OntologyDocTest {
    @Test void theSamePageFromFreshlyParsedShapes() {
        // each parse gives the shapes' blank nodes new ids, as each replica's process does
        String first = OntologyDoc.render(RDFDataMgr.loadModel("ontology/smartcity.ttl"), shapes());
        String second = OntologyDoc.render(RDFDataMgr.loadModel("ontology/smartcity.ttl"), shapes());
        assertEquals(first, second);
        assertFalse(first.contains("_:"), "no blank node ids on the page");
        assertTrue(first.contains("sc:score | sc:rank | sc:rankAtMost | sc:rankChange"), "an alternative path written as SPARQL writes it");
        assertTrue(first.contains("languageIn = (de en)"), "lists written out");
    }

    private static Model shapes() {
        Model m = RDFDataMgr.loadModel("ontology/shapes.ttl");
        m.setNsPrefixes(de.smartcitylod.vocab.Vocab.prefixes());
        return m;
    }
}
