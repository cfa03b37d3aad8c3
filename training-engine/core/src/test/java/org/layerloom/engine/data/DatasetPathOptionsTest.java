package org.layerloom.engine.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.layerloom.engine.project.DatasetChoice;
import org.layerloom.engine.project.DatasetPathOptions;

/** Dataset paths stay portable: stored relative to the project when saved, resolved against it when loaded. */
class DatasetPathOptionsTest {

    private final Path project = Path.of("/home/ada/projects/iris").toAbsolutePath();

    @Test
    void paths_near_the_project_are_stored_relative_with_forward_slashes() {
        DatasetChoice choice = DatasetChoice.of("csv").with("path", project.resolve("data/iris.csv").toString())
                .with("test-path", project.resolve("../shared/test.csv").toString()).with("label", "species");
        DatasetChoice relative = DatasetPathOptions.relativeTo(choice, project);
        assertThat(relative.options()).containsEntry("path", "data/iris.csv")
                .containsEntry("test-path", "../shared/test.csv").containsEntry("label", "species");
    }

    @Test
    void paths_far_away_stay_absolute_and_relative_ones_are_kept() {
        String far = project.getRoot().resolve("mnt/usb/data/mnist").toString();
        DatasetChoice choice = DatasetChoice.of("mnist").with("path", far);
        assertThat(DatasetPathOptions.relativeTo(choice, project).options()).containsEntry("path", far);
        DatasetChoice already = DatasetChoice.of("csv").with("path", "data/x.csv");
        assertThat(DatasetPathOptions.relativeTo(already, project)).isEqualTo(already);
    }

    @Test
    void relative_paths_resolve_against_the_project_folder_again() {
        DatasetChoice relative = DatasetChoice.of("csv").with("path", "data/iris.csv");
        assertThat(DatasetPathOptions.absoluteFrom(relative, project).options().get("path"))
                .isEqualTo(project.resolve("data/iris.csv").toString());
        DatasetRequest request = DatasetRequest.of(relative, project, 1, 0.1);
        assertThat(request.resolve("data/iris.csv")).isEqualTo(project.resolve("data/iris.csv"));
    }

    @Test
    void saving_a_project_stores_its_data_path_relative_and_loading_on_another_machine_names_the_missing_file(
            @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path folder = dir.resolve("iris-project");
        java.nio.file.Files.createDirectories(folder.resolve("data"));
        java.nio.file.Files.copy(SharedDatasets.folder().resolve("iris/iris.csv"), folder.resolve("data/iris.csv"));
        org.layerloom.engine.project.Project project = new org.layerloom.engine.project.Project("Iris",
                org.layerloom.engine.graph.NetworkGraph.empty(), DatasetChoice.of("csv")
                .with("path", folder.resolve("data/iris.csv").toAbsolutePath().toString()),
                org.layerloom.engine.project.TrainingSettings.defaults());
        Path file = folder.resolve("iris.loom");
        org.layerloom.engine.project.ProjectFiles.save(project, file);
        assertThat(java.nio.file.Files.readString(file)).contains("\"path\" : \"data/iris.csv\"");

        Path moved = dir.resolve("other-computer/iris-project");
        java.nio.file.Files.createDirectories(moved);
        java.nio.file.Files.move(file, moved.resolve("iris.loom"));
        org.layerloom.engine.project.Project opened = org.layerloom.engine.project.ProjectFiles.load(moved.resolve("iris.loom"));
        DatasetRequest request = DatasetRequest.of(opened.dataset(), moved, 1, 0.1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DatasetRegistry.standard().load(request,
                ProgressListener.none())).isInstanceOf(DatasetException.class)
                .hasMessageContaining(moved.resolve("data/iris.csv").toString())
                .satisfies(e -> assertThat(((DatasetException) e).file()).hasValue(moved.resolve("data/iris.csv")));

        java.nio.file.Files.createDirectories(moved.resolve("data"));
        java.nio.file.Files.copy(folder.resolve("data/iris.csv"), moved.resolve("data/iris.csv"));
        assertThat(DatasetRegistry.standard().load(request, ProgressListener.none()).splits().totalSize()).isEqualTo(150);
    }
}
