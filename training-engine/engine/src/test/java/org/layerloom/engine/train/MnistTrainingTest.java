package org.layerloom.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.project.DatasetChoice;
import org.layerloom.engine.project.DeviceChoice;
import org.layerloom.engine.project.OptimizerSettings;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.ScheduleSettings;
import org.layerloom.engine.project.TrainingSettings;
import org.layerloom.engine.train.event.RunFinished;
import org.layerloom.engine.train.event.TrainingEvent;

/** The default test run trains for real on MNIST: a subset, one epoch, and it must learn. */
class MnistTrainingTest {

    @TempDir
    Path runs;

    @Test
    void the_mlp_learns_digits_from_10000_images_in_one_epoch() throws Exception {
        DatasetChoice choice = DatasetChoice.of("mnist").with("path", TrainingFixtures.mnistFolder().toString())
                .with("normalize", true);
        TrainingSettings settings = new TrainingSettings(OptimizerSettings.adam(0.001), ScheduleSettings.fixed(), 64, 1,
                0.0, 42, DeviceChoice.CPU);
        Dataset mnist = TrainingFixtures.load(choice, 42, 0.0, 10_000);
        Project project = TrainingFixtures.project("mnist-mlp", TrainingFixtures.mlp(new int[] {1, 28, 28}, 64, 2, 10),
                choice, settings);
        long start = System.nanoTime();
        TrainingEvent end = TrainingFixtures.await(TrainingSession.start(TrainingJob.of(project, mnist, runs), e -> { }));
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(end).as("%s", end).isInstanceOf(RunFinished.class);
        RunFinished finished = (RunFinished) end;
        System.out.printf("MNIST MLP, 10,000 training images, 1 epoch: test accuracy %.4f on %d images, %.1f s%n",
                finished.test().accuracy(), finished.test().examples(), seconds);
        assertThat(finished.test().examples()).isEqualTo(10_000);
        assertThat(finished.test().accuracy()).isGreaterThan(0.90);
        assertThat(java.util.Arrays.stream(finished.test().recall()).min().orElseThrow()).isGreaterThan(0.7);
    }
}
