package de.smartcitylod.cli;

import de.smartcitylod.store.Replica;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.net.URI;
import java.util.concurrent.Callable;

@Command(name = "replicate", mixinStandardHelpOptions = true,
        description = "Keep a replica's store and dumps at the primary's current release: fetch its files from the primary's /dumps/, "
                + "check every SHA-256 (the whole dump also against the catalogue), load, and switch when complete. "
                + "A 'serve' on the same --store/--dumps picks each release up by itself.")
final class ReplicateCommand implements Callable<Integer> {
    @Option(names = "--from", required = true, description = "the primary's URL, e.g. http://primary:3030/")
    URI from;
    @Mixin RunArgs run;
    @Option(names = "--poll", defaultValue = "10000", description = "ms between looks at the primary (default: ${DEFAULT-VALUE})")
    long poll;
    @Option(names = "--once", description = "sync once and exit")
    boolean once;

    @Override public Integer call() throws Exception {
        Replica r = new Replica(from, run.config, run.store, run.dumps, run.keep);
        if (once) {
            String id = r.sync();
            System.out.println(id == null ? "Replica is at the primary's release already" : "Replica now holds release " + id);
            return 0;
        }
        r.follow(poll);
        return 0;
    }
}
