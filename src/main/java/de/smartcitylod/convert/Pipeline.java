package de.smartcitylod.convert;

import de.smartcitylod.read.*;
import de.smartcitylod.read.CsvRow;
import de.smartcitylod.vocab.Uris;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDF;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the converters over a data folder in dependency order (sources, reference units, programmes,
 * index, atlas, projects, participations), streaming quads to a sink. Stops at the first file with
 * errors: later files would only repeat them as unknown references.
 */
public final class Pipeline {
    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);
    /** Progress is logged this often on large files. */
    private static final int PROGRESS_EVERY = 250_000;

    public record Step(Converter converter, TableSchema table) {}

    public static final SourcesConverter SOURCES = new SourcesConverter();
    public static final ReferenceConverter REFERENCE = new ReferenceConverter();
    public static final ProgrammeConverter PROGRAMMES = new ProgrammeConverter();
    public static final IndexConverter INDEX = new IndexConverter();
    public static final AtlasConverter ATLAS = new AtlasConverter();
    public static final ProjectConverter PROJECTS = new ProjectConverter();

    public static final List<Step> STEPS = List.of(
            new Step(SOURCES, SourcesConverter.SOURCES),
            new Step(REFERENCE, ReferenceConverter.STATES),
            new Step(REFERENCE, ReferenceConverter.DISTRICTS),
            new Step(REFERENCE, ReferenceConverter.MUNICIPALITIES),
            new Step(REFERENCE, ReferenceConverter.GROUPS),
            new Step(PROGRAMMES, ProgrammeConverter.PROGRAMMES),
            new Step(PROGRAMMES, ProgrammeConverter.ROUNDS),
            new Step(INDEX, IndexConverter.EDITIONS),
            new Step(INDEX, IndexConverter.CATEGORIES),
            new Step(INDEX, IndexConverter.RESULTS),
            new Step(ATLAS, AtlasConverter.EDITIONS),
            new Step(ATLAS, AtlasConverter.PROFILES),
            new Step(ATLAS, AtlasConverter.STATISTICS),
            new Step(PROJECTS, ProjectConverter.PROJECTS),
            new Step(PROJECTS, ProjectConverter.FUNDING),
            new Step(PROGRAMMES, ProgrammeConverter.PARTICIPATIONS));

    /** Names of the named graphs converters write, in a fixed order. */
    public static final List<String> GRAPHS = List.of("sources", "reference", "programmes", "index", "atlas", "projects");

    /** What conversion produced besides the quads: where each subject came from, rows per file. */
    public record Result(Map<Node, CsvRow.Origin> origins, Map<String, Integer> rowsPerFile, long quads) {}

    private final Uris uris;
    private final java.util.function.Predicate<Node> trackOrigin;
    private ReadLimits limits = ReadLimits.DEFAULTS;

    /** @param trackOrigins remember the CSV row of every subject (tests, small data) or of none */
    public Pipeline(Uris uris, boolean trackOrigins) {
        this(uris, trackOrigins ? n -> true : n -> false);
    }

    /** Remembers the CSV row only of the subjects {@code trackOrigin} accepts (the build asks only for SHACL focus nodes). */
    public Pipeline(Uris uris, java.util.function.Predicate<Node> trackOrigin) {
        this.uris = uris;
        this.trackOrigin = trackOrigin;
    }

    /** Sizes of files, lines and cells beyond which a file is refused. */
    public Pipeline withLimits(ReadLimits l) { this.limits = l; return this; }

    /** Converts every known file present in {@code dataDir}; throws DataException with all errors of the first bad file. */
    public Result run(Path dataDir, StreamRDF sink) {
        if (!Files.isDirectory(dataDir))
            throw new DataException(new DataError(dataDir.toString(), 0, 0, null, "data folder does not exist"));
        if (!Files.exists(dataDir.resolve(SourcesConverter.SOURCES.fileName())))
            throw new DataException(new DataError(dataDir.resolve("sources.csv").toString(), 0, 0, null,
                    "sources.csv is missing; every data row must name a source listed there"));
        ConversionContext ctx = new ConversionContext(uris, sink, trackOrigin);
        Map<String, Integer> rows = new LinkedHashMap<>();
        sink.start();
        for (Step step : STEPS) {
            Path file = dataDir.resolve(step.table().fileName());
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) { LOG.debug("{} not present, skipped", file); continue; }
            String display = displayName(dataDir, file);
            refuseLinkOutside(dataDir, file, display);
            CsvTable table = CsvTable.open(file, display, step.table(), limits);
            ctx.useGraph(uris.graph(step.converter().graphName()));
            int[] n = {0};
            table.forEachRow(row -> {
                step.converter().convert(step.table(), row, ctx);
                if (++n[0] % PROGRESS_EVERY == 0) LOG.info("{}: {} rows converted", display, n[0]);
            });
            if (!table.errors().isEmpty()) throw new DataException(new ArrayList<>(table.errors()));
            rows.put(step.table().fileName(), n[0]);
            LOG.info("converted {} ({} rows)", display, n[0]);
        }
        sink.finish();
        return new Result(ctx.origins(), rows, ctx.quadCount());
    }

    /**
     * A data file may be a symbolic link only to a file inside the data folder: what is published is
     * then exactly what the folder holds, and a link cannot pull in files from elsewhere on the machine.
     */
    private static void refuseLinkOutside(Path dataDir, Path file, String display) {
        if (!Files.isSymbolicLink(file)) return;
        try {
            Path target = file.toRealPath();
            if (!target.startsWith(dataDir.toRealPath()))
                throw new DataException(new DataError(display, 0, 0, null,
                        "is a symbolic link to " + target + ", outside the data folder; data files must be inside it"));
        } catch (java.io.IOException e) {
            throw new DataException(new DataError(display, 0, 0, null, "is a symbolic link whose target cannot be read ("
                    + e.getClass().getSimpleName() + ")"));
        }
    }

    private static String displayName(Path dataDir, Path file) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }
}
