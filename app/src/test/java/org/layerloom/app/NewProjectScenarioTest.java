package org.layerloom.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.app.ui.Area;
import org.layerloom.app.workspace.UserFolders;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.project.Project;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A new project on Moons through the real window, with the mouse only: the start screen's MLP card, the data
 * first, then Create; the network's Input and last layer fit Moons and the Data area shows it, not an error.
 */
@ExtendWith(ApplicationExtension.class)
class NewProjectScenarioTest {

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

    @Test
    void a_new_project_on_moons_fits_its_input_and_last_layer_to_the_data(FxRobot robot) throws Exception {
        UserFolders folders = WorkbenchFixture.folders(dir);
        AppEnvironment environment = WorkbenchFixture.environment(folders);
        probe = window.launch(environment, LaunchOptions.none());

        robot.clickOn("#new-mlp");
        robot.clickOn("#new-data-moons");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#new-project-shape").queryAs(Label.class)
                .getText().contains("2 numbers → one of 2 classes"));
        robot.clickOn("#new-project-create");

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> probe.session().project().graph().nodes().size() > 2);
        Project project = probe.session().project();
        assertThat(project.dataset().source()).isEqualTo("moons");
        Node input = project.graph().nodesOfKind(LayerKind.INPUT).get(0);
        assertThat(input.params().dims("shape")).containsExactly(2);
        var dense = project.graph().nodesOfKind(LayerKind.DENSE);
        assertThat(dense.get(dense.size() - 1).params().intValue("units")).isEqualTo(2);
        assertThat(probe.mainWindow().areaProperty().get()).isEqualTo(Area.MODEL);

        robot.clickOn("#area-data");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup(".page-title").queryAllAs(Label.class)
                .stream().anyMatch(l -> l.isVisible() && l.getText().toLowerCase(java.util.Locale.ROOT)
                        .contains("moons")));
        assertThat(robot.lookup(".data-error").query().isVisible()).isFalse();
        assertThat(robot.lookup(".finding-badge-problem").queryAll()).as("the data fits the network").isEmpty();

        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.N)
                .release(javafx.scene.input.KeyCode.N, javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#new-project").query().isVisible()).as("File > New asks for the data first")
                .isTrue();
        assertThat(probe.session().project().graph().nodes()).isEmpty();
    }
}
