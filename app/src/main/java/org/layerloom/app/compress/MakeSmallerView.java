package org.layerloom.app.compress;

import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.layerloom.engine.compress.LayerSparsity;
import org.layerloom.engine.compress.Pruning;

/**
 * The "Make it smaller" panel of a saved run: a pruning slider (0 to 95 %) with global or per-layer pruning,
 * the measured accuracy and non-zero parameters, one sparsity bar per layer, and buttons to save the pruned
 * network, fine-tune it one epoch with the mask held, or quantize to int8. JavaFX thread only; the work runs
 * in its {@link MakeSmallerViewModel}.
 */
public final class MakeSmallerView extends VBox {

    private final Slider slider = new Slider(0, Pruning.MAX_FRACTION * 100, 0);
    private final VBox bars = new VBox(4);

    public MakeSmallerView(MakeSmallerViewModel model) {
        super(10);
        setPadding(new Insets(14));
        getStyleClass().add("make-smaller");
        slider.setId("prune-slider");
        slider.setShowTickLabels(true);
        slider.setShowTickMarks(true);
        slider.setMajorTickUnit(10);
        slider.setBlockIncrement(5);
        slider.disableProperty().bind(model.readyProperty().not());
        slider.valueProperty().addListener((o, was, is) -> {
            model.preview(is.doubleValue());
            if (!slider.isValueChanging()) {
                model.measure();
            }
        });
        slider.valueChangingProperty().addListener((o, was, is) -> {
            if (!is) {
                model.measure();
            }
        });
        ToggleGroup scopes = new ToggleGroup();
        RadioButton global = new RadioButton("One threshold for the whole network");
        RadioButton perLayer = new RadioButton("The same share of every layer");
        global.setToggleGroup(scopes);
        perLayer.setToggleGroup(scopes);
        global.setSelected(true);
        scopes.selectedToggleProperty().addListener((o, was, is) -> {
            model.scopeProperty().set(is == perLayer ? Pruning.Scope.PER_LAYER : Pruning.Scope.GLOBAL);
            model.measure();
        });
        Label summary = new Label();
        summary.setId("prune-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(model.summaryProperty());
        model.layers().addListener((ListChangeListener<LayerSparsity>) change -> showBars(model));
        Button save = new Button("Save pruned as a run");
        save.setId("prune-save-button");
        save.setOnAction(e -> model.savePruned());
        Button fineTune = new Button("Fine-tune 1 epoch");
        fineTune.setId("fine-tune-button");
        fineTune.setTooltip(new javafx.scene.control.Tooltip("Saves the pruned network as a run, then trains it one"
                + " more epoch in the Train area, with its own charts, the pruned weights held at zero."));
        fineTune.setOnAction(e -> model.fineTune());
        Button int8 = new Button("Quantize to int8");
        int8.setId("int8-button");
        int8.setOnAction(e -> model.quantize());
        int8.setTooltip(new javafx.scene.control.Tooltip("8-bit weights (one scale per output channel) and 8-bit"
                + " activations (ranges from 200 training examples): a quarter of the size."));
        Button half = new Button("float16");
        half.setId("float16-button");
        half.setOnAction(e -> model.quantizeHalf());
        half.setTooltip(new javafx.scene.control.Tooltip("Every weight rounded to 16-bit floating point: half the"
                + " size."));
        for (Button b : new Button[] {save, fineTune, int8, half}) {
            b.disableProperty().bind(model.readyProperty().not().or(model.busyProperty()));
        }
        Label message = new Label();
        message.setId("make-smaller-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        Label title = new Label("Prune: remove the weights of smallest magnitude");
        title.getStyleClass().add("section-title");
        getChildren().addAll(title, slider, new HBox(12, global, perLayer), summary, new Label("Sparsity per layer"),
                bars, new HBox(8, save, fineTune, int8, half), message);
    }

    private void showBars(MakeSmallerViewModel model) {
        bars.getChildren().clear();
        for (LayerSparsity layer : model.layers()) {
            ProgressBar bar = new ProgressBar(layer.sparsity());
            bar.setPrefWidth(220);
            Label name = new Label(layer.layer());
            name.setMinWidth(110);
            Label value = new Label(String.format(Locale.ROOT, "%.0f %% zero (%,d of %,d left)", 100 * layer.sparsity(),
                    layer.nonZero(), layer.parameters()));
            bars.getChildren().add(new HBox(8, name, bar, value));
        }
    }

    /** The pruning slider, for tests. */
    Slider slider() {
        return slider;
    }
}
