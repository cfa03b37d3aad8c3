package org.layerloom.editor.view;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Group;
import org.layerloom.editor.model.GradientScale;
import org.layerloom.editor.model.NodeHealthMark;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Wire;
import org.layerloom.engine.tensor.FloatTensor;

/**
 * Training health drawn on the graph, fed by the app: per node a small activation preview under its card
 * ({@link #setPreviews}), a badge and outline for its dead or saturated share ({@link #setNodeHealth}),
 * and per wire a colour and width by gradient norm on a log scale with a legend ({@link #setGradientNorms}).
 * Each of the three is switched by its own property (View menu), all off by default; nothing is drawn or
 * computed for a part that is off. Data may arrive for nodes the graph no longer has; it is ignored. Get it
 * from {@link GraphCanvas#healthOverlay()}. JavaFX thread only.
 */
public final class HealthOverlay {

    private final GraphCanvas canvas;
    private final Group layer = new Group();
    private final GradientLegend legend = new GradientLegend();
    private final BooleanProperty previewsShown = new SimpleBooleanProperty(this, "previewsShown", false);
    private final BooleanProperty healthShown = new SimpleBooleanProperty(this, "healthShown", false);
    private final BooleanProperty gradientsShown = new SimpleBooleanProperty(this, "gradientsShown", false);
    private final Map<String, NodeDecoration> decorations = new HashMap<>();
    private Map<String, FloatTensor> previews = Map.of();
    private Map<String, NodeHealthMark> marks = Map.of();
    private Map<String, Double> norms = Map.of();
    private GradientScale fixedScale;
    private boolean wiresStyled;

    HealthOverlay(GraphCanvas canvas) {
        this.canvas = canvas;
        layer.getStyleClass().add("health-layer");
        layer.setMouseTransparent(true);
        legend.setVisible(false);
        previewsShown.addListener((obs, was, is) -> redrawNodes());
        healthShown.addListener((obs, was, is) -> redrawNodes());
        gradientsShown.addListener((obs, was, is) -> redrawWires());
    }

    /** Whether activation previews show under the cards. */
    public BooleanProperty previewsShownProperty() {
        return previewsShown;
    }

    /** Whether nodes show their dead/saturated badge. */
    public BooleanProperty healthShownProperty() {
        return healthShown;
    }

    /** Whether wires are coloured by gradient norm (with the legend). */
    public BooleanProperty gradientsShownProperty() {
        return gradientsShown;
    }

    /**
     * Replaces every node's preview (nodes not in the map show none): a small activation of shape (C, H, W),
     * (T, F) or (F), as {@code ActivationsCaptured} sends it, drawn as it is.
     */
    public void setPreviews(Map<String, FloatTensor> byNode) {
        previews = Map.copyOf(byNode);
        redrawNodes();
    }

    /** Replaces every node's health mark. */
    public void setNodeHealth(Map<String, NodeHealthMark> byNode) {
        marks = Map.copyOf(byNode);
        redrawNodes();
    }

    /** Replaces the gradient norms of the nodes with parameters (others may be absent or NaN). */
    public void setGradientNorms(Map<String, Double> byNode) {
        norms = Map.copyOf(byNode);
        redrawWires();
    }

    /**
     * Fixes the colour scale (e.g. over every capture of a run, so colours compare while scrubbing), or
     * with {@code null} fits it to the norms shown.
     */
    public void setGradientScale(GradientScale scale) {
        fixedScale = scale;
        redrawWires();
    }

    /** The scale the wires are coloured with now. */
    public GradientScale gradientScale() {
        return fixedScale != null ? fixedScale : GradientScale.over(norms.values());
    }

    /** True while the overlay holds something of a run (previews, health marks or gradient norms). */
    public boolean holdsRunData() {
        return !previews.isEmpty() || !marks.isEmpty() || !norms.isEmpty();
    }

    /** Forgets all data (a new run, another project). */
    public void clear() {
        previews = Map.of();
        marks = Map.of();
        norms = Map.of();
        redrawNodes();
        redrawWires();
    }

    Group layer() {
        return layer;
    }

    GradientLegend legend() {
        return legend;
    }

    /** The graph changed: decorations follow nodes that came, went or moved; new wires get their colour. */
    void graphChanged() {
        if (previewsShown.get() || healthShown.get()) {
            redrawNodes();
        }
        if (gradientsShown.get() || wiresStyled) {
            redrawWires();
        }
    }

    /** A card is being dragged: its decoration moves with it. */
    void nodeMoved(String nodeId, double x, double y) {
        NodeDecoration decoration = decorations.get(nodeId);
        if (decoration != null) {
            decoration.setLayoutX(x);
            decoration.setLayoutY(y);
        }
    }

    private void redrawNodes() {
        boolean anything = previewsShown.get() && !previews.isEmpty() || healthShown.get() && !marks.isEmpty();
        layer.setVisible(anything);
        if (!anything) {
            return;
        }
        NetworkGraph graph = canvas.editor().graph();
        decorations.keySet().removeIf(id -> {
            boolean gone = !graph.contains(id);
            if (gone) {
                layer.getChildren().remove(decorations.get(id));
            }
            return gone;
        });
        for (org.layerloom.engine.graph.Node node : graph.nodes()) {
            FloatTensor preview = previewsShown.get() ? previews.get(node.id()) : null;
            NodeHealthMark mark = healthShown.get() ? marks.get(node.id()) : null;
            NodeDecoration decoration = decorations.get(node.id());
            if (decoration == null) {
                if (preview == null && mark == null) {
                    continue;
                }
                decoration = new NodeDecoration();
                decorations.put(node.id(), decoration);
                layer.getChildren().add(decoration);
            }
            decoration.showPreview(preview);
            decoration.showMark(mark);
            NodeSkin skin = canvas.skin(node.id());
            if (skin != null) {
                decoration.setLayoutX(skin.getLayoutX());
                decoration.setLayoutY(skin.getLayoutY());
            }
        }
    }

    private void redrawWires() {
        boolean on = gradientsShown.get() && !norms.isEmpty();
        legend.setVisible(on);
        if (!on) {
            if (wiresStyled) {
                for (WireView view : canvas.wireViews()) {
                    view.showGradient(null, 0);
                }
                wiresStyled = false;
            }
            return;
        }
        GradientScale scale = gradientScale();
        legend.show(scale);
        Map<Wire, Double> byWire = GradientScale.wireNorms(canvas.editor().graph(), norms);
        for (WireView view : canvas.wireViews()) {
            double p = scale.position(Objects.requireNonNullElse(byWire.get(view.wire()), Double.NaN));
            if (Double.isNaN(p)) {
                view.showGradient(null, 0);
            } else {
                view.showGradient(HealthColours.gradient(p), HealthColours.gradientWidth(p));
            }
        }
        wiresStyled = true;
    }

    /** For tests: whether a node shows a preview now. */
    boolean previewShown(String nodeId) {
        NodeDecoration d = decorations.get(nodeId);
        return layer.isVisible() && d != null && d.previewShown();
    }

    /** For tests: the badge text a node shows now ("" for none). */
    String badgeText(String nodeId) {
        NodeDecoration d = decorations.get(nodeId);
        return layer.isVisible() && d != null ? d.badgeText() : "";
    }

    boolean outlined(String nodeId) {
        NodeDecoration d = decorations.get(nodeId);
        return layer.isVisible() && d != null && d.outlined();
    }
}
