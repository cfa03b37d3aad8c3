package org.layerloom.engine.graph;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every kind of layer a network can contain. The {@link #id()} is what project files store, so it
 * never changes once released. Immutable; any thread.
 */
public enum LayerKind {
    INPUT("Input"),
    OUTPUT("Output"),
    DENSE("Dense"),
    FLATTEN("Flatten"),
    RESHAPE("Reshape"),
    DROPOUT("Dropout"),
    EMBEDDING("Embedding"),
    CONV1D("Conv1D"),
    CONV2D("Conv2D"),
    MAX_POOL2D("MaxPool2D"),
    AVG_POOL2D("AvgPool2D"),
    GLOBAL_AVG_POOL2D("GlobalAvgPool2D"),
    BATCH_NORM("BatchNorm"),
    LAYER_NORM("LayerNorm"),
    SIMPLE_RNN("SimpleRNN"),
    LSTM("LSTM"),
    GRU("GRU"),
    SELF_ATTENTION("MultiHeadSelfAttention"),
    TRANSFORMER_ENCODER("TransformerEncoder"),
    POSITIONAL_ENCODING("PositionalEncoding"),
    ADD("Add"),
    CONCATENATE("Concatenate"),
    RELU("ReLU"),
    LEAKY_RELU("LeakyReLU"),
    ELU("ELU"),
    GELU("GELU"),
    SIGMOID("Sigmoid"),
    TANH("Tanh"),
    SOFTMAX("Softmax");

    private final String id;

    LayerKind(String id) {
        this.id = id;
    }

    /** The stable name used in project files and on the command line. */
    public String id() {
        return id;
    }

    /** The kind with this id, compared without regard to case. */
    public static Optional<LayerKind> fromId(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equalsIgnoreCase(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(LayerKind::id).toList();
    }
}
