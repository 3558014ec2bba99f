package de.smartcitylod.read;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The streaming reader keeps exact line numbers across comments, blank lines, CR LF and multi-line values. */
class CsvTableTest {
    static final TableSchema SCHEMA = new TableSchema("t.csv", Column.required("id", ColumnType.SLUG), Column.optional("text", ColumnType.TEXT));
    @TempDir Path dir;

    private List<String> rows(String content) throws IOException {
        Path f = dir.resolve("t.csv");
        Files.writeString(f, content);
        CsvTable t = CsvTable.open(f, "t.csv", SCHEMA, ReadLimits.DEFAULTS);
        List<String> out = new ArrayList<>();
        t.forEachRow(r -> out.add(r.line() + ":" + r.text("id") + "=" + r.text("text")));
        assertEquals(List.of(), t.errors());
        return out;
    }

    @Test
    void lineNumbersSurviveCommentsBlankLinesAndQuotedLineBreaks() throws IOException {
        assertEquals(List.of("4:a=eins", "6:b=zwei\r\ndrei", "10:c=vier \"fünf\""),
                rows("\uFEFF# a comment\r\n\r\nid;text\r\na;eins\r\n\r\nb;\"zwei\r\ndrei\"\r\n\r\n\r\nc;\"vier \"\"fünf\"\"\"\r\n"));
    }

    @Test
    void lastRowWithoutLineBreakAndLfOnly() throws IOException {
        assertEquals(List.of("2:a=x,y", "3:b=null"), rows("id,text\na,\"x,y\"\nb,"));
    }

    @Test
    void aCellErrorNamesLineAndColumn() throws IOException {
        Path f = dir.resolve("t.csv");
        Files.writeString(f, "id,text\n\n\"Nicht gültig\",x\n");
        CsvTable t = CsvTable.open(f, "t.csv", SCHEMA, ReadLimits.DEFAULTS);
        t.forEachRow(r -> fail("no valid row"));
        assertEquals("t.csv:3:1: column 'id': not an id of lower-case letters, digits and '-': 'Nicht gültig'", t.errors().get(0).toString());
    }
}
