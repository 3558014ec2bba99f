package de.smartcitylod.read;

import org.apache.commons.csv.CSVRecord;

import java.math.BigDecimal;
import java.util.*;
import java.util.regex.Pattern;

/** One data row, its cells parsed and checked against the column types; where it came from is kept for error reports. */
public final class CsvRow {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");

    private final CsvTable table;
    private final int line;
    /** Parsed values by schema position; file column numbers by schema position (0 = not in the file). */
    private final Object[] values;
    private final int[] fileColumn;

    private CsvRow(CsvTable table, int line, int[] fileColumn) {
        this.table = table;
        this.line = line;
        this.values = new Object[table.schema().size()];
        this.fileColumn = fileColumn;
    }

    /** Where a row (and the resources made from it) came from; formatted only when reported. */
    public record Origin(String file, int line) {
        @Override public String toString() { return file + ":" + line; }
    }

    public String file() { return table.displayName(); }
    public int line() { return line; }
    public Origin origin() { return new Origin(table.displayName(), line); }

    /** Parses all cells; returns null (after recording errors) when any cell is invalid. */
    static CsvRow parse(CsvTable table, CSVRecord rec, Column[] byIndex, int[] fileColumn, int[] schemaPos, int line) {
        CsvRow row = new CsvRow(table, line, fileColumn);
        boolean ok = true;
        for (int i = 0; i < byIndex.length; i++) {
            Column c = byIndex[i];
            row.current = schemaPos[i];
            String raw = rec.get(i).trim();
            if (raw.isEmpty()) {
                if (c.required()) { table.error(line, i + 1, c.name(), "required value is missing"); ok = false; }
                continue;
            }
            String problem = row.parseCell(c, raw);
            if (problem != null) { table.error(line, i + 1, c.name(), problem); ok = false; }
        }
        return ok ? row : null;
    }

    private String parseCell(Column c, String raw) {
        switch (c.type()) {
            case TEXT -> set(c, raw);
            case INTEGER -> {
                if (!isNumber(raw, (char) 0) || raw.length() > 18) return "not a whole number: '" + raw + "'";
                set(c, Long.parseLong(raw));
            }
            case DECIMAL -> {
                // Kept as its lexical form with a decimal point: the literal is written as the source gives it.
                if (table.decimalComma()) {
                    if (!isNumber(raw, ','))
                        return "not a number: '" + raw + "' (this file declares decimal comma, e.g. 68,6; no thousands separators)";
                    set(c, raw.replace(',', '.'));
                } else {
                    if (!isNumber(raw, '.')) {
                        if (isNumber(raw, ','))
                            return "decimal comma in '" + raw + "' but the file does not declare it; add the line '# decimal=comma' before the header or write " + raw.replace(',', '.');
                        return "not a number: '" + raw + "' (write e.g. 68.6; no thousands separators)";
                    }
                    set(c, raw);
                }
            }
            case DATE -> {
                if (!DATE.matcher(raw).matches()) return "not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD): '" + raw + "'";
                String problem = dateProblem(raw);
                if (problem != null) return problem;
                set(c, raw);
            }
            case YEAR -> {
                if (raw.length() != 4 || !isNumber(raw, (char) 0) || raw.charAt(0) == '-' || !(raw.startsWith("19") || raw.startsWith("20")))
                    return "not a year (YYYY): '" + raw + "'";
                set(c, Integer.parseInt(raw));
            }
            case CODE -> {
                if (!c.allowed().contains(raw)) return "'" + raw + "' is not one of: " + String.join(", ", new TreeSet<>(c.allowed()));
                set(c, raw);
            }
            case LIST -> {
                if (raw.indexOf('|') < 0) {   // the common case: one item
                    if (!c.allowed().isEmpty() && !c.allowed().contains(raw))
                        return "'" + raw + "' is not one of: " + String.join(", ", new TreeSet<>(c.allowed()));
                    set(c, List.of(raw));
                    return null;
                }
                List<String> items = new ArrayList<>();
                for (String part : raw.split("\\|")) {
                    String p = part.trim();
                    if (p.isEmpty()) return "empty item in list '" + raw + "' (items are separated by '|')";
                    if (!c.allowed().isEmpty() && !c.allowed().contains(p))
                        return "'" + p + "' is not one of: " + String.join(", ", new TreeSet<>(c.allowed()));
                    items.add(p);
                }
                set(c, List.copyOf(items));
            }
            case URL -> {
                if (!raw.matches("https?://[^\\s<>\"{}|\\\\^`]+")) return "not an absolute http(s) URL: '" + raw + "'";
                set(c, raw);
            }
            case SLUG -> {
                if (!SLUG.matcher(raw).matches()) return "not an id of lower-case letters, digits and '-': '" + raw + "'";
                set(c, raw);
            }
            case KEY -> {
                if (raw.length() != c.length() || !allDigits(raw))
                    return "not a " + c.length() + "-digit key: '" + raw + "'" + (raw.matches("\\d+") && raw.length() < c.length() ? " (leading zeros lost? keep the column as text)" : "");
                set(c, raw);
            }
        }
        return null;
    }

    /** Dates are of the data's era (1900–2099, as YEAR) and must exist: no month 13, no 30 February. */
    private static String dateProblem(String raw) {
        int year = Integer.parseInt(raw.substring(0, 4));
        if (year < 1900 || year > 2099) return "year " + raw.substring(0, 4) + " is out of range (1900 to 2099): '" + raw + "'";
        if (raw.length() >= 7) {
            int month = Integer.parseInt(raw.substring(5, 7));
            if (month < 1 || month > 12) return "no such month " + raw.substring(5, 7) + " (01 to 12): '" + raw + "'";
        }
        if (raw.length() == 10) {
            try { java.time.LocalDate.parse(raw); } catch (java.time.DateTimeException e) { return "no such date: '" + raw + "'"; }
        }
        return null;
    }

    /** Schema position of the cell being parsed (set by parse, used by set). */
    private int current;

    private void set(Column c, Object v) { values[current] = v; }

    private Object get(String col) {
        int i = table.schema().index(col);
        if (i < 0) throw new IllegalArgumentException(table.schema().fileName() + " has no column " + col);
        return values[i];
    }

    /** Digits with an optional leading minus and at most one decimal separator {@code sep} (0: none allowed) between digits. */
    static boolean isNumber(String s, char sep) {
        int i = 0, n = s.length();
        if (n > 0 && s.charAt(0) == '-') i++;
        boolean digits = false, seenSep = false;
        for (; i < n; i++) {
            char ch = s.charAt(i);
            if (ch >= '0' && ch <= '9') digits = true;
            else if (ch == sep && sep != 0 && !seenSep && digits && i + 1 < n) { seenSep = true; digits = false; }
            else return false;
        }
        return digits;
    }

    static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        return !s.isEmpty();
    }

    public boolean has(String col) { return get(col) != null; }
    public String text(String col) { return (String) get(col); }
    public Long integer(String col) { return (Long) get(col); }
    /** A DECIMAL cell's lexical form (decimal point), or null. */
    public String decimalText(String col) { return (String) get(col); }
    public BigDecimal decimal(String col) { String s = (String) get(col); return s == null ? null : new BigDecimal(s); }
    public Integer year(String col) { return (Integer) get(col); }
    @SuppressWarnings("unchecked")
    public List<String> list(String col) { Object v = get(col); return v == null ? List.of() : (List<String>) v; }

    /** 1-based column number of a column in this file, 0 if the file lacks it. */
    public int columnNumber(String col) { int i = table.schema().index(col); return i < 0 ? 0 : fileColumn[i]; }

    /** A problem found by a converter (unknown reference, duplicate id, ...), located at this row and column. */
    public DataError error(String col, String message) {
        DataError e = new DataError(file(), line, columnNumber(col), col, message);
        table.error(line, columnNumber(col), col, message);
        return e;
    }
}
