package de.smartcitylod.cli;

import de.smartcitylod.build.BuildJob;
import de.smartcitylod.build.BuildOptions;
import de.smartcitylod.serve.ServerOptions;
import de.smartcitylod.serve.SmartCityServer;
import de.smartcitylod.store.Generations;
import de.smartcitylod.vocab.Uris;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the built store with Fuseki (SPARQL endpoint, query page, linked data). Builds the store first when it is missing.")
final class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Mixin RunArgs run;
    @Option(names = "--host", defaultValue = "localhost", description = "interface to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for all)")
    String host;
    @Option(names = "--port", defaultValue = "3030", description = "HTTP port (default: ${DEFAULT-VALUE})")
    int port;
    @Option(names = "--data", defaultValue = "data", description = "CSV sources, used when the store must be built (default: ${DEFAULT-VALUE})")
    Path data;
    @Option(names = "--base", description = "base URI the server maps onto itself (default: the one the store was built with, else " + Uris.DEFAULT_BASE + ")")
    String base;
    @Option(names = "--queries", defaultValue = "queries", description = "example queries shown on the query page (default: ${DEFAULT-VALUE})")
    Path queries;
    @Option(names = "--timeout", description = "query timeout in ms, 'first,overall' or 'overall' (default: from the config file)")
    String timeout;
    @Option(names = "--cache-size", defaultValue = "268435456", description = "bytes of answers kept in memory until the next release; 0: none (default: ${DEFAULT-VALUE})")
    long cacheSize;
    @Option(names = "--on-release", description = "command run with the release id appended whenever the served release changes, at start too "
            + "(e.g. deploy/nginx-release, so that a load balancer answers revalidations of the current release itself)")
    String onRelease;

    @Override public Integer call() {
        if (new Generations(run.store).current() == null) {
            LOG.info("no store at {}: building it from {}", run.store, data);
            BuildOptions opts = BuildOptions.defaults().withData(data).withStore(run.store).withDumps(run.dumps).withConfig(run.config)
                    .withUris(new Uris(base != null ? base : Uris.DEFAULT_BASE));
            new BuildJob(opts).run();
        }
        ServerOptions o = new ServerOptions(host, port, run.config, run.store, run.dumps, queries, base, timeout, null, run.keep, 500, cacheSize, onRelease);
        SmartCityServer server = SmartCityServer.start(o);
        System.out.println("smartcity-lod serving on " + server.url() + "  (SPARQL endpoint " + server.url() + "smartcity/sparql)");
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        server.join();
        return 0;
    }
}
