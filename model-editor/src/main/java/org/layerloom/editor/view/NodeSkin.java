package org.layerloom.editor.view;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Circle;
import javafx.scene.shape.SVGPath;
import org.layerloom.editor.model.NodeGeometry;
import org.layerloom.engine.graph.LayerType;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.NodeReport;
import org.layerloom.engine.graph.Problem;
import java.util.function.Consumer;

/**
 * How one layer looks on the canvas: a card with a category stripe and icon, its name, kind, output
 * shape and parameter count, an input port on the left and an output port on the right (both in the
 * middle of the card), and a red outline with a badge when it has a problem. Double-click renaming
 * happens in place. JavaFX thread only.
 */
final class NodeSkin extends Region {

    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    private static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");
    private static final PseudoClass TARGET_OK = PseudoClass.getPseudoClass("target-ok");
    private static final PseudoClass TARGET_BAD = PseudoClass.getPseudoClass("target-bad");
    private static final double STRIPE = 5;

    private final String nodeId;
    private final Region body = new Region();
    private final Region stripe = new Region();
    private final SVGPath icon;
    private final Label name = new Label();
    private final Label kind = new Label();
    private final Label info = new Label();
    private final Label paramCount = new Label();
    private final Circle inPort = new Circle(NodeGeometry.PORT_RADIUS);
    private final Circle outPort = new Circle(NodeGeometry.PORT_RADIUS);
    private final StackPane badge = new StackPane(new Label("!"));
    private final Tooltip problemTip = new Tooltip();
    private TextField renameField;
    private String fullCount = "";
    private String shortCount = "";
    private Node node;

    NodeSkin(Node node, LayerType type) {
        this.nodeId = node.id();
        getStyleClass().addAll("node-skin", LayerIcon.categoryClass(type.category()));
        setId("node-" + node.id());
        body.getStyleClass().add("node-body");
        stripe.getStyleClass().add("node-stripe");
        icon = LayerIcon.of(type.category());
        name.getStyleClass().add("node-name");
        kind.getStyleClass().add("node-kind");
        info.getStyleClass().add("node-info");
        info.setId("shape-" + node.id());
        paramCount.getStyleClass().add("node-params");
        paramCount.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
        inPort.getStyleClass().addAll("port", "port-in");
        outPort.getStyleClass().addAll("port", "port-out");
        badge.getStyleClass().add("problem-badge");
        badge.setVisible(false);
        problemTip.setWrapText(true);
        problemTip.setMaxWidth(360);
        inPort.setVisible(!type.inputPorts().isEmpty());
        outPort.setVisible(type.hasOutput());
        kind.setText(type.displayName());
        getChildren().addAll(body, stripe, icon, name, kind, info, paramCount, inPort, outPort, badge);
        setPrefSize(NodeGeometry.WIDTH, NodeGeometry.HEIGHT);
        setMinSize(NodeGeometry.WIDTH, NodeGeometry.HEIGHT);
        setMaxSize(NodeGeometry.WIDTH, NodeGeometry.HEIGHT);
        resize(NodeGeometry.WIDTH, NodeGeometry.HEIGHT);
        // Panning only translates the card, so its cached picture is reused instead of redrawing its text.
        setCache(true);
        this.node = node;
    }

    String nodeId() {
        return nodeId;
    }

    Node node() {
        return node;
    }

    Circle inPort() {
        return inPort;
    }

    Circle outPort() {
        return outPort;
    }

    /** The red (or amber) badge shown when the layer has a problem. */
    StackPane badge() {
        return badge;
    }

    private Object[] lastState;

    /** Makes the next {@link #updateIfChanged} redraw even if nothing changed. */
    void forceUpdate() {
        lastState = null;
    }

    /** Like {@link #update} but does nothing when the node, its result, problems and selection are as shown. */
    void updateIfChanged(Node newNode, Optional<NodeReport> report, List<Problem> problems, boolean selected) {
        Object[] state = {newNode, report, problems, selected};
        if (lastState != null && java.util.Arrays.equals(state, lastState)) {
            return;
        }
        lastState = state;
        update(newNode, report, problems, selected);
    }

    /** Shows the node's current values, validation result and selection. */
    void update(Node newNode, Optional<NodeReport> report, List<Problem> problems, boolean selected) {
        node = newNode;
        name.setText(newNode.name());
        String shape = report.flatMap(NodeReport::output).map(Object::toString).orElse("?");
        long params = report.map(NodeReport::parameters).orElse(0L);
        info.setText(shape);
        fullCount = params > 0 ? compact(params) : "";
        shortCount = fullCount.replace(" params", "");
        paramCount.setText(fullCount);
        requestLayout();
        boolean error = problems.stream().anyMatch(Problem::isError);
        boolean warning = !error && !problems.isEmpty();
        pseudoClassStateChanged(SELECTED, selected);
        pseudoClassStateChanged(ERROR, error);
        pseudoClassStateChanged(WARNING, warning);
        badge.setVisible(error || warning);
        if (problems.isEmpty()) {
            Tooltip.uninstall(this, problemTip);
        } else {
            problemTip.setText(String.join("\n\n", problems.stream().map(Problem::message).toList()));
            Tooltip.install(this, problemTip);
        }
    }

    /** Marks this node as the target of a wire being dragged: green when allowed, red when not. */
    void showAsTarget(Boolean allowed) {
        pseudoClassStateChanged(TARGET_OK, Boolean.TRUE.equals(allowed));
        pseudoClassStateChanged(TARGET_BAD, Boolean.FALSE.equals(allowed));
    }

    /** Replaces the name by a text field; Enter commits through {@code rename}, Escape cancels. */
    void startRename(Consumer<String> rename) {
        if (renameField != null) {
            return;
        }
        renameField = new TextField(node.name());
        renameField.getStyleClass().add("rename-field");
        renameField.setId("rename-field");
        renameField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                endRename();
                e.consume();
            }
        });
        renameField.setOnAction(e -> {
            String text = renameField.getText();
            endRename();
            rename.accept(text);
        });
        renameField.focusedProperty().addListener((obs, was, is) -> {
            if (!is) {
                endRename();
            }
        });
        getChildren().add(renameField);
        renameField.requestFocus();
        renameField.selectAll();
        requestLayout();
    }

    private void endRename() {
        if (renameField != null) {
            TextField field = renameField;
            renameField = null;
            getChildren().remove(field);
        }
    }

    @Override
    protected void layoutChildren() {
        double w = NodeGeometry.WIDTH;
        double h = NodeGeometry.HEIGHT;
        body.resizeRelocate(0, 0, w, h);
        stripe.resizeRelocate(0, 0, STRIPE, h);
        icon.relocate(14, 10);
        double textX = 36;
        double textW = w - textX - 10;
        if (name.getFont().getSize() > 18) {
            // Zoomed far out (see editor.css): the name alone, large, across the whole card.
            name.resizeRelocate(12, 4, w - 20, h - 8);
        } else {
            name.resizeRelocate(textX, 7, textW, 20);
        }
        kind.resizeRelocate(textX, 26, textW, 16);
        double shapeWidth = Math.min(w - 24, info.prefWidth(-1));
        info.resizeRelocate(14, h - 24, shapeWidth, 18);
        double left = 14 + shapeWidth + 6;
        javafx.scene.text.Text probe = new javafx.scene.text.Text(fullCount);
        probe.setFont(paramCount.getFont());
        String fitting = probe.getLayoutBounds().getWidth() + 2 <= w - 10 - left ? fullCount : shortCount;
        if (!fitting.equals(paramCount.getText())) {
            paramCount.setText(fitting);
        }
        paramCount.resizeRelocate(left, h - 24, Math.max(0, w - 10 - left), 18);
        if (renameField != null) {
            renameField.resizeRelocate(textX - 4, 5, textW + 4, 24);
        }
        double r = NodeGeometry.PORT_RADIUS;
        inPort.relocate(-r, h / 2 - r);
        outPort.relocate(w - r, h / 2 - r);
        badge.resizeRelocate(w - 14, -8, 22, 22);
    }

    /** 18496 → "18.5k params", 650 → "650 params", 1234567 → "1.23M params". */
    static String compact(long n) {
        if (n < 1_000) {
            return n + " params";
        }
        if (n < 1_000_000) {
            return String.format(Locale.ROOT, n < 100_000 ? "%.1fk params" : "%.0fk params", n / 1000.0);
        }
        return String.format(Locale.ROOT, "%.2fM params", n / 1_000_000.0);
    }
}
