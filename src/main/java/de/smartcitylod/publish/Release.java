package de.smartcitylod.publish;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Properties;

/**
 * Every build is a release: a version (the build's timestamp), a date, the base URI it was built
 * with, and the version it follows. Written as {@code release.properties} beside the dumps; it is
 * the only dump-folder file that differs between two builds of the same input (with the patch).
 */
public record Release(String version, String date, String base, String previous, long quads) {
    public static final String FILE = "release.properties";
    public static final String PATCH = "smartcity-lod.rdfp";

    public static Release create(String base, String previous, long quads) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return new Release(now.format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")),
                now.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), base, previous == null ? "" : previous, quads);
    }

    public void write(Path dumpsDir) {
        Properties p = new Properties();
        p.setProperty("version", version);
        p.setProperty("date", date);
        p.setProperty("base", base);
        p.setProperty("previous", previous);
        p.setProperty("quads", Long.toString(quads));
        try (Writer w = Files.newBufferedWriter(dumpsDir.resolve(FILE))) {
            p.store(w, "smartcity-lod release");
        } catch (IOException e) { throw new UncheckedIOException(e); }
    }

    /** The release of a dump folder, or null when it has none. */
    public static Release read(Path dumpsDir) {
        if (dumpsDir == null || !Files.exists(dumpsDir.resolve(FILE))) return null;
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(dumpsDir.resolve(FILE))) {
            p.load(r);
        } catch (IOException e) { throw new UncheckedIOException(e); }
        return new Release(p.getProperty("version"), p.getProperty("date"), p.getProperty("base"), p.getProperty("previous", ""),
                Long.parseLong(p.getProperty("quads", "0")));
    }
}
