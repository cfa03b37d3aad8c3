package org.layerloom.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.app.ui.Area;
import org.layerloom.app.workspace.UserFolders;
import org.layerloom.editor.model.EditorViewModel;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.ParamValue;
import org.layerloom.engine.graph.Problem;
import org.layerloom.engine.graph.ProblemCode;
import org.layerloom.engine.graph.edit.GraphEdits;
import org.layerloom.engine.look.Theme;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.testing.TestProjects;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Model area knows the project's dataset: a Moons project whose last layer gives 64 scores is not "ready to
 * train" there, its fix makes it so; and the editor's panels follow the font-size setting (screenshots at 18 and
 * 24 px in both themes, with the network check's table).
 */
@ExtendWith(ApplicationExtension.class)
class ModelAreaDataCheckTest {

    @TempDir
    Path dir;

    private Stage stage;
    private WorkbenchProbe probe;

    @RegisterExtension
    final WorkbenchFixture window = new WorkbenchFixture();

    @Start
    void start(Stage primary) {
        stage = primary;
        window.useStage(primary);
    }

    private Path moonsWith64Scores() {
        Project moons = TestProjects.moons(1);
        NetworkGraph wide = GraphEdits.setParameter(moons.graph(), "dense3", "units", new ParamValue.Int(64))
                .applyTo(moons.graph());
        return TestProjects.write(moons.withGraph(wide), dir.resolve("moons.loom"));
    }

    private void launch(FxRobot robot, Path project) {
        UserFolders folders = WorkbenchFixture.folders(dir);
        AppEnvironment environment = WorkbenchFixture.environment(folders);
        probe = window.launch(environment, LaunchOptions.none().withProject(project));
    }

    private EditorViewModel network() {
        return probe.session().editor();
    }

    private boolean hasDataProblem() {
        return network().report().errors().stream().map(Problem::code)
                .anyMatch(c -> c == ProblemCode.OUTPUT_DOES_NOT_FIT_DATA);
    }

    @Test
    void the_model_area_reports_the_data_mismatch_with_its_fix_and_scales_with_the_font(FxRobot robot)
            throws Exception {
        launch(robot, moonsWith64Scores());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, this::hasDataProblem);
        robot.interact(() -> {
            probe.mainWindow().show(Area.MODEL);
            network().selection().selectOnly("output4");
        });
        WaitForAsyncUtils.waitForFxEvents();
        Button fix = robot.lookup("#node-problems").lookup(".fix-button").queryButton();
        assertThat(fix.getText()).isEqualTo("Give the last layer 2 units");
        assertThat(robot.lookup("#problem-list").queryListView().getItems()).isNotEmpty();

        double paletteAt14 = robot.lookup(".palette-entry").queryAs(Label.class).getFont().getSize();
        for (int size : new int[] {18, 24}) {
            for (Theme theme : Theme.values()) {
                robot.interact(() -> {
                    probe.applySettings(probe.settingsProperty().get().withFontSize(size));
                    probe.setTheme(theme);
                });
                WaitForAsyncUtils.waitForFxEvents();
                double palette = robot.lookup(".palette-entry").queryAs(Label.class).getFont().getSize();
                assertThat(palette).as("palette text at %d px", size).isCloseTo(paletteAt14 * size / 14.0,
                        org.assertj.core.data.Offset.offset(0.6));
                assertThat(robot.lookup(".problem-text").queryAs(Label.class).getFont().getSize())
                        .as("problem text at %d px", size).isGreaterThan(size * 0.85);
                write(probe.scene(), "editor-font-" + size + "-" + theme.name().toLowerCase() + ".png");
            }
        }

        // The network check window's table, with the data check, at both sizes.
        for (int size : new int[] {18, 24}) {
            robot.interact(() -> {
                probe.applySettings(probe.settingsProperty().get().withFontSize(size));
                probe.setTheme(Theme.LIGHT);
                probe.showProjectCheck();
            });
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#project-data-check").tryQuery()
                    .map(n -> ((Label) n).getText().startsWith("Checked against")).orElse(false));
            Label status = robot.lookup("#project-status").queryAs(Label.class);
            assertThat(status.getText()).contains("Not ready to train");
            write(status.getScene(), "check-font-" + size + ".png");
            robot.interact(() -> ((Stage) status.getScene().getWindow()).close());
        }

        robot.interact(() -> {
            probe.applySettings(probe.settingsProperty().get().withFontSize(14));
            probe.setTheme(Theme.LIGHT);
        });
        robot.clickOn(fix);
        assertThat(network().report().isValid()).isTrue();
        assertThat(network().graph().requireNode("dense3").params().intValue("units")).isEqualTo(2);
    }

    @Test
    void an_empty_network_is_not_ready_to_train(FxRobot robot) throws Exception {
        launch(robot, moonsWith64Scores());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, this::hasDataProblem);
        robot.interact(() -> {
            probe.mainWindow().show(Area.MODEL);
            network().selection().set(network().graph().nodes().stream().map(n -> n.id()).toList(), java.util.List.of());
        });
        robot.interact(() -> new org.layerloom.editor.command.DeleteSelectionCommand(network()).execute());

        assertThat(network().report().isValid()).isFalse();
        assertThat(network().report().errors()).extracting(Problem::code).containsExactly(ProblemCode.EMPTY_NETWORK);
        assertThat(robot.lookup("#problem-list").queryListView().getItems()).hasSize(1);
    }

    private static void write(Scene scene, String name) throws Exception {
        Path folder = Files.createDirectories(Path.of("target", "screenshots"));
        java.util.concurrent.atomic.AtomicReference<javafx.scene.image.WritableImage> image =
                new java.util.concurrent.atomic.AtomicReference<>();
        WaitForAsyncUtils.asyncFx(() -> image.set(scene.snapshot(null))).get(10, TimeUnit.SECONDS);
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image.get(), null), "png",
                folder.resolve(name).toFile());
    }
}
