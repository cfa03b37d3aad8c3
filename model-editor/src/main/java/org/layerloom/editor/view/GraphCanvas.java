package org.layerloom.editor.view;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Affine;
import org.layerloom.editor.model.Bounds;
import org.layerloom.editor.model.EditorViewModel;
import org.layerloom.editor.model.NodeGeometry;
import org.layerloom.editor.model.Viewport;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.Position;
import org.layerloom.engine.graph.Problem;
import org.layerloom.engine.graph.TensorShape;
import org.layerloom.engine.graph.ValidationReport;
import org.layerloom.engine.graph.Wire;
import org.layerloom.engine.look.Theme;

/**
 * The drawing of the graph: a dotted grid, wires with shape labels and node cards, shown through a
 * {@link Viewport} (zoom and pan). It mirrors the {@link EditorViewModel} after every change, reusing
 * the skins of unchanged nodes; mouse and keyboard handling live in {@link CanvasInteractions}.
 * JavaFX thread only.
 */
public final class GraphCanvas extends Region {

    /** Grid spacing in canvas units, also the snap step. */
    public static final double GRID = 20;

    private final EditorViewModel editor;
    private final Viewport viewport = new Viewport();
    private final CanvasGrid grid = new CanvasGrid();
    private final Group world = new Group();
    private final Group wireLayer = new Group();
    private final Group nodeLayer = new Group();
    private final Group overlay = new Group();
    private final Group content = new Group();
    private final Affine transform = new Affine();
    private final Map<String, NodeSkin> skins = new LinkedHashMap<>();
    private final Map<Wire, WireView> wires = new HashMap<>();
    private final Map<String, List<WireView>> wiresByNode = new HashMap<>();
    private final BooleanProperty snapToGrid = new SimpleBooleanProperty(this, "snapToGrid", true);
    private final ReadOnlyDoubleWrapper zoom = new ReadOnlyDoubleWrapper(this, "zoom", 1);
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);
    private final DoubleProperty textScale = new SimpleDoubleProperty(this, "textScale", 1);
    private final List<Runnable> viewportListeners = new ArrayList<>();
    private final CanvasInteractions interactions;
    private final HealthOverlay healthOverlay;
    private boolean fitPending = true;
    private String pendingFocus;
    private NetworkGraph shownGraph;
    private ValidationReport shownReport;
    private Set<String> shownSelection = Set.of();
    private Set<Wire> shownWireSelection = Set.of();

    public GraphCanvas(EditorViewModel editor) {
        this.editor = editor;
        getStyleClass().add("graph-canvas");
        setId("graph-canvas");
        setFocusTraversable(true);
        world.getTransforms().add(transform);
        healthOverlay = new HealthOverlay(this);
        content.getChildren().addAll(wireLayer, nodeLayer, healthOverlay.layer());
        world.getChildren().addAll(content, overlay);
        getChildren().addAll(grid, world, healthOverlay.legend());
        getStylesheets().add(GraphCanvas.class.getResource(HEALTH_CSS).toExternalForm());
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        interactions = new CanvasInteractions(this, editor);
        editor.addListener(this::refresh);
        theme.addListener((obs, was, is) -> drawGrid());
        textScale.addListener((obs, was, is) -> textScaleDidChange(was.doubleValue(), is.doubleValue()));
        refresh();
    }

    static final String HEALTH_CSS = "/org/layerloom/editor/view/health-overlay.css";

    /** Training health drawn on the graph (previews, badges, gradient-coloured wires), fed by the app. */
    public HealthOverlay healthOverlay() {
        return healthOverlay;
    }

    Iterable<WireView> wireViews() {
        return wires.values();
    }

    EditorViewModel editor() {
        return editor;
    }

    Viewport viewport() {
        return viewport;
    }

    Group overlay() {
        return overlay;
    }

    /** The wires and nodes in canvas units, without zoom or pan (for picture export). */
    Group contentLayer() {
        return content;
    }

    CanvasInteractions interactions() {
        return interactions;
    }

    /** Whether moved layers land on the grid. */
    public BooleanProperty snapToGridProperty() {
        return snapToGrid;
    }

    /** The zoom the student sees: 1 for 100 %, the graph drawn at the {@link #textScaleProperty() text scale}. */
    public ReadOnlyDoubleProperty zoomProperty() {
        return zoom.getReadOnlyProperty();
    }

    public void zoomIn() {
        zoomBy(1.25);
    }

    public void zoomOut() {
        zoomBy(0.8);
    }

    public void zoomReset() {
        viewport.zoomAt(textScale() / viewport.zoom(), getWidth() / 2, getHeight() / 2);
        viewportChanged();
    }

    void zoomBy(double factor) {
        viewport.zoomAt(factor, getWidth() / 2, getHeight() / 2);
        viewportChanged();
    }

    void zoomAt(double factor, double x, double y) {
        viewport.zoomAt(factor, x, y);
        viewportChanged();
    }

    void panBy(double dx, double dy) {
        viewport.panBy(dx, dy);
        viewportChanged();
    }

    /** Shows the whole graph (F). */
    public void fit() {
        if (getWidth() <= 0) {
            fitPending = true;
            return;
        }
        viewport.fit(Bounds.of(editor.graph().nodes()), getWidth(), getHeight(), textScale());
        viewportChanged();
    }

    /**
     * Shows a layer at 100 % with the view's left third on it (after the pending fit, if a project is
     * being opened).
     */
    public void focusOn(String nodeId) {
        if (fitPending) {
            pendingFocus = nodeId;
            return;
        }
        editor.graph().node(nodeId).ifPresent(node -> {
            double scale = textScale();
            viewport.set(scale, getWidth() / 2 - (node.position().x() + NodeGeometry.WIDTH / 2) * scale,
                    getHeight() / 2 - (node.position().y() + NodeGeometry.HEIGHT / 2) * scale);
            viewportChanged();
        });
    }

    /** Brings a layer into view without changing the zoom, when it is not wholly on screen already. */
    public void reveal(String nodeId) {
        if (getWidth() <= 0) {
            return;
        }
        editor.graph().node(nodeId).ifPresent(node -> {
            Bounds visible = visibleArea();
            Bounds box = Bounds.ofNode(node);
            boolean inside = box.minX() >= visible.minX() && box.maxX() <= visible.maxX()
                    && box.minY() >= visible.minY() && box.maxY() <= visible.maxY();
            if (!inside) {
                centreOn((box.minX() + box.maxX()) / 2, (box.minY() + box.maxY()) / 2);
            }
        });
    }

    /** Centres the view on a canvas point without changing the zoom (minimap clicks). */
    public void centreOn(double x, double y) {
        viewport.set(viewport.zoom(), getWidth() / 2 - x * viewport.zoom(), getHeight() / 2 - y * viewport.zoom());
        viewportChanged();
    }

    /** The canvas area on screen now. */
    public Bounds visibleArea() {
        return viewport.visible(getWidth(), getHeight());
    }

    /** Called when the zoom or pan changes (minimap). */
    public void addViewportListener(Runnable listener) {
        viewportListeners.add(listener);
    }

    /** The canvas point under a scene point. */
    public Point2D toCanvas(double sceneX, double sceneY) {
        Point2D local = sceneToLocal(sceneX, sceneY);
        return new Point2D(viewport.toCanvasX(local.getX()), viewport.toCanvasY(local.getY()));
    }

    /** Where a new layer dropped at a scene point goes (its top-left corner, centred under the cursor). */
    public Position dropPosition(double sceneX, double sceneY) {
        Point2D p = toCanvas(sceneX, sceneY);
        return snap(new Position(p.getX() - NodeGeometry.WIDTH / 2, p.getY() - NodeGeometry.HEIGHT / 2));
    }

    /** The middle of the visible area, for layers added without a drop point. */
    public Position centrePosition() {
        Bounds b = visibleArea();
        return snap(new Position((b.minX() + b.maxX() - NodeGeometry.WIDTH) / 2,
                (b.minY() + b.maxY() - NodeGeometry.HEIGHT) / 2));
    }

    Position snap(Position p) {
        if (!snapToGrid.get()) {
            return p;
        }
        return new Position(Math.round(p.x() / GRID) * GRID, Math.round(p.y() / GRID) * GRID);
    }

    /** The skin of a node, for tests and the interactions. */
    NodeSkin skin(String nodeId) {
        return skins.get(nodeId);
    }

    Iterable<NodeSkin> skins() {
        return skins.values();
    }

    WireView wireView(Wire wire) {
        return wires.get(wire);
    }

    /** The shape label shown on a wire ("32×13×13"), for tests. */
    public String wireLabel(Wire wire) {
        WireView view = wires.get(wire);
        return view == null ? null : view.labelText();
    }

    /** Moves a skin during a drag (the document changes only when the drag ends). */
    void moveSkin(String nodeId, Position position) {
        NodeSkin skin = skins.get(nodeId);
        skin.relocate(position.x(), position.y());
        healthOverlay.nodeMoved(nodeId, position.x(), position.y());
        for (WireView view : wiresByNode.getOrDefault(nodeId, List.of())) {
            placeWire(view);
        }
    }

    /**
     * Brings the drawing up to date with the editor. Only what changed is touched: a skin is updated
     * when its node, validation result, problems or selection changed, a wire when its label, state or
     * ends changed.
     */
    void refresh() {
        NetworkGraph graph = editor.graph();
        ValidationReport report = editor.report();
        if (graph == shownGraph && report == shownReport && editor.selection().nodes().equals(shownSelection)
                && editor.selection().wires().equals(shownWireSelection)) {
            return;
        }
        Set<String> selected = editor.selection().nodes();
        Set<Wire> selectedWires = editor.selection().wires();
        Map<String, List<Problem>> problems = new HashMap<>();
        for (Problem problem : report.problems()) {
            for (String id : problem.nodeIds()) {
                problems.computeIfAbsent(id, k -> new ArrayList<>()).add(problem);
            }
        }
        Set<String> present = new HashSet<>();
        Set<String> moved = new HashSet<>();
        for (Node node : graph.nodes()) {
            present.add(node.id());
            NodeSkin skin = skins.get(node.id());
            if (skin == null || skin.node().kind() != node.kind()) {
                if (skin != null) {
                    nodeLayer.getChildren().remove(skin);
                }
                skin = new NodeSkin(node, editor.catalog().type(node.kind()));
                interactions.attach(skin);
                skins.put(node.id(), skin);
                nodeLayer.getChildren().add(skin);
                skin.forceUpdate();
            }
            skin.updateIfChanged(node, report.node(node.id()), problems.getOrDefault(node.id(), List.of()),
                    selected.contains(node.id()));
            if (skin.getLayoutX() != node.position().x() || skin.getLayoutY() != node.position().y()) {
                skin.relocate(node.position().x(), node.position().y());
                moved.add(node.id());
            }
        }
        skins.entrySet().removeIf(e -> {
            boolean gone = !present.contains(e.getKey());
            if (gone) {
                nodeLayer.getChildren().remove(e.getValue());
            }
            return gone;
        });
        if (graph.wires() != shownGraphWires()) {
            Set<Wire> presentWires = new HashSet<>(graph.wires());
            wires.entrySet().removeIf(e -> {
                boolean gone = !presentWires.contains(e.getKey());
                if (gone) {
                    wireLayer.getChildren().remove(e.getValue());
                }
                return gone;
            });
            wiresByNode.clear();
            for (Wire wire : graph.wires()) {
                WireView view = wires.computeIfAbsent(wire, w -> {
                    WireView created = new WireView(w);
                    created.setDetail(viewport.zoom() >= DETAIL_ZOOM);
                    interactions.attach(created);
                    wireLayer.getChildren().add(created);
                    return created;
                });
                wiresByNode.computeIfAbsent(wire.from().nodeId(), k -> new ArrayList<>()).add(view);
                wiresByNode.computeIfAbsent(wire.to().nodeId(), k -> new ArrayList<>()).add(view);
                placeWire(view);
            }
        }
        for (String id : moved) {
            for (WireView view : wiresByNode.getOrDefault(id, List.of())) {
                placeWire(view);
            }
        }
        for (Map.Entry<Wire, WireView> entry : wires.entrySet()) {
            Wire wire = entry.getKey();
            boolean error = report.shapeOf(wire).isPresent() && report.outputOf(wire.to().nodeId()).isEmpty()
                    && problems.getOrDefault(wire.to().nodeId(), List.of()).stream().anyMatch(Problem::isError);
            entry.getValue().updateIfChanged(report.shapeOf(wire).map(TensorShape::toString).orElse(""),
                    selectedWires.contains(wire), error);
        }
        if (graph != shownGraph) {
            healthOverlay.graphChanged();
        }
        shownGraph = graph;
        shownReport = report;
        shownSelection = selected;
        shownWireSelection = selectedWires;
    }

    /** Redraws even if the editor did not change (a drag that was not applied puts the skins back). */
    void refreshAll() {
        shownGraph = null;
        refresh();
    }

    private List<Wire> shownGraphWires() {
        return shownGraph == null ? null : shownGraph.wires();
    }

    private void placeWire(WireView view) {
        NodeSkin from = skins.get(view.wire().from().nodeId());
        NodeSkin to = skins.get(view.wire().to().nodeId());
        if (from == null || to == null) {
            return;
        }
        view.setEnds(from.getLayoutX() + NodeGeometry.WIDTH, from.getLayoutY() + NodeGeometry.HEIGHT / 2,
                to.getLayoutX(), to.getLayoutY() + NodeGeometry.HEIGHT / 2);
    }

    /** Below this zoom the cards show only their names and wires hide their labels: too small to read. */
    static final double DETAIL_ZOOM = 0.55;

    void viewportChanged() {
        transform.setToTransform(viewport.zoom(), 0, viewport.panX(), 0, viewport.zoom(), viewport.panY());
        boolean far = viewport.zoom() < DETAIL_ZOOM;
        if (far != getStyleClass().contains("far")) {
            if (far) {
                getStyleClass().add("far");
            } else {
                getStyleClass().remove("far");
            }
            wireLayer.setVisible(true);
            for (WireView view : wires.values()) {
                view.setDetail(!far);
            }
        }
        zoom.set(viewport.zoom() / textScale());
        drawGrid();
        for (Runnable listener : viewportListeners) {
            listener.run();
        }
    }

    @Override
    protected void layoutChildren() {
        GradientLegend legend = healthOverlay.legend();
        legend.autosize();
        legend.relocate(12, getHeight() - legend.getHeight() - 12);
        if (grid.getWidth() != getWidth() || grid.getHeight() != getHeight()) {
            grid.setSize(getWidth(), getHeight());
            if (fitPending && getWidth() > 0 && getHeight() > 0) {
                fitPending = false;
                fit();
                if (pendingFocus != null) {
                    String id = pendingFocus;
                    pendingFocus = null;
                    focusOn(id);
                }
            } else {
                drawGrid();
                // The visible area changed with the size: the minimap must know (it hides when all fits).
                for (Runnable listener : viewportListeners) {
                    listener.run();
                }
            }
        }
    }

    /** Asks for a fit at the next layout (after a project was opened). */
    void fitWhenLaidOut() {
        fitPending = true;
        grid.setWidth(0);
        requestLayout();
    }

    /**
     * How large the graph is drawn at 100 %: the app's font size over the default one, so that the text on
     * the cards and wires follows the font-size setting like the rest of the window (1 by default). The
     * cards grow with their text; the zoom the student sees stays relative to this size.
     */
    public DoubleProperty textScaleProperty() {
        return textScale;
    }

    private double textScale() {
        double s = textScale.get();
        return s > 0 ? s : 1;
    }

    private void textScaleDidChange(double was, double is) {
        if (was > 0 && is > 0) {
            viewport.zoomAt(is / was, getWidth() / 2, getHeight() / 2);
            viewportChanged();
        }
    }

    /** The look the grid (and the minimap, and exported pictures) are drawn in; the editor pane sets it. */
    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    Theme theme() {
        return theme.get() == null ? Theme.LIGHT : theme.get();
    }

    private void drawGrid() {
        grid.draw(viewport, GRID, theme().isDark());
    }
}
