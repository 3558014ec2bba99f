package de.smartcitylod.read;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when input data is wrong; carries every error found, each with file, line and column. */
public class DataException extends RuntimeException {
    private final List<DataError> errors;

    public DataException(List<DataError> errors) {
        super(errors.stream().map(DataError::toString).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public DataException(DataError error) { this(List.of(error)); }

    public List<DataError> errors() { return errors; }
}
