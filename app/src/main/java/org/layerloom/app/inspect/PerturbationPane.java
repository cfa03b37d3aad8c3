package org.layerloom.app.inspect;

import java.util.List;
import java.util.Locale;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.layerloom.app.ui.Css;
import org.layerloom.app.ui.ThemeColors;
import org.layerloom.charts.ColorScale;
import org.layerloom.charts.heatmap.BarStrip;
import org.layerloom.engine.inspect.perturb.LimeExplanation;
import org.layerloom.engine.look.Theme;

/**
 * The perturbation part of "Why this prediction": the settings of occlusion (patch, stride) and LIME
 * (samples; for images, its superpixels: grid cells of a side in pixels or about a number of SLIC regions),
 * LIME's R², the sentence on where the methods agree, and, for inputs that are not images, LIME's weights as
 * coloured words (text) or one bar per column (tables). The image maps themselves sit beside the gradient
 * maps in {@link WhySection}. Changing a setting asks the view model to recompute in the background.
 * JavaFX thread only.
 */
final class PerturbationPane extends VBox {

    static final String OCCLUSION_QUESTION = "What happens if this part is hidden?";
    static final String LIME_QUESTION = "Which parts does a simple model of the network's answers lean on?";
    static final String SLIC_TIP = "Grid cuts the image into equal squares; SLIC regions group neighbouring pixels"
            + " of similar brightness or colour, so each part LIME hides follows the shapes in the picture.";

    private final InspectViewModel model;
    private final ObservableValue<Theme> theme;
    private final ComboBox<Integer> patch = choice("occlusion-patch", List.of(2, 3, 4, 5, 6, 7, 8, 10, 14));
    private final ComboBox<Integer> stride = choice("occlusion-stride", List.of(1, 2, 3, 4, 5, 7));
    private final ComboBox<Integer> samples = choice("lime-samples", List.of(100, 250, 500, 1000, 2000));
    private final ComboBox<PerturbSettings.Superpixels> superpixels = choice("lime-superpixels",
            List.of(PerturbSettings.Superpixels.values()));
    private final ComboBox<Integer> superpixel = choice("lime-superpixel", List.of(2, 3, 4, 7, 14));
    private final ComboBox<Integer> regions = choice("lime-regions", List.of(16, 25, 49, 100, 196));
    private final Label size = Css.styled(new Label(), "lime-size-label");
    private final HBox imageLime;
    private final HBox imageControls;
    private final HBox limeControls;
    private final Label status = Css.styled(new Label(), "muted", "perturb-status");
    private final VBox details = new VBox(8);
    private boolean updating;

    PerturbationPane(InspectViewModel model, ObservableValue<Theme> theme) {
        super(8);
        this.model = model;
        this.theme = theme;
        getStyleClass().add("perturbation");
        imageControls = row(new Label("Occlusion patch"), patch, new Label("stride"), stride);
        superpixels.setTooltip(new Tooltip(SLIC_TIP));
        imageLime = row(new Label("superpixels"), superpixels, size, superpixel, regions);
        limeControls = row(new Label("LIME samples"), samples, imageLime);
        status.setWrapText(true);
        listen(patch, PerturbSettings::withPatch);
        listen(stride, PerturbSettings::withStride);
        listen(samples, PerturbSettings::withSamples);
        listen(superpixel, PerturbSettings::withSuperpixel);
        listen(superpixels, PerturbSettings::withSuperpixels);
        listen(regions, PerturbSettings::withRegions);
        getChildren().setAll(Css.styled(new Label("What hiding parts of the input does"), "section-title"),
                imageControls, limeControls, status, details);
        model.perturbSettingsProperty().addListener((obs, was, now) -> showSettings(now));
        showSettings(model.perturbSettingsProperty().get());
    }

    /** Shows the controls that apply to {@code summary}'s inputs and a waiting note. */
    void reset(RunSummary summary) {
        boolean image = summary != null && summary.isImage();
        imageControls.setVisible(image);
        imageControls.setManaged(image);
        imageLime.setVisible(image);
        imageLime.setManaged(image);
        status.setText("Hiding parts of the input and asking the network again\u2026");
        details.getChildren().clear();
    }

    /** Shows {@code perturbation}'s R², agreement sentence and, for text and tables, LIME's weights. */
    void show(Perturbation perturbation, RunSummary summary) {
        details.getChildren().clear();
        if (perturbation == null || summary == null) {
            return;
        }
        StringBuilder text = new StringBuilder();
        perturbation.occlusion().ifPresent(o -> text.append(String.format(Locale.ROOT,
                "Occlusion: %d hidden copies; the class's probability is %.2f unhidden and drops by up to %.2f. ",
                o.copies(), o.probability(), Math.max(0, o.peakDrop()))));
        perturbation.lime().ifPresent(l -> text.append(String.format(Locale.ROOT,
                "LIME: a line over %d features fitted to %d masked copies explains R\u00b2 = %.2f of the answers%s",
                l.weights().length, l.samples(), l.rSquared(), l.rSquared() < 0.5
                        ? " \u2014 low, so read its weights with care." : ".")));
        status.setText(text.toString().strip());
        if (!perturbation.agreement().isEmpty()) {
            details.getChildren().add(Css.styled(note(perturbation.agreement()), "method-agreement"));
        }
        perturbation.lime().ifPresent(l -> {
            if (summary.readsTokens()) {
                details.getChildren().addAll(note(LIME_QUESTION + " Red words push the answer towards "
                        + summary.className(perturbation.classIndex()) + ", blue words away; padding is left out."),
                        words(l));
            } else if (!summary.isImage()) {
                BarStrip bars = ThemeColors.follow(new BarStrip(), theme);
                bars.getStyleClass().add("lime-bars");
                float[] weights = new float[l.weights().length];
                for (int i = 0; i < weights.length; i++) {
                    weights[i] = (float) l.weights()[i];
                }
                bars.setValues(weights, l.names());
                bars.setTitles("LIME: how much each column, rather than its training mean, raises the probability of "
                        + summary.className(perturbation.classIndex()), "weight");
                double limit = 1e-12;
                for (float w : weights) {
                    limit = Math.max(limit, Math.abs(w));
                }
                bars.setScale(ColorScale.diverging(limit));
                details.getChildren().addAll(note(LIME_QUESTION), bars);
            }
        });
    }

    /** LIME's word weights as words on a red (for) or blue (against) background, stronger for larger weights. */
    static FlowPane words(LimeExplanation lime) {
        double[] w = lime.weights();
        double max = 1e-12;
        for (double v : w) {
            max = Math.max(max, Math.abs(v));
        }
        FlowPane flow = Css.styled(new FlowPane(6, 6), "lime-words");
        for (int i = 0; i < w.length; i++) {
            Label word = Css.styled(new Label(lime.names().get(i)), "lime-word");
            double alpha = 0.15 + 0.7 * Math.abs(w[i]) / max;
            word.setStyle(String.format(Locale.ROOT, "-fx-background-color: rgba(%s, %.2f); -fx-padding: 2 6;"
                    + " -fx-background-radius: 4;", w[i] >= 0 ? "214, 39, 40" : "31, 119, 180", alpha));
            word.setAccessibleText(String.format(Locale.ROOT, "%s %+.3f", lime.names().get(i), w[i]));
            word.setTooltip(new Tooltip(String.format(Locale.ROOT, "weight %+.3f", w[i])));
            flow.getChildren().add(word);
        }
        return flow;
    }

    /** A wrapping muted sentence (not an {@code inspect-note}: those are the section's own notes). */
    private static Label note(String text) {
        Label label = Css.styled(new Label(text), "muted", "perturb-note");
        label.setWrapText(true);
        label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return label;
    }

    private void showSettings(PerturbSettings settings) {
        updating = true;
        patch.setValue(settings.patch());
        stride.setValue(settings.stride());
        samples.setValue(settings.samples());
        superpixel.setValue(settings.superpixel());
        superpixels.setValue(settings.superpixels());
        regions.setValue(settings.regions());
        boolean slic = settings.superpixels() == PerturbSettings.Superpixels.SLIC;
        size.setText(slic ? "how many" : "cell side (pixels)");
        superpixel.setVisible(!slic);
        superpixel.setManaged(!slic);
        regions.setVisible(slic);
        regions.setManaged(slic);
        updating = false;
    }

    private <T> void listen(ComboBox<T> box, java.util.function.BiFunction<PerturbSettings, T,
            PerturbSettings> change) {
        box.setOnAction(e -> {
            if (!updating && box.getValue() != null) {
                model.perturbWith(change.apply(model.perturbSettingsProperty().get(), box.getValue()));
            }
        });
    }

    private static <T> ComboBox<T> choice(String styleClass, List<T> values) {
        ComboBox<T> box = new ComboBox<>();
        box.getItems().setAll(values);
        box.getStyleClass().add(styleClass);
        return box;
    }

    private static HBox row(javafx.scene.Node... nodes) {
        HBox row = new HBox(10, nodes);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    ComboBox<Integer> patchChoice() {
        return patch;
    }

    ComboBox<Integer> samplesChoice() {
        return samples;
    }

    ComboBox<PerturbSettings.Superpixels> superpixelsChoice() {
        return superpixels;
    }

    ComboBox<Integer> regionsChoice() {
        return regions;
    }
}
