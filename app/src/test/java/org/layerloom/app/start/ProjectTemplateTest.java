package org.layerloom.app.start;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.layerloom.engine.project.DatasetChoice;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.TrainingSettings;

class ProjectTemplateTest {

    @Test
    void a_new_project_on_points_trains_like_the_small_data_samples() {
        Project moons = ProjectTemplate.MLP.create("My moons", DatasetChoice.of("moons"), DataShape.classes(2, 2));
        TrainingSettings training = moons.training();

        assertThat(training.optimizer().learningRate()).isEqualTo(0.01);
        assertThat(training.batchSize()).isEqualTo(32);
        assertThat(training.epochs()).isEqualTo(10);
        assertThat(ProjectTemplate.BLANK.create("Blank", DatasetChoice.of("moons"), DataShape.classes(2, 2))
                .training()).as("the blank canvas starts the same").isEqualTo(training);
    }

    @Test
    void a_new_project_on_pictures_keeps_the_gentle_rate_of_the_picture_samples() {
        TrainingSettings training = ProjectTemplate.CNN.create("Digits", DatasetChoice.of("mnist"),
                DataShape.classes(10, 1, 28, 28)).training();

        assertThat(training.optimizer().learningRate()).isEqualTo(0.001);
        assertThat(training.batchSize()).isEqualTo(64);
        assertThat(training.epochs()).isEqualTo(5);
    }

    @Test
    void a_new_sequence_project_starts_between_the_two() {
        TrainingSettings training = ProjectTemplate.RNN.create("Waves", DatasetChoice.of("sine-forecast"),
                new DataShape(new int[] {20, 1}, 0, 0, 1)).training();

        assertThat(training.optimizer().learningRate()).isEqualTo(0.005);
        assertThat(training.epochs()).isEqualTo(15);
    }
}
