package de.smartcitylod.serve;

/** Small helpers for the server-rendered pages. */
public final class Html {
    private Html() {}

    public static String esc(String s) {
        if (s == null) return "";
        int i = 0;
        while (i < s.length() && "<>&\"'".indexOf(s.charAt(i)) < 0) i++;
        if (i == s.length()) return s;               // most labels and numbers need no escape: no copy
        StringBuilder sb = new StringBuilder(s.length() + 16).append(s, 0, i);
        for (char c : s.substring(i).toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** A JSON string literal, safe inside a script element. */
    public static String jsonString(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '<' -> sb.append("\\u003c");
                case '>' -> sb.append("\\u003e");
                case '&' -> sb.append("\\u0026");
                default -> { if (c < 0x20) sb.append(String.format("\\u%04x", (int) c)); else sb.append(c); }
            }
        }
        return sb.append('"').toString();
    }

    public static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d2733;background:#f7f8fa}
            header{background:#12355b;color:#fff;padding:.8rem 1.5rem}
            header a{color:#cfe3ff} header h1{margin:0;font-size:1.35rem} header code{background:#0b2540;color:#fff}
            main{padding:1rem 1.5rem;max-width:1400px}
            table{border-collapse:collapse;background:#fff} td,th{border:1px solid #d5dbe3;padding:.3rem .5rem;text-align:left;vertical-align:top}
            th{background:#eef2f7} code{background:#eef2f7;padding:0 .2rem}
            .muted{color:#5b6b7d;font-size:.9rem} nav.top a{margin-right:1rem}
            figure.map{margin:1rem 0} svg.map{background:#fff;border:1px solid #d5dbe3} .legend{margin-right:.8rem;font-size:.9rem}
            """;

    /** Common page frame: bilingual header with links to the main entry points. */
    public static String page(String title, String body) {
        return "<!doctype html>\n<html lang=\"de\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + esc(title) + " · smartcity-lod</title><style>" + STYLE + "</style></head><body>"
                + "<header><h1>" + esc(title) + "</h1><nav class=\"top\"><a href=\"/\">SPARQL</a><a href=\"/id/\">Daten / Data</a>"
                + "<a href=\"/ontology\">Ontologie / Ontology</a><a href=\"/catalog\">Katalog / Catalogue</a><a href=\"/dumps/\">Dumps</a></nav></header>"
                + "<main>" + body + "</main></body></html>";
    }
}
