package org.layerloom.app.start;

import java.util.HashMap;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.layerloom.engine.graph.Category;
import org.layerloom.engine.graph.LayerCatalog;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.Wire;

/**
 * A small picture of a network for a sample card: every layer as a rounded box coloured by its category
 * and labelled with its kind, placed where the project file puts it (scaled to fit), with its wires.
 * Drawn once when made. JavaFX thread only.
 */
public final class NetworkThumbnail extends Canvas {

    private static final double BOX_W = 58;
    private static final double BOX_H = 26;
    private static final double MARGIN = 8;

    public NetworkThumbnail(NetworkGraph graph, LayerCatalog catalog, double width, double height) {
        super(width, height);
        getStyleClass().add("network-thumbnail");
        draw(graph, catalog);
    }

    /** The colour of a category, shared with other views that draw layers. */
    public static Color colour(Category category) {
        return switch (category) {
            case INPUT_OUTPUT -> Color.web("#5f6b7a");
            case CORE -> Color.web("#2f6fdb");
            case CONVOLUTION -> Color.web("#d9731a");
            case POOLING -> Color.web("#c9a227");
            case NORMALISATION -> Color.web("#1a9c8c");
            case RECURRENT -> Color.web("#8a4fd0");
            case ATTENTION -> Color.web("#d0437a");
            case MERGE -> Color.web("#2e8b57");
            case ACTIVATION -> Color.web("#7a8a1a");
        };
    }

    /** A few letters for a layer in a narrow box: "Conv", "Pool", "Attn". */
    static String shortName(Node node) {
        return switch (node.kind()) {
            case INPUT -> "In";
            case OUTPUT -> "Out";
            case CONV1D, CONV2D -> "Conv";
            case MAX_POOL2D, AVG_POOL2D -> "Pool";
            case GLOBAL_AVG_POOL2D -> "GAP";
            case FLATTEN -> "Flat";
            case EMBEDDING -> "Emb";
            case BATCH_NORM -> "BN";
            case LAYER_NORM -> "LN";
            case DROPOUT -> "Drop";
            case CONCATENATE -> "Cat";
            case SELF_ATTENTION -> "Attn";
            case TRANSFORMER_ENCODER -> "Enc";
            case POSITIONAL_ENCODING -> "Pos";
            case RESHAPE -> "Shape";
            default -> node.kind().id().length() <= 5 ? node.kind().id() : node.kind().id().substring(0, 4);
        };
    }

    private void draw(NetworkGraph graph, LayerCatalog catalog) {
        GraphicsContext g = getGraphicsContext2D();
        g.setFill(Color.web("#8a94a61f"));
        g.fillRoundRect(0, 0, getWidth(), getHeight(), 10, 10);
        if (graph.nodes().isEmpty()) {
            return;
        }
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (Node node : graph.nodes()) {
            minX = Math.min(minX, node.position().x());
            maxX = Math.max(maxX, node.position().x());
            minY = Math.min(minY, node.position().y());
            maxY = Math.max(maxY, node.position().y());
        }
        int columns = (int) graph.nodes().stream().mapToDouble(n -> n.position().x()).distinct().count();
        double boxW = Math.max(16, Math.min(BOX_W, (getWidth() - 2 * MARGIN) / Math.max(1, columns) - 5));
        double usableW = getWidth() - 2 * MARGIN - boxW;
        double usableH = getHeight() - 2 * MARGIN - BOX_H;
        double scaleX = maxX > minX ? usableW / (maxX - minX) : Double.MAX_VALUE;
        double scaleY = maxY > minY ? usableH / (maxY - minY) : Double.MAX_VALUE;
        double scale = Math.min(scaleX, scaleY);
        if (scale == Double.MAX_VALUE) {
            scale = 1;
        }
        double offsetX = MARGIN + (usableW - (maxX - minX) * scale) / 2;
        double offsetY = MARGIN + (usableH - (maxY - minY) * scale) / 2;
        Map<String, double[]> centres = new HashMap<>();
        for (Node node : graph.nodes()) {
            double x = offsetX + (node.position().x() - minX) * scale + boxW / 2;
            double y = offsetY + (node.position().y() - minY) * scale + BOX_H / 2;
            centres.put(node.id(), new double[] {x, y});
        }
        g.setStroke(Color.web("#9aa5b4"));
        g.setLineWidth(1.5);
        for (Wire wire : graph.wires()) {
            double[] from = centres.get(wire.from().nodeId());
            double[] to = centres.get(wire.to().nodeId());
            if (from != null && to != null) {
                double dx = Math.max(20, Math.abs(to[0] - from[0]) / 2);
                g.beginPath();
                g.moveTo(from[0] + boxW / 2, from[1]);
                g.bezierCurveTo(from[0] + boxW / 2 + dx, from[1], to[0] - boxW / 2 - dx, to[1], to[0] - boxW / 2, to[1]);
                g.stroke();
            }
        }
        boolean narrow = boxW < 50;
        g.setFont(Font.font("System", FontWeight.BOLD, narrow ? 8 : 9));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        for (Node node : graph.nodes()) {
            double[] c = centres.get(node.id());
            Color colour = colour(catalog.type(node.kind()).category());
            g.setFill(colour);
            g.fillRoundRect(c[0] - boxW / 2, c[1] - BOX_H / 2, boxW, BOX_H, 8, 8);
            g.setFill(Color.WHITE);
            g.fillText(narrow ? shortName(node) : node.kind().id(), c[0], c[1], boxW - 4);
        }
    }
}
