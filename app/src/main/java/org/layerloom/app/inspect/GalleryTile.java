package org.layerloom.app.inspect;

import java.util.Arrays;
import java.util.Locale;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.layerloom.app.ui.Css;
import org.layerloom.app.ui.ThemeColors;
import org.layerloom.charts.image.OverlayImage;
import org.layerloom.engine.inspect.Misclassified;
import org.layerloom.engine.look.Theme;
import org.layerloom.engine.text.Numbers;

/**
 * One misclassified test example in the error gallery: the image with its Grad-CAM overlay (for image
 * models), "true → predicted" and its top-3 classes with probabilities. A click asks to inspect it.
 * JavaFX thread only.
 */
final class GalleryTile extends VBox {

    GalleryTile(GalleryItem item, RunSummary summary, ObservableValue<Theme> theme, Runnable onOpen) {
        super(4);
        Css.styled(this, "gallery-tile");
        Misclassified m = item.example();
        if (summary.isImage()) {
            OverlayImage image = ThemeColors.follow(new OverlayImage(), theme);
            int[] hw = summary.imageSize();
            image.setImage(hw[0], hw[1], Arrays.copyOf(item.input(), hw[0] * hw[1]));
            item.gradCam().ifPresent(g -> image.setOverlay(g.height(), g.width(), g.heatmap()));
            image.overlayOpacityProperty().set(0.45);
            image.setTitles("test sample #" + m.index(), "");
            image.setShowScale(false);
            image.setPrefSize(176, 168);
            getChildren().add(image);
        } else {
            float[] x = item.input();
            getChildren().add(Css.styled(new Label("test sample #" + m.index()), "card-title"));
            if (x.length == 2) {
                getChildren().add(Css.styled(new Label(String.format(Locale.ROOT, "at %s = %.2f, %s = %.2f",
                        summary.inputName(0), x[0], summary.inputName(1), x[1])), "muted"));
            }
        }
        Label verdict = Css.styled(new Label("true " + summary.className(m.trueClass()) + " → predicted "
                + summary.className(m.predictedClass())), "tile-verdict");
        verdict.setWrapText(true);
        getChildren().add(verdict);
        StringBuilder top = new StringBuilder();
        int[] classes = m.topClasses();
        float[] p = m.topProbabilities();
        for (int k = 0; k < classes.length; k++) {
            top.append(k == 0 ? "" : "  ").append((summary.className(classes[k]) + ": " + Numbers.probability(p[k]))
                    .replace(' ', '\u00a0'));
        }
        Label likeliest = Css.styled(new Label(top.toString()), "tile-top3");
        likeliest.setWrapText(true);
        getChildren().add(likeliest);
        setPrefWidth(190);
        setMaxWidth(190);
        setOnMouseClicked(e -> onOpen.run());
    }
}
