package org.layerloom.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.engine.compress.CompressibleRun;
import org.layerloom.engine.compress.LayerSparsity;
import org.layerloom.engine.compress.Pruning;
import org.layerloom.engine.compress.TestRuns;
import org.layerloom.engine.compress.VariantRuns;
import org.layerloom.engine.compress.WeightTensor;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.project.DatasetChoice;
import org.layerloom.engine.project.DeviceChoice;
import org.layerloom.engine.project.OptimizerSettings;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.ScheduleSettings;
import org.layerloom.engine.project.TrainingSettings;
import org.layerloom.engine.train.event.BatchEnded;
import org.layerloom.engine.train.event.RunFailed;
import org.layerloom.engine.train.event.RunFinished;
import org.layerloom.engine.train.event.StartingWeightsLoaded;
import org.layerloom.engine.train.event.TrainingEvent;

/**
 * Runs guided by other runs, as ordinary runs with their events and folders: fine-tuning a pruned run holds its
 * zeros, distillation learns from the teacher's logits, and a resumed guided run goes on as it started.
 */
class RunGuidanceTest {

    private static final DatasetChoice MOONS = DatasetChoice.of("moons").with("samples", 800).with("noise", 0.1);

    @TempDir
    Path runs;

    @Test
    void a_pruned_run_fine_tuned_as_a_normal_run_keeps_its_zeros_and_starts_from_its_weights() throws Exception {
        Path trained = Path.of(train(job(1), 0).finished().runFolder());
        Path pruned;
        List<WeightTensor> prunedWeights;
        try (CompressibleRun run = CompressibleRun.open(trained)) {
            prunedWeights = Pruning.apply(run.originalWeights(), Pruning.masks(run.originalWeights(), 0.7,
                    Pruning.Scope.GLOBAL));
            run.use(prunedWeights);
            pruned = VariantRuns.save(run, "pruned", "pruned 70 %", run.evaluate(data(), data().test(), null),
                    Map.of("fraction", 0.7));
        }
        Trained fresh = train(job(1), 0);
        Trained tuned = train(job(1).withGuidance(RunGuidance.NONE.withStartFrom(pruned, true)), 0);

        long zeros = prunedWeights.stream().filter(WeightTensor::isCompressible)
                .mapToLong(w -> w.values().length).sum() - prunedWeights.stream()
                .filter(WeightTensor::isCompressible).mapToLong(WeightTensor::nonZero).sum();
        assertThat(tuned.loaded().summary()).contains("Started from the weights of the run " + pruned.getFileName(),
                String.format(java.util.Locale.ROOT, "its %,d pruned weights are held at zero", zeros));
        // It starts from the pruned network (a fresh one starts near ln 2), and learns.
        assertThat(tuned.losses()[0]).isLessThan(fresh.losses()[0] - 0.1);
        assertThat(tuned.finished().test().accuracy()).isGreaterThan(0.8);
        Path folder = Path.of(tuned.finished().runFolder());
        try (CompressibleRun after = CompressibleRun.open(folder)) {
            List<WeightTensor> now = after.originalWeights();
            int changed = 0;
            for (int t = 0; t < now.size(); t++) {
                float[] before = prunedWeights.get(t).values();
                float[] values = now.get(t).values();
                for (int i = 0; i < values.length; i++) {
                    if (before[i] == 0 && now.get(t).isCompressible()) {
                        assertThat(values[i]).as("%s[%d]", now.get(t).name(), i).isZero();
                    } else if (values[i] != before[i]) {
                        changed++;
                    }
                }
            }
            // Most kept values learn (a unit that ReLU switched off for every example gets no gradient).
            long kept = now.stream().mapToLong(WeightTensor::nonZero).sum();
            assertThat(changed).isGreaterThan((int) (kept / 2));
            assertThat(LayerSparsity.nonZeroTotal(now)).isEqualTo(LayerSparsity.nonZeroTotal(prunedWeights));
        }
        Map<String, Object> manifest = RunFolder.open(folder).readJson("manifest");
        assertThat(((Number) manifest.get("parameters")).longValue())
                .isEqualTo(LayerSparsity.nonZeroTotal(prunedWeights));
        assertThat(guidance(manifest)).containsEntry("startedFrom", pruned.getFileName().toString())
                .containsEntry("heldAtZero", (int) zeros);
    }

    @Test
    void a_student_that_is_its_own_teacher_has_nothing_to_learn_from_it_and_alpha_zero_is_plain_cross_entropy()
            throws Exception {
        Path teacher = Path.of(train(job(1), 0).finished().runFolder());
        RunGuidance startHere = RunGuidance.NONE.withStartFrom(teacher, false);

        Trained imitating = train(job(1).withGuidance(startHere.withTeacher(new RunGuidance.Teacher(teacher, 4, 1))), 0);
        Trained labelsOnly = train(job(1).withGuidance(startHere.withTeacher(new RunGuidance.Teacher(teacher, 4, 0))),
                0);
        Trained plain = train(job(1).withGuidance(startHere), 0);

        // The same network and weights: the KL term is zero on the first batch, and alpha 0 leaves the labels' loss.
        assertThat(imitating.losses()[0]).isCloseTo(0, within(1e-5));
        assertThat(imitating.loaded().summary()).contains("Learning from the teacher run " + teacher.getFileName(),
                "T = 4");
        assertThat(labelsOnly.losses()).containsExactly(plain.losses(), within(1e-5));
        Map<String, Object> manifest = RunFolder.open(Path.of(imitating.finished().runFolder())).readJson("manifest");
        assertThat(guidance(manifest)).containsEntry("teacher", teacher.getFileName().toString())
                .containsEntry("alpha", 1.0);
    }

    @Test
    void a_distilled_run_stopped_and_resumed_learns_from_its_teacher_as_one_that_never_stopped() throws Exception {
        Path teacher = Path.of(train(job(1), 0).finished().runFolder());
        RunGuidance distil = RunGuidance.NONE.withTeacher(new RunGuidance.Teacher(teacher, 3, 0.7));
        Trained whole = train(job(2).withGuidance(distil), 0);
        Trained stopped = train(job(2).withGuidance(distil), 6);
        Trained resumed = train(job(2).withResumeFrom(Path.of(stopped.finished().runFolder())), 0);

        double[] both = java.util.Arrays.copyOf(stopped.losses(), stopped.losses().length + resumed.losses().length);
        System.arraycopy(resumed.losses(), 0, both, stopped.losses().length, resumed.losses().length);
        assertThat(both).containsExactly(whole.losses(), within(1e-5));
    }

    @Test
    void a_teacher_that_does_not_fit_the_data_is_refused_with_the_reason() throws Exception {
        Path threeClasses = TestRuns.write(TrainingFixtures.project("t", TrainingFixtures.mlp(new int[] {2}, 8, 1, 3),
                MOONS, settings(1)), runs.resolve("other"), 2);
        assertThat(failure(job(1).withGuidance(RunGuidance.NONE.withTeacher(
                new RunGuidance.Teacher(threeClasses, 4, 0.5))))).contains("scores 3 classes", "has 2");
        Path wider = TestRuns.write(TrainingFixtures.project("w", TrainingFixtures.mlp(new int[] {4}, 8, 1, 2),
                MOONS, settings(1)), runs.resolve("wider"), 4);
        assertThat(failure(job(1).withGuidance(RunGuidance.NONE.withTeacher(new RunGuidance.Teacher(wider, 4, 0.5)))))
                .contains("reads examples of shape (4)", "this network reads (2)");
        assertThat(failure(job(1).withGuidance(RunGuidance.NONE.withStartFrom(wider, false))))
                .contains("do not fit the network as it is now");
        assertThatThrownBy(() -> new RunGuidance.Teacher(wider, 4, 1.5)).hasMessageContaining("alpha from 0 to 1");
        assertThatThrownBy(() -> new RunGuidance(null, true, null)).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- helpers

    private static TrainingSettings settings(int epochs) {
        return new TrainingSettings(OptimizerSettings.adam(0.01), ScheduleSettings.fixed(), 32, epochs, 0.2, 11,
                DeviceChoice.CPU);
    }

    private static Dataset data() throws Exception {
        return TrainingFixtures.load(MOONS, 11, 0.2, 0);
    }

    private TrainingJob job(int epochs) throws Exception {
        Project project = TrainingFixtures.project("moons", TrainingFixtures.mlp(new int[] {2}, 16, 2, 2), MOONS,
                settings(epochs));
        return TrainingJob.of(project, data(), runs).withSettings(settings(epochs)).withThreads(1);
    }

    record Trained(StartingWeightsLoaded loaded, double[] losses, RunFinished finished) {
    }

    private static Trained train(TrainingJob job, int stopAfter) throws Exception {
        TrainingFixtures.Recorder recorder = new TrainingFixtures.Recorder();
        AtomicReference<TrainingSession> session = new AtomicReference<>();
        TrainingSession started = TrainingSession.start(job, event -> {
            recorder.trainingEvent(event);
            if (stopAfter > 0 && event instanceof BatchEnded && recorder.all(BatchEnded.class).size() == stopAfter) {
                while (session.get() == null) {
                    Thread.onSpinWait();
                }
                session.get().control().stop();
            }
        });
        session.set(started);
        TrainingEvent end = TrainingFixtures.await(started);
        assertThat(end).as("%s", end).isInstanceOf(RunFinished.class);
        List<StartingWeightsLoaded> loaded = recorder.all(StartingWeightsLoaded.class);
        return new Trained(loaded.isEmpty() ? null : loaded.get(0),
                recorder.all(BatchEnded.class).stream().mapToDouble(BatchEnded::loss).toArray(), (RunFinished) end);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> guidance(Map<String, Object> manifest) {
        return (Map<String, Object>) manifest.get("guidance");
    }

    private static String failure(TrainingJob job) throws Exception {
        TrainingEvent end = TrainingFixtures.await(TrainingSession.start(job, e -> { }));
        assertThat(end).as("%s", end).isInstanceOf(RunFailed.class);
        return ((RunFailed) end).reason();
    }
}
