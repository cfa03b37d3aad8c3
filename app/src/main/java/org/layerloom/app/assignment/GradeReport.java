package org.layerloom.app.assignment;

import static org.layerloom.engine.assignment.Instructions.escape;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.layerloom.engine.assignment.GoalVerdict;
import org.layerloom.engine.project.AtomicFileWriter;

/**
 * Writes grades as {@code grades.csv} (RFC 4180, one row per student), {@code grades.html} (a
 * self-contained summary) and a plain text table for the terminal. Stateless; any thread.
 */
public final class GradeReport {

    public static final String CSV = "grades.csv";
    public static final String HTML = "grades.html";
    private static final List<String> COLUMNS = List.of("student", "project", "run", "result", "weights",
            "test_accuracy", "stated_test_accuracy", "goals_met", "goals", "verdicts", "note", "page");

    private GradeReport() {
    }

    /** Writes {@link #CSV} and {@link #HTML} into {@code folder}. */
    public static void write(List<Grade> grades, Path folder) throws IOException {
        AtomicFileWriter.write(folder.resolve(CSV), csv(grades, folder).getBytes(StandardCharsets.UTF_8));
        AtomicFileWriter.write(folder.resolve(HTML), html(grades, folder).getBytes(StandardCharsets.UTF_8));
    }

    static String csv(List<Grade> grades, Path folder) {
        StringBuilder csv = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
        for (Grade g : grades) {
            List<String> cells = List.of(g.student(), g.project(), g.run(), g.result().name(), g.weights().name(),
                    accuracy(g.testAccuracy()), accuracy(g.recordedAccuracy()), String.valueOf(g.goalsMet()),
                    String.valueOf(g.verdicts().size()), verdicts(g), g.note(), relative(folder, g.page()));
            csv.append(cells.stream().map(GradeReport::csvCell).collect(Collectors.joining(","))).append("\r\n");
        }
        return csv.toString();
    }

    /** A table for the terminal, one line per student. */
    public static String table(List<Grade> grades) {
        int width = Math.max(7, grades.stream().mapToInt(g -> g.student().length()).max().orElse(0));
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s  %-7s  %-7s  %-8s  %-5s  %s%n",
                "Student", "Result", "Weights", "Test acc", "Goals", "Note"));
        for (Grade g : grades) {
            out.append(String.format(Locale.ROOT, "%-" + width + "s  %-7s  %-7s  %-8s  %-5s  %s%n", g.student(),
                    g.result(), g.weights(), accuracy(g.testAccuracy()), g.goalsMet() + "/" + g.verdicts().size(),
                    g.note()));
        }
        return out.toString();
    }

    static String html(List<Grade> grades, Path folder) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<title>Grades</title>\n<style>\nbody{font-family:Helvetica,Arial,sans-serif;margin:24px;color:#1f2933}"
                + "table{border-collapse:collapse}td,th{border:1px solid #c9d1dc;padding:4px 8px;text-align:left;"
                + "vertical-align:top}.PASS{background:#e3f4ea}.FAIL{background:#fde7e6}.FLAGGED{background:#fff1c2}"
                + ".ERROR{background:#eceff3}ul{margin:0;padding-left:16px}\n</style>\n</head>\n<body>\n<h1>Grades</h1>\n");
        long pass = grades.stream().filter(g -> g.result() == Grade.Result.PASS).count();
        html.append("<p>").append(grades.size()).append(" hand-ins: ").append(pass).append(" pass, ")
                .append(count(grades, Grade.Result.FAIL)).append(" fail, ").append(count(grades, Grade.Result.FLAGGED))
                .append(" flagged, ").append(count(grades, Grade.Result.ERROR)).append(" could not be graded.</p>\n")
                .append("<table>\n<tr><th>Student</th><th>Result</th><th>Weights</th><th>Test accuracy (measured"
                        + " again)</th><th>Stated</th><th>Goals</th><th>Note</th><th>Hand-in</th></tr>\n");
        for (Grade g : grades) {
            html.append("<tr class=\"").append(g.result().name()).append("\"><td>").append(escape(g.student()))
                    .append("</td><td><strong>").append(g.result()).append("</strong></td><td>").append(g.weights())
                    .append("</td><td>").append(accuracy(g.testAccuracy())).append("</td><td>")
                    .append(accuracy(g.recordedAccuracy())).append("</td><td>").append(g.goalsMet()).append('/')
                    .append(g.verdicts().size()).append("<ul>");
            for (GoalVerdict v : g.verdicts()) {
                html.append("<li>").append(escape(v.sentence())).append("</li>");
            }
            html.append("</ul></td><td>").append(escape(g.note())).append("</td><td>")
                    .append(escape(relative(folder, g.page()))).append("</td></tr>\n");
        }
        return html.append("</table>\n</body>\n</html>\n").toString();
    }

    private static long count(List<Grade> grades, Grade.Result result) {
        return grades.stream().filter(g -> g.result() == result).count();
    }

    private static String verdicts(Grade g) {
        return g.verdicts().stream().map(v -> v.status().mark() + " " + v.goal().describe())
                .collect(Collectors.joining("; "));
    }

    private static String accuracy(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.4f", value);
    }

    private static String relative(Path folder, Path page) {
        return folder.toAbsolutePath().relativize(page.toAbsolutePath()).toString().replace('\\', '/');
    }

    private static String csvCell(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
