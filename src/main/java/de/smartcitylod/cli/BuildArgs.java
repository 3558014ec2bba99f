package de.smartcitylod.cli;

import de.smartcitylod.build.BuildOptions;
import de.smartcitylod.read.ReadLimits;
import de.smartcitylod.vocab.Uris;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options shared by the commands that build or read a store. */
final class BuildArgs {
    @Mixin RunArgs run;
    @Option(names = "--data", description = "CSV source folder (default: ${DEFAULT-VALUE})", defaultValue = "data")
    Path data;
    @Option(names = "--base", description = "base URI of published resources (default: ${DEFAULT-VALUE})", defaultValue = Uris.DEFAULT_BASE)
    String base;
    @Option(names = "--ontology", description = "ontology folder with smartcity.ttl and shapes.ttl (default: ${DEFAULT-VALUE})", defaultValue = "ontology")
    Path ontology;

    @Option(names = "--max-file-size", description = "largest data file in bytes (default: ${DEFAULT-VALUE})", defaultValue = "1073741824")
    long maxFileSize;
    @Option(names = "--max-line-length", description = "longest line of a data file in characters (default: ${DEFAULT-VALUE})", defaultValue = "1048576")
    int maxLineLength;
    @Option(names = "--max-cell-length", description = "longest value in a data file in characters (default: ${DEFAULT-VALUE})", defaultValue = "65536")
    int maxCellLength;


    BuildOptions options() {
        return new BuildOptions(data, run.store, run.dumps, ontology, run.config, new Uris(base), new ReadLimits(maxFileSize, maxLineLength, maxCellLength), run.keep);
    }
}
