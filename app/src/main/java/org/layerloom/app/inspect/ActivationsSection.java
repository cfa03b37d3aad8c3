package org.layerloom.app.inspect;

import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.layerloom.app.ui.Css;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.inspect.AttentionWeights;
import org.layerloom.engine.inspect.Inspection;
import org.layerloom.engine.look.Theme;
import org.layerloom.engine.train.event.NodeActivation;

/**
 * The "Activations" section: on the left the input chooser and the prediction, on the right one card per
 * layer with what that layer made of the input, in running order. Follows the view model's input and
 * inspection. JavaFX thread only.
 */
final class ActivationsSection extends BorderPane {

    private final InspectViewModel model;
    private final InputPicker picker;
    private final PredictionPane prediction;
    private final LayerCards cards;
    private final VBox layers = Css.styled(new VBox(12), "layer-list");
    private final WorkingPane working;

    ActivationsSection(InspectViewModel model, ObservableValue<Theme> theme) {
        this.model = model;
        Css.styled(this, "inspect-section", "activations-section");
        picker = new InputPicker(model, theme);
        prediction = new PredictionPane(theme);
        cards = new LayerCards(theme);
        working = new WorkingPane(model, theme);
        VBox left = Css.styled(new VBox(12, picker, prediction), "inspect-side");
        left.setPrefWidth(360);
        left.setMinWidth(340);
        ScrollPane leftScroll = Css.styled(new ScrollPane(left), "inspect-scroll");
        leftScroll.setFitToWidth(true);
        leftScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        setLeft(leftScroll);
        ScrollPane scroll = Css.styled(new ScrollPane(layers), "inspect-scroll", "layer-scroll");
        scroll.setFitToWidth(true);
        setCenter(scroll);
        layers.getChildren().add(Css.styled(new Label("Pick an input to see every layer's output."), "muted"));
        model.summaryProperty().addListener((obs, was, now) -> {
            prediction.clear();
            if (now != null) {
                picker.showRun(now);
            } else {
                picker.clear();
            }
            show(model.inspectionProperty().get());
        });
        model.planePointsProperty().addListener((obs, was, now) -> {
            if (model.summaryProperty().get() != null) {
                picker.showPlanePoints(now, model.summaryProperty().get());
            }
        });
        model.inputProperty().addListener((obs, was, now) -> {
            if (now != null) {
                picker.showInput(now, model.summaryProperty().get());
            }
        });
        model.inspectionProperty().addListener((obs, was, now) -> show(now));
        model.workingProperty().addListener((obs, was, now) -> {
            if (now != null) {
                working.show(now);
            }
            setRight(now == null ? null : working);
        });
    }

    private void show(Inspection inspection) {
        layers.getChildren().clear();
        RunSummary summary = model.summaryProperty().get();
        if (inspection == null || summary == null) {
            prediction.clear();
            layers.getChildren().add(Css.styled(new Label(summary == null ? "Open a run to see every layer's output."
                    : summary.testCount() > 0 || !summary.takesDrawnDigit()
                    ? "Pick an input to see every layer's output."
                    : "Draw a digit to see every layer's output."), "muted"));
            return;
        }
        prediction.show(inspection.prediction(), model.inputProperty().get(), summary);
        layers.getChildren().add(Css.styled(new Label("What each layer makes of " + model.inputProperty().get()
                .description() + ", from the input to the output"), "section-title"));
        for (NodeActivation layer : inspection.layers()) {
            Node card = cards.card(inspection, layer, summary);
            if (inspection.kind(layer) != LayerKind.INPUT) {
                card.getStyleClass().add("explainable-card");
                card.setOnMouseClicked(e -> model.explainLayer(layer.nodeId()));
                Tooltip.install(card, new Tooltip("Click to see how this layer computes its output"));
            }
            layers.getChildren().add(card);
            for (AttentionWeights attention : inspection.attention()) {
                if (attention.nodeId().equals(layer.nodeId())) {
                    layers.getChildren().add(cards.attentionCard(attention, summary));
                }
            }
        }
    }

    /** The "How this layer computes" panel (shown beside the cards while a layer is open). */
    WorkingPane workingPane() {
        return working;
    }

    InputPicker picker() {
        return picker;
    }

    PredictionPane prediction() {
        return prediction;
    }

    /** The number of layer cards shown. */
    int cardCount() {
        return (int) layers.getChildren().stream().filter(n -> n.getStyleClass().contains("inspect-card")).count();
    }
}
