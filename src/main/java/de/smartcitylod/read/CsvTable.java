package de.smartcitylod.read;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.function.Consumer;

/**
 * Reads one CSV file against a {@link TableSchema}: the shared front end of every converter.
 *
 * <p>Accepts what German spreadsheets produce: UTF-8 with or without BOM, comma or semicolon
 * delimiter (detected from the header line), and decimal comma where the file declares it with a
 * directive line {@code # decimal=comma} before the header. Anything else (other encodings, tab
 * delimiters, unknown or missing columns, bad cells, broken quoting, limits exceeded) is reported
 * with file, line and column. The file is streamed twice, never held whole: {@link CsvScan} checks
 * bytes, limits and quoting; Commons CSV then parses the rows.
 */
public final class CsvTable {
    /** Stop collecting after this many errors in one file: the first ones are what a person fixes first. */
    static final int MAX_ERRORS = 50;

    private final Path path;
    private final String displayName;
    private final TableSchema schema;
    private final CsvScan.Preamble preamble;
    private final List<DataError> errors = new ArrayList<>();

    private CsvTable(Path path, String displayName, TableSchema schema, CsvScan.Preamble preamble) {
        this.path = path;
        this.displayName = displayName;
        this.schema = schema;
        this.preamble = preamble;
    }

    public String displayName() { return displayName; }
    public TableSchema schema() { return schema; }
    public boolean decimalComma() { return preamble.decimalComma(); }
    public char delimiter() { return preamble.delimiter(); }
    public List<DataError> errors() { return errors; }

    /** Opens a file; file-level problems (not a regular file, encoding, limits, quoting, header) throw a DataException at once. */
    public static CsvTable open(Path file, String displayName, TableSchema schema, ReadLimits limits) {
        // FIFOs, devices and folders are refused by name: reading them could block or never end.
        if (!Files.isRegularFile(file))
            throw new DataException(new DataError(displayName, 0, 0, null, Files.isDirectory(file)
                    ? "is a folder, not a data file" : "is not a regular file (a pipe, device or socket); only regular files are read"));
        try {
            long size = Files.size(file);
            if (size > limits.maxFileBytes())
                throw new DataException(new DataError(displayName, 0, 0, null, "file is " + size + " bytes, larger than the limit of "
                        + ReadLimits.bytes(limits.maxFileBytes()) + " (--max-file-size)"));
        } catch (IOException e) {
            throw new DataException(new DataError(displayName, 0, 0, null, "cannot read file: " + e.getClass().getSimpleName()));
        }
        return new CsvTable(file, displayName, schema, CsvScan.scan(file, displayName, limits));
    }

    private Reader body() throws IOException {
        Reader r = new BufferedReader(new InputStreamReader(Files.newInputStream(path), StandardCharsets.UTF_8), 1 << 16);
        long toSkip = preamble.headerOffset();
        while (toSkip > 0) {
            long n = r.skip(toSkip);
            if (n <= 0) throw new IOException("file changed while it was read");
            toSkip -= n;
        }
        return r;
    }

    void error(int line, int column, String columnName, String message) {
        if (errors.size() < MAX_ERRORS) errors.add(new DataError(displayName, line, column, columnName, message));
    }

    /**
     * Checks the header and hands every well-formed row to {@code action}. Rows with cell errors are
     * recorded and not handed on; call {@link #errors()} afterwards.
     */
    public void forEachRow(Consumer<CsvRow> action) {
        // Empty lines are not ignored by the parser but skipped here, so that its line count stays exact.
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(preamble.delimiter()).setIgnoreEmptyLines(false).setTrim(false).get();
        int firstLine = preamble.headerLine();
        try (Reader reader = body(); CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            Iterator<CSVRecord> it = parser.iterator();
            CSVRecord headerRecord = it.next();
            Column[] byIndex = checkHeader(headerRecord, firstLine);
            if (byIndex == null) return;
            int[] fileColumn = new int[schema.size()];
            int[] schemaPos = new int[byIndex.length];
            for (int i = 0; i < byIndex.length; i++) {
                schemaPos[i] = schema.index(byIndex[i].name());
                fileColumn[schemaPos[i]] = i + 1;
            }
            while (true) {
                int line = firstLine + (int) parser.getCurrentLineNumber();
                CSVRecord rec;
                try {
                    if (!it.hasNext()) break;
                    rec = it.next();
                } catch (RuntimeException e) {
                    // CsvScan finds broken quoting first; this is the parser's last word, without its exception text.
                    error(line, 0, null, "malformed CSV row; check the quotes and delimiters of this line");
                    return;
                }
                if (rec.size() == 1 && rec.get(0).isBlank()) continue;
                if (rec.size() != byIndex.length) {
                    error(line, 0, null, "expected " + byIndex.length + " fields as in the header, found " + rec.size()
                            + (preamble.delimiter() == ',' ? " (a comma inside a value needs quotes)" : ""));
                    continue;
                }
                CsvRow row = CsvRow.parse(this, rec, byIndex, fileColumn, schemaPos, line);
                if (row != null) action.accept(row);
            }
        } catch (IOException | UncheckedIOException e) {
            error(0, 0, null, "cannot read file: " + e.getClass().getSimpleName());
        }
    }

    private Column[] checkHeader(CSVRecord header, int line) {
        Column[] byIndex = new Column[header.size()];
        Set<String> seen = new HashSet<>();
        boolean ok = true;
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).trim();
            if (!schema.has(name)) {
                error(line, i + 1, name, "unknown column; expected columns: " + String.join(", ", names()));
                ok = false;
                continue;
            }
            if (!seen.add(name)) { error(line, i + 1, name, "column appears twice in the header"); ok = false; continue; }
            byIndex[i] = schema.column(name);
        }
        for (Column c : schema.columns())
            if (!seen.contains(c.name()) && c.required()) {
                error(line, 0, c.name(), "required column is missing from the header");
                ok = false;
            }
        return ok ? byIndex : null;
    }

    private List<String> names() {
        List<String> n = new ArrayList<>();
        for (Column c : schema.columns()) n.add(c.name());
        return n;
    }
}
