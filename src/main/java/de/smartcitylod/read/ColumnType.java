package de.smartcitylod.read;

/** The cell types a CSV column can declare; CsvRow parses and checks each. */
public enum ColumnType {
    /** free text, trimmed */
    TEXT,
    /** whole number */
    INTEGER,
    /** decimal number; decimal comma only where the file declares it */
    DECIMAL,
    /** ISO date: YYYY, YYYY-MM or YYYY-MM-DD */
    DATE,
    /** four-digit year */
    YEAR,
    /** one of a fixed set of codes */
    CODE,
    /** several values separated by '|' */
    LIST,
    /** absolute http(s) URL */
    URL,
    /** identifier: lower-case letters, digits, '-' */
    SLUG,
    /** a key of digits of fixed length (AGS, state key) */
    KEY
}
