package org.layerloom.app.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.app.data.PathChooser;
import org.layerloom.app.data.ThemedShots;
import org.layerloom.engine.export.support.ExportTarget;
import org.layerloom.engine.graph.Problem;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.ProjectFiles;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The export window on a sample: exporting to ONNX checks every layer (✓, below 1e-5 of its scale), a layer PyTorch
 * cannot name is listed with a link to it and nothing is written, and a PyTorch export where no Python with torch
 * is found says it was not checked. Writes the window after its check in light and dark to target/screenshots.
 */
@ExtendWith(ApplicationExtension.class)
class ExportViewTest {

    @TempDir
    Path dir;

    private Stage stage;
    private final ExecutorService files = Executors.newSingleThreadExecutor();
    private final ExecutorService engine = Executors.newSingleThreadExecutor();
    private final List<String> told = new ArrayList<>();
    private final List<String> shown = new ArrayList<>();
    private ExportViewModel model;
    private Scene scene;

    @Start
    void start(Stage primary) {
        stage = primary;
    }

    @AfterEach
    void stop() {
        files.shutdownNow();
        engine.shutdownNow();
    }

    private void open(Path projectFile, PythonTorch python, FxRobot robot) throws Exception {
        Project project = ProjectFiles.load(projectFile);
        robot.interact(() -> {
            model = new ExportViewModel(new ExportWork(python), files, engine, Platform::runLater,
                    (title, text) -> told.add(title + ": " + text), dir);
            ExportView view = new ExportView(model, PathChooser.system(), shown::add);
            scene = new Scene(view, 760, 640);
            stage.setScene(scene);
            stage.show();
            model.prepare(project, Optional.of(projectFile));
        });
    }

    private void exportTo(ExportTarget target, Path out, FxRobot robot) {
        robot.interact(() -> {
            robot.lookup("#export-target-" + target.id()).queryAs(javafx.scene.control.RadioButton.class).fire();
            model.folderProperty().set(out);
        });
        robot.clickOn("#export-button");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (model.stateProperty().get() == ExportViewModel.State.WORKING && System.nanoTime() < deadline) {
            WaitForAsyncUtils.sleep(100, TimeUnit.MILLISECONDS);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void onnx_export_of_spirals_checks_every_layer(FxRobot robot) throws Exception {
        Path file = ExportSamples.copy("spirals", dir.resolve("project"));
        open(file, PythonTorch.system(), robot);
        Path out = dir.resolve("spirals-onnx");

        exportTo(ExportTarget.ONNX, out, robot);

        assertThat(model.stateProperty().get()).isEqualTo(ExportViewModel.State.VERIFIED);
        assertThat(out.resolve("model.onnx")).exists();
        TableView<?> table = robot.lookup("#export-differences").queryAs(TableView.class);
        assertThat(table.isVisible()).isTrue();
        List<NodeDifference> rows = model.differences();
        assertThat(rows).extracting(NodeDifference::nodeId).contains("input1", "dense1", "output1");
        assertThat(rows).allSatisfy(d -> {
            assertThat(d.agrees()).isTrue();
            assertThat(d.largest()).isLessThan(1e-5 * Math.max(1, d.scale()));
        });
        assertThat(robot.lookup(".table-cell").queryAllAs(javafx.scene.control.TableCell.class).stream()
                .map(c -> c.getText()).filter("✓"::equals).count()).isEqualTo(rows.size());
        assertThat(robot.lookup("#export-headline").queryAs(Label.class).getText()).contains("every layer agrees");
        assertThat(told).singleElement().asString().startsWith("Exported: ONNX");

        ThemedShots.theme(scene, false);
        ThemedShots.save(scene, "export-onnx-light");
        ThemedShots.theme(scene, true);
        ThemedShots.save(scene, "export-onnx-dark");
    }

    @Test
    void a_layer_pytorch_cannot_name_is_listed_and_nothing_is_written(FxRobot robot) throws Exception {
        Path file = ExportSamples.withNodeId("spirals", dir.resolve("project"), "dense1", "train");
        open(file, PythonTorch.system(), robot);
        Path out = dir.resolve("spirals-pytorch");

        exportTo(ExportTarget.PYTORCH, out, robot);

        assertThat(model.stateProperty().get()).isEqualTo(ExportViewModel.State.REFUSED);
        assertThat(out).doesNotExist();
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).containsExactly("project");
        ListView<?> problems = robot.lookup("#export-problems").queryAs(ListView.class);
        assertThat(problems.isVisible()).isTrue();
        assertThat(model.problems()).extracting(Problem::message).anySatisfy(m -> assertThat(m).contains("train"));
        assertThat(robot.lookup("#export-headline").queryAs(Label.class).getText()).contains("Nothing was written");
        robot.clickOn(robot.lookup(".hyperlink").queryAs(Hyperlink.class));
        assertThat(shown).containsExactly("train");
        assertThat(told).isEmpty();

        ThemedShots.theme(scene, false);
        ThemedShots.save(scene, "export-refused-light");
    }

    @Test
    void pytorch_export_is_checked_by_python_with_torch_where_there_is_one(FxRobot robot) throws Exception {
        PythonTorch python = new PythonTorch(List.of(Path.of("/usr/bin/python3")));
        boolean found = python.find().isPresent();
        if ("true".equals(System.getenv("CI"))) {
            assertThat(found).as("CI needs /usr/bin/python3 with torch and numpy").isTrue();
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(found, "no /usr/bin/python3 with torch and numpy here");
        Path file = ExportSamples.copy("spirals", dir.resolve("project"));
        open(file, python, robot);

        exportTo(ExportTarget.PYTORCH, dir.resolve("spirals-pytorch"), robot);

        assertThat(model.stateProperty().get()).isEqualTo(ExportViewModel.State.VERIFIED);
        assertThat(model.differences()).extracting(NodeDifference::nodeId)
                .containsExactly("input1", "dense1", "dense2", "dense3", "output1");
        assertThat(model.differences()).allSatisfy(d -> assertThat(d.agrees()).isTrue());
        assertThat(robot.lookup("#export-message").queryAs(Label.class).getText()).contains("Ran model.py with torch");

        ThemedShots.theme(scene, false);
        ThemedShots.save(scene, "export-pytorch-light");
    }

    @Test
    void pytorch_export_where_python_cannot_run_says_so(FxRobot robot) throws Exception {
        Path file = ExportSamples.copy("spirals", dir.resolve("project"));
        open(file, new PythonTorch(List.of(dir.resolve("missing/python3"))), robot);
        Path out = dir.resolve("spirals-pytorch");

        exportTo(ExportTarget.PYTORCH, out, robot);

        assertThat(model.stateProperty().get()).isEqualTo(ExportViewModel.State.NOT_VERIFIED);
        assertThat(out.resolve("model.py")).exists();
        assertThat(robot.lookup("#export-headline").queryAs(Label.class).getText()).contains("not checked");
        assertThat(robot.lookup("#export-message").queryAs(Label.class).getText())
                .contains("PyTorch can't run here").contains("missing/python3");
        assertThat(told).singleElement().asString().contains("not checked here");

        ThemedShots.theme(scene, true);
        ThemedShots.save(scene, "export-pytorch-unchecked-dark");
    }
}
