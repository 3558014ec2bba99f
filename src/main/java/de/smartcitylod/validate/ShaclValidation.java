package de.smartcitylod.validate;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Validates converted data with jena-shacl against ontology/shapes.ttl and ties each violation back to its CSV row. */
public final class ShaclValidation {

    /** One violation: the focus node, the path, the message, and the CSV file and line the node came from. */
    public record Violation(String focusNode, String path, String message, String value, String origin, Node node) {
        /** The same violation, located by another origin map. */
        public Violation withOrigins(Map<Node, ?> origins) {
            Object o = origins.get(node);
            return new Violation(focusNode, path, message, value, o == null ? NO_ORIGIN : o.toString(), node);
        }

        @Override public String toString() {
            return origin + ": " + focusNode + (path.isEmpty() ? "" : " " + path) + ": " + message
                    + (value.isEmpty() ? "" : " (value " + value + ")");
        }
    }

    private final Shapes shapes;

    public ShaclValidation(Path shapesFile) {
        this.shapes = Shapes.parse(RDFDataMgr.loadGraph(shapesFile.toString()));
    }

    static final String NO_ORIGIN = "(no CSV row: generated node)";

    public List<Violation> validate(Graph data, Map<Node, ?> origins) {
        ValidationReport report = ShaclValidator.get().validate(shapes, new ValidationView(data));
        List<Violation> out = new ArrayList<>();
        for (ReportEntry e : report.getEntries()) {
            if (e.severity() != Severity.Violation) continue;
            Node focus = e.focusNode();
            out.add(new Violation(NodeFmtLib.strNT(focus), e.resultPath() == null ? "" : e.resultPath().toString(),
                    e.message(), e.value() == null ? "" : NodeFmtLib.strNT(e.value()), NO_ORIGIN, focus).withOrigins(origins));
        }
        return sorted(out);
    }

    public static List<Violation> sorted(List<Violation> vs) {
        List<Violation> out = new ArrayList<>(vs);
        out.sort(Comparator.comparing(Violation::origin).thenComparing(Violation::focusNode).thenComparing(Violation::path));
        return out;
    }

    /** Thrown by the build when the data violates the shapes; the message is the full report. */
    public static final class ViolationsException extends RuntimeException {
        private final List<Violation> violations;
        public ViolationsException(List<Violation> violations) {
            super("SHACL validation failed with " + violations.size() + " violation(s):\n"
                    + String.join("\n", violations.stream().map(Violation::toString).toList()));
            this.violations = violations;
        }
        public List<Violation> violations() { return violations; }
    }
}
