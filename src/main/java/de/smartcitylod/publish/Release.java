package de.smartcitylod.publish;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;

/**
 * A release: its id, derived from the content (the SHA-256 of the sorted, gzipped N-Quads dump),
 * its date, derived from the data (the newest source date) or {@code SOURCE_DATE_EPOCH}, never from
 * the clock; the base URI, the release it follows and its size. The same input therefore gives the
 * same release, byte for byte, and a release id names one content for good: releases are
 * immutable and citable. Written as {@code release.properties} beside the dumps.
 */
public record Release(String version, String date, String base, String previous, long quads, String first) {
    public static final String FILE = "release.properties";
    public static final String PATCH = "smartcity-lod.rdfp";
    /** Hex digits of the content hash in a release id: 48 bits, ample for a handful of releases a year. */
    static final int ID_LENGTH = 12;

    /**
     * @param allDumpSha256 the SHA-256 of the whole-dataset dump (as {@link DumpWriter} reports it): the id is its start
     * @param previous the release this one follows, or null; its first release's date is carried on, so
     *                 the catalogue can say when the data was first published ({@code dct:issued}).
     */
    public static Release of(String allDumpSha256, String date, String base, Release previous, long quads) {
        String first = previous == null || previous.first().isEmpty() ? date : previous.first().compareTo(date) < 0 ? previous.first() : date;
        return new Release(id(allDumpSha256), date, base, previous == null ? "" : previous.version(), quads, first);
    }

    /** The release id of a whole-dataset dump with this SHA-256. */
    public static String id(String allDumpSha256) { return allDumpSha256.substring(0, ID_LENGTH); }

    /**
     * The release date: {@code SOURCE_DATE_EPOCH} (seconds, as reproducible-build tools set it) when
     * given, else the newest date of the data's sources (YYYY-MM-DD; a year or month alone counts as
     * its first day).
     */
    public static String date(String newestSourceDate, Map<String, String> env) {
        String epoch = env.get("SOURCE_DATE_EPOCH");
        if (epoch != null && !epoch.isBlank())
            return Instant.ofEpochSecond(Long.parseLong(epoch.trim())).atZone(ZoneOffset.UTC).toLocalDate().toString();
        if (newestSourceDate == null || newestSourceDate.isEmpty()) return "1970-01-01";
        String d = newestSourceDate;
        if (d.length() == 4) d += "-01-01";
        else if (d.length() == 7) d += "-01";
        return d.substring(0, 10);
    }

    /** Written in a fixed order without the timestamp comment {@link java.util.Properties#store} adds. */
    public void write(Path dumpsDir) {
        Map<String, String> p = new TreeMap<>(Map.of("version", version, "date", date, "base", base, "previous", previous,
                "quads", Long.toString(quads), "first", first));
        StringBuilder sb = new StringBuilder("# smartcity-lod release: id from the content, date from the data\n");
        p.forEach((k, v) -> sb.append(k).append('=').append(v.replace("\\", "\\\\").replace(":", "\\:")).append('\n'));
        try {
            Files.writeString(dumpsDir.resolve(FILE), sb.toString(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) { throw new UncheckedIOException(e); }
    }

    /** The release of a dump folder, or null when it has none. */
    public static Release read(Path dumpsDir) {
        if (dumpsDir == null || !Files.exists(dumpsDir.resolve(FILE))) return null;
        java.util.Properties p = new java.util.Properties();
        try (Reader r = Files.newBufferedReader(dumpsDir.resolve(FILE), StandardCharsets.ISO_8859_1)) {
            p.load(r);
        } catch (IOException e) { throw new UncheckedIOException(e); }
        return new Release(p.getProperty("version"), p.getProperty("date"), p.getProperty("base"), p.getProperty("previous", ""),
                Long.parseLong(p.getProperty("quads", "0")), p.getProperty("first", p.getProperty("date")));
    }
}
