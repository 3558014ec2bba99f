package de.smartcitylod.publish;

import org.apache.jena.atlas.data.BagFactory;
import org.apache.jena.atlas.data.SerializationFactory;
import org.apache.jena.atlas.data.SortedDataBag;
import org.apache.jena.atlas.data.ThresholdPolicyFactory;
import org.apache.jena.atlas.lib.Sink;

import java.io.*;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Lines sorted in bounded memory: Jena's own external sort ({@link SortedDataBag}, which spills
 * sorted runs to temporary files and merges them), so dumps and patches of any size are written
 * without holding the dataset in the heap.
 */
public final class SortedLines implements AutoCloseable {
    /** Lines kept in memory before a sorted run is spilled to disk (an N-Quads line is ~150 bytes). */
    static final long IN_MEMORY = 400_000;

    private final SortedDataBag<String> bag;
    private long count;

    public SortedLines() { this(IN_MEMORY); }

    /** @param inMemory lines held before a sorted run goes to disk */
    SortedLines(long inMemory) {
        bag = BagFactory.newSortedBag(ThresholdPolicyFactory.count(inMemory), new Utf8Lines(), Comparator.naturalOrder());
    }

    public void add(String line) { bag.add(line); count++; }

    public long count() { return count; }

    /** The lines in ascending (UTF-16 code unit) order; call once, after the last {@link #add}. */
    public Iterator<String> sorted() { return bag.iterator(); }

    /** The lines in ascending order, each once (as a dataset holds each quad once); call once, after the last {@link #add}. */
    public Iterator<String> distinct() { return org.apache.jena.atlas.iterator.Iter.distinctAdjacent(sorted()); }

    @Override public void close() { bag.close(); }

    /** Length-prefixed UTF-8: values can be longer than {@code writeUTF}'s 64 KB. */
    private static final class Utf8Lines implements SerializationFactory<String> {
        @Override public Sink<String> createSerializer(OutputStream out) {
            DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out, 1 << 16));
            return new Sink<>() {
                @Override public void send(String s) {
                    byte[] b = s.getBytes(StandardCharsets.UTF_8);
                    try { data.writeInt(b.length); data.write(b); } catch (IOException e) { throw new UncheckedIOException(e); }
                }
                @Override public void flush() { try { data.flush(); } catch (IOException e) { throw new UncheckedIOException(e); } }
                @Override public void close() { try { data.close(); } catch (IOException e) { throw new UncheckedIOException(e); } }
            };
        }

        @Override public Iterator<String> createDeserializer(InputStream in) {
            DataInputStream data = new DataInputStream(new BufferedInputStream(in, 1 << 16));
            return new Iterator<>() {
                private String next = read();
                private String read() {
                    try {
                        int n;
                        try { n = data.readInt(); } catch (EOFException end) { data.close(); return null; }
                        return new String(data.readNBytes(n), StandardCharsets.UTF_8);
                    } catch (IOException e) { throw new UncheckedIOException(e); }
                }
                @Override public boolean hasNext() { return next != null; }
                @Override public String next() {
                    if (next == null) throw new NoSuchElementException();
                    String s = next;
                    next = read();
                    return s;
                }
            };
        }
    }
}
