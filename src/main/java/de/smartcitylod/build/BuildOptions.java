package de.smartcitylod.build;

import de.smartcitylod.read.ReadLimits;
import de.smartcitylod.store.Generations;
import de.smartcitylod.vocab.Uris;

import java.nio.file.Path;

/** Where a build reads from and writes to, and how large its input may be; the defaults are the repository layout. */
public record BuildOptions(Path data, Path store, Path dumps, Path ontology, Path config, Uris uris, ReadLimits limits, int keep) {
    public static BuildOptions defaults() {
        return new BuildOptions(Path.of("data"), Path.of("run/tdb2"), Path.of("run/dumps"), Path.of("ontology"),
                Path.of("fuseki-config/config.ttl"), Uris.defaults(), ReadLimits.DEFAULTS, Generations.DEFAULT_KEEP);
    }
    public BuildOptions withData(Path p) { return new BuildOptions(p, store, dumps, ontology, config, uris, limits, keep); }
    public BuildOptions withStore(Path p) { return new BuildOptions(data, p, dumps, ontology, config, uris, limits, keep); }
    public BuildOptions withDumps(Path p) { return new BuildOptions(data, store, p, ontology, config, uris, limits, keep); }
    public BuildOptions withUris(Uris u) { return new BuildOptions(data, store, dumps, ontology, config, u, limits, keep); }
    public BuildOptions withConfig(Path p) { return new BuildOptions(data, store, dumps, ontology, p, uris, limits, keep); }
    public BuildOptions withLimits(ReadLimits l) { return new BuildOptions(data, store, dumps, ontology, config, uris, l, keep); }
    /** How many releases (stores and dumps) a build keeps, the current one included. */
    public BuildOptions withKeep(int k) { return new BuildOptions(data, store, dumps, ontology, config, uris, limits, k); }
    public Path shapes() { return ontology.resolve("shapes.ttl"); }
    public Path ontologyFile() { return ontology.resolve("smartcity.ttl"); }
}
