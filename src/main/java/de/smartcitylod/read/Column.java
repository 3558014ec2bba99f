package de.smartcitylod.read;

import java.util.Set;

/** One declared CSV column: its header name, type, whether a value is required, and for CODE/LIST the allowed values. */
public record Column(String name, ColumnType type, boolean required, Set<String> allowed, int length) {
    public static Column required(String name, ColumnType type) { return new Column(name, type, true, Set.of(), 0); }
    public static Column optional(String name, ColumnType type) { return new Column(name, type, false, Set.of(), 0); }
    public static Column requiredCode(String name, String... allowed) { return new Column(name, ColumnType.CODE, true, Set.of(allowed), 0); }
    public static Column optionalCode(String name, String... allowed) { return new Column(name, ColumnType.CODE, false, Set.of(allowed), 0); }
    public static Column codes(String name, boolean required, Set<String> allowed) { return new Column(name, ColumnType.LIST, required, allowed, 0); }
    public static Column key(String name, int length, boolean required) { return new Column(name, ColumnType.KEY, required, Set.of(), length); }
}
