package org.layerloom.app.assignment;

import static org.layerloom.engine.assignment.Instructions.escape;

import java.util.List;
import java.util.Locale;

/**
 * Small pictures for a self-contained HTML page, written as inline SVG and HTML from plain numbers: a line
 * chart of one or two series per epoch, and a confusion matrix table shaded by its counts. No scripts, no
 * fonts, no links. Stateless; any thread.
 */
final class InlineCharts {

    /** One named series of values, one per epoch (NaN where not measured). */
    record Series(String name, String colour, double[] values) {
    }

    private static final int WIDTH = 520;
    private static final int HEIGHT = 260;
    private static final int LEFT = 56;
    private static final int RIGHT = 16;
    private static final int TOP = 28;
    private static final int BOTTOM = 40;

    private InlineCharts() {
    }

    /** A line chart of {@code series} over epochs 1..n, with axes, ticks and a legend. */
    static String lineChart(String title, List<Series> series) {
        int epochs = series.stream().mapToInt(s -> s.values().length).max().orElse(0);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (double v : s.values()) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg class=\"chart\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                + " role=\"img\" aria-label=\"%s\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT, escape(title)));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" font-size=\"14\" font-weight=\"bold\">%s</text>%n",
                LEFT, escape(title)));
        if (epochs == 0 || min > max) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\">No epochs recorded.</text>%n",
                    LEFT, HEIGHT / 2));
            return svg.append("</svg>\n").toString();
        }
        if (max - min < 1e-12) {
            max = min + 1;
        }
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.0f\" height=\"%.0f\" fill=\"#fafbfc\""
                + " stroke=\"#c9d1dc\"/>%n", LEFT, TOP, plotW, plotH));
        for (int i = 0; i <= 4; i++) {
            double value = min + (max - min) * i / 4;
            double y = TOP + plotH - plotH * i / 4;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.0f\" y2=\"%.1f\" stroke=\"#e3e7ed\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">%s</text>%n",
                    LEFT, y, LEFT + plotW, y, LEFT - 6, y + 3, tick(value)));
        }
        int step = Math.max(1, (int) Math.ceil(epochs / 10.0));
        for (int e = 1; e <= epochs; e += step) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.0f\" font-size=\"10\" text-anchor=\"middle\">%d"
                    + "</text>%n", x(e, epochs, plotW), TOP + plotH + 14, e));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%.0f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">epoch"
                + "</text>%n", LEFT + plotW / 2, HEIGHT - 6));
        int legendX = LEFT + 180;
        for (Series s : series) {
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < s.values().length; i++) {
                double v = s.values()[i];
                if (Double.isFinite(v)) {
                    double px = x(i + 1, epochs, plotW);
                    double py = TOP + plotH - plotH * (v - min) / (max - min);
                    points.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
                    svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\"/>",
                            px, py, s.colour()));
                }
            }
            svg.append(String.format(Locale.ROOT, "%n<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\""
                    + " points=\"%s\"/>%n", s.colour(), points.toString().strip()));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"9\" width=\"12\" height=\"4\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"15\" font-size=\"11\">%s</text>%n", legendX, s.colour(), legendX + 16,
                    escape(s.name())));
            legendX += 24 + s.name().length() * 7;
        }
        return svg.append("</svg>\n").toString();
    }

    private static double x(int epoch, int epochs, double plotW) {
        return epochs == 1 ? LEFT + plotW / 2 : LEFT + plotW * (epoch - 1) / (epochs - 1);
    }

    private static String tick(double value) {
        return Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.3f", value);
    }

    /** The confusion matrix as a table: rows the true class, columns the predicted one, cells shaded by count. */
    static String confusionTable(List<String> classNames, int[][] confusion) {
        int largest = 1;
        for (int[] row : confusion) {
            for (int c : row) {
                largest = Math.max(largest, c);
            }
        }
        StringBuilder html = new StringBuilder("<table class=\"confusion\">\n<tr><th>true \\ predicted</th>");
        for (String name : classNames) {
            html.append("<th>").append(escape(name)).append("</th>");
        }
        html.append("</tr>\n");
        for (int r = 0; r < confusion.length; r++) {
            html.append("<tr><th>").append(escape(r < classNames.size() ? classNames.get(r) : String.valueOf(r)))
                    .append("</th>");
            for (int c = 0; c < confusion[r].length; c++) {
                double share = confusion[r][c] / (double) largest;
                String background = r == c ? String.format(Locale.ROOT, "rgba(38,132,78,%.2f)", 0.1 + 0.8 * share)
                        : String.format(Locale.ROOT, "rgba(217,48,37,%.2f)", confusion[r][c] == 0 ? 0 : 0.1 + 0.8 * share);
                html.append("<td style=\"background:").append(background).append("\">").append(confusion[r][c])
                        .append("</td>");
            }
            html.append("</tr>\n");
        }
        return html.append("</table>\n").toString();
    }
}
