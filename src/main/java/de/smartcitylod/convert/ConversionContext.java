package de.smartcitylod.convert;

import de.smartcitylod.read.CsvRow;
import de.smartcitylod.vocab.Uris;
import de.smartcitylod.vocab.Vocab;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.Quad;

import java.math.BigDecimal;
import java.util.*;

/**
 * What converters share while one dataset is built: the output stream, the URI minter, the keys
 * defined so far (so later files can reference earlier ones), and the CSV origin of each subject
 * (so a SHACL violation can name the file and line it came from).
 */
public final class ConversionContext {
    /** Kinds of keys that rows define and other rows reference. */
    public enum Kind { SOURCE, STATE, UNIT, PROGRAMME, ROUND, PROJECT, INDEX_EDITION, ATLAS_EDITION }

    private final Uris uris;
    private final StreamRDF out;
    private final java.util.function.Predicate<Node> trackOrigin;
    private final Map<Node, CsvRow.Origin> origins = new HashMap<>();
    /** Resources keyed by their URI (observations, participations, ...): compact, for millions of rows. */
    private final KeyRegister defined = new KeyRegister();
    private final List<String> files = new ArrayList<>();
    private final Map<String, Integer> fileIndex = new HashMap<>();
    private final EnumMap<Kind, Map<String, Definition>> keys = new EnumMap<>(Kind.class);
    private Node graph;
    private final String[] lastKey = new String[Kind.values().length];
    private final Node[] lastNode = new Node[Kind.values().length];
    private long quads;

    record Definition(Node node, CsvRow.Origin origin) {}

    /** @param trackOrigin which subjects to remember the CSV row of (for SHACL reports); others are not kept */
    public ConversionContext(Uris uris, StreamRDF out, java.util.function.Predicate<Node> trackOrigin) {
        this.uris = uris;
        this.out = out;
        this.trackOrigin = trackOrigin;
        for (Kind k : Kind.values()) keys.put(k, new HashMap<>());
    }

    public Uris uris() { return uris; }
    public long quadCount() { return quads; }
    public Map<Node, CsvRow.Origin> origins() { return origins; }

    /** The named graph the current converter writes to. */
    void useGraph(Node g) { this.graph = g; }

    public void add(Node s, Node p, Node o) {
        if (o == null) return;
        out.quad(Quad.create(graph, s, p, o));
        quads++;
    }

    public void type(Node s, Node... classes) { for (Node c : classes) add(s, Vocab.rdfType, c); }

    public void origin(Node subject, CsvRow row) {
        if (trackOrigin.test(subject)) origins.putIfAbsent(subject, row.origin());
    }

    /** Registers a resource whose URI is its key; a second definition is a "duplicate" error at the row. */
    public boolean defineNode(Node node, CsvRow row, String column) {
        int file = fileIndex.computeIfAbsent(row.file(), f -> { files.add(f); return files.size() - 1; });
        long prev = defined.putIfAbsent(node.getURI(), file, row.line());
        if (prev != -1) {
            row.error(column, "duplicate: " + node.getURI() + " is already defined at "
                    + files.get(KeyRegister.file(prev)) + ":" + KeyRegister.line(prev));
            return false;
        }
        origin(node, row);
        return true;
    }

    /** Registers a key; a second definition is a "duplicate id" error at the row. Returns false then. */
    public boolean define(Kind kind, String key, Node node, CsvRow row, String column) {
        Definition prev = keys.get(kind).putIfAbsent(key, new Definition(node, row.origin()));
        if (prev != null) {
            row.error(column, "duplicate id '" + key + "'; first defined at " + prev.origin());
            return false;
        }
        origin(node, row);
        return true;
    }

    /** Looks up a key defined earlier; an unknown key is an error at the row and column. */
    public Node resolve(Kind kind, String key, CsvRow row, String column) {
        // Consecutive rows mostly reference the same edition, source or programme: remember the last hit per kind.
        int k = kind.ordinal();
        if (key.equals(lastKey[k])) return lastNode[k];
        Definition d = keys.get(kind).get(key);
        if (d == null) {
            row.error(column, unknownMessage(kind, key));
            return null;
        }
        lastKey[k] = key;
        lastNode[k] = d.node();
        return d.node();
    }

    private static String unknownMessage(Kind kind, String key) {
        return switch (kind) {
            case SOURCE -> "unknown source id '" + key + "'; every source must be listed in sources.csv";
            case STATE -> "unknown state key '" + key + "'; see states.csv";
            case UNIT -> "unknown unit '" + key + "'" + (key.matches("\\d{8}") ? " (AGS not in municipalities.csv)"
                    : key.matches("\\d{5}") ? " (district key not in districts.csv)" : " (group id not in groups.csv)");
            case PROGRAMME -> "unknown programme '" + key + "'; see programmes.csv";
            case ROUND -> "unknown programme round '" + key + "'; see programme-rounds.csv";
            case PROJECT -> "unknown project '" + key + "'; see projects.csv";
            case INDEX_EDITION -> "unknown index edition '" + key + "'; see index-editions.csv";
            case ATLAS_EDITION -> "unknown atlas edition '" + key + "'; see atlas-editions.csv";
        };
    }

    /** Resolves the row's 'source' column (one id or several separated by '|') and links the subject to each. */
    public void derivedFrom(Node subject, CsvRow row) {
        for (String id : row.list("source")) {
            Node src = resolve(Kind.SOURCE, id, row, "source");
            if (src != null) add(subject, Vocab.provWasDerivedFrom, src);
        }
    }

    // ---- literals

    public static Node text(String s, String lang) { return s == null ? null : NodeFactory.createLiteralLang(s, lang); }
    public static Node plain(String s) { return s == null ? null : NodeFactory.createLiteralString(s); }
    public static Node integer(Long v) { return v == null ? null : NodeFactory.createLiteralDT(Long.toString(v), XSDDatatype.XSDinteger); }
    public static Node integer(Integer v) { return v == null ? null : integer(v.longValue()); }
    public static Node decimal(BigDecimal v) {
        return v == null ? null : NodeFactory.createLiteralDT(v.toPlainString(), XSDDatatype.XSDdecimal);
    }
    /** A decimal literal from a checked lexical form (CsvRow.decimalText). */
    public static Node decimal(String lexical) {
        return lexical == null ? null : NodeFactory.createLiteralDT(lexical, XSDDatatype.XSDdecimal);
    }
    public static Node gYear(Integer y) { return y == null ? null : NodeFactory.createLiteralDT(Integer.toString(y), XSDDatatype.XSDgYear); }
    /** An ISO date of the precision the source gives: YYYY, YYYY-MM or YYYY-MM-DD. */
    public static Node date(String iso) {
        if (iso == null) return null;
        return switch (iso.length()) {
            case 4 -> NodeFactory.createLiteralDT(iso, XSDDatatype.XSDgYear);
            case 7 -> NodeFactory.createLiteralDT(iso, XSDDatatype.XSDgYearMonth);
            default -> NodeFactory.createLiteralDT(iso, XSDDatatype.XSDdate);
        };
    }
    public static Node uri(String s) { return s == null ? null : NodeFactory.createURI(s); }

    /** German and English label; the English one falls back to the German name (proper names). */
    public void labels(Node s, String de, String en) {
        add(s, Vocab.rdfsLabel, text(de, "de"));
        add(s, Vocab.rdfsLabel, text(en != null ? en : de, "en"));
    }

    /** A unit reference: AGS (8 digits), district key (5 digits) or group id. */
    public Node unit(CsvRow row, String column, String ref) { return resolve(Kind.UNIT, ref, row, column); }

    /** Builds URI-safe slugs for names (organisations, strategies). */
    public static String slug(String name) {
        String s = java.text.Normalizer.normalize(name.toLowerCase(Locale.ROOT)
                .replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss"), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "x" : s;
    }
}
