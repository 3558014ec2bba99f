package de.smartcitylod.validate;

import de.smartcitylod.concurrent.SideBySide;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Transactional;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.engine.ValidationContext;
import org.apache.jena.shacl.parser.Shape;
import org.apache.jena.shacl.validation.VLib;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;

import java.nio.file.Path;
import java.util.*;
import java.util.concurrent.*;

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

    /** The shapes one by one (each with what it holds: property shapes, lists), in IRI order. */
    private final List<Shapes> shapes = new ArrayList<>();

    private final int chunk;

    public ShaclValidation(Path shapesFile) { this(shapesFile, CHUNK); }

    /** @param chunk focus nodes validated per task */
    ShaclValidation(Path shapesFile, int chunk) {
        this.chunk = chunk;
        Graph all = RDFDataMgr.loadGraph(shapesFile.toString());
        Shapes.parse(all);                                  // the whole file must parse, unused parts included
        // the shapes that can have focus nodes: declared node shapes, and any shape with a target
        Set<Node> roots = new TreeSet<>(Comparator.comparing(Node::toString));
        all.find(Node.ANY, RDF.type.asNode(), SHACL.NodeShape).forEach(t -> roots.add(t.getSubject()));
        for (Node p : TARGETS) all.find(Node.ANY, p, Node.ANY).forEach(t -> roots.add(t.getSubject()));
        for (Node root : roots) shapes.add(Shapes.parse(boundedDescription(all, root)));
    }

    private static final List<Node> TARGETS = List.of(SHACL.targetClass, SHACL.targetNode, SHACL.targetSubjectsOf, SHACL.targetObjectsOf, SHACL.target);
    /** Objects that name classes or values, not shapes: never followed. */
    private static final Set<Node> NOT_SHAPES = Set.of(RDF.type.asNode(), SHACL.targetClass, SHACL.targetNode, SHACL.targetSubjectsOf,
            SHACL.targetObjectsOf, SHACL.class_, SHACL.datatype);

    /**
     * The statements of {@code root} and of everything it holds or names (blank nodes, lists, shapes
     * named by IRI, typed or not). Only the root keeps its targets: a named shape with targets of its
     * own is validated on them in its own part, once, as with all shapes at once.
     */
    private static Graph boundedDescription(Graph all, Node root) {
        Graph out = GraphFactory.createDefaultGraph();
        Deque<Node> todo = new ArrayDeque<>(List.of(root));
        Set<Node> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (!seen.add(n)) continue;
            all.find(n, Node.ANY, Node.ANY).forEach(t -> {
                if (!n.equals(root) && TARGETS.contains(t.getPredicate())) return;
                out.add(t);
                Node o = t.getObject();
                if (o.isBlank() || (o.isURI() && !NOT_SHAPES.contains(t.getPredicate()) && all.contains(o, Node.ANY, Node.ANY)))
                    todo.push(o);
            });
        }
        return out;
    }

    static final String NO_ORIGIN = "(no CSV row: generated node)";

    public List<Violation> validate(Graph data, Map<Node, ?> origins) { return validate(data, null, origins); }

    /**
     * Validates shape by shape and, within a shape, focus node chunk by focus node chunk,
     * {@link #THREADS} side by side: the same entries as Jena's report of all shapes at once (which
     * validates each target shape on each of its focus nodes, as each task here does on its chunk),
     * but the one shape of a million observations no longer runs on one core while the other idles.
     * Each task reads through its own {@link ValidationView}, inside its own read transaction on
     * {@code txn} when the data is in a store (TDB2 transactions belong to a thread).
     */
    public List<Violation> validate(Graph data, Transactional txn, Map<Node, ?> origins) {
        int width = threads;
        ThreadPoolExecutor pool = new ThreadPoolExecutor(width, width, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "shacl");
            t.setDaemon(true);
            return t;
        });
        running = pool;
        threads(threads);                                   // a change made meanwhile
        List<Future<ValidationReport>> reports = new ArrayList<>();
        try {
            for (Shapes part : shapes) {
                for (Shape shape : part.getTargetShapes()) {
                    List<Node> focus = List.copyOf(read(txn, () -> VLib.focusNodes(new ValidationView(data), shape)));
                    for (int from = 0; from < focus.size(); from += chunk) {
                        List<Node> nodes = focus.subList(from, Math.min(focus.size(), from + chunk));
                        reports.add(pool.submit(() -> read(txn, () -> {
                            Graph view = new ValidationView(data);
                            ValidationContext vCxt = ValidationContext.create(part, view);
                            for (Node n : nodes) VLib.validateShape(vCxt, view, shape, n);
                            return vCxt.generateReport();
                        })));
                    }
                }
            }
            List<Violation> out = new ArrayList<>();
            for (Future<ValidationReport> f : reports) {
                for (ReportEntry e : SideBySide.await(f).getEntries()) {
                    if (e.severity() != Severity.Violation) continue;
                    Node focus = e.focusNode();
                    out.add(new Violation(NodeFmtLib.strNT(focus), e.resultPath() == null ? "" : e.resultPath().toString(),
                            e.message(), e.value() == null ? "" : NodeFmtLib.strNT(e.value()), NO_ORIGIN, focus).withOrigins(origins));
                }
            }
            return sorted(out);
        } finally {
            // On a failure the other tasks must end before it is thrown on: each holds a read
            // transaction, and the build closes (and may delete) the store next. Queued ones never start.
            reports.forEach(f -> f.cancel(false));
            SideBySide.end(pool, () -> {});
        }
    }

    /** Focus nodes per task: small enough to share a big shape out, large enough that a view's caches pay off. */
    static final int CHUNK = 20_000;

    /** {@code c} in a read transaction on {@code txn}, or plainly for data held in memory. */
    private static <T> T read(Transactional txn, Callable<T> c) {
        return txn == null ? call(c) : Txn.calculateRead(txn, () -> call(c));
    }

    public static final int THREADS = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));

    private volatile int threads = THREADS;
    private volatile ThreadPoolExecutor running;

    /**
     * Validates with {@code n} threads from now on, also while a validation runs: the build gives
     * SHACL one while it writes the dumps on the other core, and both once they are written.
     */
    public void threads(int n) {
        threads = n;
        ThreadPoolExecutor p = running;
        if (p == null) return;
        synchronized (p) {                                  // core <= maximum at every step
            if (n > p.getMaximumPoolSize()) { p.setMaximumPoolSize(n); p.setCorePoolSize(n); }
            else { p.setCorePoolSize(n); p.setMaximumPoolSize(n); }
        }
    }

    private static <T> T call(Callable<T> c) {
        try { return c.call(); }
        catch (RuntimeException e) { throw e; }
        catch (Exception e) { throw new IllegalStateException(e); }
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
