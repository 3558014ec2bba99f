package de.smartcitylod.cli;

import de.smartcitylod.store.TdbStore;
import org.apache.jena.query.*;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.resultset.ResultsWriter;
import org.apache.jena.system.Txn;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "query", mixinStandardHelpOptions = true, description = "Run a SPARQL query file against the local store, without a server.")
final class QueryCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "query file (.rq)")
    Path file;
    @Option(names = "--format", defaultValue = "csv", description = "csv, tsv or json for SELECT/ASK; CONSTRUCT/DESCRIBE give Turtle (default: ${DEFAULT-VALUE})")
    String format;
    @Option(names = "--store", defaultValue = "run/tdb2", description = "TDB2 store (default: ${DEFAULT-VALUE})")
    Path store;
    @Option(names = "--config", defaultValue = "fuseki-config/config.ttl", description = "Fuseki assembler file (default: ${DEFAULT-VALUE})")
    Path config;

    @Override public Integer call() throws Exception {
        Lang lang = switch (format) {
            case "csv" -> ResultSetLang.RS_CSV;
            case "tsv" -> ResultSetLang.RS_TSV;
            case "json" -> ResultSetLang.RS_JSON;
            default -> throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--format must be csv, tsv or json, not " + format);
        };
        if (!Files.isDirectory(store)) throw new IllegalStateException("no store at " + store + "; run './smartcity build' first");
        Query q = QueryFactory.create(Files.readString(file));
        Dataset ds = TdbStore.open(config, store.toRealPath());
        try {
            Txn.executeRead(ds, () -> {
                try (QueryExecution qe = QueryExecutionFactory.create(q, ds)) {
                    if (q.isSelectType()) ResultsWriter.create().lang(lang).write(System.out, qe.execSelect());
                    else if (q.isAskType()) ResultsWriter.create().lang(lang).write(System.out, qe.execAsk());
                    else RDFDataMgr.write(System.out, q.isConstructType() ? qe.execConstruct() : qe.execDescribe(), Lang.TURTLE);
                }
            });
        } finally {
            TdbStore.close(ds);
        }
        System.out.flush();
        return 0;
    }
}
