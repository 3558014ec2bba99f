package de.smartcitylod.read;

import java.util.*;

/** The columns a CSV file must have. Column order in the file is free; unknown columns are an error. */
public final class TableSchema {
    private final String fileName;
    private final Map<String, Column> columns = new LinkedHashMap<>();

    public TableSchema(String fileName, Column... cols) {
        this.fileName = fileName;
        for (Column c : cols) columns.put(c.name(), c);
    }

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
