package org.layerloom.app.inspect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.ProgressListener;
import org.layerloom.engine.project.DatasetChoice;
import org.layerloom.engine.project.DeviceChoice;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.ProjectFiles;
import org.layerloom.engine.project.TrainingSettings;
import org.layerloom.engine.train.InspectionSettings;
import org.layerloom.engine.train.ProjectData;
import org.layerloom.engine.train.TrainingJob;
import org.layerloom.engine.train.TrainingSession;
import org.layerloom.engine.train.event.DecisionMapCaptured;
import org.layerloom.engine.train.event.RunFinished;
import org.layerloom.engine.train.event.TrainingEvent;

/**
 * Real runs of the sample projects, trained once per test JVM and shared by the inspect tests: the MNIST
 * CNN sample (samples/projects/mnist-cnn.loom) for one epoch on 1,500 training images of the shared MNIST
 * files, and the spirals sample for {@link #EPOCHS} epochs with a decision map and an embedding after each epoch (the maps of epochs 1 to 3 and every fifth kept), whose events are kept.
 */
final class TrainedRuns {

    /**
     * Epochs of the spirals run: 30 by default (quick; the arms only begin to separate), 100 for the README's
     * screenshots with {@code -Dlayerloom.inspect.spiralEpochs=100} (the sample trains 150).
     */
    static final int EPOCHS = Integer.getInteger("layerloom.inspect.spiralEpochs", 30);

    private static Path mnistRun;
    private static Path spiralsRun;
    private static Path sentimentRun;
    private static Path sentimentAttentionRun;
    private static List<TrainingEvent> spiralsEvents;

    private TrainedRuns() {
    }

    static Path samples() {
        return Path.of("..", "samples", "projects").toAbsolutePath().normalize();
    }

    static Path mnistFolder() {
        String property = System.getProperty("layerloom.datasets");
        Path folder = property == null || property.isBlank() || property.contains("${")
                ? Path.of("../../shared/datasets") : Path.of(property);
        return folder.resolve("mnist").toAbsolutePath().normalize();
    }

    /** The run folder of the briefly trained MNIST CNN sample. */
    static synchronized Path mnistCnn() throws Exception {
        if (mnistRun == null) {
            Project sample = ProjectFiles.load(samples().resolve("mnist-cnn.loom"));
            TrainingSettings s = sample.training();
            Project project = new Project(sample.name(), sample.graph(),
                    sample.dataset().with("path", mnistFolder().toString()),
                    new TrainingSettings(s.optimizer(), s.schedule(), s.batchSize(), 1, s.validationSplit(), s.seed(),
                            DeviceChoice.CPU));
            mnistRun = train(project, 1_500, InspectionSettings.OFF, e -> { });
        }
        return mnistRun;
    }

    /** The run folder of the sentiment LSTM sample trained for one epoch on the shared labelled sentences. */
    static synchronized Path sentimentLstm() throws Exception {
        if (sentimentRun == null) {
            Project sample = ProjectFiles.load(samples().resolve("sentiment-lstm.loom"));
            Path sentences = mnistFolder().resolveSibling("sentiment-labelled-sentences");
            Project project = sample.withDataset(sample.dataset().with("path", sentences.toString()))
                    .withTraining(sample.training().withEpochs(1).withDevice(DeviceChoice.CPU));
            sentimentRun = train(project, 0, InspectionSettings.OFF, e -> { });
        }
        return sentimentRun;
    }

    /**
     * The run folder of the sentiment sample with self-attention (2 heads) in place of its LSTMs, trained for
     * one epoch on the shared labelled sentences.
     */
    static synchronized Path sentimentAttention() throws Exception {
        if (sentimentAttentionRun == null) {
            Project sample = ProjectFiles.load(samples().resolve("sentiment-lstm.loom"));
            Path sentences = mnistFolder().resolveSibling("sentiment-labelled-sentences");
            org.layerloom.engine.graph.NetworkGraph lstm = sample.graph();
            java.util.List<org.layerloom.engine.graph.Node> nodes = new java.util.ArrayList<>();
            for (org.layerloom.engine.graph.Node n : lstm.nodes()) {
                if (n.id().equals("lstm1")) {
                    nodes.add(new org.layerloom.engine.graph.Node("attention1",
                            org.layerloom.engine.graph.LayerKind.SELF_ATTENTION, "Attention",
                            org.layerloom.engine.graph.LayerCatalog.standard().type(
                                    org.layerloom.engine.graph.LayerKind.SELF_ATTENTION).defaultParameters()
                                    .with("heads", new org.layerloom.engine.graph.ParamValue.Int(2)), n.position()));
                } else if (n.id().equals("lstm2")) {
                    nodes.add(new org.layerloom.engine.graph.Node("flatten1",
                            org.layerloom.engine.graph.LayerKind.FLATTEN, "Flatten",
                            org.layerloom.engine.graph.LayerCatalog.standard().type(
                                    org.layerloom.engine.graph.LayerKind.FLATTEN).defaultParameters(), n.position()));
                } else {
                    nodes.add(n);
                }
            }
            java.util.List<org.layerloom.engine.graph.Wire> wires = java.util.List.of(
                    org.layerloom.engine.graph.Wire.between("input1", "embedding1"),
                    org.layerloom.engine.graph.Wire.between("embedding1", "attention1"),
                    org.layerloom.engine.graph.Wire.between("attention1", "flatten1"),
                    org.layerloom.engine.graph.Wire.between("flatten1", "dense1"),
                    org.layerloom.engine.graph.Wire.between("dense1", "output1"));
            Project project = new Project("Sentiment attention", new org.layerloom.engine.graph.NetworkGraph(nodes, wires),
                    sample.dataset().with("path", sentences.toString()),
                    sample.training().withEpochs(1).withDevice(DeviceChoice.CPU));
            sentimentAttentionRun = train(project, 0, InspectionSettings.OFF, e -> { });
        }
        return sentimentAttentionRun;
    }

    /** The run folder of the spirals sample trained for {@value #EPOCHS} epochs. */
    static synchronized Path spirals() throws Exception {
        if (spiralsRun == null) {
            Project sample = ProjectFiles.load(samples().resolve("spirals.loom"));
            TrainingSettings s = sample.training();
            Project project = new Project(sample.name(), sample.graph(), sample.dataset(),
                    new TrainingSettings(s.optimizer(), s.schedule(), s.batchSize(), EPOCHS, s.validationSplit(),
                            s.seed(), DeviceChoice.CPU));
            List<TrainingEvent> events = new CopyOnWriteArrayList<>();
            spiralsRun = train(project, 0, new InspectionSettings(0, true, 16, 20, false, 100, 600), e -> {
                if (!(e instanceof DecisionMapCaptured map) || map.epoch() <= 3 || map.epoch() % 5 == 0) {
                    events.add(e);
                }
            });
            spiralsEvents = List.copyOf(events);
        }
        return spiralsRun;
    }

    /** The events of the spirals training (the kept decision maps and every embedding). */
    static synchronized List<TrainingEvent> spiralsEvents() throws Exception {
        spirals();
        return spiralsEvents;
    }

    private static Path train(Project project, int limit, InspectionSettings inspection,
                              java.util.function.Consumer<TrainingEvent> sink)
            throws Exception {
        Path folder = Files.createTempDirectory("layerloom-inspect-");
        Path file = folder.resolve("project.loom");
        ProjectFiles.save(project, file);
        long start = System.nanoTime();
        Dataset data = ProjectData.load(project, folder, project.training(), limit, ProgressListener.none());
        TrainingJob job = TrainingJob.of(project, data, folder.resolve("project.runs")).withThreads(2)
                .withInspection(inspection);
        TrainingEvent end = TrainingSession.start(job, sink::accept).outcome().get(5, TimeUnit.MINUTES);
        if (!(end instanceof RunFinished finished)) {
            throw new IOException("training failed: " + end);
        }
        System.out.printf(java.util.Locale.ROOT, "Trained %s in %.1f s%n", project.name(),
                (System.nanoTime() - start) / 1e9);
        return Path.of(finished.runFolder());
    }
}
