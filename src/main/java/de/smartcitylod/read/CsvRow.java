package de.smartcitylod.read;

import org.apache.commons.csv.CSVRecord;

import java.math.BigDecimal;
import java.util.*;
import java.util.regex.Pattern;

/** One data row, its cells parsed and checked against the column types; where it came from is kept for error reports. */
public final class CsvRow {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");
    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final Pattern DECIMAL_POINT = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("-?\\d+(,\\d+)?");

    private final CsvTable table;
    private final int line;
    private final Map<String, Object> values = new HashMap<>();
    private final Map<String, Integer> columnIndex = new HashMap<>();

    private CsvRow(CsvTable table, int line) {
        this.table = table;
        this.line = line;
    }

    public String file() { return table.displayName(); }
    public int line() { return line; }
    public String origin() { return table.displayName() + ":" + line; }

    /** Parses all cells; returns null (after recording errors) when any cell is invalid. */
    static CsvRow parse(CsvTable table, CSVRecord rec, Column[] byIndex, int line) {
        CsvRow row = new CsvRow(table, line);
        boolean ok = true;
        for (int i = 0; i < byIndex.length; i++) {
            Column c = byIndex[i];
            row.columnIndex.put(c.name(), i + 1);
            String raw = rec.get(i).trim();
            if (raw.isEmpty()) {
                if (c.required()) { table.error(line, i + 1, c.name(), "required value is missing"); ok = false; }
                continue;
            }
            String problem = row.parseCell(c, raw);
            if (problem != null) { table.error(line, i + 1, c.name(), problem); ok = false; }
        }
        for (Column c : table.schema().columns())
            if (c.required() && !row.columnIndex.containsKey(c.name())) ok = false;
        return ok ? row : null;
    }

    private String parseCell(Column c, String raw) {
        switch (c.type()) {
            case TEXT -> values.put(c.name(), raw);
            case INTEGER -> {
                if (!INTEGER.matcher(raw).matches()) return "not a whole number: '" + raw + "'";
                values.put(c.name(), Long.parseLong(raw));
            }
            case DECIMAL -> {
                if (table.decimalComma()) {
                    if (!DECIMAL_COMMA.matcher(raw).matches())
                        return "not a number: '" + raw + "' (this file declares decimal comma, e.g. 68,6; no thousands separators)";
                    values.put(c.name(), new BigDecimal(raw.replace(',', '.')));
                } else {
                    if (!DECIMAL_POINT.matcher(raw).matches()) {
                        if (DECIMAL_COMMA.matcher(raw).matches())
                            return "decimal comma in '" + raw + "' but the file does not declare it; add the line '# decimal=comma' before the header or write " + raw.replace(',', '.');
                        return "not a number: '" + raw + "' (write e.g. 68.6; no thousands separators)";
                    }
                    values.put(c.name(), new BigDecimal(raw));
                }
            }
            case DATE -> {
                if (!DATE.matcher(raw).matches()) return "not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD): '" + raw + "'";
                if (raw.length() == 10) {
                    try { java.time.LocalDate.parse(raw); } catch (java.time.DateTimeException e) { return "no such date: '" + raw + "'"; }
                }
                values.put(c.name(), raw);
            }
            case YEAR -> {
                if (!raw.matches("(19|20)\\d{2}")) return "not a year (YYYY): '" + raw + "'";
                values.put(c.name(), Integer.parseInt(raw));
            }
            case CODE -> {
                if (!c.allowed().contains(raw)) return "'" + raw + "' is not one of: " + String.join(", ", new TreeSet<>(c.allowed()));
                values.put(c.name(), raw);
            }
            case LIST -> {
                List<String> items = new ArrayList<>();
                for (String part : raw.split("\\|")) {
                    String p = part.trim();
                    if (p.isEmpty()) return "empty item in list '" + raw + "' (items are separated by '|')";
                    if (!c.allowed().isEmpty() && !c.allowed().contains(p))
                        return "'" + p + "' is not one of: " + String.join(", ", new TreeSet<>(c.allowed()));
                    items.add(p);
                }
                values.put(c.name(), List.copyOf(items));
            }
            case URL -> {
                if (!raw.matches("https?://[^\\s<>\"{}|\\\\^`]+")) return "not an absolute http(s) URL: '" + raw + "'";
                values.put(c.name(), raw);
            }
            case SLUG -> {
                if (!SLUG.matcher(raw).matches()) return "not an id of lower-case letters, digits and '-': '" + raw + "'";
                values.put(c.name(), raw);
            }
            case KEY -> {
                if (!raw.matches("\\d{" + c.length() + "}"))
                    return "not a " + c.length() + "-digit key: '" + raw + "'" + (raw.matches("\\d+") && raw.length() < c.length() ? " (leading zeros lost? keep the column as text)" : "");
                values.put(c.name(), raw);
            }
        }
        return null;
    }

    public boolean has(String col) { return values.containsKey(col); }
    public String text(String col) { return (String) values.get(col); }
    public Long integer(String col) { return (Long) values.get(col); }
    public BigDecimal decimal(String col) { return (BigDecimal) values.get(col); }
    public Integer year(String col) { return (Integer) values.get(col); }
    @SuppressWarnings("unchecked")
    public List<String> list(String col) { return values.containsKey(col) ? (List<String>) values.get(col) : List.of(); }

    /** 1-based column number of a column in this file, 0 if the file lacks it. */
    public int columnNumber(String col) { return columnIndex.getOrDefault(col, 0); }

    /** A problem found by a converter (unknown reference, duplicate id, ...), located at this row and column. */
    public DataError error(String col, String message) {
        DataError e = new DataError(file(), line, columnNumber(col), col, message);
        table.error(line, columnNumber(col), col, message);
        return e;
    }
}
