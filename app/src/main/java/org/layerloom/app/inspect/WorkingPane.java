package org.layerloom.app.inspect;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.layerloom.app.ui.Css;
import org.layerloom.engine.graph.LayerCatalog;
import org.layerloom.engine.inspect.compute.ActivationWorking;
import org.layerloom.engine.inspect.compute.AttentionWorking;
import org.layerloom.engine.inspect.compute.ConvWorking;
import org.layerloom.engine.inspect.compute.DenseWorking;
import org.layerloom.engine.inspect.compute.EmbeddingWorking;
import org.layerloom.engine.inspect.compute.EncoderWorking;
import org.layerloom.engine.inspect.compute.LayerWorking;
import org.layerloom.engine.inspect.compute.LossWorking;
import org.layerloom.engine.inspect.compute.MergeWorking;
import org.layerloom.engine.inspect.compute.NormWorking;
import org.layerloom.engine.inspect.compute.PassThroughWorking;
import org.layerloom.engine.inspect.compute.PoolWorking;
import org.layerloom.engine.inspect.compute.PositionalWorking;
import org.layerloom.engine.inspect.compute.RecurrentWorking;
import org.layerloom.engine.inspect.compute.SoftmaxWorking;
import org.layerloom.engine.look.Theme;

/**
 * The "How this layer computes" panel beside the layer cards: the layer's formula from the catalog, then
 * the formula filled in with the engine's numbers for the chosen input, drawn as the layer kind calls for.
 * It shows what the view model's {@code working} property holds and closes through the view model.
 * JavaFX thread only.
 */
final class WorkingPane extends BorderPane {

    private final ObservableValue<Theme> theme;
    private final VBox content = Css.styled(new VBox(10), "working-content");
    private final Label title = Css.styled(new Label(), "section-title", "working-title");
    private Node body;

    WorkingPane(InspectViewModel model, ObservableValue<Theme> theme) {
        this.theme = theme;
        Css.styled(this, "working-pane");
        Button close = Css.styled(new Button("×"), "working-close");
        close.setOnAction(e -> model.closeLayerWorking());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        title.setWrapText(true);
        HBox header = Css.styled(new HBox(8, title, gap, close), "working-header");
        header.setAlignment(Pos.CENTER_LEFT);
        setTop(header);
        ScrollPane scroll = Css.styled(new ScrollPane(content), "inspect-scroll", "working-scroll");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        setCenter(scroll);
        setPrefWidth(640);
        setMinWidth(420);
    }

    /** Shows {@code computation}. */
    void show(LayerComputation computation) {
        LayerWorking working = computation.working();
        title.setText("How " + computation.nodeName() + " computes");
        var explanation = LayerCatalog.standard().type(working.kind()).explanation();
        Label formula = Css.styled(new Label(explanation.hasFormula() ? explanation.formula() : ""),
                "working-formula");
        formula.setWrapText(true);
        Label forInput = Css.styled(new Label(working.kind().id() + ", for " + computation.input().description()
                + ". Every number is the engine's; hover one to see where it comes from."), "muted");
        forInput.setWrapText(true);
        body = body(computation, working);
        content.getChildren().setAll(formula, forInput, body);
    }

    /** The view of the working shown (for tests). */
    Node body() {
        return body;
    }

    private Node body(LayerComputation c, LayerWorking working) {
        if (working instanceof DenseWorking w) {
            return new DenseWorkingView(c, w);
        } else if (working instanceof ConvWorking w) {
            return new ConvWorkingView(c, w, theme);
        } else if (working instanceof RecurrentWorking w) {
            return new RecurrentWorkingView(c, w, theme);
        } else if (working instanceof AttentionWorking w) {
            return new AttentionWorkingView(c, w, null, theme);
        } else if (working instanceof EncoderWorking w) {
            return new AttentionWorkingView(c, w.attention(), w, theme);
        } else if (working instanceof PoolWorking w) {
            return SmallWorkingViews.pool(c, w);
        } else if (working instanceof ActivationWorking w) {
            return SmallWorkingViews.activation(c, w, theme);
        } else if (working instanceof SoftmaxWorking w) {
            return SmallWorkingViews.softmax(c, w);
        } else if (working instanceof LossWorking w) {
            return SmallWorkingViews.loss(c, w);
        } else if (working instanceof NormWorking w) {
            return SmallWorkingViews.norm(c, w);
        } else if (working instanceof EmbeddingWorking w) {
            return SmallWorkingViews.embedding(c, w);
        } else if (working instanceof MergeWorking w) {
            return SmallWorkingViews.merge(c, w);
        } else if (working instanceof PositionalWorking w) {
            return SmallWorkingViews.positional(c, w);
        } else if (working instanceof PassThroughWorking w) {
            return SmallWorkingViews.passThrough(c, w);
        }
        throw new IllegalArgumentException("no view for " + working.kind().id());
    }
}
