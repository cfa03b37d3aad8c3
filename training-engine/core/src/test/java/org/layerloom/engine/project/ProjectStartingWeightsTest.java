package org.layerloom.engine.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.layerloom.engine.testing.TestProjects;

/** A project's starting weights (an imported model's file) survive saving, and a path out of its folder is refused. */
class ProjectStartingWeightsTest {

    @Test
    void starting_weights_are_saved_and_read_back_and_kept_by_every_change() throws Exception {
        Project project = TestProjects.smallMlp().withStartingWeights(Optional.of("digits.weights.npz"));

        String json = ProjectFiles.toJson(project);
        Project read = ProjectFiles.fromJson(json, LoadErrors.SOURCE);

        assertThat(json).contains("\"startingWeights\" : \"digits.weights.npz\"");
        assertThat(read).isEqualTo(project);
        assertThat(read.withName("other").withGraph(read.graph()).withTraining(read.training())
                .withDataset(read.dataset()).startingWeights()).contains("digits.weights.npz");
    }

    @Test
    void a_project_without_starting_weights_writes_no_key() {
        assertThat(ProjectFiles.toJson(TestProjects.smallMlp())).doesNotContain("startingWeights");
        assertThat(TestProjects.smallMlp().startingWeights()).isEmpty();
    }

    @Test
    void starting_weights_outside_the_project_folder_are_refused_with_the_place() {
        for (String file : new String[] {"../other.npz", "/tmp/weights.npz", "sub\\\\w.npz", "", ".."}) {
            ProjectFileException e = LoadErrors.reading(LoadErrors.smallMlpWith(root ->
                    root.put("startingWeights", file)));
            assertThat(e.getMessage()).as(file).contains("startingWeights").contains("project's folder");
        }
    }
}
