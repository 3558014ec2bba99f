package de.smartcitylod.publish;

import org.apache.jena.sparql.util.NodeFactoryExtra;

import java.util.ArrayList;
import java.util.List;

/**
 * The dump's sorted, distinct N-Quads lines, handed on subject by subject and cut into terms, so that
 * what is counted per resource (the quality report's figures and claims) comes from the same pass that
 * writes the dumps instead of from decoding the store once more. A subject's lines are adjacent in
 * sorted order, since each starts with the subject term and a space.
 */
public final class SubjectGroups {
    /** Receives one subject's statements (N-Triples terms; graph null for the default graph), in line order. */
    public interface Sink {
        void subject(String subject, List<String> predicates, List<String> objects, List<String> graphs);
    }

    private final Sink sink;
    private String subject;
    private final List<String> predicates = new ArrayList<>(), objects = new ArrayList<>(), graphs = new ArrayList<>();
    /** The previous subject's predicates, and the last graph: their Strings are reused (hash codes computed once). */
    private final List<String> previousPredicates = new ArrayList<>();
    private String lastGraph;

    public SubjectGroups(Sink sink) { this.sink = sink; }

    /**
     * Takes the next line ({@code <s> <p> object [<g>] .\n}), in sorted order. Subject and predicate
     * are IRIs (our dumps hold no blank nodes), which contain no space.
     */
    public void line(String line) {
        int s = line.indexOf("> ") + 1;
        int p = line.indexOf("> ", s + 1) + 1;
        int end = line.length() - (line.endsWith(" .\n") ? 3 : 2);
        if (s <= 0 || p <= 0 || end <= p + 1) throw new IllegalArgumentException("not an N-Quads line of the dumps: " + line);
        if (subject == null || s != subject.length() || !line.startsWith(subject)) {
            end();
            subject = line.substring(0, s);
        }
        // A graph is a last IRI after a space; an object literal can end in a space and '>' only with
        // its closing quote after the last space ("a <b>"^^<dt>).
        int g = line.lastIndexOf(' ', end - 1);
        boolean named = g > p + 1 && line.charAt(end - 1) == '>' && line.charAt(g + 1) == '<' && line.indexOf('"', g) < 0;
        predicates.add(reuse(previousPredicates.size() > predicates.size() ? previousPredicates.get(predicates.size()) : null, line, s + 1, p));
        objects.add(line.substring(p + 1, named ? g : end));
        graphs.add(named ? (lastGraph = reuse(lastGraph, line, g + 1, end)) : null);
    }

    /** {@code line[from, to)}: {@code known} if it is that text, else a new String. */
    private static String reuse(String known, String line, int from, int to) {
        return known != null && known.length() == to - from && line.startsWith(known, from) ? known : line.substring(from, to);
    }

    /** Hands on the last subject. */
    public void end() {
        if (subject == null) return;
        sink.subject(subject, predicates, objects, graphs);
        previousPredicates.clear();
        previousPredicates.addAll(predicates);
        subject = null;
        predicates.clear();
        objects.clear();
        graphs.clear();
    }

    /** Whether an N-Triples term is an IRI. */
    public static boolean isIri(String term) { return term.charAt(0) == '<'; }

    /** An IRI term's IRI. */
    public static String iri(String term) { return term.substring(1, term.length() - 1); }

    /** Whether an N-Triples term is a literal. */
    public static boolean isLiteral(String term) { return term.charAt(0) == '"'; }

    /** A literal term's lexical form (unescaped by Jena's parser only where the term holds an escape). */
    public static String lexical(String term) {
        String body = term.substring(1, term.lastIndexOf('"'));
        return body.indexOf('\\') < 0 ? body : NodeFactoryExtra.parseNode(term).getLiteralLexicalForm();
    }

    /** A literal term's language tag, or "" for none. */
    public static String language(String term) {
        int q = term.lastIndexOf('"');
        return q + 1 < term.length() && term.charAt(q + 1) == '@' ? term.substring(q + 2) : "";
    }
}
