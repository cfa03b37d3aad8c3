package org.layerloom.app.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.layerloom.charts.ChartColors;
import org.layerloom.engine.look.Theme;
import org.layerloom.engine.train.event.DecisionMapCaptured;
import org.layerloom.engine.train.event.EmbeddingProjected;
import org.layerloom.engine.train.event.TrainingEvent;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real Inspect view on real saved runs (the MNIST CNN sample trained briefly, the spirals sample),
 * engine work on a background thread as in the app: clicks through the three sections, draws a digit,
 * opens a gallery sample, and writes screenshots of every section in the light and the dark theme to
 * target/screenshots.
 */
@ExtendWith(ApplicationExtension.class)
class InspectViewTest {

    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);

    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "inspect-test");
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
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> !WaitForAsyncUtils.asyncFx(() -> view.model()
                .busyProperty().get()).get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void a_saved_mnist_cnn_is_inspected_section_by_section(FxRobot robot) throws Exception {
        java.nio.file.Path run = TrainedRuns.mnistCnn();
        WaitForAsyncUtils.asyncFx(() -> view.openRun(run)).get();
        settle();

        assertThat(view.activations().cardCount()).as("the input and 8 layers").isEqualTo(9);
        assertThat(robot.lookup(".layer-card .image-grid").queryAll()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(robot.lookup(".layer-card .bar-strip").queryAll()).as("Flatten, two Dense, Output").hasSize(4);
        assertThat(view.activations().prediction().headlineText()).startsWith("Predicts ");
        Screenshots.write(scene, "inspect-activations-light");

        robot.clickOn(".next-mistake");
        settle();
        assertThat(view.activations().prediction().headlineText()).contains("wrong");

        robot.drag(view.activations().picker().pad()).moveBy(0, 60).drop();
        settle();
        assertThat(view.model().inputProperty().get().description()).isEqualTo("your drawing");

        robot.clickOn("Why this prediction");
        settle();
        assertThat(view.why().overlays()).as("saliency, SmoothGrad, Grad-CAM, occlusion, LIME").hasSize(5);
        WaitForAsyncUtils.asyncFx(() -> view.why().opacitySlider().setValue(0.3)).get();
        assertThat(view.why().overlays().get(2).overlayOpacityProperty().get()).isEqualTo(0.3);
        assertThat(robot.lookup(".filters-card .image-grid").queryAll()).hasSize(1);
        assertThat(robot.lookup(".dense-card .heatmap-view").queryAll()).hasSize(1);
        WaitForAsyncUtils.asyncFx(() -> view.model().pickTestSample(0)).get();
        settle();
        WaitForAsyncUtils.asyncFx(() -> view.why().opacitySlider().setValue(0.6)).get();
        Screenshots.write(scene, "inspect-why-light");

        robot.clickOn("Error analysis");
        settle();
        Gallery gallery = view.model().galleryProperty().get();
        assertThat(gallery).as("the largest confusion cell opens by itself").isNotNull();
        assertThat(view.errors().tileCount()).isEqualTo(gallery.items().size()).isPositive();
        assertThat(view.errors().embeddingPlot().pointCount()).isEqualTo(1_000);
        Screenshots.write(scene, "inspect-errors-light");

        Node tile = robot.lookup(".gallery-tile").query();
        robot.clickOn(tile);
        settle();
        assertThat(view.model().inputProperty().get().testIndex()).isEqualTo(gallery.items().get(0).example().index());
        assertThat(robot.lookup(".inspect-tabs .tab:selected .tab-label").queryAs(Label.class).getText())
                .isEqualTo("Activations");

        WaitForAsyncUtils.asyncFx(() -> Screenshots.theme(scene, theme, true)).get();
        assertThat(view.activations().prediction().getChildren().stream()
                .filter(org.layerloom.charts.CanvasChart.class::isInstance).map(c ->
                        ((org.layerloom.charts.CanvasChart) c).colors()).toList()).containsOnly(ChartColors.DARK);
        Screenshots.write(scene, "inspect-activations-dark");
        robot.clickOn("Why this prediction");
        settle();
        Screenshots.write(scene, "inspect-why-dark");
        robot.clickOn("Error analysis");
        settle();
        Screenshots.write(scene, "inspect-errors-dark");
    }

    @Test
    void the_spirals_decision_map_follows_live_training_and_a_click_inspects_a_point(FxRobot robot)
            throws Exception {
        java.nio.file.Path run = TrainedRuns.spirals();
        WaitForAsyncUtils.asyncFx(() -> view.openRun(run)).get();
        settle();
        List<TrainingEvent> events = TrainedRuns.spiralsEvents();
        List<TrainingEvent> live = events.stream().filter(e -> e instanceof DecisionMapCaptured
                || e instanceof EmbeddingProjected).toList();
        List<TrainingEvent> early = live.subList(0, 12);
        DecisionMapCaptured lastEarly = (DecisionMapCaptured) early.stream()
                .filter(DecisionMapCaptured.class::isInstance).reduce((a, b) -> b).orElseThrow();
        WaitForAsyncUtils.asyncFx(() -> view.onEvents(early)).get();
        WaitForAsyncUtils.asyncFx(() -> view.selectSection(2)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(ErrorsSection.whenText(view.model().decisionMapProperty().get()))
                .isEqualTo("epoch " + lastEarly.epoch() + ", batch " + lastEarly.batch());
        Screenshots.write(scene, "inspect-spirals-early-light");

        WaitForAsyncUtils.asyncFx(() -> view.onEvents(live)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.errors().decisionPlot().hasMap()).isTrue();
        assertThat(view.errors().epochSlider().getMax()).isEqualTo(view.model().embeddings().size() - 1);
        Screenshots.write(scene, "inspect-spirals-light");

        javafx.geometry.Point2D inside = WaitForAsyncUtils.asyncFx(() -> {
            double[] px = view.errors().decisionPlot().pixelOf(0.5, 0.5);
            return view.errors().decisionPlot().localToScreen(px[0], px[1]);
        }).get();
        robot.clickOn(inside);
        settle();
        assertThat(view.model().inputProperty().get().description()).startsWith("the point (");
        assertThat(view.model().inspectionProperty().get()).isNotNull();

        WaitForAsyncUtils.asyncFx(() -> Screenshots.theme(scene, theme, true)).get();
        WaitForAsyncUtils.asyncFx(() -> view.selectSection(2)).get();
        Screenshots.write(scene, "inspect-spirals-dark");
        WaitForAsyncUtils.asyncFx(() -> view.selectSection(0)).get();
        Screenshots.write(scene, "inspect-spirals-activations-dark");
        assertThat(robot.lookup(".drawing-pad").tryQuery()).as("no pad for points").isEmpty();
    }

    @Test
    void two_inputs_are_explained_in_words_of_their_own_and_a_confusion_cell_scrolls_to_the_gallery(FxRobot robot)
            throws Exception {
        java.nio.file.Path run = TrainedRuns.spirals();
        WaitForAsyncUtils.asyncFx(() -> view.openRun(run)).get();
        settle();
        String runStatus = view.model().statusProperty().get();
        assertThat(view.activations().prediction().headlineText()).doesNotContain("e-");

        robot.clickOn("Why this prediction");
        settle();
        List<String> notes = robot.lookup(".attribution-card .inspect-note").queryAllAs(Label.class).stream()
                .map(Label::getText).toList();
        assertThat(notes).singleElement().asString().contains("One bar for x\u2081 and x\u2082")
                .doesNotContain("Bright").doesNotContain("pixel");
        assertThat(robot.lookup(".overlay-opacity").tryQuery()).as("nothing to overlay on two numbers").isEmpty();
        assertThat(robot.lookup(".attribution-card").lookup(".explained-class").tryQuery()).isPresent();
        org.layerloom.charts.heatmap.BarStrip bars = robot.lookup(".input-gradient").query();
        assertThat(bars.names()).containsExactly("x\u2081", "x\u2082");
        Screenshots.write(scene, "inspect-spirals-why-light");
        WaitForAsyncUtils.asyncFx(() -> Screenshots.theme(scene, theme, true)).get();
        Screenshots.write(scene, "inspect-spirals-why-dark");
        WaitForAsyncUtils.asyncFx(() -> Screenshots.theme(scene, theme, false)).get();

        int[][] confusion = view.model().confusionProperty().get();
        int[] cell = InspectViewModelTest.biggestMistake(confusion);
        WaitForAsyncUtils.asyncFx(() -> view.errors().setVvalue(0)).get();
        WaitForAsyncUtils.asyncFx(() -> view.showErrors(cell[0], cell[1])).get();
        settle();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.model().galleryProperty().get().actual()).isEqualTo(cell[0]);
        assertThat(view.model().statusProperty().get()).as("the header keeps the run's status").isEqualTo(runStatus);
        double top = WaitForAsyncUtils.asyncFx(() -> view.errors().galleryTopInView()).get();
        assertThat(top).as("the gallery's top is in view").isNotNegative();
        assertThat(view.errors().getVvalue()).as("scrolled down past the decision map").isPositive();
        Screenshots.write(scene, "inspect-spirals-gallery-light");
    }
}
