package org.layerloom.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.layerloom.engine.testing.GraphBuilder.layer;

import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.DatasetOptions;
import org.layerloom.engine.data.DatasetRegistry;
import org.layerloom.engine.data.DatasetRequest;
import org.layerloom.engine.data.ProgressListener;
import org.layerloom.engine.data.image.ImageFixtures;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.project.DatasetChoice;
import org.layerloom.engine.project.DeviceChoice;
import org.layerloom.engine.project.OptimizerSettings;
import org.layerloom.engine.project.ScheduleSettings;
import org.layerloom.engine.project.TrainingSettings;
import org.layerloom.engine.testing.GraphBuilder;
import org.layerloom.engine.train.event.RunFinished;
import org.layerloom.engine.train.event.TestMetrics;
import org.layerloom.engine.train.event.TrainingEvent;

/** A small network learns from each kind of dataset, end to end through the training session. */
class DataKindsTrainingTest {

    @TempDir
    Path dir;

    private static Path shared(String path) {
        String property = System.getProperty("layerloom.datasets");
        Path folder = property == null || property.isBlank() || property.contains("${")
                ? Path.of("../../../shared/datasets") : Path.of(property);
        return folder.resolve(path).toAbsolutePath().normalize();
    }

    private Dataset load(String source, Object... options) throws Exception {
        Map<String, Object> map = new java.util.TreeMap<>();
        for (int i = 0; i < options.length; i += 2) {
            map.put((String) options[i], options[i + 1]);
        }
        return DatasetRegistry.standard().load(new DatasetRequest(source, DatasetOptions.of(map), dir, 3, 0.1,
                OptionalInt.empty()), ProgressListener.none());
    }

    private TestMetrics train(Dataset data, NetworkGraph graph, double rate, int batch, int epochs) throws Exception {
        TrainingSettings settings = new TrainingSettings(OptimizerSettings.adam(rate), ScheduleSettings.fixed(), batch,
                epochs, 0.1, 3, DeviceChoice.CPU);
        DataModelCheck.check(graph, data);
        long start = System.nanoTime();
        TrainingJob job = TrainingJob.of(TrainingFixtures.project(data.name(), graph, DatasetChoice.of("test"),
                settings), data, dir.resolve("runs")).withSettings(settings).withThreads(1);
        TrainingEvent end = TrainingFixtures.await(TrainingSession.start(job, new TrainingFixtures.Recorder()));
        assertThat(end).as("%s", end).isInstanceOf(RunFinished.class);
        TestMetrics test = ((RunFinished) end).test();
        System.out.printf("%s: test loss %.4f, accuracy %.3f, %.1f s%n", data.name(), test.loss(), test.accuracy(),
                (System.nanoTime() - start) / 1e9);
        return test;
    }

    @Test
    void an_mlp_learns_iris_from_the_csv_file() throws Exception {
        Dataset iris = load("csv", "path", shared("iris/iris.csv").toString());
        NetworkGraph graph = GraphBuilder.chainOf(new int[] {4}, "softmax_cross_entropy",
                layer(LayerKind.DENSE, "units", 16, "activation", "relu"), layer(LayerKind.DENSE, "units", 3));
        assertThat(train(iris, graph, 0.02, 16, 40).accuracy()).isGreaterThan(0.85);
    }

    @Test
    void an_mlp_learns_an_image_folder() throws Exception {
        ImageFixtures.writeFolder(dir.resolve("pics"), 40);
        Dataset pics = load("image-folder", "path", "pics", "width", 16, "augment-flip", true);
        NetworkGraph graph = GraphBuilder.chainOf(new int[] {3, 16, 16}, "softmax_cross_entropy",
                layer(LayerKind.FLATTEN), layer(LayerKind.DENSE, "units", 16, "activation", "relu"),
                layer(LayerKind.DENSE, "units", 2));
        assertThat(train(pics, graph, 0.01, 16, 10).accuracy()).isGreaterThan(0.85);
    }

    @Test
    void an_embedding_model_learns_sentiment_from_the_yelp_sentences() throws Exception {
        Dataset yelp = load("text", "path", shared("sentiment-labelled-sentences/yelp_labelled.txt").toString(),
                "length", 16, "vocabulary", 2000);
        GraphBuilder b = new GraphBuilder();
        String in = b.input(yelp.exampleShape());
        String embed = b.add(LayerKind.EMBEDDING, "vocabulary", 2000, "dimension", 16);
        String flat = b.add(LayerKind.FLATTEN);
        String scores = b.add(LayerKind.DENSE, "units", 2);
        String out = b.add(LayerKind.OUTPUT, "loss", "softmax_cross_entropy");
        NetworkGraph graph = b.chain(in, embed, flat, scores, out).build();
        assertThat(train(yelp, graph, 0.01, 32, 8).accuracy()).isGreaterThan(0.6);
    }

    @Test
    void a_cnn_learns_the_rendered_shapes() throws Exception {
        Dataset shapes = load("shapes", "samples", 1000);
        NetworkGraph graph = GraphBuilder.chainOf(new int[] {1, 28, 28}, "softmax_cross_entropy",
                layer(LayerKind.CONV2D, "filters", 8, "kernel", 3, "activation", "relu"),
                layer(LayerKind.MAX_POOL2D), layer(LayerKind.FLATTEN), layer(LayerKind.DENSE, "units", 32,
                        "activation", "relu"), layer(LayerKind.DENSE, "units", 4));
        assertThat(train(shapes, graph, 0.01, 32, 12).accuracy()).as("chance is 0.25").isGreaterThan(0.6);
    }

    @Test
    void an_lstm_forecasts_the_sine_wave() throws Exception {
        Dataset sine = load("sine-forecast", "samples", 800, "length", 12);
        NetworkGraph graph = GraphBuilder.chainOf(new int[] {12, 1}, "mse",
                layer(LayerKind.LSTM, "units", 16), layer(LayerKind.DENSE, "units", 1));
        TestMetrics test = train(sine, graph, 0.01, 32, 15);
        assertThat(test.loss()).as("mean squared error; the targets' variance is about 0.3").isLessThan(0.05);
    }

    @Test
    void a_recurrent_model_learns_whether_a_sequence_is_sorted() throws Exception {
        Dataset sorted = load("sequence-pattern", "samples", 1000, "task", "sorted", "values", "real", "length", 8);
        NetworkGraph graph = GraphBuilder.chainOf(new int[] {8, 1}, "softmax_cross_entropy",
                layer(LayerKind.LSTM, "units", 16), layer(LayerKind.DENSE, "units", 2));
        assertThat(train(sorted, graph, 0.01, 32, 15).accuracy()).isGreaterThan(0.7);
    }
}
