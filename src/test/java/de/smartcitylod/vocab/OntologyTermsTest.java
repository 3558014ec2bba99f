package de.smartcitylod.vocab;

import de.smartcitylod.convert.Codes;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.*;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.*;

/** The Java vocabulary (SC, Codes) is checked against ontology/smartcity.ttl, and every term there is labelled in German and English. */
class OntologyTermsTest {
    static final Graph ONT = RDFDataMgr.loadGraph("ontology/smartcity.ttl");

    @Test
    void everyConstantInScIsDeclaredInTheOntology() throws IllegalAccessException {
        List<String> missing = new ArrayList<>();
        for (Field f : SC.class.getFields()) {
            if (!Modifier.isStatic(f.getModifiers()) || f.getType() != Node.class) continue;
            Node n = (Node) f.get(null);
            if (!ONT.contains(n, RDF.type.asNode(), Node.ANY)) missing.add(f.getName());
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void everyTermOfTheOntologyHasAConstantInSc() throws IllegalAccessException {
        Set<Node> constants = new HashSet<>();
        for (Field f : SC.class.getFields())
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == Node.class) constants.add((Node) f.get(null));
        List<String> missing = new ArrayList<>();
        ONT.find(Node.ANY, RDF.type.asNode(), Node.ANY).forEachRemaining(t -> {
            Node s = t.getSubject();
            if (s.isURI() && s.getURI().startsWith(SC.NS) && !constants.contains(s)) missing.add(s.getURI());
        });
        assertEquals(List.of(), missing.stream().distinct().sorted().toList());
    }

    @Test
    void everyOntologyTermHasGermanAndEnglishLabelAndComment() {
        List<String> bad = new ArrayList<>();
        ONT.find(Node.ANY, RDF.type.asNode(), Node.ANY).forEachRemaining(t -> {
            Node s = t.getSubject();
            if (!s.isURI() || !s.getURI().startsWith(SC.ONTOLOGY)) return;
            boolean concept = ONT.contains(s, SKOS.inScheme.asNode(), Node.ANY);
            Node label = concept ? SKOS.prefLabel.asNode() : RDFS.label.asNode();
            Node comment = concept ? SKOS.definition.asNode() : RDFS.comment.asNode();
            if (s.equals(SC.indexStructure)) { label = RDFS.label.asNode(); comment = RDFS.comment.asNode(); }
            for (Node p : List.of(label, comment))
                for (String lang : List.of("de", "en"))
                    if (ONT.find(s, p, Node.ANY).filterKeep(x -> x.getObject().isLiteral() && lang.equals(x.getObject().getLiteralLanguage())).toList().isEmpty())
                        bad.add(s.getURI() + " lacks " + p.getLocalName() + "@" + lang);
        });
        assertEquals(List.of(), bad);
    }

    @Test
    void everyCsvCodeIsAConceptOfItsScheme() {
        check(Codes.CATEGORIES, SC::category, SC.Category);
        check(Codes.THEMES, SC::theme, SC.Theme);
        check(Codes.STATUSES, SC::status, SC.StrategyStatus);
        check(Codes.ROLES, SC::role, SC.Role);
        check(Codes.SIZE_CLASSES, SC::sizeClass, SC.SizeClass);
        check(Codes.LEVELS, SC::level, SC.ProgrammeLevel);
        check(Codes.SOURCE_KINDS, SC::sourceKind, SC.SourceKind);
        check(Codes.ATLAS_STATISTICS, SC::atlasStatistic, SC.AtlasStatisticKind);
        check(Codes.AMOUNT_KINDS, SC::amountKind, SC.AmountKind);
    }

    @Test
    void everyThemeMapsToTheEuDataThemeTable() {
        for (String code : Codes.THEMES) {
            var matches = ONT.find(SC.theme(code), SKOS.closeMatch.asNode(), Node.ANY).toList();
            assertFalse(matches.isEmpty(), code);
            matches.forEach(m -> assertTrue(m.getObject().getURI().startsWith("http://publications.europa.eu/resource/authority/data-theme/"), code));
        }
    }

    private static void check(Set<String> codes, Function<String, Node> mint, Node cls) {
        Set<String> inOntology = new TreeSet<>();
        ONT.find(Node.ANY, RDF.type.asNode(), cls).forEachRemaining(t -> inOntology.add(t.getSubject().getURI()));
        Set<String> fromCodes = new TreeSet<>();
        codes.forEach(c -> fromCodes.add(mint.apply(c).getURI()));
        assertEquals(inOntology, fromCodes, "codes of " + cls.getURI());
    }

    @SuppressWarnings("unused")
    private static Node u(String s) { return NodeFactory.createURI(s); }
}
