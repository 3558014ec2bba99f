package de.smartcitylod.publish;

import org.apache.jena.rdfpatch.RDFPatchOps;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;

import java.io.*;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.StandardOpenOption;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Release diffs: an RDF Patch (jena-rdfpatch) that turns the previous release's dataset into the
 * new one, so a harvester can update incrementally. The first release's patch starts from the
 * empty dataset.
 */
public final class PatchWriter {
    private PatchWriter() {}

    /** Reads a release's whole-dataset dump, or returns an empty dataset when there is none. */
    public static DatasetGraph readDump(Path dumpsDir) throws IOException {
        DatasetGraph ds = DatasetGraphFactory.create();
        if (dumpsDir == null) return ds;
        Path f = dumpsDir.resolve(DumpWriter.ALL);
        if (!Files.exists(f)) return ds;
        DumpWriter.read(f, StreamRDFLib.dataset(ds));
        return ds;
    }

    /**
     * A patch merged from the new release's sorted dump lines as they pass by: additions, then
     * deletions, each in N-Quads order (the two are disjoint, so their order does not matter to
     * whoever applies the patch; additions first go straight into the file, and only the deletions,
     * usually few, wait in a temporary one: a first release of the 1M-row benchmark adds 2 GB).
     * Both dumps are sorted, so one merge pass finds the differences in bounded memory. A patch line
     * is the N-Quads line behind {@code A } or {@code D }: N-Quads terms are RDF Patch terms, so lines
     * are copied, not parsed and written again.
     */
    public static final class Merge implements AutoCloseable {
        private static final byte[] ADD = "A ".getBytes(StandardCharsets.US_ASCII);
        private static final String ID = "H id <urn:smartcity-lod:release:";
        private final Path file, deletions;
        private final OutputStream out;
        private final Writer delete;
        private final BufferedReader before;
        private String x;                                     // the previous dump's next line, without its newline
        private long changes;
        private boolean closed;

        /** Opens the patch {@code file} from the release whose dumps are in {@code previousDumps} (null: none). */
        public Merge(Path previousDumps, Release previous, Path file) throws IOException {
            Path old = previousDumps == null ? null : previousDumps.resolve(DumpWriter.ALL);
            this.file = file;
            this.deletions = Files.createTempFile(file.getParent(), "deletions", ".rdfp");
            this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
            this.delete = Files.newBufferedWriter(deletions, StandardCharsets.UTF_8);
            this.before = old == null || !Files.exists(old) ? new BufferedReader(Reader.nullReader()) : lines(old);
            // the new release's id is known only once its dump is written: a placeholder of its length, filled in by finish
            StringBuilder head = new StringBuilder(ID).append(" ".repeat(Release.ID_LENGTH)).append("> .\n");
            if (previous != null) head.append("H prev <urn:smartcity-lod:release:").append(previous.version()).append("> .\n");
            head.append("TX .\n");
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            x = before.readLine();
        }

        /** The new dump's next line (with its newline, and as UTF-8), in sorted order. */
        public void line(String y, byte[] utf8) throws IOException {
            int c;
            while (x != null && (c = compare(x, y)) <= 0) {
                if (c < 0) { delete(x); x = before.readLine(); }
                else { x = before.readLine(); return; }          // in both: no change
            }
            out.write(ADD); out.write(utf8); changes++;
        }

        private void delete(String line) throws IOException { delete.write("D "); delete.write(line); delete.write('\n'); changes++; }

        /** Writes the remaining deletions and the release id; returns the number of changes. */
        public long finish(Release next) throws IOException {
            if (next.version().length() != Release.ID_LENGTH) throw new IllegalArgumentException("release id " + next.version());
            for (; x != null; x = before.readLine()) delete(x);
            delete.close();
            out.flush();
            try (FileChannel from = FileChannel.open(deletions)) {
                WritableByteChannel to = Channels.newChannel(out);
                for (long at = 0, size = from.size(); at < size; ) at += from.transferTo(at, size - at, to);
            }
            out.write("TC .\n".getBytes(StandardCharsets.US_ASCII));
            close();
            try (FileChannel f = FileChannel.open(file, StandardOpenOption.WRITE)) {
                f.write(ByteBuffer.wrap(next.version().getBytes(StandardCharsets.US_ASCII)), ID.length());
            }
            return changes;
        }

        /** Closes the files and deletes the temporary one (a patch not finished is incomplete: the build discards it). */
        @Override public void close() throws IOException {
            if (closed) return;
            closed = true;
            try (before; out; delete) {
                Files.deleteIfExists(deletions);
            }
        }

        /** Compares a line without its newline to one with it, as the sorted dump orders lines (with newlines). */
        static int compare(String x, String yNl) {
            int n = Math.min(x.length(), yNl.length());
            for (int i = 0; i < n; i++) {
                char a = x.charAt(i), b = yNl.charAt(i);
                if (a != b) return a - b;
            }
            // equal so far: the shorter one continues with its newline ('\n' ends every dump line)
            return x.length() < yNl.length() ? '\n' - yNl.charAt(n) : x.charAt(n) - '\n';
        }
    }

    private static BufferedReader lines(Path gz) throws IOException {
        return new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(gz), 1 << 16), StandardCharsets.UTF_8), 1 << 16);
    }

    /** Applies a patch file to a dataset (used by tests and by harvesters following the README). */
    public static void apply(DatasetGraph target, Path patch) throws IOException {
        try (InputStream in = Files.newInputStream(patch)) {
            RDFPatchOps.applyChange(target, RDFPatchOps.read(in));
        }
    }
}
