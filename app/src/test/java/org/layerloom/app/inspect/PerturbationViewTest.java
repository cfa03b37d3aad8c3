package org.layerloom.app.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.layerloom.engine.look.Theme;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Occlusion and LIME in "Why this prediction" on real saved runs (the briefly trained MNIST CNN, the
 * spirals table), computed on a background thread as in the app: side by side with the gradient maps, each
 * with its question, recomputed when a setting changes (LIME also over SLIC regions); screenshots in both themes go to target/screenshots.
 */
@ExtendWith(ApplicationExtension.class)
class PerturbationViewTest {

    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "perturbation-test");
        t.setDaemon(true);
        return t;
    });
    private InspectView view;
    private Scene scene;

    @Start
    void start(Stage stage) {
        view = new InspectView(background, Platform::runLater, theme);
        scene = new Scene(new StackPane(view), 1260, 780);
        Screenshots.theme(scene, theme, false);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> view.model().close()).get();
        background.shutdown();
        background.awaitTermination(30, TimeUnit.SECONDS);
    }

    private void settle() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !WaitForAsyncUtils.asyncFx(() -> view.model()
                .busyProperty().get()).get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Scrolls "Why this prediction" so that the occlusion and LIME maps and the pane below them are in view. */
    private void scrollToPerturbation() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            WhySection why = view.why();
            javafx.scene.Node pane = why.perturbationPane();
            double top = why.getContent().sceneToLocal(pane.localToScene(0, 0)).getY();
            double range = why.getContent().getBoundsInLocal().getHeight() - why.getViewportBounds().getHeight();
            why.setVvalue(Math.max(0, Math.min(1, (top - 420) / range)));
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void a_digit_is_explained_by_occlusion_and_lime_beside_the_gradient_maps(FxRobot robot) throws Exception {
        java.nio.file.Path run = TrainedRuns.mnistCnn();
        WaitForAsyncUtils.asyncFx(() -> view.openRun(run)).get();
        settle();
        WaitForAsyncUtils.asyncFx(() -> view.model().pickTestSample(0)).get();
        WaitForAsyncUtils.asyncFx(() -> view.selectSection(1)).get();
        settle();

        Perturbation result = view.model().perturbationProperty().get();
        assertThat(result).isNotNull();
        assertThat(result.classIndex()).isEqualTo(view.model().explanationProperty().get().classIndex());
        assertThat(result.occlusion().orElseThrow().patch()).isEqualTo(4);
        assertThat(result.lime().orElseThrow().weights()).hasSize(49);
        assertThat(view.why().overlays()).hasSize(5);
        List<String> questions = robot.lookup(".method-question").queryAllAs(Label.class).stream()
                .map(Label::getText).toList();
        assertThat(questions).hasSize(5).contains(PerturbationPane.OCCLUSION_QUESTION, PerturbationPane.LIME_QUESTION,
                WhySection.GRAD_CAM_QUESTION);
        String agreement = robot.lookup(".method-agreement").queryAs(Label.class).getText();
        assertThat(agreement).contains("saliency and Grad-CAM").contains("occlusion and LIME").contains("%");
        assertThat(robot.lookup(".perturb-status").queryAs(Label.class).getText()).contains("R\u00b2 = ")
                .contains("169 hidden copies");
        System.out.println("MNIST perturbation: " + robot.lookup(".perturb-status").queryAs(Label.class).getText()
                + " | " + agreement);
        Screenshots.write(scene, "inspect-why-perturbation-light");
        scrollToPerturbation();
        Screenshots.write(scene, "inspect-why-perturbation-below-light");

        WaitForAsyncUtils.asyncFx(() -> view.why().perturbationPane().patchChoice().getSelectionModel()
                .select(Integer.valueOf(7))).get();
        settle();
        assertThat(view.model().perturbationProperty().get().occlusion().orElseThrow().patch()).isEqualTo(7);
        assertThat(view.why().overlays()).as("the old maps are replaced, not added to").hasSize(5);

        WaitForAsyncUtils.asyncFx(() -> Screenshots.theme(scene, theme, true)).get();
        Screenshots.write(scene, "inspect-why-perturbation-below-dark");
        WaitForAsyncUtils.asyncFx(() -> view.why().setVvalue(0)).get();
        Screenshots.write(scene, "inspect-why-perturbation-dark");
    }

    @Test
    void lime_over_slic_regions_explains_a_digit_with_the_regions_outlined(FxRobot robot) throws Exception {
        java.nio.file.Path run = TrainedRuns.mnistCnn();
        WaitForAsyncUtils.asyncFx(() -> view.openRun(run)).get();
        settle();
        WaitForAsyncUtils.asyncFx(() -> view.model().pickTestSample(0)).get();
        WaitForAsyncUtils.asyncFx(() -> view.selectSection(1)).get();
        settle();
        PerturbationPane pane = view.why().perturbationPane();
        assertThat(pane.superpixelsChoice().getValue()).isEqualTo(PerturbSettings.Superpixels.GRID);
        assertThat(pane.regionsChoice().isVisible()).as("a region count only for SLIC").isFalse();
        assertThat(pane.superpixelsChoice().getTooltip().getText()).contains("SLIC regions group neighbouring");

        WaitForAsyncUtils.asyncFx(() -> pane.superpixelsChoice().getSelectionModel()
                .select(PerturbSettings.Superpixels.SLIC)).get();
        settle();

        Perturbation result = view.model().perturbationProperty().get();
        assertThat(result.settings().superpixels()).isEqualTo(PerturbSettings.Superpixels.SLIC);
        org.layerloom.engine.inspect.perturb.LimeExplanation lime = result.lime().orElseThrow();
        assertThat(lime.weights().length).as("about the 49 regions asked").isBetween(25, 98);
        assertThat(lime.names()).allMatch(n -> n.startsWith("region "));
        assertThat(pane.regionsChoice().isVisible()).isTrue();
        assertThat(pane.regionsChoice().getValue()).isEqualTo(49);
        assertThat(view.why().overlays()).hasSize(5);
        org.layerloom.charts.image.OverlayImage map = view.why().overlays().get(4);
        assertThat(map.regions()).as("the LIME map outlines the SLIC regions")
                .isEqualTo(lime.features().featureAt(784));
        String status = robot.lookup(".perturb-status").queryAs(Label.class).getText();
        assertThat(status).contains("LIME: a line over " + lime.weights().length + " features").contains("R\u00b2 = ");
        System.out.println("MNIST LIME over SLIC regions: " + status);
        scrollToPerturbation();
        Screenshots.write(scene, "inspect-why-lime-slic-light");

        WaitForAsyncUtils.asyncFx(() -> pane.regionsChoice().getSelectionModel().select(Integer.valueOf(100))).get();
        settle();
        org.layerloom.engine.inspect.perturb.LimeExplanation finer = view.model().perturbationProperty().get().lime().orElseThrow();
        assertThat(finer.weights().length).as("about the 100 regions asked").isBetween(50, 200);
        assertThat(view.model().perturbationProperty().get().settings().superpixels())
                .isEqualTo(PerturbSettings.Superpixels.SLIC);
        WaitForAsyncUtils.asyncFx(() -> Screenshots.theme(scene, theme, true)).get();
        Screenshots.write(scene, "inspect-why-lime-slic-dark");
    }

    @Test
    void a_sentence_gets_its_words_coloured_by_lime_weight(FxRobot robot) throws Exception {
        java.nio.file.Path run = TrainedRuns.sentimentLstm();
        WaitForAsyncUtils.asyncFx(() -> view.openRun(run)).get();
        settle();
        WaitForAsyncUtils.asyncFx(() -> view.model().useSentence("The food was great but the service was slow"))
                .get();
        WaitForAsyncUtils.asyncFx(() -> view.selectSection(1)).get();
        settle();

        List<String> words = robot.lookup(".lime-word").queryAllAs(Label.class).stream().map(Label::getText)
                .toList();
        assertThat(words).as("every word, no padding").hasSize(9).contains("great");
        assertThat(view.model().perturbationProperty().get().lime().orElseThrow().names()).isEqualTo(words);
        System.out.println("Sentence LIME: " + robot.lookup(".perturb-status").queryAs(Label.class).getText() + " | "
                + robot.lookup(".method-agreement").queryAs(Label.class).getText());
        Screenshots.write(scene, "inspect-text-perturbation-light");
        WaitForAsyncUtils.asyncFx(() -> Screenshots.theme(scene, theme, true)).get();
        Screenshots.write(scene, "inspect-text-perturbation-dark");
    }

    @Test
    void a_table_row_gets_one_lime_bar_per_column_and_no_occlusion(FxRobot robot) throws Exception {
        java.nio.file.Path run = TrainedRuns.spirals();
        WaitForAsyncUtils.asyncFx(() -> view.openRun(run)).get();
        settle();
        WaitForAsyncUtils.asyncFx(() -> view.selectSection(1)).get();
        settle();

        Perturbation result = view.model().perturbationProperty().get();
        assertThat(result.occlusion()).isEmpty();
        assertThat(result.lime().orElseThrow().names()).containsExactly("x\u2081", "x\u2082");
        org.layerloom.charts.heatmap.BarStrip bars = robot.lookup(".lime-bars").query();
        assertThat(bars.names()).containsExactly("x\u2081", "x\u2082");
        assertThat(robot.lookup(".occlusion-patch").query().getParent().isVisible()).as("no patch for a table row")
                .isFalse();
        assertThat(robot.lookup(".method-agreement").queryAs(Label.class).getText()).contains("LIME ranks");
        scrollToPerturbation();
        Screenshots.write(scene, "inspect-spirals-perturbation-light");
        WaitForAsyncUtils.asyncFx(() -> Screenshots.theme(scene, theme, true)).get();
        Screenshots.write(scene, "inspect-spirals-perturbation-dark");
    }
}
