package org.layerloom.editor.view;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import org.layerloom.editor.model.Bounds;
import org.layerloom.editor.model.EditorViewModel;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.Wire;

/**
 * A small overview of the whole graph with the visible area outlined; clicking or dragging in it moves
 * the view there. Shown for graphs that do not fit the canvas, when the canvas has room for it. JavaFX thread
 * only.
 */
final class Minimap extends StackPane {

    private static final double W = 200;
    private static final double H = 130;

    private final EditorViewModel editor;
    private final GraphCanvas canvas;
    private final Canvas drawing = new Canvas(W, H);
    private Bounds world = Bounds.EMPTY;
    private double scale = 1;
    private org.layerloom.engine.graph.NetworkGraph drawnGraph;
    private boolean enabled = true;

    Minimap(EditorViewModel editor, GraphCanvas canvas) {
        this.editor = editor;
        this.canvas = canvas;
        getStyleClass().add("minimap");
        setId("minimap");
        getChildren().add(drawing);
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        editor.addListener(() -> {
            if (editor.graph() != drawnGraph) {
                redraw();
            }
        });
        canvas.addViewportListener(this::redraw);
        drawing.addEventHandler(MouseEvent.MOUSE_PRESSED, this::navigate);
        drawing.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::navigate);
    }

    private void navigate(MouseEvent e) {
        canvas.centreOn(world.minX() + e.getX() / scale, world.minY() + e.getY() / scale);
        e.consume();
    }

    /** Shows or hides the minimap for good (View > Show Minimap). */
    void setEnabled(boolean on) {
        enabled = on;
        redraw();
    }

    void redraw() {
        drawnGraph = editor.graph();
        Bounds visible = canvas.visibleArea();
        Bounds graph = Bounds.of(editor.graph().nodes());
        // Hidden when the whole network is in view, and on a canvas too small to spare the room.
        boolean roomy = canvas.getWidth() >= 2.5 * W && canvas.getHeight() >= 2.5 * H;
        boolean needed = enabled && roomy && editor.graph().nodes().size() > 1
                && (graph.minX() < visible.minX() || graph.maxX() > visible.maxX()
                || graph.minY() < visible.minY() || graph.maxY() > visible.maxY());
        setVisible(needed);
        if (!needed) {
            return;
        }
        world = new Bounds(Math.min(graph.minX(), visible.minX()), Math.min(graph.minY(), visible.minY()),
                Math.max(graph.maxX(), visible.maxX()), Math.max(graph.maxY(), visible.maxY())).padded(20);
        scale = Math.min(W / world.width(), H / world.height());
        drawing.setWidth(Math.ceil(world.width() * scale));
        drawing.setHeight(Math.ceil(world.height() * scale));
        GraphicsContext g = drawing.getGraphicsContext2D();
        boolean dark = canvas.theme().isDark();
        g.clearRect(0, 0, W, H);
        g.setStroke(dark ? Color.web("#6b7686") : Color.web("#9aa5b4"));
        g.setLineWidth(1);
        java.util.Map<String, Node> byId = new java.util.HashMap<>();
        for (Node node : editor.graph().nodes()) {
            byId.put(node.id(), node);
        }
        java.util.Set<String> withProblems = new java.util.HashSet<>();
        editor.report().problems().forEach(p -> withProblems.addAll(p.nodeIds()));
        for (Wire wire : editor.graph().wires()) {
            Node a = byId.get(wire.from().nodeId());
            Node b = byId.get(wire.to().nodeId());
            g.strokeLine(x(a.position().x() + 156), y(a.position().y() + 35), x(b.position().x()),
                    y(b.position().y() + 35));
        }
        for (Node node : editor.graph().nodes()) {
            boolean problem = withProblems.contains(node.id());
            g.setFill(problem ? Color.web("#d93025") : dark ? Color.web("#8ab4f8") : Color.web("#2f6fdb"));
            g.fillRect(x(node.position().x()), y(node.position().y()), Math.max(2, 156 * scale), Math.max(2, 70 * scale));
        }
        g.setStroke(dark ? Color.web("#e8eaed") : Color.web("#1f2933"));
        g.setLineWidth(1.5);
        g.strokeRect(x(visible.minX()), y(visible.minY()), visible.width() * scale, visible.height() * scale);
    }

    private double x(double canvasX) {
        return (canvasX - world.minX()) * scale;
    }

    private double y(double canvasY) {
        return (canvasY - world.minY()) * scale;
    }
}
