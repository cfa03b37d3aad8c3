package org.layerloom.app.inspect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.layerloom.app.ui.Css;
import org.layerloom.app.ui.ThemeColors;
import org.layerloom.charts.ColorScale;
import org.layerloom.charts.heatmap.BarStrip;
import org.layerloom.charts.heatmap.HeatmapView;
import org.layerloom.charts.image.ImageGrid;
import org.layerloom.charts.image.OverlayImage;
import org.layerloom.engine.inspect.FilterBank;
import org.layerloom.engine.inspect.SaliencyMap;
import org.layerloom.engine.inspect.WeightMatrix;
import org.layerloom.engine.look.Theme;

/**
 * The "Why this prediction" section: saliency, SmoothGrad and Grad-CAM as overlays on the input with one
 * opacity slider, and beside them occlusion and LIME once computed ({@link PerturbationPane}: their settings,
 * LIME's R² and where the methods agree), each with the question it asks; a choice of the class explained (or, for inputs that are not images, the gradient per
 * input value, named x₁, x₂, … or by the table's columns, in words of their own and without a slider; for
 * text, the importance of each token), then the first convolution's filters as images and
 * a Dense layer's weights as a heatmap, each unit's weights as a 28 × 28 image when it reads one.
 * JavaFX thread only.
 */
final class WhySection extends ScrollPane {

    static final int MAX_UNIT_IMAGES = 32;
    static final String GRADIENT_QUESTION = "What does the gradient say: which pixels change the score most when"
            + " nudged?";
    static final String GRAD_CAM_QUESTION = "What does the class's score look at in the convolution's features?";

    private final InspectViewModel model;
    private final ObservableValue<Theme> theme;
    private final VBox content = Css.styled(new VBox(14), "why-content");
    private final Slider opacity = new Slider(0, 1, 0.6);
    private final ComboBox<String> explained = new ComboBox<>();
    private final VBox attribution = Css.styled(new VBox(8), "inspect-card", "attribution-card");
    private final VBox filters = Css.styled(new VBox(8), "inspect-card", "filters-card");
    private final VBox dense = Css.styled(new VBox(8), "inspect-card", "dense-card");
    private final ComboBox<String> denseChoice = new ComboBox<>();
    private final List<OverlayImage> overlays = new ArrayList<>();
    private final PerturbationPane perturbation;
    private final FlowPane maps = Css.styled(new FlowPane(12, 12), "explanation-maps");
    private final List<javafx.scene.Node> perturbTiles = new ArrayList<>();
    private boolean updatingChoice;

    WhySection(InspectViewModel model, ObservableValue<Theme> theme) {
        this.model = model;
        this.theme = theme;
        this.perturbation = new PerturbationPane(model, theme);
        Css.styled(this, "inspect-scroll", "why-section");
        setFitToWidth(true);
        setContent(content);
        opacity.setPrefWidth(180);
        opacity.getStyleClass().add("overlay-opacity");
        explained.getStyleClass().add("explained-class");
        explained.setOnAction(e -> {
            if (!updatingChoice && explained.getSelectionModel().getSelectedIndex() >= 0) {
                model.explainClass(explained.getSelectionModel().getSelectedIndex());
            }
        });
        denseChoice.getStyleClass().add("dense-choice");
        denseChoice.setOnAction(e -> showDense());
        content.getChildren().addAll(attribution, filters, dense);
        model.summaryProperty().addListener((obs, was, now) -> reset(now));
        model.explanationProperty().addListener((obs, was, now) -> showExplanation(now));
        model.weightsProperty().addListener((obs, was, now) -> showWeights(now));
        model.perturbationProperty().addListener((obs, was, now) -> showPerturbation(now));
        reset(null);
    }

    private void reset(RunSummary summary) {
        attribution.getChildren().setAll(Css.styled(new Label("Why this prediction?"), "section-title"),
                Css.styled(new Label(summary == null ? "Open a run first." : "Pick an input in Activations."), "muted"));
        filters.setVisible(false);
        filters.setManaged(false);
        dense.setVisible(false);
        dense.setManaged(false);
        updatingChoice = true;
        explained.getItems().setAll(summary == null ? List.of() : summary.classNames());
        updatingChoice = false;
    }

    private void showExplanation(Explanation explanation) {
        RunSummary summary = model.summaryProperty().get();
        if (explanation == null || summary == null) {
            return;
        }
        updatingChoice = true;
        explained.getSelectionModel().select(explanation.classIndex());
        updatingChoice = false;
        String className = summary.className(explanation.classIndex());
        HBox controls = new HBox(10, new Label("Explain the class"), explained);
        controls.setAlignment(Pos.CENTER_LEFT);
        overlays.clear();
        if (summary.isImage()) {
            controls.getChildren().addAll(new Label("Overlay opacity"), opacity);
            attribution.getChildren().setAll(Css.styled(new Label("Why this prediction?"), "section-title"),
                    Notes.note("Bright regions are where each method finds class " + className + " decided: the"
                            + " gradient methods first, then what hiding parts of the image does."), controls);
            maps.getChildren().clear();
            perturbTiles.clear();
            explanation.saliency().ifPresent(s -> maps.getChildren().add(tile(overlay(
                    "Saliency: |d score / d pixel|", s.heatHeight(), s.heatWidth(), s.heatmap(), summary),
                    GRADIENT_QUESTION)));
            explanation.smoothGrad().ifPresent(s -> maps.getChildren().add(tile(overlay(
                    "SmoothGrad: averaged over 16 noisy copies", s.heatHeight(), s.heatWidth(), s.heatmap(), summary),
                    GRADIENT_QUESTION + " Averaged over noise.")));
            explanation.gradCam().ifPresent(g -> maps.getChildren().add(tile(overlay(
                    "Grad-CAM of " + summary.nodeName(g.nodeId()), g.height(), g.width(), g.heatmap(), summary),
                    GRAD_CAM_QUESTION)));
            attribution.getChildren().add(maps);
        } else if (explanation.tokens().isPresent()) {
            attribution.getChildren().setAll(Css.styled(new Label("Why this prediction?"), "section-title"),
                    Notes.note("The longer a word's bar, the more that word pushed the answer towards class "
                            + className + "."), controls);
        } else if (explanation.saliency().isPresent()) {
            attribution.getChildren().setAll(Css.styled(new Label("Why this prediction?"), "section-title"),
                    Notes.note(vectorNote(summary, className)), controls);
            SaliencyMap s = explanation.saliency().get();
            BarStrip bars = ThemeColors.follow(new BarStrip(), theme);
            bars.getStyleClass().add("input-gradient");
            bars.setValues(s.gradient(), summary.inputNames());
            bars.setTitles("How the score of " + className + " changes when one input grows a little",
                    "change of the score");
            bars.setScale(ColorScale.fitting(s.gradient()));
            attribution.getChildren().add(bars);
        } else {
            attribution.getChildren().setAll(Css.styled(new Label("Why this prediction?"), "section-title"),
                    controls);
        }
        explanation.tokens().ifPresent(t -> {
            BarStrip bars = ThemeColors.follow(new BarStrip(), theme);
            RunSummary run = model.summaryProperty().get();
            List<String> names = Arrays.stream(t.tokenIds())
                    .mapToObj(id -> run == null ? (id == 0 ? "·" : "#" + id) : run.tokenWord(id)).toList();
            bars.setValues(t.normalised(), names);
            bars.setMaximum(1);
            bars.setTitles(run != null && run.takesText()
                    ? "How much each word pushed the answer (· is padding)"
                    : "How much each token pushed the answer (token ids; · is padding)", "importance");
            attribution.getChildren().add(bars);
        });
        if (summary.isClassifier()) {
            perturbation.reset(summary);
            attribution.getChildren().add(perturbation);
        }
    }

    /** Adds occlusion and LIME beside the gradient maps (images) and their numbers and sentence below. */
    private void showPerturbation(Perturbation result) {
        RunSummary summary = model.summaryProperty().get();
        Explanation shown = model.explanationProperty().get();
        if (result == null || summary == null || shown == null || shown.classIndex() != result.classIndex()) {
            return;
        }
        maps.getChildren().removeAll(perturbTiles);
        overlays.removeIf(o -> perturbTiles.stream().anyMatch(t -> ((VBox) t).getChildren().contains(o)));
        perturbTiles.clear();
        if (summary.isImage()) {
            result.occlusion().ifPresent(o -> perturbTiles.add(tile(overlay(String.format(java.util.Locale.ROOT,
                    "Occlusion: %d \u00d7 %d patch, stride %d", o.patch(), o.patch(), o.stride()), o.height(),
                    o.width(), o.heatmap(), summary), PerturbationPane.OCCLUSION_QUESTION)));
            result.lime().ifPresent(l -> {
                int[] hw = summary.imageSize();
                int top = Math.max(1, (int) Math.round(0.1 * l.weights().length));
                String parts = result.settings().superpixels() == PerturbSettings.Superpixels.SLIC
                        ? "SLIC regions" : "grid cells";
                OverlayImage map = overlay(String.format(java.util.Locale.ROOT, "LIME: top %d of %d %s, R\u00b2 %.2f",
                        top, l.weights().length, parts, l.rSquared()), hw[0], hw[1], l.topMap(hw[0] * hw[1], top),
                        summary);
                map.setRegions(l.features().featureAt(hw[0] * hw[1]));
                perturbTiles.add(tile(map, PerturbationPane.LIME_QUESTION));
            });
            maps.getChildren().addAll(perturbTiles);
        }
        perturbation.show(result, summary);
    }

    /** A map with the question its method asks under it. */
    private static VBox tile(javafx.scene.Node map, String question) {
        Label asks = Css.styled(new Label(question), "muted", "method-question");
        asks.setWrapText(true);
        asks.setMaxWidth(300);
        VBox tile = Css.styled(new VBox(4, map, asks), "method-tile");
        return tile;
    }

    /** What the gradient bars of a vector input (two coordinates, a table row) say, in words. */
    static String vectorNote(RunSummary summary, String className) {
        List<String> names = summary.inputNames();
        String which = names.size() == 2 ? names.get(0) + " and " + names.get(1) : "each input";
        return "One bar for " + which + ": how much the score of class " + className + " rises (bar up) or falls"
                + " (bar down) when that input grows a little. The longest bar is the input the answer depends on"
                + " most here.";
    }

    private OverlayImage overlay(String title, int height, int width, float[] heat, RunSummary summary) {
        OverlayImage image = ThemeColors.follow(new OverlayImage(), theme);
        int[] hw = summary.imageSize();
        float[] input = model.inputProperty().get().values();
        image.setImage(hw[0], hw[1], Arrays.copyOf(input, hw[0] * hw[1]));
        image.setOverlay(height, width, heat);
        image.setTitles(title, "importance");
        image.setPrefSize(300, 280);
        image.overlayOpacityProperty().bind(opacity.valueProperty());
        overlays.add(image);
        return image;
    }

    private void showWeights(Weights weights) {
        RunSummary summary = model.summaryProperty().get();
        if (weights == null || summary == null) {
            return;
        }
        Optional<FilterBank> bank = weights.firstFilters();
        filters.setVisible(bank.isPresent());
        filters.setManaged(bank.isPresent());
        bank.ifPresent(b -> {
            List<float[]> kernels = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (int f = 0; f < b.filters(); f++) {
                kernels.add(b.kernel(f, 0));
                names.add(Integer.toString(f + 1));
            }
            ImageGrid grid = ThemeColors.follow(new ImageGrid(), theme);
            grid.setTileSize(44);
            grid.setImages(b.kernelHeight(), b.kernelWidth(), kernels, names,
                    ColorScale.diverging(Math.max(Math.abs(b.stats().min()), Math.abs(b.stats().max()))));
            grid.setTitles(b.filters() + " filters of " + summary.nodeName(b.nodeId()) + ", " + b.kernelHeight()
                    + " × " + b.kernelWidth() + (b.channels() > 1 ? " (input channel 1)" : "")
                    + ": red weights add, blue weights subtract", "weight");
            filters.getChildren().setAll(Css.styled(new Label("What the first convolution looks for"),
                    "section-title"), grid);
        });
        dense.setVisible(!weights.dense().isEmpty());
        dense.setManaged(!weights.dense().isEmpty());
        denseChoice.getItems().setAll(weights.dense().stream().map(m -> summary.nodeName(m.nodeId())).toList());
        if (!weights.dense().isEmpty()) {
            denseChoice.getSelectionModel().select(0);
            showDense();
        }
    }

    private void showDense() {
        Weights weights = model.weightsProperty().get();
        RunSummary summary = model.summaryProperty().get();
        int index = denseChoice.getSelectionModel().getSelectedIndex();
        if (weights == null || summary == null || index < 0 || index >= weights.dense().size()) {
            return;
        }
        WeightMatrix m = weights.dense().get(index);
        double limit = Math.max(Math.abs(m.stats().min()), Math.abs(m.stats().max()));
        HeatmapView map = ThemeColors.follow(new HeatmapView(), theme);
        map.setData(m.units(), m.inputs(), m.weights(), ColorScale.diverging(limit));
        map.setTitles(m.units() + " units × " + m.inputs() + " inputs", "unit", "input", "weight");
        if (index == 0 && !summary.isImage() && !summary.readsTokens() && m.inputs() == summary.size()
                && m.inputs() <= 16) {
            map.setLabels(List.of(), summary.inputNames());
        }
        map.setPrefHeight(Math.max(160, Math.min(360, 60 + 4.0 * m.units())));
        HBox choice = new HBox(10, new Label("Dense layer"), denseChoice);
        choice.setAlignment(Pos.CENTER_LEFT);
        dense.getChildren().setAll(Css.styled(new Label("A Dense layer's weights"), "section-title"), choice, map);
        if (m.hasImageRows()) {
            int shown = Math.min(MAX_UNIT_IMAGES, m.units());
            List<float[]> images = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (int u = 0; u < shown; u++) {
                images.add(m.unitImage(u));
                names.add("unit " + (u + 1));
            }
            ImageGrid grid = ThemeColors.follow(new ImageGrid(), theme);
            grid.setTileSize(64);
            grid.setImages(28, 28, images, names, ColorScale.diverging(limit));
            grid.setTitles("Each unit's weights as a 28 × 28 image" + (shown < m.units() ? " (first " + shown
                    + " of " + m.units() + ")" : "") + ": the pattern it responds to", "weight");
            dense.getChildren().add(grid);
        }
    }

    Slider opacitySlider() {
        return opacity;
    }

    PerturbationPane perturbationPane() {
        return perturbation;
    }

    /** The overlays shown now (saliency, SmoothGrad, Grad-CAM, then occlusion and LIME once computed). */
    List<OverlayImage> overlays() {
        return List.copyOf(overlays);
    }
}
