package org.layerloom.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.layerloom.app.train.TrainableProject;
import org.layerloom.app.workspace.Settings;
import org.layerloom.engine.look.Theme;
import org.layerloom.engine.project.DeviceChoice;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.testing.TestProjects;
import org.layerloom.engine.train.RunFolder;
import org.layerloom.engine.train.TrainingRequest;

/** The app's additions to a run are read when the request is made, and the request keeps them. */
class RunOptionsTest {

    private final AtomicReference<Settings> settings = new AtomicReference<>(
            new Settings(Theme.LIGHT, 14, DeviceChoice.GPU, 3, Path.of("cache"), 30));
    private final RunOptions options = new RunOptions(settings::get);

    private static TrainableProject project(DeviceChoice device) {
        Project moons = TestProjects.moons(2);
        return new TrainableProject(moons.withTraining(moons.training().withDevice(device)), Path.of("runs/moons.loom"));
    }

    @Test
    void a_project_on_auto_follows_the_users_device_and_threads_and_keeps_its_early_stopping() {
        TrainableProject project = project(DeviceChoice.AUTO);
        project = new TrainableProject(project.project().withTraining(project.project().training().withPatience(4)),
                project.file());

        TrainingRequest request = options.request(project);

        assertThat(request.settings().device()).isEqualTo(DeviceChoice.GPU);
        assertThat(request.threads()).isEqualTo(3);
        assertThat(request.patience()).isEqualTo(4);
        assertThat(request.runsRoot()).isEqualTo(RunFolder.runsRootOf(Path.of("runs/moons.loom")));
    }

    @Test
    void the_request_is_a_snapshot_that_later_changes_of_the_settings_do_not_reach() {
        TrainingRequest request = options.request(project(DeviceChoice.CPU));
        settings.set(settings.get().withThreads(1));

        assertThat(request.settings().device()).as("the project's own choice").isEqualTo(DeviceChoice.CPU);
        assertThat(request.threads()).isEqualTo(3);
        assertThat(request.patience()).isZero();
    }

    @Test
    void about_five_captures_an_epoch_between_every_5th_and_every_50th_batch() {
        assertThat(RunOptions.captureInterval(320, 32)).isEqualTo(5);
        assertThat(RunOptions.captureInterval(32 * 100, 32)).isEqualTo(20);
        assertThat(RunOptions.captureInterval(60_000, 32)).isEqualTo(50);
    }
}
