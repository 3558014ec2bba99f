package de.smartcitylod.read;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.*;
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
 * delimiters, unknown or missing columns, bad cells) is reported with file, line and column.
 */
public final class CsvTable {
    /** Stop collecting after this many errors in one file: the first ones are what a person fixes first. */
    static final int MAX_ERRORS = 50;

    private final String displayName;
    private final TableSchema schema;
    private final String text;
    private final int bodyOffset;
    private final char delimiter;
    private final boolean decimalComma;
    private final List<DataError> errors = new ArrayList<>();
    private int[] lineStarts;

    private CsvTable(String displayName, TableSchema schema, String text, int bodyOffset, char delimiter, boolean decimalComma) {
        this.displayName = displayName;
        this.schema = schema;
        this.text = text;
        this.bodyOffset = bodyOffset;
        this.delimiter = delimiter;
        this.decimalComma = decimalComma;
    }

    public String displayName() { return displayName; }
    public TableSchema schema() { return schema; }
    public boolean decimalComma() { return decimalComma; }
    public char delimiter() { return delimiter; }
    public List<DataError> errors() { return errors; }

    /** Opens a file; file-level problems (encoding, empty, header) throw a DataException at once. */
    public static CsvTable open(Path file, String displayName, TableSchema schema) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DataException(new DataError(displayName, 0, 0, null, "cannot read file: " + e.getMessage()));
        }
        return parse(bytes, displayName, schema);
    }

    public static CsvTable parse(byte[] bytes, String displayName, TableSchema schema) {
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF) || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)))
            throw new DataException(new DataError(displayName, 1, 1, null, "file is UTF-16 (byte order mark found); save it as UTF-8"));
        String text = decodeUtf8(bytes, displayName);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') text = text.substring(1);
        if (text.isBlank()) throw new DataException(new DataError(displayName, 0, 0, null, "file is empty; expected a header line"));

        // Directive and comment lines before the header.
        boolean decimalComma = false;
        int pos = 0, line = 1;
        while (pos < text.length() && (text.charAt(pos) == '#' || lineIsBlank(text, pos))) {
            int end = lineEnd(text, pos);
            String l = text.substring(pos, end).trim();
            if (l.startsWith("#")) {
                String d = l.substring(1).trim().replace(" ", "");
                if (d.equalsIgnoreCase("decimal=comma")) decimalComma = true;
                else if (d.equalsIgnoreCase("decimal=point")) decimalComma = false;
                else if (d.toLowerCase(Locale.ROOT).startsWith("decimal="))
                    throw new DataException(new DataError(displayName, line, 1, null,
                            "unknown directive '" + l + "'; use '# decimal=comma' or '# decimal=point'"));
            }
            pos = skipNewline(text, end);
            line++;
        }
        if (pos >= text.length()) throw new DataException(new DataError(displayName, line, 0, null, "file has no header line"));
        String headerLine = text.substring(pos, lineEnd(text, pos));
        char delimiter = detectDelimiter(headerLine, displayName, line);
        CsvTable t = new CsvTable(displayName, schema, text, pos, delimiter, decimalComma);
        return t;
    }

    private static boolean lineIsBlank(String text, int pos) {
        int end = lineEnd(text, pos);
        return text.substring(pos, end).isBlank() && end < text.length();
    }

    private static int lineEnd(String text, int pos) {
        int i = pos;
        while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') i++;
        return i;
    }

    private static int skipNewline(String text, int i) {
        if (i < text.length() && text.charAt(i) == '\r') i++;
        if (i < text.length() && text.charAt(i) == '\n') i++;
        return i;
    }

    private static char detectDelimiter(String header, String file, int line) {
        int commas = count(header, ','), semis = count(header, ';'), tabs = count(header, '\t');
        if (tabs > 0 && commas == 0 && semis == 0)
            throw new DataException(new DataError(file, line, header.indexOf('\t') + 1, null,
                    "tab-separated header; only comma or semicolon delimiters are supported"));
        return semis > commas ? ';' : ',';
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == c) n++;
        return n;
    }

    /** Strict UTF-8 decoding: the first malformed byte is reported with its line and column. */
    private static String decodeUtf8(byte[] bytes, String file) {
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = dec.decode(in, out, true);
        if (r.isError()) {
            int offset = in.position();
            int line = 1, lineStart = 0;
            for (int i = 0; i < offset; i++) if (bytes[i] == '\n') { line++; lineStart = i + 1; }
            // column counted in characters of the valid prefix of the line
            int col = new String(bytes, lineStart, offset - lineStart, StandardCharsets.UTF_8).length() + 1;
            throw new DataException(new DataError(file, line, col, null,
                    String.format("invalid UTF-8 byte 0x%02X; the file must be UTF-8 encoded", bytes[offset] & 0xFF)));
        }
        dec.flush(out);
        out.flip();
        return out.toString();
    }

    int lineOf(long charPosition) {
        if (lineStarts == null) {
            int n = 1;
            for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') n++;
            lineStarts = new int[n];
            int k = 1;
            for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') lineStarts[k++] = i + 1;
        }
        int idx = Arrays.binarySearch(lineStarts, (int) charPosition);
        return idx >= 0 ? idx + 1 : -idx - 1;
    }

    void error(int line, int column, String columnName, String message) {
        if (errors.size() < MAX_ERRORS) errors.add(new DataError(displayName, line, column, columnName, message));
    }

    /**
     * Checks the header and hands every well-formed row to {@code action}. Rows with cell errors are
     * recorded and not handed on; call {@link #errors()} afterwards.
     */
    public void forEachRow(Consumer<CsvRow> action) {
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter).setIgnoreEmptyLines(true).setTrim(false).get();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text.substring(bodyOffset))).setFormat(format).get()) {
            Iterator<CSVRecord> it = parser.iterator();
            if (!it.hasNext()) { error(lineOf(bodyOffset), 0, null, "file has no header line"); return; }
            CSVRecord headerRecord = it.next();
            int headerLine = lineOf(bodyOffset);
            Column[] byIndex = checkHeader(headerRecord, headerLine);
            if (byIndex == null) return;
            int[] fileColumn = new int[schema.size()];
            int[] schemaPos = new int[byIndex.length];
            for (int i = 0; i < byIndex.length; i++) {
                schemaPos[i] = schema.index(byIndex[i].name());
                fileColumn[schemaPos[i]] = i + 1;
            }
            while (it.hasNext()) {
                CSVRecord rec;
                try {
                    rec = it.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    error(0, 0, null, "malformed CSV: " + e.getMessage());
                    return;
                }
                int line = lineOf(bodyOffset + rec.getCharacterPosition());
                if (rec.size() == 1 && rec.get(0).isBlank()) continue;
                if (rec.size() != byIndex.length) {
                    error(line, 0, null, "expected " + byIndex.length + " fields as in the header, found " + rec.size()
                            + (delimiter == ',' ? " (a comma inside a value needs quotes)" : ""));
                    continue;
                }
                CsvRow row = CsvRow.parse(this, rec, byIndex, fileColumn, schemaPos, line);
                if (row != null) action.accept(row);
            }
        } catch (IOException e) {
            error(0, 0, null, "cannot read: " + e.getMessage());
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
