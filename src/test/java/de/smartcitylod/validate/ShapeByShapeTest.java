package de.smartcitylod.validate;

import de.smartcitylod.build.BuildJob;
import de.smartcitylod.build.BuildOptions;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ArrayList;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Validating node shape by node shape, side by side, finds what Jena's validator finds with all
 * shapes at once: checked on the curated data with violations of several shapes added.
 */
class ShapeByShapeTest {
    static final Path SHAPES = Path.of("ontology/shapes.ttl");

    @Test void sameViolationsAsAllShapesAtOnce() {
        BuildJob.Converted c = new BuildJob(BuildOptions.defaults()).convertAndValidate();
        Graph data = GraphFactory.createDefaultGraph();
        c.dataset().getUnionGraph().find().forEach(data::add);
        RDFParser.fromString("""
                PREFIX sc: <https://w3id.org/smartcity-de/ontology#>
                PREFIX dcterms: <http://purl.org/dc/terms/>
                PREFIX ex: <https://example.org/>
                ex:obs a sc:IndexObservation ; sc:score 150 ; sc:rank 0 .
                ex:m a sc:Municipality ; dcterms:identifier "123" .
                ex:src a sc:Source .
                """, Lang.TURTLE).parse(data);

        List<String> jena = allAtOnce(SHAPES, data), ours = shapeByShape(SHAPES, data);
        assertTrue(jena.size() >= 10, "violations of several shapes: " + jena);
        Node obs = NodeFactory.createURI("https://example.org/obs");
        assertTrue(jena.stream().filter(s -> s.startsWith(NodeFmtLib.strNT(obs))).count() >= 6, jena.toString());
        assertEquals(jena, ours);
        // and so do a shape's focus nodes shared out in small chunks (a million observations are, in 50 chunks)
        for (int chunk : new int[] {1, 7}) assertEquals(jena, shapeByShape(SHAPES, data, chunk), "chunks of " + chunk);
        // on one thread, widened to two while it runs (as the build does once the dumps are written)
        ShaclValidation narrow = new ShaclValidation(SHAPES, 3);
        narrow.threads(1);
        Thread widen = new Thread(() -> { try { Thread.sleep(50); } catch (InterruptedException e) { return; } narrow.threads(2); });
        widen.start();
        List<String> widened = new ArrayList<>();
        for (ShaclValidation.Violation v : narrow.validate(data, Map.of())) widened.add(v.focusNode() + " " + v.path() + " " + v.message() + " " + v.value());
        widened.sort(null);
        assertEquals(jena, widened);
    }

    @Test void shapesNamedByOthersAndShapesWithTargetsOnly(@TempDir Path dir) throws Exception {
        Path shapes = dir.resolve("shapes.ttl");
        Files.writeString(shapes, """
                PREFIX sh: <http://www.w3.org/ns/shacl#>
                PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
                PREFIX ex: <https://example.org/>
                ex:Named a sh:NodeShape ; sh:property [ sh:path ex:p ; sh:minCount 1 ] .
                ex:Outer a sh:NodeShape ; sh:targetClass ex:C ; sh:node ex:Named .
                ex:Targeted a sh:NodeShape ; sh:targetClass ex:D ; sh:property [ sh:path ex:q ; sh:datatype xsd:integer ] .
                ex:Both a sh:NodeShape ; sh:targetClass ex:D ; sh:or ( ex:Targeted [ sh:path ex:q ; sh:minCount 2 ] ) .
                ex:Untyped sh:targetNode ex:n1 ; sh:property [ sh:path ex:r ; sh:minCount 1 ] .
                ex:Outer2 a sh:NodeShape ; sh:targetClass ex:E ; sh:node ex:NamedUntyped .
                ex:NamedUntyped sh:property [ sh:path ex:t ; sh:minCount 1 ] .
                ex:Referrer a sh:NodeShape ; sh:targetClass ex:F ; sh:node ex:WithTargets .
                ex:WithTargets a sh:NodeShape ; sh:targetClass ex:G ; sh:property [ sh:path ex:u ; sh:minCount 1 ] .
                """);
        Graph data = GraphFactory.createDefaultGraph();
        RDFParser.fromString("""
                PREFIX ex: <https://example.org/>
                ex:a a ex:C . ex:b a ex:D ; ex:q "x" . ex:n1 ex:s 1 . ex:e a ex:E . ex:f a ex:F . ex:g a ex:G .
                ex:fg a ex:F , ex:G .
                """, Lang.TURTLE).parse(data);
        List<String> jena = allAtOnce(shapes, data);
        assertEquals(9, jena.size(), String.join("\n", jena));
        assertEquals(jena, shapeByShape(shapes, data));
        assertEquals(jena, shapeByShape(shapes, data, 1));
    }

    /** The violations as sorted lines, repeats kept (Jena lists a node once per shape it fails). */
    static List<String> allAtOnce(Path shapes, Graph data) {
        List<String> out = new ArrayList<>();
        for (ReportEntry e : ShaclValidator.get().validate(Shapes.parse(RDFDataMgr.loadGraph(shapes.toString())), data).getEntries())
            if (e.severity() == Severity.Violation)
                out.add(NodeFmtLib.strNT(e.focusNode()) + " " + (e.resultPath() == null ? "" : e.resultPath()) + " " + e.message()
                        + " " + (e.value() == null ? "" : NodeFmtLib.strNT(e.value())));
        out.sort(null);
        return out;
    }

    static List<String> shapeByShape(Path shapes, Graph data) { return shapeByShape(shapes, data, ShaclValidation.CHUNK); }

    static List<String> shapeByShape(Path shapes, Graph data, int chunk) {
        List<String> out = new ArrayList<>();
        for (ShaclValidation.Violation v : new ShaclValidation(shapes, chunk).validate(data, Map.of()))
            out.add(v.focusNode() + " " + v.path() + " " + v.message() + " " + v.value());
        out.sort(null);
        return out;
    }

}
