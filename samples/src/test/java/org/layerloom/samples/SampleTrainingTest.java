package org.layerloom.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.DatasetRegistry;
import org.layerloom.engine.data.DatasetRequest;
import org.layerloom.engine.data.ProgressListener;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.ParamValue;
import org.layerloom.engine.project.DatasetChoice;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.ProjectFiles;
import org.layerloom.engine.project.TrainingSettings;
import org.layerloom.engine.train.TrainingJob;
import org.layerloom.engine.train.TrainingSession;
import org.layerloom.engine.train.event.RunFinished;
import org.layerloom.engine.train.event.TrainingEvent;

/**
 * Every sample trains for real: briefly in the default run (its catalog entry's quick check: a few epochs,
 * perhaps on a subset, must reach a floor), and the MNIST samples for their full length with
 * {@code -Pslow}, where they must reach the accuracy their lessons promise. Datasets that would be
 * downloaded come from ../shared/datasets, or a stand-in of the same shapes; never the network.
 */
class SampleTrainingTest {

    private static final Path PROJECTS = Path.of(System.getProperty("basedir", "")).resolve("projects");
    /** Sources read from files; the tests point them at ../shared/datasets. */
    private static final Set<String> MNIST_LIKE = Set.of("mnist", "fashion-mnist");

    @TempDir
    Path runs;

    static List<Sample> samples() {
        return SampleCatalog.standard().samples();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void every_sample_learns_in_its_quick_check(Sample sample) throws Exception {
        Sample.QuickCheck check = sample.quickCheck();

        RunFinished finished = train(sample.file(), check, check.trainingLimit(), check.epochs());

        double value = check.metric().equals("accuracy") ? finished.test().accuracy() : finished.test().mse();
        assertThat(check.passes(value)).as("%s: test %s %.4f, floor %.4f", sample.id(), check.metric(), value,
                check.floor()).isTrue();
    }

    /**
     * The issue's target, 97.5 %, with its fixed settings (784-64-64-10, Adam 0.001, batch 64, 5 epochs).
     * The raw weights after 5 epochs reach 96.65-97.31 % over six seeds, as PyTorch does (97.04-97.28 %):
     * Adam's last steps leave them noisy. The sample validates and tests the moving average of its weights
     * ({@code "weightAverage" : 0.999}), which reached 97.60-97.79 % over six seeds (seed 42: 97.64 %).
     */
    @Test
    @Tag("slow")
    void mlp_sample_reaches_97_5_percent_in_five_epochs() throws Exception {
        RunFinished finished = train("mnist-mlp.loom", null, 0, 0);
        assertThat(finished.epochsDone()).isEqualTo(5);
        assertThat(finished.test().accuracy()).isGreaterThanOrEqualTo(0.975);
    }

    @Test
    @Tag("slow")
    void cnn_sample_reaches_98_5_percent_in_three_epochs() throws Exception {
        RunFinished finished = train("mnist-cnn.loom", null, 0, 0);
        assertThat(finished.epochsDone()).isEqualTo(3);
        assertThat(finished.test().accuracy()).isGreaterThanOrEqualTo(0.985);
    }

    /**
     * The sigmoid assignment as shipped (six sigmoid layers, plain SGD 0.1) stays near chance, as in PyTorch (10.3 %
     * after 3 epochs on all of MNIST; LayerLoom 11.4 %); the same network with ReLU learns (PyTorch 94.7 %, LayerLoom
     * 96.5 %). The lesson's claim, on 9,000 training examples (measured: 10.3 % stuck, 75.7 % with ReLU).
     */
    @Test
    void the_sigmoid_assignment_stays_near_chance_until_relu_replaces_its_sigmoids() throws Exception {
        Project shipped = ProjectFiles.load(PROJECTS.resolve("assignment-sigmoid.loom"));
        NetworkGraph relu = shipped.graph();
        for (Node node : shipped.graph().nodes()) {
            if (node.kind() == LayerKind.DENSE && "sigmoid".equals(node.params().choice("activation"))) {
                relu = relu.withReplacedNode(new Node(node.id(), node.kind(), node.name(),
                        node.params().with("activation", new ParamValue.Choice("relu")), node.position()));
            }
        }

        RunFinished stuck = train(shipped, "assignment-sigmoid.loom", null, 10_000, 3);
        RunFinished fixed = train(shipped.withGraph(relu), "assignment-sigmoid.loom with ReLU", null, 10_000, 3);

        assertThat(stuck.test().accuracy()).isLessThan(0.2);
        assertThat(fixed.test().accuracy()).isGreaterThan(0.6);
    }

    private RunFinished train(String sample, Sample.QuickCheck check, int trainingLimit, int epochs)
            throws Exception {
        return train(ProjectFiles.load(PROJECTS.resolve(sample)), sample, check, trainingLimit, epochs);
    }

    private RunFinished train(Project project, String sample, Sample.QuickCheck check, int trainingLimit, int epochs)
            throws Exception {
        DatasetChoice data = testData(project.dataset(), check);
        TrainingSettings settings = project.training();
        if (epochs > 0) {
            settings = new TrainingSettings(settings.optimizer(), settings.schedule(), settings.batchSize(), epochs,
                    settings.validationSplit(), settings.seed(), settings.device());
        }
        DatasetRequest request = DatasetRequest.of(data, PROJECTS, settings.seed(), settings.validationSplit());
        if (trainingLimit > 0) {
            request = request.withTrainingLimit(trainingLimit);
        }
        Dataset dataset = DatasetRegistry.standard().load(request, ProgressListener.none());
        long start = System.nanoTime();
        TrainingSession session = TrainingSession.start(
                TrainingJob.of(project.withDataset(data), dataset, runs).withSettings(settings), e -> { });
        TrainingEvent end = session.outcome().get(30, TimeUnit.MINUTES);
        assertThat(end).as("%s", end).isInstanceOf(RunFinished.class);
        RunFinished finished = (RunFinished) end;
        System.out.printf("%s: %d epoch(s) on %,d examples: test accuracy %.4f, MSE %.4f (%.1f s)%n", sample,
                finished.epochsDone(), dataset.train().size(), finished.test().accuracy(), finished.test().mse(),
                (System.nanoTime() - start) / 1e9);
        return finished;
    }

    /** The sample's dataset as the tests load it: file-based sources read ../shared/datasets. */
    private static DatasetChoice testData(DatasetChoice choice, Sample.QuickCheck check) {
        DatasetChoice data = check == null || check.standIn() == null ? choice
                : new DatasetChoice(check.standIn(), choice.options());
        if (MNIST_LIKE.contains(data.source())) {
            data = data.with("path", datasetsFolder().resolve("mnist").toString());
        }
        if (check != null) {
            for (var option : check.testOptions().entrySet()) {
                data = data.with(option.getKey(),
                        option.getValue().replace("${datasets}", datasetsFolder().toString()));
            }
        }
        return data;
    }

    static Path datasetsFolder() {
        String property = System.getProperty("layerloom.datasets");
        Path folder = property == null || property.isBlank() || property.contains("${")
                ? Path.of("../../shared/datasets") : Path.of(property);
        return folder.toAbsolutePath().normalize();
    }
}
