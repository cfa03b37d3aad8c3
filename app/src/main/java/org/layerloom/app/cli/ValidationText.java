package org.layerloom.app.cli;

import java.io.PrintWriter;
import java.util.List;
import org.layerloom.app.check.NodeRow;
import org.layerloom.app.check.NodeRows;
import org.layerloom.engine.graph.Fix;
import org.layerloom.engine.graph.Problem;
import org.layerloom.engine.graph.ValidationReport;
import org.layerloom.engine.text.Numbers;

/**
 * Writes a validation report for a terminal: the node table in data-flow order, the total, and the
 * numbered problems with their suggested fixes. Stateless; any thread.
 */
final class ValidationText {

    private static final String[] HEADERS = {"#", "Name", "Layer", "Output shape", "Parameters"};

    private ValidationText() {
    }

    static void write(ValidationReport report, PrintWriter out) {
        writeTable(NodeRows.of(report), out);
        out.println();
        List<Problem> errors = report.errors();
        List<Problem> warnings = report.warnings();
        if (errors.isEmpty()) {
            out.println("Total parameters: " + Numbers.count(report.totalParameters()));
            out.println("The network is valid.");
            if (!warnings.isEmpty()) {
                out.println();
                out.println(warnings.size() == 1 ? "1 warning:" : warnings.size() + " warnings:");
                writeProblems(warnings, out);
            }
        } else {
            out.println("The network is not valid: " + Numbers.counted(errors.size(), "error")
                    + (warnings.isEmpty() ? "" : ", " + Numbers.counted(warnings.size(), "warning")) + ".");
            out.println();
            writeProblems(report.problems(), out);
        }
        out.flush();
    }

    private static void writeTable(List<NodeRow> rows, PrintWriter out) {
        String[][] cells = new String[rows.size()][];
        int[] width = new int[HEADERS.length];
        for (int c = 0; c < HEADERS.length; c++) {
            width[c] = HEADERS[c].length();
        }
        for (int r = 0; r < rows.size(); r++) {
            NodeRow row = rows.get(r);
            cells[r] = new String[] {Integer.toString(row.number()), row.name(), row.kind().id(), row.outputText(),
                    row.parametersText()};
            for (int c = 0; c < HEADERS.length; c++) {
                width[c] = Math.max(width[c], cells[r][c].length());
            }
        }
        out.println(line(HEADERS, width));
        out.println(rule(width));
        for (String[] row : cells) {
            out.println(line(row, width));
        }
    }

    /** Number and parameters are right-aligned, the rest left-aligned, two spaces apart. */
    private static String line(String[] cells, int[] width) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            boolean right = c == 0 || c == cells.length - 1;
            String pad = " ".repeat(width[c] - cells[c].length());
            line.append(c == 0 ? "" : "  ").append(right ? pad + cells[c] : cells[c] + pad);
        }
        return line.toString().stripTrailing();
    }

    private static String rule(int[] width) {
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < width.length; c++) {
            rule.append(c == 0 ? "" : "  ").append("-".repeat(width[c]));
        }
        return rule.toString();
    }

    private static void writeProblems(List<Problem> problems, PrintWriter out) {
        int number = 1;
        for (Problem problem : problems) {
            String prefix = number++ + ". ";
            out.println(prefix + "[" + (problem.isError() ? "error" : "warning") + "] " + problem.message());
            String indent = " ".repeat(prefix.length());
            for (Fix fix : problem.fixes()) {
                out.println(indent + "fix: " + fix.label());
            }
        }
    }
}
