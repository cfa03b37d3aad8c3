package org.layerloom.editor.export;

import java.util.Locale;
import org.layerloom.editor.model.Bounds;
import org.layerloom.editor.model.NodeGeometry;
import org.layerloom.engine.graph.LayerCatalog;
import org.layerloom.engine.graph.LayerType;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.NodeReport;
import org.layerloom.engine.graph.Position;
import org.layerloom.engine.graph.ValidationReport;
import org.layerloom.engine.graph.Wire;

/**
 * Writes the graph as an SVG picture for reports, from the same geometry as the canvas: node cards
 * with name, kind, output shape and parameters, wires as curves with their shape labels, problem
 * nodes outlined red. Light colours, no toolkit. Stateless; any thread.
 */
public final class SvgExporter {

    private static final double MARGIN = 30;

    private final LayerCatalog catalog;

    public SvgExporter(LayerCatalog catalog) {
        this.catalog = catalog;
    }

    public String toSvg(ValidationReport report) {
        NetworkGraph graph = report.graph();
        Bounds b = graph.nodes().isEmpty() ? new Bounds(0, 0, 200, 100) : Bounds.of(graph.nodes()).padded(MARGIN);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\""
                + " viewBox=\"%.1f %.1f %.1f %.1f\" font-family=\"Helvetica, Arial, sans-serif\">%n",
                b.width(), b.height(), b.minX(), b.minY(), b.width(), b.height()));
        svg.append(String.format(Locale.ROOT, "  <rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\""
                + " fill=\"#f4f6f9\"/>%n", b.minX(), b.minY(), b.width(), b.height()));
        for (Wire wire : graph.wires()) {
            wire(svg, graph, report, wire);
        }
        for (Node node : graph.nodes()) {
            node(svg, report, node);
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private void wire(StringBuilder svg, NetworkGraph graph, ValidationReport report, Wire wire) {
        Position a = NodeGeometry.outputPort(graph.requireNode(wire.from().nodeId()));
        Position z = NodeGeometry.inputPort(graph.requireNode(wire.to().nodeId()));
        double bend = Math.max(40, Math.abs(z.x() - a.x()) / 2);
        svg.append(String.format(Locale.ROOT, "  <path d=\"M%.1f %.1f C%.1f %.1f %.1f %.1f %.1f %.1f\" fill=\"none\""
                + " stroke=\"#8a96a8\" stroke-width=\"2\"/>%n", a.x(), a.y(), a.x() + bend, a.y(), z.x() - bend, z.y(),
                z.x(), z.y()));
        report.shapeOf(wire).ifPresent(shape -> {
            String text = shape.toString();
            double w = text.length() * 6.6 + 12;
            double mx = (a.x() + z.x()) / 2;
            double my = (a.y() + z.y()) / 2;
            if (Math.hypot(z.x() - a.x(), z.y() - a.y()) > w + 20) {
                svg.append(String.format(Locale.ROOT, "  <rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"18\""
                        + " rx=\"9\" fill=\"#ffffff\" stroke=\"#c9d1dc\"/>%n", mx - w / 2, my - 9, w));
                svg.append(String.format(Locale.ROOT, "  <text x=\"%.1f\" y=\"%.1f\" font-size=\"11\""
                        + " text-anchor=\"middle\" fill=\"#3c4a5c\">%s</text>%n", mx, my + 4, escape(text)));
            }
        });
    }

    private void node(StringBuilder svg, ValidationReport report, Node node) {
        LayerType type = catalog.type(node.kind());
        Position p = node.position();
        boolean error = report.problemsFor(node.id()).stream().anyMatch(pr -> pr.isError());
        svg.append(String.format(Locale.ROOT, "  <g id=\"%s\">%n", escape(node.id())));
        svg.append(String.format(Locale.ROOT, "    <rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"8\""
                + " fill=\"#ffffff\" stroke=\"%s\" stroke-width=\"%s\"/>%n", p.x(), p.y(), NodeGeometry.WIDTH,
                NodeGeometry.HEIGHT, error ? "#d93025" : "#c9d1dc", error ? "2" : "1"));
        svg.append(String.format(Locale.ROOT, "    <rect x=\"%.1f\" y=\"%.1f\" width=\"5\" height=\"%.1f\" fill=\"%s\"/>%n",
                p.x(), p.y() + 4, NodeGeometry.HEIGHT - 8, CategoryColours.light(type.category())));
        svg.append(String.format(Locale.ROOT, "    <text x=\"%.1f\" y=\"%.1f\" font-size=\"13\" font-weight=\"bold\""
                + " fill=\"#1f2933\">%s</text>%n", p.x() + 14, p.y() + 21, escape(node.name())));
        svg.append(String.format(Locale.ROOT, "    <text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" fill=\"#5f6b7a\">%s</text>%n",
                p.x() + 14, p.y() + 37, escape(type.displayName())));
        NodeReport r = report.node(node.id()).orElse(null);
        String shape = r == null ? "?" : r.output().map(Object::toString).orElse("?");
        String params = r == null || r.parameters() == 0 ? "" : String.format(Locale.ROOT, "  ·  %,d params",
                r.parameters());
        svg.append(String.format(Locale.ROOT, "    <text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" fill=\"#2f6fdb\">%s</text>%n",
                p.x() + 14, p.y() + 58, escape(shape + params)));
        if (!type.inputPorts().isEmpty()) {
            port(svg, NodeGeometry.inputPort(node));
        }
        if (type.hasOutput()) {
            port(svg, NodeGeometry.outputPort(node));
        }
        svg.append("  </g>\n");
    }

    private static void port(StringBuilder svg, Position at) {
        svg.append(String.format(Locale.ROOT, "    <circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"#ffffff\""
                + " stroke=\"#5f6b7a\" stroke-width=\"1.5\"/>%n", at.x(), at.y(), NodeGeometry.PORT_RADIUS - 1));
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
