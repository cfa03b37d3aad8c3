package org.layerloom.editor.view;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.geometry.Point2D;
import javafx.scene.control.ContextMenu;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;
import javafx.scene.shape.CubicCurve;
import javafx.scene.shape.Rectangle;
import org.layerloom.editor.command.MoveNodesCommand;
import org.layerloom.editor.command.RenameCommand;
import org.layerloom.editor.command.WireCommand;
import org.layerloom.editor.model.Bounds;
import org.layerloom.editor.model.EditorViewModel;
import org.layerloom.editor.model.NodeGeometry;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.PortRef;
import org.layerloom.engine.graph.Position;

/**
 * What the mouse does on the canvas: click and shift-click to select, drag layers (one undo step per
 * drag, snapped to the grid when asked), drag from an output port to an input to wire (the target
 * turns green or red while dragging), rubber-band selection on the empty canvas, panning with the
 * right or middle button, zooming with the wheel or a pinch, double-click to rename, and context
 * menus. JavaFX thread only.
 */
final class CanvasInteractions {

    private static final double TARGET_SLACK = 18;

    private final GraphCanvas canvas;
    private final EditorViewModel editor;
    private final CubicCurve pendingWire = new CubicCurve();
    private final Rectangle band = new Rectangle();
    private ContextMenuFactory menus;
    private final ProblemPopup problemPopup;

    private Point2D dragStart;
    private Map<String, Position> dragOrigins = Map.of();
    private boolean dragged;
    private String wireSource;
    private NodeSkin wireTarget;
    private Point2D panLast;
    private Point2D bandStart;

    CanvasInteractions(GraphCanvas canvas, EditorViewModel editor) {
        this.canvas = canvas;
        this.editor = editor;
        this.problemPopup = new ProblemPopup(editor, canvas::theme);
        pendingWire.getStyleClass().add("pending-wire");
        pendingWire.setFill(null);
        pendingWire.setMouseTransparent(true);
        pendingWire.setVisible(false);
        band.getStyleClass().add("rubber-band");
        band.setMouseTransparent(true);
        band.setVisible(false);
        canvas.overlay().getChildren().addAll(pendingWire, band);

        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::canvasPressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::canvasDragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, this::canvasReleased);
        canvas.addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() != 0) {
                canvas.zoomAt(Math.pow(1.0015, e.getDeltaY()), e.getX(), e.getY());
            }
            e.consume();
        });
        canvas.addEventHandler(ZoomEvent.ZOOM, e -> {
            canvas.zoomAt(e.getZoomFactor(), e.getX(), e.getY());
            e.consume();
        });
        canvas.setOnContextMenuRequested(e -> {
            if (menus != null && !e.isConsumed()) {
                show(menus.forCanvas(), e.getScreenX(), e.getScreenY());
            }
        });
    }

    void setContextMenus(ContextMenuFactory factory) {
        this.menus = factory;
    }

    void attach(NodeSkin skin) {
        skin.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> nodePressed(skin, e));
        skin.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> nodeDragged(e));
        skin.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> nodeReleased(e));
        skin.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                startRename(skin.nodeId());
                e.consume();
            }
        });
        skin.badge().addEventHandler(MouseEvent.MOUSE_ENTERED, e -> problemPopup.show(skin.nodeId(), skin.badge()));
        skin.outPort().addEventHandler(MouseEvent.MOUSE_PRESSED, e -> portPressed(skin, e));
        skin.outPort().addEventHandler(MouseEvent.MOUSE_DRAGGED, this::portDragged);
        skin.outPort().addEventHandler(MouseEvent.MOUSE_RELEASED, this::portReleased);
        skin.setOnContextMenuRequested(e -> {
            if (!editor.selection().contains(skin.nodeId())) {
                editor.selection().selectOnly(skin.nodeId());
            }
            if (menus != null) {
                show(menus.forNode(skin.nodeId()), e.getScreenX(), e.getScreenY());
            }
            e.consume();
        });
    }

    void attach(WireView view) {
        view.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            canvas.requestFocus();
            if (e.isShiftDown() || e.isShortcutDown()) {
                editor.selection().toggle(view.wire());
            } else {
                editor.selection().selectOnly(view.wire());
            }
            e.consume();
        });
        view.setOnContextMenuRequested(e -> {
            editor.selection().selectOnly(view.wire());
            if (menus != null) {
                show(menus.forWire(view.wire()), e.getScreenX(), e.getScreenY());
            }
            e.consume();
        });
    }

    /** Edits a layer's name in place on its card. */
    void startRename(String nodeId) {
        NodeSkin skin = canvas.skin(nodeId);
        if (skin != null) {
            skin.startRename(name -> new RenameCommand(editor, nodeId, name).executeIfPossible());
        }
    }

    private void show(ContextMenu menu, double x, double y) {
        menu.show(canvas, x, y);
    }

    // Nodes: select and drag.

    private void nodePressed(NodeSkin skin, MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        canvas.requestFocus();
        String id = skin.nodeId();
        if (e.isShiftDown() || e.isShortcutDown()) {
            editor.selection().toggle(id);
        } else if (!editor.selection().contains(id)) {
            editor.selection().selectOnly(id);
        }
        dragStart = canvas.toCanvas(e.getSceneX(), e.getSceneY());
        dragOrigins = new LinkedHashMap<>();
        for (String selected : editor.selection().orderedNodes()) {
            editor.graph().node(selected).ifPresent(n -> dragOrigins.put(n.id(), n.position()));
        }
        dragged = false;
        e.consume();
    }

    private void nodeDragged(MouseEvent e) {
        if (dragStart == null || !e.isPrimaryButtonDown()) {
            return;
        }
        Point2D now = canvas.toCanvas(e.getSceneX(), e.getSceneY());
        double dx = now.getX() - dragStart.getX();
        double dy = now.getY() - dragStart.getY();
        dragged |= Math.abs(dx) + Math.abs(dy) > 1;
        for (Map.Entry<String, Position> origin : dragOrigins.entrySet()) {
            canvas.moveSkin(origin.getKey(), canvas.snap(origin.getValue().translated(dx, dy)));
        }
        e.consume();
    }

    private void nodeReleased(MouseEvent e) {
        if (dragStart != null && dragged) {
            Map<String, Position> targets = new LinkedHashMap<>();
            for (String id : dragOrigins.keySet()) {
                NodeSkin skin = canvas.skin(id);
                targets.put(id, new Position(skin.getLayoutX(), skin.getLayoutY()));
            }
            MoveNodesCommand move = new MoveNodesCommand(editor, targets);
            if (!move.executeIfPossible()) {
                canvas.refreshAll();
            }
        } else if (dragStart != null && !e.isShiftDown() && !e.isShortcutDown() && e.isStillSincePress()) {
            editor.selection().selectOnly(e.getSource() instanceof NodeSkin s ? s.nodeId() : dragOrigins.keySet()
                    .iterator().next());
        }
        dragStart = null;
        dragOrigins = Map.of();
        e.consume();
    }

    // Ports: drag a wire.

    private void portPressed(NodeSkin skin, MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        wireSource = skin.nodeId();
        Position start = NodeGeometry.outputPort(skin.node().position());
        setPendingWire(start.x(), start.y(), start.x(), start.y());
        pendingWire.setVisible(true);
        e.consume();
    }

    private void portDragged(MouseEvent e) {
        if (wireSource == null) {
            return;
        }
        Point2D p = canvas.toCanvas(e.getSceneX(), e.getSceneY());
        Position start = NodeGeometry.outputPort(editor.graph().requireNode(wireSource));
        NodeSkin target = targetAt(p).orElse(null);
        if (target != wireTarget) {
            if (wireTarget != null) {
                wireTarget.showAsTarget(null);
            }
            wireTarget = target;
            if (target != null) {
                target.showAsTarget(new WireCommand(editor, PortRef.out(wireSource), PortRef.in(target.nodeId()))
                        .canExecute());
            }
        }
        if (target != null) {
            Position end = NodeGeometry.inputPort(target.node());
            setPendingWire(start.x(), start.y(), end.x(), end.y());
        } else {
            setPendingWire(start.x(), start.y(), p.getX(), p.getY());
        }
        e.consume();
    }

    private void portReleased(MouseEvent e) {
        if (wireSource == null) {
            return;
        }
        pendingWire.setVisible(false);
        if (wireTarget != null) {
            wireTarget.showAsTarget(null);
            WireCommand command = new WireCommand(editor, PortRef.out(wireSource), PortRef.in(wireTarget.nodeId()));
            Optional<String> refusal = command.refusal();
            if (refusal.isPresent()) {
                editor.setStatus(refusal.get());
            } else {
                command.execute();
            }
        }
        wireSource = null;
        wireTarget = null;
        e.consume();
    }

    /** The node whose card or input port is under a canvas point (the port counts with some slack). */
    private Optional<NodeSkin> targetAt(Point2D p) {
        for (NodeSkin skin : canvas.skins()) {
            Node node = skin.node();
            Position in = NodeGeometry.inputPort(node);
            if (NodeGeometry.contains(node, p.getX(), p.getY())
                    || Math.hypot(in.x() - p.getX(), in.y() - p.getY()) < TARGET_SLACK) {
                return skin.nodeId().equals(wireSource) ? Optional.empty() : Optional.of(skin);
            }
        }
        return Optional.empty();
    }

    private void setPendingWire(double x1, double y1, double x2, double y2) {
        double bend = Math.max(40, Math.abs(x2 - x1) / 2);
        pendingWire.setStartX(x1);
        pendingWire.setStartY(y1);
        pendingWire.setControlX1(x1 + bend);
        pendingWire.setControlY1(y1);
        pendingWire.setControlX2(x2 - bend);
        pendingWire.setControlY2(y2);
        pendingWire.setEndX(x2);
        pendingWire.setEndY(y2);
    }

    // Empty canvas: rubber band and panning.

    private void canvasPressed(MouseEvent e) {
        canvas.requestFocus();
        if (e.getButton() == MouseButton.PRIMARY && !e.isAltDown()) {
            bandStart = canvas.toCanvas(e.getSceneX(), e.getSceneY());
            if (!e.isShiftDown() && !e.isShortcutDown()) {
                editor.selection().clear();
            }
        } else {
            panLast = new Point2D(e.getX(), e.getY());
        }
    }

    private void canvasDragged(MouseEvent e) {
        if (panLast != null) {
            canvas.panBy(e.getX() - panLast.getX(), e.getY() - panLast.getY());
            panLast = new Point2D(e.getX(), e.getY());
        } else if (bandStart != null) {
            Point2D now = canvas.toCanvas(e.getSceneX(), e.getSceneY());
            band.setX(Math.min(now.getX(), bandStart.getX()));
            band.setY(Math.min(now.getY(), bandStart.getY()));
            band.setWidth(Math.abs(now.getX() - bandStart.getX()));
            band.setHeight(Math.abs(now.getY() - bandStart.getY()));
            band.setVisible(true);
        }
    }

    private void canvasReleased(MouseEvent e) {
        if (bandStart != null && band.isVisible()) {
            Bounds area = new Bounds(band.getX(), band.getY(), band.getX() + band.getWidth(),
                    band.getY() + band.getHeight());
            List<String> ids = new ArrayList<>(editor.selection().orderedNodes());
            for (Node node : editor.graph().nodes()) {
                if (area.intersects(Bounds.ofNode(node)) && !ids.contains(node.id())) {
                    ids.add(node.id());
                }
            }
            editor.selection().set(ids, editor.selection().wires());
        }
        band.setVisible(false);
        bandStart = null;
        panLast = null;
    }

    /** Builds the context menus of the canvas, a node and a wire. */
    interface ContextMenuFactory {
        ContextMenu forCanvas();

        ContextMenu forNode(String nodeId);

        ContextMenu forWire(org.layerloom.engine.graph.Wire wire);
    }
}
