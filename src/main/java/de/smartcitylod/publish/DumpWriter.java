package de.smartcitylod.publish;

import de.smartcitylod.vocab.Vocab;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.atlas.io.AWriterBase;
import org.apache.jena.riot.out.NodeFormatter;
import org.apache.jena.riot.out.NodeFormatterNT;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;

import java.io.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.*;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Writes the dumps deterministically: the whole dataset as sorted, gzipped N-Quads, and each named
 * graph as Turtle with triples in sorted order, each file with a {@code .sha256} beside it. Sorting
 * (and no blank nodes, no timestamps inside the files) makes two builds of the same input byte-identical.
 */
public final class DumpWriter {
    public static final String ALL = "smartcity-lod.nq.gz";

    /** One written file: name, size and SHA-256. */
    public record DumpFile(String name, long bytes, String sha256, String graphName) {}

    private DumpWriter() {}

    /**
     * Collects quads as they are converted, for the dumps: as N-Quads lines in an external sort, so
     * memory stays bounded. The dumps are written from the converted data itself, not read back from
     * the store (TDB2 would return numbers in canonical form, "19" as "19.0").
     */
    public static final class Collector extends StreamRDFBase implements AutoCloseable {
        private final SortedLines lines = new SortedLines();

        @Override public void quad(Quad q) {
            if (q.getSubject().isBlank() || q.getObject().isBlank())
                throw new IllegalStateException("blank node in " + q + ": dumps must be deterministic, so published data uses IRIs only");
            lines.add(nquad(q));
        }

        @Override public void triple(org.apache.jena.graph.Triple t) { quad(Quad.create(Quad.defaultGraphIRI, t)); }

        @Override public void close() { lines.close(); }
    }

    /** The written dumps, in a fixed order, and the number of distinct quads. */
    public record Dumps(List<DumpFile> files, long quads) {}

    /** Receives the dump's lines, each also as UTF-8 (encoded once for all who write it). */
    public interface LineSink { void line(String line, byte[] utf8) throws IOException; }

    /**
     * Writes all dumps into {@code dir} in one pass over the sorted lines: the N-Quads without
     * duplicates, and each named graph's statements as Turtle, subject by subject (a graph's triples
     * in dump order are its triples in N-Triples order, because every line of one graph ends in the
     * same graph term). On the way, what else is made from the sorted data needs no pass of its own:
     * each distinct line, with its newline, goes to {@code lines}, and each subject's statements, as
     * {@link SubjectGroups} cuts them for the Turtle files, to {@code bySubject}.
     */
    public static Dumps write(Collector quads, Map<String, Node> graphs, Path dir, LineSink lines, SubjectGroups.Sink bySubject) throws IOException {
        Files.createDirectories(dir);
        Path all = dir.resolve(ALL);
        Map<String, String> prefixes = new TreeMap<>(Vocab.prefixes().getNsPrefixMap());
        List<Writer> files = new ArrayList<>();
        long n = 0;
        // buffered before the deflater too: it is called once per 64 KB, not once per line (2 s of 12 on 9.1M lines)
        try (OutputStream w = new BufferedOutputStream(new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(all)), 1 << 16), 1 << 16)) {
            List<SubjectGroups.Sink> sinks = new ArrayList<>();
            for (Map.Entry<String, Node> g : graphs.entrySet()) {
                Writer f = Files.newBufferedWriter(dir.resolve(graphFileName(g.getKey())), StandardCharsets.UTF_8);
                files.add(f);
                sinks.add(new TurtleBlocks(f, g.getValue().getURI(), prefixes));
            }
            sinks.add(bySubject);
            SubjectGroups groups = new SubjectGroups((s, p, o, g) -> { for (SubjectGroups.Sink k : sinks) k.subject(s, p, o, g); });
            for (Iterator<String> it = quads.lines.distinct(); it.hasNext(); ) {
                String line = it.next();
                byte[] utf8 = line.getBytes(StandardCharsets.UTF_8);
                w.write(utf8);
                groups.line(line);
                lines.line(line, utf8);
                n++;
            }
            groups.end();
        } finally {
            for (Writer f : files) f.close();
        }
        List<DumpFile> out = new ArrayList<>();
        out.add(finish(all, null));
        for (String name : graphs.keySet()) out.add(finish(dir.resolve(graphFileName(name)), name));
        return new Dumps(out, n);
    }

    /** Streams a whole-dataset dump (gzipped N-Quads, {@link #ALL}) to {@code sink}, in file order. */
    public static void read(Path nqGz, StreamRDF sink) throws IOException {
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(nqGz)), 1 << 16)) {
            RDFParser.source(in).lang(Lang.NQUADS).parse(sink);
        }
    }

    public static String graphFileName(String graphName) { return "smartcity-lod-" + graphName + ".ttl"; }

    public static String nquad(Quad q) {
        // Jena's NodeFmtLib.strNT formats through an IndentedWriter, and a StringWriter appends to a
        // synchronized StringBuffer, both character by character: profiled at 80 % of the build's
        // conversion thread. The same formatter into a plain StringBuilder.
        Line w = new Line();
        NT.format(w, q.getSubject()); w.print(' ');
        NT.format(w, q.getPredicate()); w.print(' ');
        NT.format(w, q.getObject()); w.print(' ');
        if (!q.isDefaultGraph()) { NT.format(w, q.getGraph()); w.print(' '); }
        w.print(".\n");
        return w.sb.toString();
    }

    /** Jena's character sink (AWriter) over a StringBuilder. */
    static final class Line extends AWriterBase {
        final StringBuilder sb = new StringBuilder(160);
        @Override public void print(char ch) { sb.append(ch); }
        @Override public void print(char[] cbuf) { sb.append(cbuf); }
        @Override public void print(String s) { sb.append(s); }
        @Override public void printf(String fmt, Object... args) { sb.append(String.format(fmt, args)); }
        @Override public void println(String s) { sb.append(s).append('\n'); }
        @Override public void println() { sb.append('\n'); }
        @Override public void flush() {}
        @Override public void close() {}
    }

    private static final NodeFormatter NT = new NodeFormatterNT();

    private static DumpFile finish(Path file, String graphName) throws IOException {
        String sha = sha256(file);
        Files.writeString(file.resolveSibling(file.getFileName() + ".sha256"), sha + "  " + file.getFileName() + "\n");
        return new DumpFile(file.getFileName().toString(), Files.size(file), sha, graphName);
    }

    /** Writes {@code file.sha256} beside a file that is published but not a dump (the release patch). */
    public static void checksum(Path file) throws IOException { finish(file, null); }

    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) md.update(buf, 0, n);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
