package de.smartcitylod.read;

import java.util.*;

/** The columns a CSV file must have. Column order in the file is free; unknown columns are an error. */
public final class TableSchema {
    private final String fileName;
    private final Map<String, Column> columns = new LinkedHashMap<>();
    private final Map<String, Integer> index = new HashMap<>();

    public TableSchema(String fileName, Column... cols) {
        this.fileName = fileName;
        for (Column c : cols) { index.put(c.name(), columns.size()); columns.put(c.name(), c); }
    }

    /** Position of a column in the schema (not in the file), -1 if unknown. */
    public int index(String name) { return index.getOrDefault(name, -1); }
    public int size() { return columns.size(); }

    /** File name relative to the data folder, e.g. {@code index-results.csv}. */
    public String fileName() { return fileName; }
    public Collection<Column> columns() { return columns.values(); }
    public Column column(String name) {
        Column c = columns.get(name);
        if (c == null) throw new IllegalArgumentException("schema of " + fileName + " has no column " + name);
        return c;
    }
    public boolean has(String name) { return columns.containsKey(name); }
}
