package org.layerloom.engine.compress;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.DatasetRegistry;
import org.layerloom.engine.data.DatasetRequest;
import org.layerloom.engine.data.ProgressListener;
import org.layerloom.engine.data.Splits;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.project.DatasetChoice;
import org.layerloom.engine.project.DeviceChoice;
import org.layerloom.engine.project.OptimizerSettings;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.ScheduleSettings;
import org.layerloom.engine.project.TrainingSettings;
import org.layerloom.engine.testing.GraphBuilder;
import org.layerloom.engine.train.event.TestMetrics;
import org.layerloom.engine.train.history.RunHistory;
import org.layerloom.engine.train.history.RunSummary;

/**
 * Fine-tuning a pruned MNIST CNN on real MNIST with the mask re-applied after every step: no pruned weight
 * becomes non-zero, the kept ones learn, and the result saves as a run the history lists.
 */
class MaskedFineTuneTest {

    @TempDir
    Path runs;

    static NetworkGraph cnn() {
        return GraphBuilder.chainOf(new int[] {1, 28, 28}, "softmax_cross_entropy",
                GraphBuilder.layer(LayerKind.CONV2D, "filters", 8, "kernel", 3, "activation", "relu"),
                GraphBuilder.layer(LayerKind.MAX_POOL2D, "pool", 2, "stride", 2),
                GraphBuilder.layer(LayerKind.FLATTEN),
                GraphBuilder.layer(LayerKind.DENSE, "units", 10, "activation", "none"));
    }

    static Path mnistFolder() {
        String property = System.getProperty("layerloom.datasets");
        Path folder = property == null || property.isBlank() || property.contains("${")
                ? Path.of("../../../shared/datasets") : Path.of(property);
        return folder.resolve("mnist").toAbsolutePath().normalize();
    }

    @Test
    void pruned_weights_stay_zero_through_fine_tuning_and_the_variant_is_a_run() throws Exception {
        DatasetChoice choice = DatasetChoice.of("mnist").with("path", mnistFolder().toString()).with("normalize", true);
        Dataset full = DatasetRegistry.standard().load(DatasetRequest.of(choice, Path.of("."), 7, 0.1)
                .withTrainingLimit(640), ProgressListener.none());
        Dataset mnist = new Dataset(full.name(), full.description(), full.task(), full.exampleShape(),
                new Splits(full.train(), full.validation(), full.test().first(300)));
        Project project = new Project("mnist-cnn", cnn(), choice, new TrainingSettings(OptimizerSettings.adam(0.01),
                ScheduleSettings.fixed(), 32, 1, 0.1, 7, DeviceChoice.CPU));
        Path folder = TestRuns.write(project, runs, 1, 28, 28);
        try (CompressibleRun run = CompressibleRun.open(folder)) {
            List<WeightTensor> original = run.originalWeights();
            Map<String, PruneMask> masks = Pruning.masks(original, 0.8, Pruning.Scope.GLOBAL);
            run.use(Pruning.apply(original, masks));
            AtomicInteger steps = new AtomicInteger();
            double loss = run.fineTune(mnist, masks, 1, Double.NaN, steps::set);
            assertThat(loss).isFinite();
            assertThat(steps.get()).isEqualTo((mnist.train().size() + 31) / 32);

            List<WeightTensor> tuned = run.currentWeights();
            long changedKept = 0;
            for (int t = 0; t < tuned.size(); t++) {
                WeightTensor after = tuned.get(t);
                PruneMask mask = masks.get(after.name());
                if (mask == null) {
                    continue;
                }
                for (int i = 0; i < mask.size(); i++) {
                    if (mask.isPruned(i)) {
                        assertThat(after.values()[i]).as("%s[%d] was pruned", after.name(), i).isZero();
                    } else if (after.values()[i] != original.get(t).values()[i]) {
                        changedKept++;
                    }
                }
            }
            assertThat(changedKept).as("kept weights that learned").isGreaterThan(1000);
            long nonZero = LayerSparsity.nonZeroTotal(tuned);
            long prunable = masks.values().stream().mapToLong(PruneMask::size).sum();
            long total = original.stream().mapToLong(w -> w.values().length).sum();
            assertThat(nonZero).isEqualTo(total - (long) Math.floor(0.8 * prunable + 1e-9));

            TestMetrics test = run.evaluate(mnist, mnist.test(), null);
            assertThat(test.accuracy()).isGreaterThan(0.5);
            Path variant = VariantRuns.save(run, "fine-tuned", "pruned 80 % and fine-tuned", test,
                    Map.of("fraction", 0.8));
            RunSummary summary = RunHistory.read(variant);
            assertThat(summary.parameters()).isEqualTo(nonZero);
            assertThat(summary.testAccuracy()).isEqualTo(test.accuracy());
        }
    }
}
