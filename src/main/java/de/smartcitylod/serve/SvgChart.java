package de.smartcitylod.serve;

import java.util.*;

import static de.smartcitylod.serve.Html.esc;

/**
 * Server-side SVG line charts of a city's index results over the editions, one line per category:
 * rank (1 at the top) and score (0–100). No script and no network needed to draw them.
 */
final class SvgChart {
    record Point(int year, String category, String label, Integer rank, Double score, String source) {}

    private static final String[] COLORS = {"#12355b", "#d1495b", "#edae49", "#00798c", "#66a182", "#8d6a9f", "#7a7a7a"};
    private static final int W = 560, H = 300, L = 48, R = 150, T = 28, B = 36;

    private SvgChart() {}

    /** Rank 1, then even steps (1, 2, 5, 10, 20, 25, 50 places) up to the lowest rank: 1, 20, 40, 60, 80. */
    static double[] rankTicks(int max) {
        int step = 1;
        for (int s : new int[]{1, 2, 5, 10, 20, 25, 50, 100}) { step = s; if (max / s <= 5) break; }
        List<Double> t = new ArrayList<>(List.of(1.0));
        for (int v = step; v <= max; v += step) if (v > 1) t.add((double) v);
        return t.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static String render(List<Point> points, boolean rank, String titleDe, String titleEn) {
        List<Point> pts = points.stream().filter(p -> rank ? p.rank() != null : p.score() != null).toList();
        if (pts.isEmpty()) return "";
        int minYear = pts.stream().mapToInt(Point::year).min().getAsInt(), maxYear = pts.stream().mapToInt(Point::year).max().getAsInt();
        if (maxYear == minYear) { minYear--; maxYear++; }
        double maxV = rank ? Math.max(10, pts.stream().mapToInt(Point::rank).max().getAsInt()) : 100, minV = rank ? 1 : 0;
        final int y0 = minYear, y1 = maxYear;
        final double v0 = minV, v1 = maxV;
        java.util.function.DoubleUnaryOperator x = yr -> L + (yr - y0) * (W - L - R) / (double) (y1 - y0);
        java.util.function.DoubleUnaryOperator y = v -> rank ? T + (v - v0) * (H - T - B) / (v1 - v0) : T + (v1 - v) * (H - T - B) / (v1 - v0);
        StringBuilder sb = new StringBuilder();
        sb.append("<svg class=\"chart\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(W).append("\" height=\"").append(H)
          .append("\" viewBox=\"0 0 ").append(W).append(' ').append(H).append("\" data-kind=\"").append(rank ? "rank" : "score").append("\">")
          .append("<title>").append(esc(titleDe + " / " + titleEn)).append("</title>")
          .append("<rect x=\"0\" y=\"0\" width=\"").append(W).append("\" height=\"").append(H).append("\" fill=\"#fff\"/>")
          .append("<text x=\"").append(L).append("\" y=\"16\" font-size=\"13\" font-weight=\"bold\">").append(esc(titleDe + " / " + titleEn)).append("</text>");
        // axes and grid
        for (int yr = y0; yr <= y1; yr++) {
            double xx = x.applyAsDouble(yr);
            sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#e3e8ef\"/>", xx, T, xx, H - B));
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%d</text>", xx, H - B + 16, yr));
        }
        double[] ticks = rank ? rankTicks((int) v1) : new double[]{0, 25, 50, 75, 100};
        for (double t : ticks) {
            double yy = y.applyAsDouble(t);
            sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e3e8ef\"/>", L, yy, W - R, yy));
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%s</text>", L - 6, yy + 4, (long) t));
        }
        sb.append(String.format(Locale.ROOT, "<text x=\"12\" y=\"%d\" font-size=\"11\" transform=\"rotate(-90 12 %d)\" text-anchor=\"middle\">%s</text>",
                (T + H - B) / 2, (T + H - B) / 2, rank ? "Rang / rank" : "Punkte / score"));
        // one line per category, first claim per year
        Map<String, TreeMap<Integer, Point>> byCat = new TreeMap<>();
        for (Point p : pts) byCat.computeIfAbsent(p.label(), k -> new TreeMap<>()).putIfAbsent(p.year(), p);
        int i = 0;
        for (var e : byCat.entrySet()) {
            String color = COLORS[i % COLORS.length];
            StringBuilder line = new StringBuilder();
            for (Point p : e.getValue().values()) {
                double v = rank ? p.rank() : p.score();
                line.append(String.format(Locale.ROOT, "%.1f,%.1f ", x.applyAsDouble(p.year()), y.applyAsDouble(v)));
            }
            if (e.getValue().size() > 1)
                sb.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(color).append("\" points=\"").append(line.toString().trim()).append("\"/>");
            for (Point p : e.getValue().values()) {
                double v = rank ? p.rank() : p.score();
                sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"><title>%s %d: %s (%s)</title></circle>",
                        x.applyAsDouble(p.year()), y.applyAsDouble(v), color, esc(p.label()), p.year(),
                        rank ? "Rang " + p.rank() : "Punkte " + p.score(), esc(p.source())));
            }
            int ly = T + 10 + i * 18;
            sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/><text x=\"%d\" y=\"%d\" font-size=\"12\">%s</text>",
                    W - R + 12, ly - 10, color, W - R + 30, ly, esc(e.getKey())));
            i++;
        }
        return sb.append("</svg>").toString();
    }
}
