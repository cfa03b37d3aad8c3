package org.layerloom.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.app.ui.MainWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the real window: the layer reference and the check of an opened project. */
@ExtendWith(ApplicationExtension.class)
class LayerLoomAppTest {

    private final LayerLoomApp app = new LayerLoomApp();
    private MainWindow window;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) throws java.io.IOException {
        // Keep the recent-files list of these tests out of the user's home.
        System.setProperty("layerloom.home", Files.createTempDirectory("layerloom-home").toString());
        window = app.show(stage, LaunchOptions.none());
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void window_is_titled_after_the_project_and_layerloom(FxRobot robot) {
        assertThat(robot.listWindows()).anySatisfy(w -> assertThat(((Stage) w).getTitle())
                .isEqualTo("Untitled — LayerLoom"));
    }

    @Test
    void opening_a_project_shows_it_in_the_editor(FxRobot robot) throws TimeoutException {
        Path file = TestProjects.write(TestProjects.cnn(), dir.resolve("cnn.loom"));

        robot.interact(() -> window.openProject(file));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !window.editor().editor().graph().nodes().isEmpty());

        assertThat(robot.lookup("#graph-canvas").lookup(".node-skin").queryAll())
                .hasSize(window.editor().editor().graph().nodes().size()).hasSizeGreaterThan(3);
        assertThat(robot.listWindows()).anySatisfy(w -> assertThat(((Stage) w).getTitle())
                .isEqualTo("cnn.loom — LayerLoom"));
    }

    @Test
    void the_help_menu_leads_to_the_layer_reference(FxRobot robot) {
        robot.clickOn("Help").clickOn("Layer Reference");

        assertThat(robot.lookup("#layer-search").query().isVisible()).isTrue();
    }

    @Test
    void searching_and_selecting_conv2d_shows_its_formula(FxRobot robot) {
        robot.interact(window::showReference);
        robot.clickOn("#layer-search").write("conv");
        robot.clickOn(robot.lookup(".layer-cell").match(LabeledMatchers.hasText("Conv2D")).<Node>query());

        assertThat(label(robot, "#layer-title")).isEqualTo("Conv2D");
        assertThat(label(robot, "#layer-formula")).contains("size out = ⌊(H + 2p − k) / s⌋ + 1");
        assertThat(robot.lookup("#layer-parameters").lookup(".param-name").queryAll())
                .extracting(n -> ((Label) n).getText()).contains("Filters", "Kernel size", "Stride", "Padding");
    }

    @Test
    void opening_an_invalid_project_shows_the_layers_and_the_fix(FxRobot robot) throws TimeoutException {
        Path file = TestProjects.write(TestProjects.convOnVector(), dir.resolve("conv.loom"));

        robot.interact(() -> {
            window.openProject(file);
            window.showProjectCheck();
        });
        waitForText(robot, "#project-status", "Not ready to train");

        TableView<?> table = robot.lookup("#node-table").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(5);
        assertThat(robot.lookup("#problem-list").lookup(".problem-fix").queryAll())
                .extracting(n -> ((Label) n).getText())
                .containsExactly("Suggested fix: Insert a Reshape to (1, 28, 28)");
    }

    @Test
    void double_clicking_a_layer_of_the_project_explains_its_kind(FxRobot robot) throws TimeoutException {
        Path file = TestProjects.write(TestProjects.cnn(), dir.resolve("cnn.loom"));
        robot.interact(() -> {
            window.openProject(file);
            window.showProjectCheck();
        });
        waitForText(robot, "#project-status", "The network is valid.");

        robot.doubleClickOn(robot.lookup("#node-table").lookup(".table-cell")
                .match(LabeledMatchers.hasText("MaxPool2D")).<Node>query());

        assertThat(label(robot, "#layer-title")).isEqualTo("MaxPool2D");
    }

    @Test
    void opening_a_valid_project_shows_the_total(FxRobot robot) throws TimeoutException {
        Path file = TestProjects.write(TestProjects.mlp(), dir.resolve("mlp.loom"));

        robot.interact(() -> window.openProject(file));
        waitForText(robot, "#project-status", "The network is valid.");

        assertThat(label(robot, "#project-total")).isEqualTo("Total parameters: 55,050");
    }

    @Test
    void opening_the_same_project_again_shows_it_again(FxRobot robot) throws TimeoutException {
        Path file = TestProjects.write(TestProjects.mlp(), dir.resolve("mlp.loom"));
        robot.interact(() -> window.openProject(file));
        waitForText(robot, "#project-status", "The network is valid.");

        robot.interact(() -> window.openProject(file));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#project-report").query().isVisible());

        assertThat(label(robot, "#project-total")).isEqualTo("Total parameters: 55,050");
    }

    @Test
    void an_unreadable_project_is_explained_with_its_place(FxRobot robot) throws Exception {
        Path file = Files.writeString(dir.resolve("broken.loom"), "{\n  \"format\": 1,\n  \"name\": \"x\"\n  oops\n}\n");

        robot.interact(() -> window.openProject(file));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#project-error").query().isVisible());

        assertThat(robot.lookup("#project-error").lookup(".location").queryAs(Label.class).getText())
                .startsWith("Where in the file: line 4");
    }

    private static String label(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static void waitForText(FxRobot robot, String query, String text) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> label(robot, query).contains(text));
    }
}
