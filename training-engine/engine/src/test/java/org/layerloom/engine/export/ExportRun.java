package org.layerloom.engine.export;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import org.layerloom.engine.compile.EngineSeed;
import org.layerloom.engine.compile.GraphBlock;
import org.layerloom.engine.compile.GraphCompiler;
import org.layerloom.engine.compile.TorchStateDict;
import org.layerloom.engine.export.pytorch.PyTorchWriter;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.TensorShape;
import org.layerloom.engine.graph.ValidationReport;

/**
 * One network of the export tests, prepared in LayerLoom: compiled and initialised with a seed taken from its
 * name, its weights then drawn again where the defaults would hide a mistake (biases in ±0.5, normalisation
 * weights in [0.5, 1.5], BatchNorm running means N(0, 0.5²) and variances in [0.5, 2]), exported to
 * {@code DIR/export}, and run in inference mode on one seeded batch ({@code DIR/batch.npz}: N(0, 1) reals, or
 * token ids below the smallest vocabulary). Keeps every node's output, by node id in running order, as
 * arrays of {@code manager}. Test code only; one thread.
 */
final class ExportRun {

    static final int BATCH = 3;

    final String name;
    final Path dir;
    final GraphBlock block;
    final ExportedNetwork network;
    final Map<String, NDArray> outputs;

    private ExportRun(String name, Path dir, GraphBlock block, ExportedNetwork network, Map<String, NDArray> outputs) {
        this.name = name;
        this.dir = dir;
        this.block = block;
        this.network = network;
        this.outputs = outputs;
    }

    static ExportRun prepare(String name, NetworkGraph graph, Path dir, NDManager manager)
            throws IOException, ExportRefusedException {
        long seed = seedOf(name);
        ValidationReport report = GraphValidator.standard().validate(graph);
        GraphBlock block = GraphCompiler.standard().compile(report);
        TensorShape example = report.outputOf(block.inputNodeId()).orElseThrow();
        EngineSeed.set((int) seed);
        block.initialize(manager, DataType.FLOAT32, withBatch(example, 1));
        randomise(graph, block, manager, new Random(seed));
        ExportedNetwork network = ExportedNetwork.of(name, report, block);
        Exporter.export(network, new PyTorchWriter(), dir.resolve("export"));

        NpyArray input = input(graph, example, new Random(seed + 1));
        NpzWriter.write(dir.resolve("batch.npz"), List.of(input));
        NDArray x = example.isTokenIds()
                ? manager.create(longs(input), withBatch(example, BATCH))
                : manager.create(input.floatValues(), withBatch(example, BATCH));
        Map<String, NDArray> outputs = block.activations(new ParameterStore(manager, false), new NDList(x), false);
        return new ExportRun(name, dir, block, network, new LinkedHashMap<>(outputs));
    }

    /** The same network exported again to {@code dir} with {@code damaged} weights, for a negative control. */
    ExportRun withWeights(Path otherDir, List<NpyArray> damaged) throws IOException, ExportRefusedException {
        Exporter.export(network.withWeights(damaged), new PyTorchWriter(), otherDir.resolve("export"));
        java.nio.file.Files.copy(dir.resolve("batch.npz"), otherDir.resolve("batch.npz"));
        return new ExportRun(name + " (damaged)", otherDir, block, network.withWeights(damaged), outputs);
    }

    private static void randomise(NetworkGraph graph, GraphBlock block, NDManager manager, Random random) {
        TorchStateDict dict = TorchStateDict.of(graph, block);
        Map<String, NDArray> values = dict.values(manager);
        Map<String, NDArray> drawn = new LinkedHashMap<>();
        for (Map.Entry<String, NDArray> entry : values.entrySet()) {
            String key = entry.getKey();
            String leaf = key.substring(key.lastIndexOf('.') + 1);
            LayerKind kind = graph.requireNode(key.substring(0, key.indexOf('.'))).kind();
            boolean norm = kind == LayerKind.BATCH_NORM || kind == LayerKind.LAYER_NORM || key.contains(".norm");
            float[] v = entry.getValue().toFloatArray();
            for (int i = 0; i < v.length; i++) {
                if (leaf.startsWith("bias") || leaf.endsWith("_bias")) {
                    v[i] = uniform(random, -0.5, 0.5);
                } else if (norm && leaf.equals("weight")) {
                    v[i] = uniform(random, 0.5, 1.5);
                } else if (leaf.equals("running_mean")) {
                    v[i] = (float) (random.nextGaussian() * 0.5);
                } else if (leaf.equals("running_var")) {
                    v[i] = uniform(random, 0.5, 2.0);
                }
            }
            drawn.put(key, manager.create(v, entry.getValue().getShape()));
        }
        dict.load(drawn::get);
    }

    private static NpyArray input(NetworkGraph graph, TensorShape example, Random random) {
        long[] shape = withBatch(example, BATCH).getShape();
        int size = Math.toIntExact(example.size() * BATCH);
        if (example.isTokenIds()) {
            int vocabulary = graph.nodesOfKind(LayerKind.EMBEDDING).stream().map(Node::params)
                    .mapToInt(p -> p.intValue("vocabulary")).min().orElseThrow();
            long[] ids = new long[size];
            for (int i = 0; i < size; i++) {
                ids[i] = random.nextInt(vocabulary);
            }
            return NpyArray.longs("input", shape, ids);
        }
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return NpyArray.floats("input", shape, values);
    }

    private static long[] longs(NpyArray array) {
        long[] values = new long[array.data().length / Long.BYTES];
        java.nio.ByteBuffer.wrap(array.data()).order(java.nio.ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(values);
        return values;
    }

    private static float uniform(Random random, double low, double high) {
        return (float) (low + (high - low) * random.nextDouble());
    }

    private static Shape withBatch(TensorShape example, int batch) {
        long[] dims = new long[example.rank() + 1];
        dims[0] = batch;
        for (int i = 0; i < example.rank(); i++) {
            dims[i + 1] = example.dim(i);
        }
        return new Shape(dims);
    }

    static long seedOf(String name) {
        CRC32 crc = new CRC32();
        crc.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return crc.getValue();
    }
}
