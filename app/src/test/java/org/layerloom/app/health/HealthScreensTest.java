package org.layerloom.app.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.layerloom.app.coach.CoachCard;
import org.layerloom.app.coach.CoachPanel;
import org.layerloom.app.coach.CoachViewModel;
import org.layerloom.editor.model.EditorViewModel;
import org.layerloom.editor.model.RecentFiles;
import org.layerloom.editor.view.EditorPane;
import org.layerloom.editor.view.EditorServices;
import org.layerloom.editor.view.HealthOverlay;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.graph.LayerCatalog;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.look.Theme;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.ProjectFiles;
import org.layerloom.engine.testing.Fx;
import org.layerloom.engine.train.coach.CoachContext;
import org.layerloom.engine.train.coach.GraphChange;
import org.layerloom.engine.train.coach.SettingChange;
import org.layerloom.engine.train.event.TrainingEvent;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The editor overlay, the health view and the coach panel headless, fed by real short trainings (the MNIST CNN
 * sample with previews, a deep sigmoid MLP for the coach), with screenshots in both themes under
 * target/screenshots.
 */
@ExtendWith(ApplicationExtension.class)
class HealthScreensTest {

    static Project cnn;
    static List<TrainingEvent> cnnRun;
    static List<TrainingEvent> sigmoidRun;
    private Stage stage;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);

    @BeforeAll
    static void train() throws Exception {
        cnn = ProjectFiles.load(Path.of("../samples/projects/mnist-cnn.loom"));
        cnnRun = HealthTrainings.train(cnn, 1_500);
        sigmoidRun = HealthTrainings.deepRun("sigmoid");
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.show();
    }

    private static Function<String, String> cnnNames() {
        return id -> cnn.graph().node(id).map(Node::name).orElse(id);
    }

    private EditorPane editorWithCnn() {
        EditorViewModel editor = new EditorViewModel(GraphValidator.standard(), LayerCatalog.standard());
        EditorPane pane = new EditorPane(editor, new EditorServices(Runnable::run, Runnable::run,
                new RecentFiles(Optional.empty())));
        pane.session().open(cnn, Optional.empty());
        return pane;
    }

    @Test
    void the_cnn_sample_after_a_short_training_shows_previews_badges_and_gradient_wires() throws Exception {
        EditorPane[] pane = new EditorPane[1];
        HealthView[] view = new HealthView[1];
        Fx.run(() -> {
            pane[0] = editorWithCnn();
            HealthOverlay overlay = pane[0].healthOverlay();
            view[0] = new HealthView(new HealthViewModel(cnnNames()), overlay, theme);
            view[0].onEvents(cnnRun);
            overlay.previewsShownProperty().set(true);
            overlay.healthShownProperty().set(true);
            overlay.gradientsShownProperty().set(true);
        });
        assertThat(view[0].model().previews()).containsKeys("conv2d1", "conv2d2", "dense1");
        assertThat(view[0].model().previews().get("conv2d1").shape()).containsExactly(8, 14, 14);
        for (boolean dark : new boolean[] {false, true}) {
            Fx.run(() -> pane[0].themeProperty().set(Theme.of(dark)));
            shootOffscreen(pane[0], 1900, 760, dark, "health-editor-mnist-cnn");
        }
    }

    @Test
    void the_health_view_lists_every_layer_and_its_scrubber_drives_the_overlay(FxRobot robot) throws Exception {
        EditorPane[] pane = new EditorPane[1];
        HealthView[] view = new HealthView[1];
        Fx.run(() -> {
            pane[0] = editorWithCnn();
            pane[0].healthOverlay().gradientsShownProperty().set(true);
            view[0] = new HealthView(new HealthViewModel(cnnNames()), pane[0].healthOverlay(), theme);
            view[0].onEvents(cnnRun);
        });
        show(view[0], 1240, 760, false);
        HealthViewModel model = view[0].model();
        assertThat(view[0].table().getItems()).hasSize(cnn.graph().nodes().size() - 1);
        assertThat(view[0].table().getItems().get(0).name()).isEqualTo(cnnNames().apply("conv2d1"));
        assertThat(view[0].histogramChart().frameCount()).isEqualTo(model.captureCount());
        assertThat(view[0].gradientChart().seriesCount()).isEqualTo(model.trainableNodeIds().size());
        String last = model.selectedLabel();
        double lastNorm = model.gradientNorms().get("conv2d1");
        Fx.run(() -> robot.lookup("#health-scrubber").queryAs(javafx.scene.control.Slider.class).setValue(0));
        assertThat(model.selectedIndex()).isZero();
        assertThat(robot.lookup("#health-position").queryLabeled().getText()).isNotEqualTo(last)
                .startsWith("Epoch 1, batch 10 ");
        assertThat(pane[0].healthOverlay().gradientScale()).isEqualTo(model.gradientScale());
        assertThat(model.gradientNorms().get("conv2d1")).isNotEqualTo(lastNorm);
        Fx.run(() -> {
            view[0].table().getSelectionModel().select(2);
        });
        assertThat(view[0].histogramChart().titleProperty().get()).contains(view[0].table().getItems().get(2).name());
        Fx.run(() -> robot.lookup("#health-scrubber").queryAs(javafx.scene.control.Slider.class).setValue(2));
        for (boolean dark : new boolean[] {false, true}) {
            shoot(view[0], 1240, 760, dark, "health-view");
        }
    }

    @Test
    void coach_cards_apply_their_actions_once_and_can_be_dismissed(FxRobot robot) throws Exception {
        List<SettingChange> settings = new ArrayList<>();
        List<GraphChange> edits = new ArrayList<>();
        CoachPanel[] panel = new CoachPanel[1];
        Fx.run(() -> {
            CoachViewModel model = new CoachViewModel(() -> CoachContext.of(RealHealthTrainingTest.SIGMOID,
                    new org.layerloom.engine.project.TrainingSettings(HealthTrainings.sgd(0.1),
                            org.layerloom.engine.project.ScheduleSettings.fixed(), 64, 1, 0.1, 42,
                            org.layerloom.engine.project.DeviceChoice.CPU), 0, 10),
                    RealHealthTrainingTest.names(RealHealthTrainingTest.SIGMOID), settings::add, edits::add);
            panel[0] = new CoachPanel(model);
            panel[0].onEvents(sigmoidRun);
        });
        show(panel[0], 460, 760, false);
        CoachViewModel model = panel[0].model();
        assertThat(model.cards()).hasSizeGreaterThanOrEqualTo(3);
        CoachCard vanishing = model.cards().stream().filter(c -> c.title().equals("Vanishing gradients")).findFirst()
                .orElseThrow();
        Fx.run(() -> robot.lookup("#coach-card-" + vanishing.id()).lookup(".coach-apply").queryAs(Button.class).fire());
        assertThat(edits).hasSize(1);
        assertThat(model.card(vanishing.id()).orElseThrow().isApplied(vanishing.actions().get(0))).isTrue();
        assertThat(robot.lookup("#coach-card-" + vanishing.id()).lookup(".coach-applied").queryAs(Button.class)
                .isDisabled()).isTrue();
        model.apply(vanishing.id(), vanishing.actions().get(0));
        assertThat(edits).as("applied once").hasSize(1);
        CoachCard withSetting = model.cards().stream().filter(c -> c.actions().stream()
                .anyMatch(a -> a instanceof SettingChange)).findFirst().orElseThrow();
        Fx.run(() -> robot.lookup("#coach-card-" + withSetting.id()).lookup(".coach-apply").queryAs(Button.class).fire());
        assertThat(settings).hasSize(1);
        for (boolean dark : new boolean[] {false, true}) {
            shoot(panel[0], 460, 760, dark, "coach-panel");
        }
        int before = model.cards().size();
        CoachCard first = model.cards().get(0);
        Fx.run(() -> robot.lookup("#coach-card-" + first.id()).lookup(".coach-dismiss").queryAs(Button.class).fire());
        assertThat(model.cards()).hasSize(before - 1);
        assertThat(robot.lookup("#coach-card-" + first.id()).tryQuery()).isEmpty();
    }

    private void shoot(Parent root, int width, int height, boolean dark, String name) throws Exception {
        Path out = Path.of("target/screenshots/" + name + "-" + (dark ? "dark" : "light") + ".png");
        Files.createDirectories(out.getParent());
        show(root, width, height, dark);
        Fx.run(() -> {
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null), "png", out.toFile());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(out).isNotEmptyFile();
    }

    /**
     * Renders {@code root} in a scene wider than the headless screen (no window), so the whole CNN fits at a zoom
     * where cards, previews and badges are readable.
     */
    private void shootOffscreen(Parent root, int width, int height, boolean dark, String name) throws Exception {
        Path out = Path.of("target/screenshots/" + name + "-" + (dark ? "dark" : "light") + ".png");
        Files.createDirectories(out.getParent());
        Fx.run(() -> {
            Scene scene = styled(root, width, height, dark);
            scene.snapshot(null);
            ((EditorPane) root).canvas().fit();
        });
        Fx.run(() -> {
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(root.getScene().snapshot(null), null), "png", out.toFile());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(out).isNotEmptyFile();
    }

    private void show(Parent root, int width, int height, boolean dark) throws Exception {
        Fx.run(() -> {
            Scene scene = styled(root, width, height, dark);
            stage.setScene(scene);
            stage.setWidth(width);
            stage.setHeight(height);
        });
        Thread.sleep(300);
        Fx.run(() -> {
        });
    }

    /** The scene of {@code root} (a new one if it has none) with LayerLoom's light or dark stylesheets. */
    private Scene styled(Parent root, int width, int height, boolean dark) {
        Scene scene = root.getScene() != null ? root.getScene() : new Scene(root, width, height);
        scene.getStylesheets().setAll(getClass().getResource("/org/layerloom/app/ui/layerloom.css").toExternalForm());
        if (dark) {
            scene.getStylesheets().add(getClass().getResource("/org/layerloom/app/ui/layerloom-dark.css")
                    .toExternalForm());
        }
        root.getStyleClass().removeAll("theme-light", "theme-dark");
        root.getStyleClass().add(Theme.of(dark).styleClass());
        theme.set(Theme.of(dark));
        return scene;
    }
}
