package de.smartcitylod.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Where a server or replica keeps its releases: the options 'serve' and 'replicate' share. */
final class RunArgs {
    @Option(names = "--store", defaultValue = "run/tdb2", description = "TDB2 store (default: ${DEFAULT-VALUE})")
    Path store;
    @Option(names = "--dumps", defaultValue = "run/dumps", description = "dump folder (default: ${DEFAULT-VALUE})")
    Path dumps;
    @Option(names = "--config", defaultValue = "fuseki-config/config.ttl", description = "Fuseki assembler file (default: ${DEFAULT-VALUE})")
    Path config;
    @Option(names = "--keep", defaultValue = "3", description = "releases kept and served at /release/{id}, the current one included (default: ${DEFAULT-VALUE})")
    int keep;
}
