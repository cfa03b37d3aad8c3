package org.layerloom.engine.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.DatasetRegistry;
import org.layerloom.engine.data.DatasetRequest;
import org.layerloom.engine.data.ProgressListener;
import org.layerloom.engine.data.Splits;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.train.coach.HealthCoach;
import org.layerloom.engine.project.DatasetChoice;
import org.layerloom.engine.project.DeviceChoice;
import org.layerloom.engine.project.OptimizerSettings;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.ScheduleSettings;
import org.layerloom.engine.project.TrainingSettings;
import org.layerloom.engine.testing.GraphBuilder;
import org.layerloom.engine.train.InspectionSettings;
import org.layerloom.engine.train.SavedRun;
import org.layerloom.engine.train.TrainingJob;
import org.layerloom.engine.train.TrainingSession;
import org.layerloom.engine.train.event.ActivationsCaptured;
import org.layerloom.engine.train.event.EmbeddingProjection;
import org.layerloom.engine.train.event.LayerHealth;
import org.layerloom.engine.train.event.LayerHealthCaptured;
import org.layerloom.engine.train.event.RunFinished;
import org.layerloom.engine.train.event.TrainingEvent;

/** A short real MNIST CNN training with inspection on, then every inspection tool on its saved run. */
class MnistInspectionTest {

    @TempDir
    Path runs;

    static NetworkGraph cnn() {
        return GraphBuilder.chainOf(new int[] {1, 28, 28}, "softmax_cross_entropy",
                GraphBuilder.layer(LayerKind.CONV2D, "filters", 8, "kernel", 3, "activation", "relu"),
                GraphBuilder.layer(LayerKind.MAX_POOL2D, "pool", 2, "stride", 2),
                GraphBuilder.layer(LayerKind.CONV2D, "filters", 16, "kernel", 3, "activation", "relu"),
                GraphBuilder.layer(LayerKind.MAX_POOL2D, "pool", 2, "stride", 2),
                GraphBuilder.layer(LayerKind.FLATTEN),
                GraphBuilder.layer(LayerKind.DENSE, "units", 32, "activation", "relu"),
                GraphBuilder.layer(LayerKind.DENSE, "units", 10, "activation", "none"));
    }

    static Path mnistFolder() {
        String property = System.getProperty("layerloom.datasets");
        Path folder = property == null || property.isBlank() || property.contains("${")
                ? Path.of("../../../shared/datasets") : Path.of(property);
        return folder.resolve("mnist").toAbsolutePath().normalize();
    }

    @Test
    void training_with_inspection_sends_health_events_and_the_saved_run_can_be_inspected() throws Exception {
        DatasetChoice choice = DatasetChoice.of("mnist").with("path", mnistFolder().toString()).with("normalize", true);
        TrainingSettings settings = new TrainingSettings(OptimizerSettings.adam(0.002), ScheduleSettings.fixed(), 64, 1,
                0.1, 42, DeviceChoice.CPU);
        Dataset full = DatasetRegistry.standard().load(DatasetRequest.of(choice, Path.of("."), 42, 0.1)
                .withTrainingLimit(2_000), ProgressListener.none());
        Dataset mnist = new Dataset(full.name(), full.description(), full.task(), full.exampleShape(),
                new Splits(full.train(), full.validation(), full.test().first(500)));
        Project project = new Project("mnist-cnn", cnn(), choice, settings);
        List<TrainingEvent> events = new CopyOnWriteArrayList<>();
        TrainingJob job = TrainingJob.of(project, mnist, runs).withThreads(2).withInspection(InspectionSettings.every(10));
        TrainingEvent end = TrainingSession.start(job, events::add).outcome().get(5, TimeUnit.MINUTES);
        assertThat(end).as("%s", end).isInstanceOf(RunFinished.class);

        List<LayerHealthCaptured> health = events.stream().filter(LayerHealthCaptured.class::isInstance)
                .map(LayerHealthCaptured.class::cast).toList();
        int batches = (mnist.train().size() + 63) / 64;
        assertThat(health).hasSize(batches / 10 + (batches % 10 == 0 ? 0 : 1));
        assertThat(health.get(health.size() - 1).batch()).isEqualTo(batches);
        LayerHealthCaptured last = health.get(health.size() - 1);
        assertThat(last.layers()).hasSize(8); // every node but the Input
        for (LayerHealth layer : last.layers()) {
            if (layer.hasParameters()) {
                assertThat(layer.gradientNorm()).as(layer.nodeId()).isPositive().isFinite();
                assertThat(layer.updateRatio()).as(layer.nodeId()).isBetween(1e-6, 0.5);
                assertThat(Arrays.stream(layer.weights().counts()).sum()).isPositive();
            }
            if (layer.activation().equals("relu")) {
                assertThat(layer.deadFraction()).isBetween(0.0, 1.0);
            }
        }
        System.out.println("MNIST CNN health at the last batch: " + last.layers().stream()
                .map(l -> String.format(java.util.Locale.ROOT, "%s grad %.3g ratio %.3g dead %.2f", l.nodeId(),
                        l.gradientNorm(), l.updateRatio(), l.deadFraction())).toList());
        System.out.println("Coach: " + new HealthCoach().advise(last.layers()));
        ActivationsCaptured previews = events.stream().filter(ActivationsCaptured.class::isInstance)
                .map(ActivationsCaptured.class::cast).findFirst().orElseThrow();
        assertThat(previews.nodes().get(1).output().shape()).containsExactly(8, 14, 14);

        float[] pixels = mnist.test().realFeatures().toArray();
        int[] labels = mnist.test().classLabels().toArray();
        int n = 300;
        float[][] examples = new float[n][];
        for (int i = 0; i < n; i++) {
            examples[i] = Arrays.copyOfRange(pixels, i * 784, (i + 1) * 784);
        }
        try (SavedRun run = SavedRun.open(Path.of(((RunFinished) end).runFolder()))) {
            InspectedModel model = InspectedModel.of(run);
            Inspector inspector = new Inspector(model);
            List<Prediction> predictions = inspector.predict(examples);
            long right = java.util.stream.IntStream.range(0, n)
                    .filter(i -> predictions.get(i).predictedClass() == labels[i]).count();
            assertThat(right).isGreaterThan(n * 7 / 10);
            Inspection first = inspector.inspect(examples[0]);
            assertThat(first.prediction().predictedClass()).isEqualTo(predictions.get(0).predictedClass());
            assertThat(first.layers()).hasSize(9);
            assertThat(first.layout(first.layers().get(1))).isEqualTo(ActivationLayout.FEATURE_MAPS);

            GradCamMap cam = new GradCam(model).map(examples[0], -1);
            assertThat(cam.height()).isEqualTo(28);
            assertThat(cam.mapHeight()).isEqualTo(11);
            SaliencyMap saliency = new Attribution(model).smoothGrad(examples[0], -1, 8, 0.15, 1);
            assertThat(saliency.heatHeight()).isEqualTo(28);
            assertThat(new WeightViews(model).firstConvFilters().kernel(0, 0)).hasSize(9);

            int predicted = predictions.get(0).predictedClass();
            var probe = org.layerloom.engine.inspect.perturb.ClassProbe.of(inspector, predicted);
            var occlusion = new org.layerloom.engine.inspect.perturb.Occlusion(probe,
                    new org.layerloom.engine.inspect.perturb.ImageGeometry(1, 28, 28));
            occlusion.map(examples[1], predicted, 4, 2, 0f); // warm-up
            long began = System.nanoTime();
            var occluded = occlusion.map(examples[0], predicted, 4, 2, 0f);
            double seconds = (System.nanoTime() - began) / 1e9;
            System.out.printf(java.util.Locale.ROOT, "Occlusion 4x4 stride 2 on the MNIST CNN: %d copies in %.3f s%n",
                    occluded.copies(), seconds);
            assertThat(occluded.copies()).isEqualTo(13 * 13);
            assertThat(occluded.probability()).isCloseTo(predictions.get(0).probabilities()[predicted],
                    org.assertj.core.api.Assertions.within(1e-5));
            began = System.nanoTime();
            var lime = new org.layerloom.engine.inspect.perturb.Lime(probe).explain(examples[0],
                    org.layerloom.engine.inspect.perturb.LimeFeatures.grid(
                            new org.layerloom.engine.inspect.perturb.ImageGeometry(1, 28, 28), 4, 0f), predicted, 500, 1);
            System.out.printf(java.util.Locale.ROOT, "LIME 4x4 cells, 500 samples on the MNIST CNN: R² %.3f in %.3f s%n",
                    lime.rSquared(), (System.nanoTime() - began) / 1e9);
            assertThat(lime.weights()).hasSize(49);

            float[][] probabilities = predictions.stream().map(Prediction::probabilities).toArray(float[][]::new);
            ErrorGallery errors = ErrorGallery.of(probabilities, Arrays.copyOf(labels, n));
            assertThat(errors.all()).hasSize((int) (n - right));
            EmbeddingProjection projection = new EmbeddingProjector(model).project(examples, Arrays.copyOf(labels, n),
                    200, 5);
            assertThat(projection.nodeId()).isEqualTo(model.nodesOfKind(LayerKind.DENSE).get(0));
            assertThat(projection.x()).hasSize(200);
            assertThat(projection.explainedVariance()[0]).isGreaterThan(projection.explainedVariance()[1]);
        }
    }
}
