package de.smartcitylod.validate;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphWrapper;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.util.iterator.WrappedIterator;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A read-only view of the data for the SHACL validator that reads each focus node's statements once
 * and each value node's types once.
 *
 * <p>Profiled on a TDB2 store of 1.8M quads, the validator spent 60 % of its time on {@code sh:class}
 * (all types of the value node and their superclasses: the same few cities, editions, categories and
 * sources for every observation) and most of the rest looking up one property of a focus node at a
 * time, an index scan each. Here:
 * <ul>
 * <li>{@code rdf:type} and {@code rdfs:subClassOf} lookups are remembered per subject in a bounded
 *     LRU map: the value nodes are few and asked for again and again;</li>
 * <li>any other {@code find(s, p, ANY)} is answered from all statements of {@code s}, read in one
 *     scan and kept until another subject is asked for: the validator checks the property shapes of
 *     one focus node one after the other.</li>
 * </ul>
 * The data does not change while it is validated, so a remembered answer is exact. A subject with
 * more than {@link #MAX_STATEMENTS} statements is not remembered.
 *
 * <p>Plain maps, not a concurrent cache: one view serves one validation on one thread. (A Caffeine
 * cache of all subjects churned through every observation; its eviction upkeep on the common pool
 * took about a fifth of a core for the whole SHACL run on 1M rows.)
 */
final class ValidationView extends GraphWrapper {
    static final int MAX_TYPED = 50_000, MAX_STATEMENTS = 1_000;
    private static final Node TYPE = RDF.type.asNode(), SUBCLASS = RDFS.subClassOf.asNode();

    private final Map<Triple, List<Triple>> types = new LinkedHashMap<>(1 << 12, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<Triple, List<Triple>> e) { return size() > MAX_TYPED; }
    };
    private Node lastSubject;
    private List<Triple> lastStatements;

    ValidationView(Graph data) { super(data); }

    @Override public ExtendedIterator<Triple> find(Node s, Node p, Node o) {
        if (s == null || !s.isConcrete() || p == null || !p.isConcrete() || (o != null && o != Node.ANY)) return get().find(s, p, o);
        if (p.equals(TYPE) || p.equals(SUBCLASS)) {
            Triple key = Triple.create(s, p, Node.ANY);
            List<Triple> found = types.get(key);
            if (found == null) {
                found = read(s, p);
                if (found == null) return get().find(s, p, o);
                types.put(key, found);
            }
            return WrappedIterator.create(found.iterator());
        }
        if (!s.equals(lastSubject)) {
            List<Triple> all = read(s, Node.ANY);
            if (all == null) return get().find(s, p, o);
            lastSubject = s;
            lastStatements = all;
        }
        List<Triple> out = new ArrayList<>(2);
        for (Triple t : lastStatements) if (t.getPredicate().equals(p)) out.add(t);
        return WrappedIterator.create(out.iterator());
    }

    @Override public ExtendedIterator<Triple> find(Triple t) { return find(t.getSubject(), t.getPredicate(), t.getObject()); }

    /** The statements of {@code s} (with {@code p}, or all), or null when there are too many to keep. */
    private List<Triple> read(Node s, Node p) {
        List<Triple> all = new ArrayList<>();
        var it = get().find(s, p, Node.ANY);
        try {
            while (it.hasNext()) {
                if (all.size() == MAX_STATEMENTS) return null;
                all.add(it.next());
            }
        } finally { it.close(); }
        return all;
    }
}
