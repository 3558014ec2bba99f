package de.smartcitylod.cli;

import de.smartcitylod.build.BuildOptions;
import de.smartcitylod.read.ReadLimits;
import de.smartcitylod.vocab.Uris;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options shared by the commands that build or read a store. */
final class BuildArgs {
    @Option(names = "--data", description = "CSV source folder (default: ${DEFAULT-VALUE})", defaultValue = "data")
    Path data;
    @Option(names = "--store", description = "TDB2 store folder (default: ${DEFAULT-VALUE})", defaultValue = "run/tdb2")
    Path store;
    @Option(names = "--dumps", description = "dump folder (default: ${DEFAULT-VALUE})", defaultValue = "run/dumps")
    Path dumps;
    @Option(names = "--base", description = "base URI of published resources (default: ${DEFAULT-VALUE})", defaultValue = Uris.DEFAULT_BASE)
    String base;
    @Option(names = "--config", description = "Fuseki assembler file (default: ${DEFAULT-VALUE})", defaultValue = "fuseki-config/config.ttl")
    Path config;
    @Option(names = "--ontology", description = "ontology folder with smartcity.ttl and shapes.ttl (default: ${DEFAULT-VALUE})", defaultValue = "ontology")
    Path ontology;

    @Option(names = "--max-file-size", description = "largest data file in bytes (default: ${DEFAULT-VALUE})", defaultValue = "1073741824")
    long maxFileSize;
    @Option(names = "--max-line-length", description = "longest line of a data file in characters (default: ${DEFAULT-VALUE})", defaultValue = "1048576")
    int maxLineLength;
    @Option(names = "--max-cell-length", description = "longest value in a data file in characters (default: ${DEFAULT-VALUE})", defaultValue = "65536")
    int maxCellLength;

    @Option(names = "--keep", description = "releases (stores and dumps) to keep, the current one included (default: ${DEFAULT-VALUE})", defaultValue = "3")
    int keep;

    BuildOptions options() {
        return new BuildOptions(data, store, dumps, ontology, config, new Uris(base), new ReadLimits(maxFileSize, maxLineLength, maxCellLength), keep);
    }
}
