package de.smartcitylod.support;

import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.*;

/** Parses SPARQL JSON results into rows of plain strings (lexical forms and IRIs) for assertions. */
public final class Sparql {
    private Sparql() {}

    public static List<Map<String, String>> rows(String json) {
        ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), ResultSetLang.RS_JSON);
        List<Map<String, String>> out = new ArrayList<>();
        while (rs.hasNext()) {
            QuerySolution qs = rs.next();
            Map<String, String> row = new LinkedHashMap<>();
            for (String v : rs.getResultVars()) {
                RDFNode n = qs.get(v);
                if (n != null) row.put(v, n.isLiteral() ? n.asLiteral().getLexicalForm() : n.toString());
            }
            out.add(row);
        }
        return out;
    }

    /** True when some row has all the given column values. */
    public static boolean hasRow(List<Map<String, String>> rows, String... kv) {
        outer:
        for (Map<String, String> r : rows) {
            for (int i = 0; i < kv.length; i += 2) if (!kv[i + 1].equals(r.get(kv[i]))) continue outer;
            return true;
        }
        return false;
    }
}
