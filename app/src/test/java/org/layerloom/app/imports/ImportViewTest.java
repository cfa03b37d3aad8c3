package org.layerloom.app.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.app.data.PathChooser;
import org.layerloom.app.data.ThemedShots;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.look.Theme;
import org.layerloom.engine.project.OptimizerKind;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.ProjectFiles;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The import window: pasted Keras code becomes a previewed network with notes and, on Create Project…, a project
 * file that is opened; broken code lists its problem with the line and column, and a click on it puts the cursor
 * there; a PyTorch nn.Sequential without an input shape takes the one typed in. Writes the window in light and
 * dark to target/screenshots.
 */
@ExtendWith(ApplicationExtension.class)
class ImportViewTest {

    @TempDir
    Path dir;

    private Stage stage;
    private final ExecutorService compute = Executors.newSingleThreadExecutor();
    private final ExecutorService files = Executors.newSingleThreadExecutor();
    private final List<Path> opened = new ArrayList<>();
    private final List<ImportedModel> usedHere = new ArrayList<>();
    private ImportViewModel model;
    private Scene scene;
    private final SimpleObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);

    @Start
    void start(Stage primary) {
        stage = primary;
    }

    @AfterEach
    void stop() {
        compute.shutdownNow();
        files.shutdownNow();
    }

    private void open(Path target, FxRobot robot) {
        robot.interact(() -> {
            model = new ImportViewModel(compute, files, Platform::runLater, opened::add, usedHere::add);
            ImportView view = new ImportView(model, PathChooser.system(), name -> Optional.of(target),
                    theme);
            scene = new Scene(view, 1100, 720);
            stage.setScene(scene);
            stage.show();
        });
    }

    private void paste(String code, FxRobot robot) {
        robot.interact(() -> robot.lookup("#import-code").queryAs(TextArea.class).setText(code));
        waitFor(() -> model.modelProperty().get() != null && !model.reading().busyProperty().get()
                && model.codeProperty().get().equals(code));
    }

    private static void waitFor(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            WaitForAsyncUtils.sleep(50, TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void pasted_keras_code_is_previewed_and_becomes_an_opened_project(FxRobot robot) throws Exception {
        Path target = dir.resolve("keras-cnn.loom");
        open(target, robot);

        paste(ImportView.EXAMPLE, robot);

        ImportedModel imported = model.modelProperty().get();
        assertThat(imported.succeeded()).isTrue();
        assertThat(imported.graph().orElseThrow().nodes()).hasSize(9);
        assertThat(robot.lookup("#import-verdict").queryAs(Label.class).getText())
                .isEqualTo("✓ 9 layers from pasted code");
        assertThat(robot.lookup("#import-report").queryAs(ListView.class).getItems()).isNotEmpty();
        assertThat(imported.notes()).anySatisfy(n -> assertThat(n).contains("channels first"));
        ThemedShots.theme(scene, false);
        ThemedShots.save(scene, "import-paste-light");
        robot.interact(() -> theme.set(Theme.DARK));
        ThemedShots.theme(scene, true);
        ThemedShots.save(scene, "import-paste-dark");

        assertThat(robot.lookup("#import-use-here").queryAs(Button.class).isDisabled()).isFalse();
        robot.clickOn("#import-create");
        waitFor(() -> !opened.isEmpty());

        assertThat(opened).containsExactly(target);
        Project project = ProjectFiles.load(target);
        assertThat(project.name()).isEqualTo("keras-cnn");
        assertThat(project.graph().nodesOfKind(LayerKind.CONV2D)).hasSize(2);
        assertThat(project.training().optimizer().kind()).isEqualTo(OptimizerKind.ADAM);
        assertThat(project.training().epochs()).isEqualTo(5);
        assertThat(project.training().batchSize()).isEqualTo(64);
        assertThat(project.dataset().source()).isEqualTo("mnist");
        assertThat(project.startingWeights()).isEmpty();
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).containsExactly("keras-cnn.loom");
    }

    @Test
    void broken_code_lists_its_problem_and_a_click_puts_the_cursor_there(FxRobot robot) {
        open(dir.resolve("never.loom"), robot);

        paste("model = keras.Sequential([\n    layers.Dense(10),\n    layers.Conv9D(3),\n])\n", robot);

        ImportedModel imported = model.modelProperty().get();
        assertThat(imported.succeeded()).isFalse();
        assertThat(imported.issues()).first().satisfies(i -> assertThat(i.line()).isEqualTo(3));
        assertThat(robot.lookup("#import-create").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#import-verdict").queryAs(Label.class).getText()).startsWith("✗ 1 problem");
        robot.clickOn(robot.lookup("#import-report .list-cell").queryAs(javafx.scene.control.ListCell.class));
        TextArea code = robot.lookup("#import-code").queryAs(TextArea.class);
        int lineStart = code.getText().indexOf("    layers.Conv9D");
        assertThat(code.getCaretPosition()).isBetween(lineStart, lineStart + 20);
        assertThat(opened).isEmpty();
    }

    @Test
    void a_pytorch_sequential_takes_the_input_shape_typed_in(FxRobot robot) {
        open(dir.resolve("torch.loom"), robot);
        String code = "import torch.nn as nn\nmodel = nn.Sequential(\n    nn.Flatten(),\n    nn.Linear(784, 10),\n)\n";

        robot.interact(() -> model.inputShapeProperty().set("1, 28, 28"));
        paste(code, robot);

        ImportedModel imported = model.modelProperty().get();
        assertThat(imported.issues()).isEmpty();
        assertThat(imported.graph().orElseThrow().nodesOfKind(LayerKind.INPUT)).singleElement()
                .satisfies(n -> assertThat(n.params().toString()).contains("28"));
        robot.clickOn("#import-use-here");
        assertThat(usedHere).singleElement().isSameAs(imported);
        robot.interact(() -> model.inputShapeProperty().set("one, two"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.messageProperty().get()).contains("whole numbers above 0");
    }
}
