package org.layerloom.app.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.layerloom.engine.data.DatasetOptions;
import org.layerloom.engine.data.DatasetRegistry;
import org.layerloom.engine.data.DatasetRequest;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The pane with the toolkit, fed by the view model on the calling thread. */
@ExtendWith(ApplicationExtension.class)
class DataPreviewViewTest {

    private DataPreviewViewModel model;

    @Start
    void start(Stage stage) {
        model = new DataPreviewViewModel(DatasetRegistry.standard(), Runnable::run, Runnable::run);
        Scene scene = new Scene(new DataPreviewView(model), 1000, 700);
        scene.getStylesheets().add(getClass().getResource("/org/layerloom/app/ui/layerloom.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private void load(String source, Map<String, Object> options) {
        DatasetRequest request = new DatasetRequest(source, DatasetOptions.of(options), Path.of("."), 1, 0.1,
                OptionalInt.empty());
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> model.load(request, Optional.empty()));
    }

    @Test
    void images_show_as_a_grid_with_class_bars(FxRobot robot) {
        load("shapes", Map.of("samples", 200));
        assertThat(robot.lookup(".sample-tile").queryAll()).hasSize(16);
        assertThat(robot.lookup(".class-name").queryAll()).extracting(n -> ((Label) n).getText())
                .containsExactly("circle", "square", "triangle", "star");
        assertThat(robot.lookup(".finding-ok").queryAll()).hasSize(1);
    }

    @Test
    void a_sequence_dataset_shows_its_first_values_as_rows(FxRobot robot) {
        load("sine-forecast", Map.of("samples", 100));
        TableView<?> table = robot.lookup(".rows-table").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(8);
        assertThat(table.getColumns().get(table.getColumns().size() - 1).getText()).isEqualTo("target");
    }

    @Test
    void a_table_s_column_headings_are_shown_whole(FxRobot robot) throws Exception {
        load("csv", Map.of("path", Path.of("..", "samples", "projects", "flowers.csv").toAbsolutePath().toString(),
                "label", "species"));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();

        java.util.List<String> headings = WaitForAsyncUtils.asyncFx(() -> robot.lookup(".rows-table .column-header"
                + " .label").queryAllAs(Label.class).stream().map(Label::getText).toList()).get();
        java.util.List<String> cut = WaitForAsyncUtils.asyncFx(() -> robot.lookup(".rows-table .column-header .label")
                .queryAllAs(Label.class).stream().filter(l -> l.getWidth() < l.prefWidth(-1) - 0.5)
                .map(Label::getText).toList()).get();
        assertThat(headings).contains("sepal_length", "petal_width", "species");
        assertThat(cut).as("headings cut short (\"sepal_l...\")").isEmpty();
    }

    @Test
    void a_failure_shows_the_message(FxRobot robot) {
        load("csv", Map.of());
        assertThat(robot.lookup(".data-error .detail-text").queryAs(Label.class).getText())
                .contains("set the option 'path'");
    }
}
