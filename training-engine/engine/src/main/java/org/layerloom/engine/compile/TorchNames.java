package org.layerloom.engine.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.layerloom.engine.graph.LayerKind;

/**
 * Which PyTorch {@code state_dict} entry each DJL parameter of a compiled node becomes, per layer kind.
 * DJL parameters are named by their path inside the node's block, child names without DJL's position
 * prefix and without our wrapper's child ({@code "weight"}, {@code "attention.queryProjection.bias"}), so
 * that switching on an activation option (which wraps the layer) changes nothing here. The switch names
 * every {@code LayerKind}, so a new kind does not compile until it is mapped. Stateless.
 */
final class TorchNames {

    /** One PyTorch entry and the DJL parameters it holds, concatenated along axis 0 when there are several. */
    record Rule(String torchName, List<String> djlPaths) {

        static Rule same(String name) {
            return new Rule(name, List.of(name));
        }

        static Rule of(String torchName, String... djlPaths) {
            return new Rule(torchName, List.of(djlPaths));
        }
    }

    /** DJL parameters that PyTorch has no entry for because both sides compute them. */
    static final Set<String> COMPUTED = Set.of("table");

    private static final List<Rule> WEIGHT_AND_BIAS = List.of(Rule.same("weight"), Rule.same("bias"));
    private static final List<Rule> NORM = List.of(Rule.of("weight", "gamma"), Rule.of("bias", "beta"));
    private static final List<Rule> BATCH_NORM = List.of(Rule.of("weight", "gamma"), Rule.of("bias", "beta"),
            Rule.of("running_mean", "runningMean"), Rule.of("running_var", "runningVar"));
    /**
     * DJL's PyTorch engine hands its recurrent parameters to libtorch's own RNN kernels, so the gate order
     * (LSTM i, f, g, o; GRU r, z, n) is PyTorch's already and the layouts are equal.
     */
    private static final List<Rule> RECURRENT = List.of(Rule.of("weight_ih_l0", "l_0_i2h_WEIGHT"),
            Rule.of("weight_hh_l0", "l_0_h2h_WEIGHT"), Rule.of("bias_ih_l0", "l_0_i2h_BIAS"),
            Rule.of("bias_hh_l0", "l_0_h2h_BIAS"));

    private TorchNames() {
    }

    /** The rules of one node kind; an empty list for kinds without parameters. */
    static List<Rule> rules(LayerKind kind) {
        return switch (kind) {
            case DENSE, CONV1D, CONV2D -> WEIGHT_AND_BIAS;
            case EMBEDDING -> List.of(Rule.same("weight"));
            case BATCH_NORM -> BATCH_NORM;
            case LAYER_NORM -> NORM;
            case SIMPLE_RNN, LSTM, GRU -> RECURRENT;
            case SELF_ATTENTION -> attention("", "");
            case TRANSFORMER_ENCODER -> transformerEncoder();
            case INPUT, OUTPUT, FLATTEN, RESHAPE, DROPOUT, MAX_POOL2D, AVG_POOL2D, GLOBAL_AVG_POOL2D,
                    POSITIONAL_ENCODING, ADD, CONCATENATE, RELU, LEAKY_RELU, ELU, GELU, SIGMOID, TANH, SOFTMAX ->
                    List.of();
        };
    }

    /**
     * {@code nn.MultiheadAttention}: one packed {@code in_proj} of the query, key and value projections (in
     * that order), and {@code out_proj}.
     */
    private static List<Rule> attention(String torchPrefix, String djlPrefix) {
        return List.of(
                Rule.of(torchPrefix + "in_proj_weight", djlPrefix + "queryProjection.weight",
                        djlPrefix + "keyProjection.weight", djlPrefix + "valueProjection.weight"),
                Rule.of(torchPrefix + "in_proj_bias", djlPrefix + "queryProjection.bias",
                        djlPrefix + "keyProjection.bias", djlPrefix + "valueProjection.bias"),
                Rule.of(torchPrefix + "out_proj.weight", djlPrefix + "resultProjection.weight"),
                Rule.of(torchPrefix + "out_proj.bias", djlPrefix + "resultProjection.bias"));
    }

    /** {@code nn.TransformerEncoderLayer}: self_attn, linear1, linear2, norm1, norm2. */
    private static List<Rule> transformerEncoder() {
        List<Rule> rules = new ArrayList<>(attention("self_attn.", "attention."));
        rules.addAll(List.of(
                Rule.of("linear1.weight", "feedForward1.weight"), Rule.of("linear1.bias", "feedForward1.bias"),
                Rule.of("linear2.weight", "feedForward2.weight"), Rule.of("linear2.bias", "feedForward2.bias"),
                Rule.of("norm1.weight", "attentionNorm.gamma"), Rule.of("norm1.bias", "attentionNorm.beta"),
                Rule.of("norm2.weight", "outputNorm.gamma"), Rule.of("norm2.bias", "outputNorm.beta")));
        return List.copyOf(rules);
    }
}
