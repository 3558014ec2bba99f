package de.smartcitylod.publish;

import de.smartcitylod.vocab.Vocab;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;

import java.io.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.*;
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

    /** Writes all dumps into {@code dir} and returns them in a fixed order. */
    public static List<DumpFile> write(DatasetGraph data, Map<String, Node> graphs, Path dir) throws IOException {
        Files.createDirectories(dir);
        data.find().forEachRemaining(q -> {
            if (q.getSubject().isBlank() || q.getObject().isBlank())
                throw new IllegalStateException("blank node in " + q + ": dumps must be deterministic, so published data uses IRIs only");
        });
        List<DumpFile> out = new ArrayList<>();
        out.add(writeNQuads(data, dir.resolve(ALL)));
        for (Map.Entry<String, Node> g : graphs.entrySet())
            out.add(writeTurtle(data, g.getValue(), g.getKey(), dir.resolve(graphFileName(g.getKey()))));
        return out;
    }

    public static String graphFileName(String graphName) { return "smartcity-lod-" + graphName + ".ttl"; }

    private static DumpFile writeNQuads(DatasetGraph data, Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        data.find().forEachRemaining(q -> lines.add(nquad(q)));
        Collections.sort(lines);
        try (OutputStream os = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(file)), 1 << 16);
             Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8)) {
            for (String l : lines) w.write(l);
        }
        return finish(file, null);
    }

    public static String nquad(Quad q) {
        StringBuilder sb = new StringBuilder(160);
        sb.append(NodeFmtLib.strNT(q.getSubject())).append(' ')
          .append(NodeFmtLib.strNT(q.getPredicate())).append(' ')
          .append(NodeFmtLib.strNT(q.getObject())).append(' ');
        if (!q.isDefaultGraph()) sb.append(NodeFmtLib.strNT(q.getGraph())).append(' ');
        return sb.append(".\n").toString();
    }

    private static DumpFile writeTurtle(DatasetGraph data, Node graph, String name, Path file) throws IOException {
        // Sort by the N-Triples form, computed once per triple.
        record Keyed(String key, Triple triple) {}
        List<Keyed> keyed = new ArrayList<>();
        data.getGraph(graph).find().forEachRemaining(t -> keyed.add(new Keyed(
                NodeFmtLib.strNT(t.getSubject()) + ' ' + NodeFmtLib.strNT(t.getPredicate()) + ' ' + NodeFmtLib.strNT(t.getObject()), t)));
        keyed.sort(Comparator.comparing(Keyed::key));
        List<Triple> triples = keyed.stream().map(Keyed::triple).toList();
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            StreamRDF w = StreamRDFWriter.getWriterStream(os, RDFFormat.TURTLE_BLOCKS);
            w.start();
            new TreeMap<>(Vocab.prefixes().getNsPrefixMap()).forEach(w::prefix);
            triples.forEach(w::triple);
            w.finish();
        }
        return finish(file, name);
    }

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
