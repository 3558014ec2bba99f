package de.smartcitylod.publish;

import org.apache.jena.riot.out.NodeFormatterTTL;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.sparql.util.NodeFactoryExtra;
import org.apache.jena.vocabulary.RDF;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One graph's Turtle dump, written straight from the dumps' sorted N-Quads lines, subject by subject
 * as {@link SubjectGroups} cuts them, in the layout of Jena's streaming {@code TURTLE_BLOCKS} writer
 * (byte for byte, see TurtleBlocksTest).
 *
 * <p>Why not Jena's writer: fed from the sorted dump it needed the N-Quads parsed once more, and its
 * IndentedWriter pads and flushes per subject; on a million rows the two took about 30 s of CPU on
 * the build's critical path. Here each term of our own N-Quads lines is formatted by Jena's own
 * {@link NodeFormatterTTL}; repeated predicates and objects come from a bounded cache.
 */
final class TurtleBlocks implements SubjectGroups.Sink {
    // Jena's layout constants (WriterConst, WriterStreamRDFBlocks, Widths in Jena 6.0.0)
    private static final int LONG_SUBJECT = 20, INDENT_PREDICATE = 8, MIN_PREDICATE = 6, LONG_PREDICATE = 30, GAP = 2;
    private static final int CACHED_TERMS = 100_000;
    private static final String TYPE = "<" + RDF.type.getURI() + ">";

    private final Writer out;
    private final String graph;                                   // this graph's term
    private final PrefixMap prefixes;
    private final NodeFormatterTTL fmt;
    /** Jena writes rdf:type as {@code a} unless a prefix stands for the RDF namespace. */
    private final boolean typeAsA;
    private final Map<String, String> formatted = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<String, String> e) { return size() > CACHED_TERMS; }
    };
    private final Map<String, Integer> widths = new HashMap<>();   // per predicate: a vocabulary's few

    private final List<String> predicates = new ArrayList<>(), objects = new ArrayList<>();   // the block being written
    private boolean written;                                      // anything written yet (prefixes included)

    /**
     * @param graph    the graph's IRI: statements in it are this graph's
     * @param prefixes prefix to namespace, written in this order
     */
    TurtleBlocks(Writer out, String graph, Map<String, String> prefixes) {
        this.out = out;
        this.graph = "<" + graph + ">";
        this.prefixes = PrefixMapFactory.create(prefixes);
        this.fmt = new NodeFormatterTTL(null, this.prefixes);
        this.typeAsA = !prefixes.containsValue(RDF.getURI());
        prefixes.forEach((p, ns) -> write("PREFIX " + p + ": <" + ns + ">\n"));
    }

    /** Writes the subject's block of this graph's statements, if it has any (subjects must come in sorted order). */
    @Override public void subject(String subject, List<String> ps, List<String> os, List<String> graphs) {
        predicates.clear();
        objects.clear();
        for (int i = 0; i < ps.size(); i++) {
            if (!graph.equals(graphs.get(i))) continue;
            predicates.add(ps.get(i));
            objects.add(os.get(i));
        }
        if (predicates.isEmpty()) return;
        StringBuilder b = new StringBuilder(64 * (predicates.size() + 1));
        if (written) b.append('\n');
        String s = iri(subject);
        b.append(s);
        int col = s.length();
        if (col > LONG_SUBJECT) { b.append('\n'); col = 0; }
        else { b.append("  "); col += GAP; }
        int width = width();
        for (int i = 0; i < predicates.size(); i++) {
            if (i > 0) { b.append(";\n"); col = 0; }
            if (col < INDENT_PREDICATE) { b.repeat(' ', INDENT_PREDICATE - col); col = INDENT_PREDICATE; }
            String pred = typeAsA && predicates.get(i).equals(TYPE) ? "a" : term(predicates.get(i));
            b.append(pred);
            col += pred.length();
            if (col < INDENT_PREDICATE + width) { b.repeat(' ', INDENT_PREDICATE + width - col); }
            b.append("  ").append(term(objects.get(i)));
        }
        b.append(" .\n");
        write(b);
    }

    /** The predicate column's width, as Jena's Widths.calcWidthTriples gives it. */
    private int width() {
        int w = MIN_PREDICATE;
        String prev = null;
        for (String p : predicates) {
            if (p.equals(prev)) continue;
            prev = p;
            int len = widths.computeIfAbsent(p, this::predicateWidth);
            if (len <= LONG_PREDICATE && len > w) w = len;
        }
        return w;
    }

    private int predicateWidth(String term) {
        String iri = term.substring(1, term.length() - 1);
        String abbrev = prefixes.abbreviate(iri);
        if (abbrev == null) return iri.length() + 2;
        return typeAsA && term.equals(TYPE) ? 1 : abbrev.length();
    }

    /** A predicate or object term in Turtle; repeated ones from the cache. */
    private String term(String nt) {
        String t = formatted.get(nt);
        if (t == null) {
            t = nt.charAt(0) == '<' ? iri(nt) : literal(nt);
            formatted.put(nt, t);
        }
        return t;
    }

    private String iri(String nt) {
        DumpWriter.Line w = new DumpWriter.Line();
        fmt.formatURI(w, nt.substring(1, nt.length() - 1));
        return w.sb.toString();
    }

    private String literal(String nt) {
        DumpWriter.Line w = new DumpWriter.Line();
        fmt.format(w, NodeFactoryExtra.parseNode(nt));
        return w.sb.toString();
    }

    private void write(CharSequence s) {
        try {
            out.append(s);
            written = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
