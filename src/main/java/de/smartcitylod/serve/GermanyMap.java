package de.smartcitylod.serve;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;

import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.*;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static de.smartcitylod.serve.Html.esc;

/**
 * A server-side SVG map: the outlines of Germany's states (shipped from the npm package
 * {@code @svg-maps/germany}, CC BY 4.0) with cities as dots, coloured by a value. The outlines are a
 * Mercator projection of Germany's extent; a dot's place is the same projection of its WGS84
 * coordinates, fitted to the outlines' bounding box (every municipality of the data lies inside its
 * own state's outline: GermanyMapTest). No tiles, no script, no request to anyone else.
 * <p>
 * The outlines (70 KB) are one immutable file, {@link #OUTLINES_PATH}, that each map draws with
 * {@code <use>}: a page carries only its dots, so it is a third of the size to build, compress and
 * send, and a browser fetches the outlines once for all pages.
 */
final class GermanyMap {
    /** Germany's extreme points (List auf Sylt, Oberstdorf, Isenbruch, Deschka): the extent the outlines span. */
    static final double NORTH = 55.0581, SOUTH = 47.2701, WEST = 5.8663, EAST = 15.0419;

    record State(String id, String name, String path, Path2D shape) {}

    /** A dot: where, what it links to, its colour and the text a reader sees on hover. */
    record Dot(double lat, double lon, String href, String colour, String title) {}

    /** Two-digit state key → the outline's id. */
    static final Map<String, String> STATE_IDS = Map.ofEntries(Map.entry("01", "sh"), Map.entry("02", "hh"), Map.entry("03", "ni"),
            Map.entry("04", "hb"), Map.entry("05", "nw"), Map.entry("06", "he"), Map.entry("07", "rp"), Map.entry("08", "bw"),
            Map.entry("09", "by"), Map.entry("10", "sl"), Map.entry("11", "be"), Map.entry("12", "bb"), Map.entry("13", "mv"),
            Map.entry("14", "sn"), Map.entry("15", "st"), Map.entry("16", "th"));

    /** Initialised before the outlines are read (static fields initialise in order). */
    private static final Pattern TOKEN = Pattern.compile("[mMlLzZ]|-?[0-9.]+(?:e-?[0-9]+)?");

    static final List<State> STATES;
    static final String VIEW_BOX;
    private static final Rectangle2D BOUNDS;
    /** The outlines as an SVG document, each state a path with the state's id. */
    static final byte[] OUTLINES;
    /** Where the server serves {@link #OUTLINES}: named by a hash of its bytes, so it can be cached forever. */
    static final String OUTLINES_PATH;
    /** The strong ETag of {@link #OUTLINES}. */
    static final String OUTLINES_ETAG;

    static {
        try (InputStream in = GermanyMap.class.getResourceAsStream("/map/germany-states.json")) {
            JsonObject o = JSON.parse(Objects.requireNonNull(in, "map/germany-states.json is missing"));
            VIEW_BOX = o.get("viewBox").getAsString().value();
            List<State> states = new ArrayList<>();
            for (JsonValue v : o.get("states").getAsArray()) {
                JsonObject s = v.getAsObject();
                String path = s.get("path").getAsString().value();
                states.add(new State(s.get("id").getAsString().value(), s.get("name").getAsString().value(), path, shape(path)));
            }
            STATES = List.copyOf(states);
            Rectangle2D b = null;
            for (State s : STATES) b = b == null ? s.shape().getBounds2D() : b.createUnion(s.shape().getBounds2D());
            BOUNDS = b;
            OUTLINES = outlines(VIEW_BOX, STATES);
            String hash = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(OUTLINES)).substring(0, 12);
            OUTLINES_PATH = "/static/map/germany-states-" + hash + ".svg";
            OUTLINES_ETAG = '"' + hash + '"';
        } catch (java.security.NoSuchAlgorithmException e) { throw new IllegalStateException(e);
        } catch (IOException e) { throw new UncheckedIOException(e); }
    }

    private GermanyMap() {}

    /**
     * The outlines document. A {@code <use>} draws a path as its own child, so the path takes the
     * fill and stroke of the {@code <use>}; the group's colours only show when the file is opened alone.
     */
    private static byte[] outlines(String viewBox, List<State> states) {
        StringBuilder sb = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"").append(viewBox)
                .append("\"><g fill=\"#eef1f4\" stroke=\"#9aa7b5\" stroke-width=\"1\">");
        for (State s : states)
            sb.append("<path id=\"").append(s.id()).append("\" d=\"").append(s.path()).append("\"><title>").append(esc(s.name())).append("</title></path>");
        return sb.append("</g></svg>\n").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The outline's path data (m, l, z, absolute or relative) as a shape, for bounds and tests. */
    static Path2D shape(String d) {
        Path2D.Double p = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        Matcher m = TOKEN.matcher(d);
        List<String> t = new ArrayList<>();
        while (m.find()) t.add(m.group());
        double x = 0, y = 0, sx = 0, sy = 0;
        char cmd = 'm';
        boolean first = false;
        for (int i = 0; i < t.size(); ) {
            String k = t.get(i);
            if (k.length() == 1 && "mMlLzZ".contains(k)) {
                cmd = k.charAt(0);
                i++;
                if (cmd == 'z' || cmd == 'Z') { p.closePath(); x = sx; y = sy; }
                first = true;
                continue;
            }
            double a = Double.parseDouble(t.get(i)), b = Double.parseDouble(t.get(i + 1));
            i += 2;
            boolean rel = Character.isLowerCase(cmd);
            x = rel ? x + a : a;
            y = rel ? y + b : b;
            if ((cmd == 'm' || cmd == 'M') && first) { p.moveTo(x, y); sx = x; sy = y; first = false; }
            else p.lineTo(x, y);
        }
        return p;
    }

    private static double mercator(double lat) { return Math.log(Math.tan(Math.PI / 4 + Math.toRadians(lat) / 2)); }

    /** Map coordinates of a WGS84 point. */
    static double[] project(double lat, double lon) {
        double x = BOUNDS.getMinX() + (lon - WEST) / (EAST - WEST) * BOUNDS.getWidth();
        double y = BOUNDS.getMinY() + (mercator(NORTH) - mercator(lat)) / (mercator(NORTH) - mercator(SOUTH)) * BOUNDS.getHeight();
        return new double[]{x, y};
    }

    /** The map as an inline SVG, with a legend of the colours used. */
    static String svg(String titleDe, String titleEn, List<Dot> dots, Map<String, String> legend, String highlightState) {
        StringBuilder sb = new StringBuilder("<figure class=\"map\"><svg class=\"map\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"")
                .append(VIEW_BOX).append("\" width=\"360\" height=\"487\"><title>").append(esc(titleDe + " / " + titleEn)).append("</title>");
        for (State s : STATES)
            sb.append("<use href=\"").append(OUTLINES_PATH).append('#').append(s.id()).append("\" fill=\"").append(s.id().equals(highlightState) ? "#dbe6f3" : "#eef1f4")
              .append("\" stroke=\"#9aa7b5\" stroke-width=\"1\"><title>").append(esc(s.name())).append("</title></use>");
        for (Dot d : dots) {
            double[] xy = project(d.lat(), d.lon());
            sb.append(String.format(Locale.ROOT, "<a href=\"%s\"><circle cx=\"%.1f\" cy=\"%.1f\" r=\"6\" fill=\"%s\" stroke=\"#fff\" stroke-width=\"1.5\"><title>%s</title></circle></a>",
                    esc(d.href()), xy[0], xy[1], esc(d.colour()), esc(d.title())));
        }
        sb.append("</svg><figcaption>");
        legend.forEach((label, colour) -> sb.append("<span class=\"legend\"><svg width=\"12\" height=\"12\"><circle cx=\"6\" cy=\"6\" r=\"5\" fill=\"")
                .append(esc(colour)).append("\"/></svg> ").append(esc(label)).append("</span> "));
        return sb.append("<br><span class=\"muted\">Karte / map: @svg-maps/germany, CC BY 4.0</span></figcaption></figure>").toString();
    }

    /** A legend in the order given: label, colour, label, colour, ... */
    static Map<String, String> legend(String... labelColour) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < labelColour.length; i += 2) m.put(labelColour[i], labelColour[i + 1]);
        return m;
    }

    /** A colour on a blue scale for a score of 0–100 (darker is higher). */
    static String scoreColour(double score) {
        double t = Math.max(0, Math.min(1, score / 100));
        int r = (int) Math.round(222 - t * (222 - 18)), g = (int) Math.round(235 - t * (235 - 53)), b = (int) Math.round(247 - t * (247 - 91));
        return String.format("#%02x%02x%02x", r, g, b);
    }
}
