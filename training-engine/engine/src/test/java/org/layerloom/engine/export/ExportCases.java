package org.layerloom.engine.export;

import static org.layerloom.engine.graph.LayerKind.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.TensorShape;
import org.layerloom.engine.project.ProjectFileException;
import org.layerloom.engine.project.ProjectFiles;
import org.layerloom.engine.testing.GraphBuilder;

/**
 * The networks the export tests export: every sample project in {@code samples/projects}, and three
 * synthetic graphs (images, real sequences, token sequences) that together use every layer kind as a node,
 * with activation options, biases switched off, branches and merges. Test code only.
 */
final class ExportCases {

    /** One network to export, named for the table. */
    record Case(String name, NetworkGraph graph) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final Path SAMPLES = Path.of("../../samples/projects");

    private ExportCases() {
    }

    static List<Case> all() throws IOException {
        List<Case> cases = new ArrayList<>(samples());
        cases.addAll(synthetic());
        return cases;
    }

    static List<Case> samples() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(SAMPLES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(ProjectFiles.EXTENSION)).sorted().toList()) {
                try {
                    String name = file.getFileName().toString().replace(ProjectFiles.EXTENSION, "");
                    cases.add(new Case("sample " + name, ProjectFiles.load(file).graph()));
                } catch (ProjectFileException e) {
                    throw new IOException(e.getMessage(), e);
                }
            }
        }
        return cases;
    }

    static List<Case> synthetic() {
        return List.of(new Case("synthetic images", images()), new Case("synthetic sequences", sequences()),
                new Case("synthetic tokens", tokens()));
    }

    /** Convolutions, pooling, BatchNorm and LayerNorm over maps, Add and Concatenate, Softmax over maps. */
    static NetworkGraph images() {
        GraphBuilder b = new GraphBuilder();
        String in = b.input(TensorShape.of(3, 8, 8));
        String conv = b.add(CONV2D, "filters", 4, "kernel", 3, "stride", 1, "padding", 1, "activation", "relu");
        String norm = b.add(BATCH_NORM);
        String maxPool = b.add(MAX_POOL2D, "pool", 3, "stride", 2, "padding", 1);
        String pointwise = b.add(CONV2D, "filters", 4, "kernel", 1, "stride", 1, "padding", 0, "bias", false,
                "activation", "none");
        String relu = b.add(RELU);
        String add = b.add(ADD);
        String avgPool = b.add(AVG_POOL2D, "pool", 3, "stride", 1, "padding", 1);
        String layerNorm = b.add(LAYER_NORM);
        String tanh = b.add(TANH);
        String concat = b.add(CONCATENATE, "axis", 0);
        String gelu = b.add(GELU);
        String softmax = b.add(SOFTMAX);
        String global = b.add(GLOBAL_AVG_POOL2D);
        String flatten = b.add(FLATTEN);
        String dense = b.add(DENSE, "units", 6, "activation", "elu");
        String join = b.add(CONCATENATE, "axis", -1);
        String head = b.add(DENSE, "units", 3, "activation", "leaky_relu");
        String out = b.add(OUTPUT, "loss", "mse");
        b.chain(in, conv, norm, maxPool, pointwise, add).chain(maxPool, relu, add);
        b.chain(add, avgPool, layerNorm, concat).chain(add, tanh, concat);
        b.chain(concat, gelu, softmax, global, join).chain(concat, flatten, dense, join).chain(join, head, out);
        return b.build();
    }

    /** Conv1D, BatchNorm over sequences and vectors, every recurrent kind, Reshape, Dropout, activations. */
    static NetworkGraph sequences() {
        GraphBuilder b = new GraphBuilder();
        String in = b.input(TensorShape.of(6, 4));
        String conv = b.add(CONV1D, "filters", 5, "kernel", 3, "stride", 1, "padding", 1, "activation", "sigmoid");
        String seqNorm = b.add(BATCH_NORM);
        String rnnTanh = b.add(SIMPLE_RNN, "units", 4, "nonlinearity", "tanh", "return_sequences", true);
        String rnnRelu = b.add(SIMPLE_RNN, "units", 3, "nonlinearity", "relu", "return_sequences", true);
        String lstm = b.add(LSTM, "units", 5, "return_sequences", true);
        String gru = b.add(GRU, "units", 4, "return_sequences", false);
        String dense = b.add(DENSE, "units", 5, "activation", "gelu");
        String vecNorm = b.add(BATCH_NORM, "momentum", 0.3, "epsilon", 1e-3);
        String leaky = b.add(LEAKY_RELU, "alpha", 0.2);
        String elu = b.add(ELU, "alpha", 0.7);
        String dropout = b.add(DROPOUT, "rate", 0.3);
        String sigmoid = b.add(SIGMOID);
        String reshape = b.add(RESHAPE, "target", new int[] {5, 1});
        String perStep = b.add(DENSE, "units", 2, "activation", "tanh", "bias", false);
        String flatten = b.add(FLATTEN);
        String out = b.add(OUTPUT, "loss", "mse");
        b.chain(in, conv, seqNorm, rnnTanh, rnnRelu, lstm, gru, dense, vecNorm, leaky, elu, dropout, sigmoid, reshape,
                perStep, flatten, out);
        return b.build();
    }

    /** Embedding, positional encoding, self-attention, a Transformer encoder block, LayerNorm over steps. */
    static NetworkGraph tokens() {
        GraphBuilder b = new GraphBuilder();
        String in = b.input(TensorShape.tokens(7));
        String embedding = b.add(EMBEDDING, "vocabulary", 11, "dimension", 8);
        String position = b.add(POSITIONAL_ENCODING);
        String attention = b.add(SELF_ATTENTION, "heads", 2, "dropout", 0.1);
        String encoder = b.add(TRANSFORMER_ENCODER, "heads", 2, "feed_forward", 16, "dropout", 0.1);
        String norm = b.add(LAYER_NORM, "epsilon", 1e-3);
        String lstm = b.add(LSTM, "units", 6, "return_sequences", false);
        String dense = b.add(DENSE, "units", 3, "activation", "relu");
        String out = b.add(OUTPUT, "loss", "mse");
        b.chain(in, embedding, position, attention, encoder, norm, lstm, dense, out);
        return b.build();
    }
}
