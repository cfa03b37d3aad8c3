package org.layerloom.engine.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.layerloom.engine.graph.ChoiceOption;
import org.layerloom.engine.graph.LayerCatalog;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.LayerType;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.ParamSpec;
import org.layerloom.engine.graph.ParamValue;
import org.layerloom.engine.graph.Parameters;
import org.layerloom.engine.graph.Position;
import org.layerloom.engine.project.DatasetChoice;
import org.layerloom.engine.project.DeviceChoice;
import org.layerloom.engine.project.OptimizerKind;
import org.layerloom.engine.project.OptimizerSettings;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.ProjectFiles;
import org.layerloom.engine.project.ScheduleKind;
import org.layerloom.engine.project.ScheduleSettings;
import org.layerloom.engine.project.TrainingSettings;

/**
 * The projects tests of every module start from, built with {@link GraphBuilder}; {@link #write} saves one with
 * {@link ProjectFiles}, so it is in the real file format. Test code only; any thread.
 */
public final class TestProjects {

    private TestProjects() {
    }

    /**
     * A small valid MLP: nodes[0] input1 (784), nodes[1] dense1 (64, relu), nodes[2] dense2 (10),
     * nodes[3] output1; three wires in a chain.
     */
    public static Project smallMlp() {
        GraphBuilder graph = new GraphBuilder();
        String[] ids = {
            graph.add(LayerKind.INPUT, column(0), GraphBuilder.params("shape", new int[] {784})),
            graph.add(LayerKind.DENSE, column(1), GraphBuilder.params("activation", "relu")),
            graph.add(LayerKind.DENSE, column(2), GraphBuilder.params("units", 10)),
            graph.add(LayerKind.OUTPUT, column(3), Parameters.empty())};
        return new Project("Small MLP", graph.chain(ids).build(), DatasetChoice.of("mnist"),
                TrainingSettings.defaults());
    }

    public static String smallMlpJson() {
        return ProjectFiles.toJson(smallMlp());
    }

    /**
     * One node of every layer kind with every parameter changed from its default, an Add fed by three
     * wires in an order that is not the order of the nodes, and non-default dataset and training.
     */
    public static Project everything() {
        GraphBuilder graph = new GraphBuilder();
        int column = 0;
        for (LayerKind kind : LayerKind.values()) {
            graph.add(kind, column(column), nonDefaultParameters(LayerCatalog.standard().type(kind)));
            column++;
        }
        graph.wire("input1", "flatten1").wire("relu1", "add1").wire("dense1", "add1").wire("gelu1", "add1")
                .wire("flatten1", "dense1").wire("add1", "output1");
        DatasetChoice dataset = new DatasetChoice("spirals", new TreeMap<>())
                .with("noise", 0.25).with("samples", 500).with("path", "data/my file \"1\".csv")
                .with("shuffle", true).with("big", 5_000_000_000L);
        TrainingSettings training = new TrainingSettings(
                new OptimizerSettings(OptimizerKind.SGD, 0.05, 0.8, true, 0.85, 0.99, 1e-7, 1e-4, 1.5),
                new ScheduleSettings(ScheduleKind.STEP, 3, 0.5, 2, 1e-5), 128, 12, 0.2, -7_000_000_000L,
                DeviceChoice.CPU);
        return new Project("Everything – Ünïcode \"quoted\" \\ name", graph.build(), dataset, training);
    }

    /** Every parameter of {@code type} set to a value other than its default. */
    public static Parameters nonDefaultParameters(LayerType type) {
        Parameters params = type.defaultParameters();
        for (ParamSpec spec : type.parameters()) {
            params = params.with(spec.name(), different(spec));
        }
        return params;
    }

    /** Input (784) → Dense 64 ReLU → Dense 64 ReLU → Dense 10 → Output: 55,050 parameters, valid. */
    public static Project mlp() {
        return chain("MNIST MLP",
                layer(LayerKind.INPUT, "Input", "shape", new int[] {784}),
                layer(LayerKind.DENSE, "Hidden 1", "units", 64, "activation", "relu"),
                layer(LayerKind.DENSE, "Hidden 2", "units", 64, "activation", "relu"),
                layer(LayerKind.DENSE, "Scores", "units", 10),
                layer(LayerKind.OUTPUT, "Output"));
    }

    /** A small valid CNN on (1, 28, 28) images; its first Conv2D outputs 32×26×26. */
    public static Project cnn() {
        return chain("Small CNN",
                layer(LayerKind.INPUT, "Image", "shape", new int[] {1, 28, 28}),
                layer(LayerKind.CONV2D, "Conv 1"),
                layer(LayerKind.MAX_POOL2D, "Pool 1"),
                layer(LayerKind.FLATTEN, "Flatten"),
                layer(LayerKind.DENSE, "Scores", "units", 10),
                layer(LayerKind.OUTPUT, "Output"));
    }

    /** A Conv2D fed by a 784-vector Input: invalid, with the fix "Insert a Reshape to (1, 28, 28)". */
    public static Project convOnVector() {
        return chain("Conv on a vector",
                layer(LayerKind.INPUT, "Input", "shape", new int[] {784}),
                layer(LayerKind.CONV2D, "Conv 1"),
                layer(LayerKind.FLATTEN, "Flatten"),
                layer(LayerKind.DENSE, "Scores", "units", 10),
                layer(LayerKind.OUTPUT, "Output"));
    }

    /** Input (2) → Dense 16 ReLU → Dense 2 → Output on generated two moons: trains in a second, offline. */
    public static Project moons(int epochs) {
        Project chain = chain("Two moons",
                layer(LayerKind.INPUT, "Input", "shape", new int[] {2}),
                layer(LayerKind.DENSE, "Hidden", "units", 16, "activation", "relu"),
                layer(LayerKind.DENSE, "Scores", "units", 2),
                layer(LayerKind.OUTPUT, "Output"));
        TrainingSettings d = TrainingSettings.defaults();
        return chain.withDataset(DatasetChoice.of("moons").with("samples", 400))
                .withTraining(new TrainingSettings(d.optimizer().withLearningRate(0.01), d.schedule(), 32, epochs,
                        0.2, 7, DeviceChoice.CPU));
    }

    /** Saves {@code project} to {@code file} with {@link ProjectFiles}; returns the file. */
    public static Path write(Project project, Path file) {
        try {
            ProjectFiles.save(project, file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the n-th node of {@link #smallMlp} and {@link #everything} stands. */
    private static Position column(int n) {
        return new Position(40 + 180 * n, 200.5 - n);
    }

    private static ParamValue different(ParamSpec spec) {
        return switch (spec.type()) {
            case INTEGER -> {
                int value = ((ParamValue.Int) spec.defaultValue()).value();
                yield new ParamValue.Int(spec.range().contains(value + 1) ? value + 1 : value - 1);
            }
            case REAL -> {
                double value = ((ParamValue.Real) spec.defaultValue()).value();
                double other = spec.range().min() + (spec.range().max() - spec.range().min()) * 0.37;
                yield new ParamValue.Real(other == value ? other / 2 : other);
            }
            case FLAG -> new ParamValue.Flag(!((ParamValue.Flag) spec.defaultValue()).value());
            case CHOICE -> {
                List<ChoiceOption> choices = spec.choices();
                yield new ParamValue.Choice(choices.get(choices.size() - 1).id());
            }
            case DIMS -> ParamValue.Dims.of(3, 32, 31);
        };
    }

    /** A named layer of a {@link #chain}; its id and position are given there. */
    private record Layer(LayerKind kind, String name, Object[] params) {
    }

    private static Layer layer(LayerKind kind, String name, Object... params) {
        return new Layer(kind, name, params);
    }

    /** The layers wired one after another, with ids like {@code conv2d2} and 200 units between them. */
    private static Project chain(String name, Layer... layers) {
        GraphBuilder graph = new GraphBuilder();
        String[] ids = new String[layers.length];
        for (int i = 0; i < layers.length; i++) {
            ids[i] = layers[i].kind().id().toLowerCase(Locale.ROOT) + (i + 1);
            graph.add(GraphBuilder.node(ids[i], layers[i].kind(), i * 200, 100, layers[i].params())
                    .withName(layers[i].name()));
        }
        return new Project(name, graph.chain(ids).build(), DatasetChoice.of("mnist"), TrainingSettings.defaults());
    }
}
