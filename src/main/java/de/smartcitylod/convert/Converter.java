package de.smartcitylod.convert;

import de.smartcitylod.read.CsvRow;
import de.smartcitylod.read.TableSchema;

import java.util.List;

/**
 * One converter per source kind. It declares the CSV tables it reads (in the order they must be
 * read) and maps each row; reading, cell parsing and error reporting are shared (CsvTable).
 */
public interface Converter {
    /** Name of the named graph this converter writes, e.g. {@code index}. */
    String graphName();

    List<TableSchema> tables();

    void convert(TableSchema table, CsvRow row, ConversionContext ctx);
}
