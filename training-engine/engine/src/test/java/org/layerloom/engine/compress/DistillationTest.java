package org.layerloom.engine.compress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.DatasetRegistry;
import org.layerloom.engine.data.DatasetRequest;
import org.layerloom.engine.data.ProgressListener;
import org.layerloom.engine.data.Splits;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.project.DatasetChoice;
import org.layerloom.engine.project.DeviceChoice;
import org.layerloom.engine.project.OptimizerSettings;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.ScheduleSettings;
import org.layerloom.engine.project.TrainingSettings;
import org.layerloom.engine.testing.GraphBuilder;
import org.layerloom.engine.train.SavedRun;
import org.layerloom.engine.train.event.TestMetrics;

/** A small MLP student learns MNIST from a CNN teacher's logits, on a real MNIST subset. */
class DistillationTest {

    @TempDir
    Path runs;

    @Test
    void a_student_learns_from_a_teacher_and_saves_as_a_distilled_run() throws Exception {
        DatasetChoice choice = DatasetChoice.of("mnist").with("path", MaskedFineTuneTest.mnistFolder().toString())
                .with("normalize", true);
        Dataset full = DatasetRegistry.standard().load(DatasetRequest.of(choice, Path.of("."), 3, 0.1)
                .withTrainingLimit(1_000), ProgressListener.none());
        Dataset mnist = new Dataset(full.name(), full.description(), full.task(), full.exampleShape(),
                new Splits(full.train(), full.validation(), full.test().first(300)));
        TrainingSettings settings = new TrainingSettings(OptimizerSettings.adam(0.005), ScheduleSettings.fixed(), 32, 1,
                0.1, 3, DeviceChoice.CPU);
        Path teacherFolder = TestRuns.write(new Project("teacher", MaskedFineTuneTest.cnn(), choice, settings), runs,
                1, 28, 28);
        Path studentFolder = TestRuns.write(new Project("student", GraphBuilder.chainOf(new int[] {1, 28, 28},
                "softmax_cross_entropy", GraphBuilder.layer(LayerKind.FLATTEN),
                GraphBuilder.layer(LayerKind.DENSE, "units", 10, "activation", "none")), choice, settings), runs, 1, 28, 28);
        try (CompressibleRun teacherRun = CompressibleRun.open(teacherFolder);
             CompressibleRun student = CompressibleRun.open(studentFolder)) {
            teacherRun.fineTune(mnist, Map.of(), 2, Double.NaN, done -> { });
            double teacherAccuracy = teacherRun.evaluate(mnist, mnist.test(), null).accuracy();
            SavedRun teacher = teacherRun.run();
            double before = student.evaluate(mnist, mnist.test(), null).accuracy();

            double loss = Distillation.distil(student, teacher, mnist, 2, Double.NaN, 4, 0.7, done -> { });

            TestMetrics after = student.evaluate(mnist, mnist.test(), null);
            assertThat(loss).isFinite().isPositive();
            assertThat(teacherAccuracy).isGreaterThan(0.7);
            assertThat(after.accuracy()).isGreaterThan(Math.max(before + 0.3, 0.6));
            Path saved = VariantRuns.save(student, "distilled", "learnt from run " + teacher.runId(), after,
                    Map.of("teacher", teacher.runId(), "temperature", 4.0, "alpha", 0.7));
            try (SavedRun reopened = SavedRun.open(saved)) {
                assertThat(reopened.evaluate(mnist, mnist.test()).accuracy()).isEqualTo(after.accuracy());
            }
        }
    }

    @Test
    void runs_that_read_different_data_are_refused_with_a_sentence() throws Exception {
        TrainingSettings settings = new TrainingSettings(OptimizerSettings.adam(0.005), ScheduleSettings.fixed(), 32, 1,
                0.1, 3, DeviceChoice.CPU);
        DatasetChoice none = DatasetChoice.of(DatasetChoice.NO_DATASET);
        Path a = TestRuns.write(new Project("a", GraphBuilder.chainOf(new int[] {4}, "softmax_cross_entropy",
                GraphBuilder.layer(LayerKind.DENSE, "units", 3, "activation", "none")), none, settings), runs, 4);
        Path b = TestRuns.write(new Project("b", GraphBuilder.chainOf(new int[] {5}, "softmax_cross_entropy",
                GraphBuilder.layer(LayerKind.DENSE, "units", 3, "activation", "none")), none, settings), runs, 5);
        try (CompressibleRun student = CompressibleRun.open(a); SavedRun teacher = SavedRun.open(b)) {
            assertThatThrownBy(() -> Distillation.distil(student, teacher, null, 1, Double.NaN, 2, 0.5, d -> { }))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must read the same data");
        }
    }
}
