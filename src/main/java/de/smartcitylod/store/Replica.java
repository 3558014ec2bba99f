package de.smartcitylod.store;

import de.smartcitylod.publish.DumpWriter;
import de.smartcitylod.publish.Release;
import org.apache.jena.rdf.model.*;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.*;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A replica's copy of the primary's current release: it fetches the release's files from the
 * primary's {@code /dumps/}, checks every file against its SHA-256 (and the whole-dataset dump also
 * against the checksum the DCAT-AP catalogue states), loads the N-Quads into a TDB2 store exactly as a
 * build would, and switches the replica's links only when all of it is complete. The replica's
 * server then picks the release up like any build. Nothing is converted or validated again: the
 * primary did that, and the checksums prove the bytes are the primary's.
 */
public final class Replica {
    private static final Logger LOG = LoggerFactory.getLogger(Replica.class);
    /** A row of the primary's dump index: file name and, for published dumps, its SHA-256. */
    private static final Pattern ROW = Pattern.compile("href=\"/dumps/([A-Za-z0-9._-]+)\">[^<]*</a></td><td>\\d+</td><td><code>([0-9a-f]*)</code>");
    private static final String SPDX = "http://spdx.org/rdf/terms#", DCAT = "http://www.w3.org/ns/dcat#";

    private final URI primary;
    private final Path config, store, dumps;
    private final int keep;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NORMAL).build();

    public Replica(URI primary, Path config, Path store, Path dumps, int keep) {
        this.primary = primary.toString().endsWith("/") ? primary : URI.create(primary + "/");
        this.config = config;
        this.store = store;
        this.dumps = dumps;
        this.keep = keep;
    }

    /** Brings the replica to the primary's current release; returns its id, or null when it had it already. */
    public String sync() throws IOException, InterruptedException {
        Properties p = new Properties();
        p.load(new java.io.StringReader(text("dumps/" + Release.FILE)));
        String id = p.getProperty("version");
        Generations stores = new Generations(store), dumpGens = new Generations(dumps);
        if (id.equals(stores.currentId()) && id.equals(dumpGens.currentId())) return null;
        stores.removeLeftovers();
        dumpGens.removeLeftovers();
        Path tmp = dumpGens.prepare();
        try {
            Map<String, String> expected = catalogueChecksums();
            String allSha = null;
            for (Map.Entry<String, String> f : files().entrySet()) {
                String name = f.getKey();
                get("dumps/" + name, tmp.resolve(name));
                if (f.getValue().isEmpty()) continue;              // release.properties, quality report: checked through the id below
                get("dumps/" + name + ".sha256", tmp.resolve(name + ".sha256"));
                String sha = DumpWriter.sha256(tmp.resolve(name));
                if (!sha.equals(f.getValue())) throw new IOException(name + ": SHA-256 " + sha + " does not match the primary's " + f.getValue());
                String listed = expected.get(name);
                if (listed != null && !listed.equals(sha)) throw new IOException(name + ": SHA-256 " + sha + " does not match the catalogue's " + listed);
                if (name.equals(DumpWriter.ALL)) allSha = sha;
            }
            if (allSha == null) throw new IOException("the primary's dump index lists no checksummed " + DumpWriter.ALL);
            if (!Release.id(allSha).equals(id)) throw new IOException("the dump is not the content of release " + id);
            if (!expected.containsKey(DumpWriter.ALL)) throw new IOException("the primary's catalogue lists no checksum for " + DumpWriter.ALL);
            Release release = Release.read(tmp);
            if (release == null || !release.version().equals(id)) throw new IOException("the release changed while it was fetched; try again");
            TdbStore.publish(config, stores, dumpGens, tmp, id, keep, TdbStore.fromDump(tmp.resolve(DumpWriter.ALL)));
            LOG.info("replica now holds release {} from {}", id, primary);
            return id;
        } catch (IOException | RuntimeException e) {
            dumpGens.discard(tmp);
            throw e;
        }
    }

    /** The files of the release, from the primary's dump index: name → SHA-256 (empty for metadata files). */
    private Map<String, String> files() throws IOException, InterruptedException {
        Map<String, String> out = new TreeMap<>();
        Matcher m = ROW.matcher(text("dumps/"));
        while (m.find()) out.put(m.group(1), m.group(2));
        if (!out.containsKey(DumpWriter.ALL) || !out.containsKey(Release.FILE)) throw new IOException("the primary's dump index lists no release");
        return out;
    }

    /** File name → SHA-256 of every distribution the catalogue lists. */
    private Map<String, String> catalogueChecksums() throws IOException, InterruptedException {
        Model cat = ModelFactory.createDefaultModel();
        RDFParser.fromString(text("catalog"), Lang.TURTLE).parse(cat);
        Map<String, String> out = new HashMap<>();
        for (Resource dist : cat.listSubjectsWithProperty(cat.createProperty(DCAT, "downloadURL")).toList()) {
            String url = dist.getPropertyResourceValue(cat.createProperty(DCAT, "downloadURL")).getURI();
            if (!url.contains("/dumps/") || url.contains("/release/")) continue;
            Resource sum = dist.getPropertyResourceValue(cat.createProperty(SPDX, "checksum"));
            if (sum != null) out.put(url.substring(url.lastIndexOf('/') + 1), sum.getProperty(cat.createProperty(SPDX, "checksumValue")).getString());
        }
        return out;
    }

    private String text(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(primary.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "text/turtle, text/html;q=0.5, */*;q=0.1").GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IOException("GET " + primary.resolve(path) + ": " + r.statusCode());
        return r.body();
    }

    private void get(String path, Path to) throws IOException, InterruptedException {
        HttpResponse<Path> r = http.send(HttpRequest.newBuilder(primary.resolve(path)).timeout(Duration.ofMinutes(10)).GET().build(),
                HttpResponse.BodyHandlers.ofFile(to));
        if (r.statusCode() != 200) throw new IOException("GET " + primary.resolve(path) + ": " + r.statusCode());
    }

    /** Keeps syncing every {@code pollMillis} until interrupted; a failed attempt changes nothing and is tried again. */
    public void follow(long pollMillis) throws InterruptedException {
        while (!Thread.currentThread().isInterrupted()) {
            try { sync(); } catch (IOException | RuntimeException e) { LOG.warn("replica sync from {}: {}", primary, e.getMessage()); }
            Thread.sleep(pollMillis);
        }
    }
}
