package org.layerloom.app.assignment;

import static org.layerloom.engine.assignment.Instructions.escape;

import java.util.List;
import java.util.Locale;
import org.layerloom.engine.assignment.Assignment;
import org.layerloom.engine.assignment.GoalVerdict;
import org.layerloom.engine.assignment.Instructions;
import org.layerloom.engine.project.OptimizerSettings;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.TrainingSettings;

/**
 * Writes the hand-in page: one self-contained HTML file (inline CSS and SVG, no scripts that run, no links,
 * no fonts) with the assignment and its goal verdicts, the network as a picture, the settings and seed, the
 * loss and accuracy curves, the confusion matrix, the versions, the run manifest and the SHA-256 of the
 * run's weights, and the {@link HandInRecord} as embedded JSON. Stateless; any thread.
 */
final class HandInPage {

    /** Everything the page shows. */
    record Content(HandInRecord record, Project trained, Assignment assignment, List<GoalVerdict> verdicts,
                   String graphSvg, double[] trainLoss, double[] validationLoss, double[] trainAccuracy,
                   double[] validationAccuracy, List<String> classNames, int[][] confusion, String manifestJson) {
    }

    private static final String STYLE = """
            body{font-family:Helvetica,Arial,sans-serif;color:#1f2933;margin:24px auto;max-width:1100px;\
            line-height:1.45}
            h1{font-size:24px;margin-bottom:4px}h2{font-size:18px;border-bottom:1px solid #c9d1dc;\
            padding-bottom:4px;margin-top:28px}
            .sub{color:#5f6b7a}table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #c9d1dc;\
            padding:4px 8px;text-align:left}
            .met{color:#1e7b45;font-weight:bold}.missed{color:#c5221f;font-weight:bold}.unknown{color:#8a6d00;\
            font-weight:bold}
            .verdict{font-size:18px;padding:8px 12px;border-radius:6px;display:inline-block}
            .pass{background:#e3f4ea}.fail{background:#fde7e6}
            .graph{overflow:auto;border:1px solid #c9d1dc;max-height:520px}
            .charts{display:flex;flex-wrap:wrap;gap:16px}
            table.confusion td{text-align:right;min-width:36px}
            code,pre{font-family:monospace;background:#f4f6f9}pre{padding:8px;overflow:auto;max-height:400px;\
            font-size:11px}
            .hash{font-family:monospace;word-break:break-all}
            """;

    private HandInPage() {
    }

    static String html(Content c) {
        HandInRecord r = c.record();
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"generator\" content=\"LayerLoom ").append(escape(r.layerloom())).append("\"/>\n")
                .append("<title>").append(escape(title(c))).append("</title>\n<style>\n").append(STYLE)
                .append("</style>\n").append(r.scriptBlock()).append("</head>\n<body>\n");
        html.append("<h1>").append(escape(title(c))).append("</h1>\n<p class=\"sub\">Handed in by <strong>")
                .append(escape(r.student())).append("</strong> · project “").append(escape(r.project()))
                .append("” · run <code>").append(escape(r.run())).append("</code> · ").append(escape(r.handedIn()))
                .append("</p>\n");
        goals(html, c);
        if (!c.assignment().instructions().isBlank()) {
            html.append("<h2>Instructions</h2>\n").append(Instructions.toHtml(c.assignment().instructions()));
        }
        html.append("<h2>Network</h2>\n<div class=\"graph\">\n").append(c.graphSvg()).append("</div>\n");
        settings(html, c.trained().training());
        html.append("<h2>Training curves</h2>\n<div class=\"charts\">\n")
                .append(InlineCharts.lineChart("Loss", List.of(new InlineCharts.Series("training", "#2f6fdb",
                        c.trainLoss()), new InlineCharts.Series("validation", "#e8710a", c.validationLoss()))))
                .append(InlineCharts.lineChart("Accuracy", List.of(new InlineCharts.Series("training", "#2f6fdb",
                        c.trainAccuracy()), new InlineCharts.Series("validation", "#e8710a",
                        c.validationAccuracy()))))
                .append("</div>\n");
        html.append("<h2>Test results</h2>\n<p>Test accuracy: <strong>").append(Double.isNaN(r.testAccuracy())
                ? "not measured" : String.format(Locale.ROOT, "%.4f", r.testAccuracy())).append("</strong></p>\n");
        if (c.confusion().length > 0) {
            html.append("<p>Confusion matrix on the test split (rows: true class, columns: predicted class):</p>\n")
                    .append(InlineCharts.confusionTable(c.classNames(), c.confusion()));
        }
        html.append("<h2>Provenance</h2>\n<table>\n")
                .append(row("LayerLoom", r.layerloom()))
                .append(row("Weights file", r.weightsFile()))
                .append("<tr><th>SHA-256 of the weights</th><td class=\"hash\">").append(escape(r.weightsSha256()))
                .append("</td></tr>\n</table>\n")
                .append("<details><summary>Run manifest</summary>\n<pre>").append(escape(c.manifestJson()))
                .append("</pre>\n</details>\n</body>\n</html>\n");
        return html.toString();
    }

    private static String title(Content c) {
        return c.assignment().title().isBlank() ? "Hand-in: " + c.record().project() : c.assignment().title();
    }

    private static void goals(StringBuilder html, Content c) {
        html.append("<h2>Goals</h2>\n");
        if (c.verdicts().isEmpty()) {
            html.append("<p>This project carries no assignment goals.</p>\n");
            return;
        }
        long met = c.verdicts().stream().filter(GoalVerdict::met).count();
        boolean all = met == c.verdicts().size();
        html.append("<p class=\"verdict ").append(all ? "pass" : "fail").append("\">").append(met).append(" of ")
                .append(c.verdicts().size()).append(" goals met").append(all ? " ✓" : "").append("</p>\n<table>\n");
        for (GoalVerdict v : c.verdicts()) {
            String css = switch (v.status()) {
                case MET -> "met";
                case MISSED -> "missed";
                case UNKNOWN -> "unknown";
            };
            html.append("<tr><td class=\"").append(css).append("\">").append(v.status().mark()).append("</td><td>")
                    .append(escape(v.goal().describe())).append("</td><td>").append(escape(v.sentence()))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static void settings(StringBuilder html, TrainingSettings t) {
        OptimizerSettings o = t.optimizer();
        html.append("<h2>Settings</h2>\n<table>\n")
                .append(row("Seed", String.valueOf(t.seed())))
                .append(row("Optimizer", o.kind().id() + ", learning rate " + o.learningRate()))
                .append(row("Schedule", t.schedule().kind().id()))
                .append(row("Epochs", String.valueOf(t.epochs())))
                .append(row("Batch size", String.valueOf(t.batchSize())))
                .append(row("Validation split", String.valueOf(t.validationSplit())))
                .append(row("Weight decay", String.valueOf(o.weightDecay())))
                .append("</table>\n");
    }

    private static String row(String name, String value) {
        return "<tr><th>" + escape(name) + "</th><td>" + escape(value) + "</td></tr>\n";
    }
}
