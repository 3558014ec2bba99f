package de.smartcitylod.read;

/**
 * One problem in an input file, located precisely enough for a person to fix it.
 * Line and column are 1-based; column 0 means the whole line or file.
 */
public record DataError(String file, int line, int column, String columnName, String message) {
    @Override public String toString() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) sb.append(':').append(line);
        if (column > 0) sb.append(':').append(column);
        sb.append(": ");
        if (columnName != null && !columnName.isEmpty()) sb.append("column '").append(columnName).append("': ");
        return sb.append(message).toString();
    }
}
