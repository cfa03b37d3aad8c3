package org.layerloom.engine.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.layerloom.engine.project.DatasetChoice;

class DatasetPathsTest {

    private final Path project = Path.of("/home/ada/projects/iris").toAbsolutePath();

    @Test
    void paths_near_the_project_are_stored_relative_with_forward_slashes() {
        DatasetChoice choice = DatasetChoice.of("csv").with("path", project.resolve("data/iris.csv").toString())
                .with("test-path", project.resolve("../shared/test.csv").toString()).with("label", "species");
        DatasetChoice relative = DatasetPaths.relativeTo(choice, project);
        assertThat(relative.options()).containsEntry("path", "data/iris.csv")
                .containsEntry("test-path", "../shared/test.csv").containsEntry("label", "species");
    }

    @Test
    void paths_far_away_stay_absolute_and_relative_ones_are_kept() {
        String far = project.getRoot().resolve("mnt/usb/data/mnist").toString();
        DatasetChoice choice = DatasetChoice.of("mnist").with("path", far);
        assertThat(DatasetPaths.relativeTo(choice, project).options()).containsEntry("path", far);
        DatasetChoice already = DatasetChoice.of("csv").with("path", "data/x.csv");
        assertThat(DatasetPaths.relativeTo(already, project)).isEqualTo(already);
    }

    @Test
    void relative_paths_resolve_against_the_project_folder_again() {
        DatasetChoice relative = DatasetChoice.of("csv").with("path", "data/iris.csv");
        assertThat(DatasetPaths.absoluteFrom(relative, project).options().get("path"))
                .isEqualTo(project.resolve("data/iris.csv").toString());
        DatasetRequest request = DatasetRequest.of(relative, project, 1, 0.1);
        assertThat(request.resolve("data/iris.csv")).isEqualTo(project.resolve("data/iris.csv"));
    }
}
