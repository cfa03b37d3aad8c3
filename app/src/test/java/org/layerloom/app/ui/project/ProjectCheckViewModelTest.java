package org.layerloom.app.ui.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.app.check.ProjectCheck;
import org.layerloom.app.check.ProjectChecker;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.testing.TestProjects;

class ProjectCheckViewModelTest {

    private final List<Runnable> backgroundJobs = new ArrayList<>();
    private final ProjectCheckViewModel model = new ProjectCheckViewModel(
            new ProjectChecker(GraphValidator.standard()), backgroundJobs::add, Runnable::run);

    @Test
    void busy_until_the_background_job_has_published_its_result(@TempDir Path dir) {
        Path file = TestProjects.write(TestProjects.mlp(), dir.resolve("mlp.loom"));

        model.open(file);

        assertThat(model.busyProperty().get()).isTrue();
        assertThat(model.resultProperty().get()).isNull();
        backgroundJobs.get(0).run();
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.resultProperty().get()).isInstanceOfSatisfying(ProjectCheck.Checked.class,
                checked -> assertThat(checked.report().totalParameters()).isEqualTo(55_050));
    }

    @Test
    void only_the_last_opened_file_is_shown(@TempDir Path dir) {
        Path first = dir.resolve("first.loom");
        Path second = dir.resolve("second.loom");

        model.open(first);
        model.open(second);
        backgroundJobs.get(1).run();
        backgroundJobs.get(0).run();

        assertThat(model.resultProperty().get().file()).isEqualTo(second);
        assertThat(model.resultProperty().get()).isInstanceOf(ProjectCheck.Unreadable.class);
        assertThat(model.busyProperty().get()).isFalse();
    }
}
