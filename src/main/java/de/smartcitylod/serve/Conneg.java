package de.smartcitylod.serve;


import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Content negotiation between HTML and the RDF formats we serve, by Accept header or file suffix. */
public final class Conneg {
    public static final String HTML = "text/html";
    public static final List<String> RDF_TYPES = List.of("text/turtle", "application/ld+json", "application/n-triples", "application/rdf+xml");
    public static final Map<String, String> SUFFIXES = Map.of("ttl", "text/turtle", "jsonld", "application/ld+json", "nt", "application/n-triples",
            "rdf", "application/rdf+xml", "html", HTML);

    private Conneg() {}

    /** The best of {@code offers} for an Accept header; with no header (or only *&#47;*) the first offer. Null when nothing is acceptable. */
    public static String choose(String accept, List<String> offers) {
        if (accept == null || accept.isBlank()) return offers.get(0);
        String best = null;
        double bestQ = 0;
        for (String offer : offers) {
            double q = quality(accept, offer);
            if (q > bestQ) { bestQ = q; best = offer; }
        }
        return best;
    }

    static double quality(String accept, String offer) {
        double best = 0;
        int bestSpecificity = -1;
        String[] o = offer.split("/");
        for (String part : accept.split(",")) {
            String[] params = part.trim().split(";");
            String range = params[0].trim().toLowerCase(Locale.ROOT);
            double q = 1;
            for (int i = 1; i < params.length; i++) {
                String p = params[i].trim();
                if (p.startsWith("q=")) try { q = Double.parseDouble(p.substring(2)); } catch (NumberFormatException e) { q = 0; }
            }
            String[] r = range.split("/");
            if (r.length != 2) continue;
            int specificity;
            if (r[0].equals(o[0]) && r[1].equals(o[1])) specificity = 2;
            else if (r[0].equals(o[0]) && r[1].equals("*")) specificity = 1;
            else if (r[0].equals("*") && r[1].equals("*")) specificity = 0;
            else if (offer.equals(HTML) && range.equals("application/xhtml+xml")) specificity = 2;
            else continue;
            if (specificity > bestSpecificity) { bestSpecificity = specificity; best = q; }
        }
        // A bare */* should not make a browser-less client pick HTML over RDF: prefer the offer order (first wins on ties).
        return best;
    }

    public static String suffix(String mediaType) {
        for (var e : SUFFIXES.entrySet()) if (e.getValue().equals(mediaType)) return e.getKey();
        return "ttl";
    }
}
