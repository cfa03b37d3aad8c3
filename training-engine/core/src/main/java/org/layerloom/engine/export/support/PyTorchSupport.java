package org.layerloom.engine.export.support;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.NodeReport;

/**
 * What the PyTorch export can express. Every layer kind has an exact PyTorch twin (the numerical-truth
 * tests compare each one with real PyTorch). What can stop a node is its id: the generated {@code model.py}
 * makes every node an attribute of the module, named by the id, and {@code weights.npz} names the weights
 * after it ({@code dense1.weight}), so the id must be a Python name that is not a keyword and does not hide
 * a member of {@code nn.Module} (a layer called {@code train} would replace the module's {@code train()}).
 * Ids written by LayerLoom ("dense1") always pass; hand-edited project files may hold others. Stateless;
 * any thread.
 */
final class PyTorchSupport implements NodeSupport {

    private static final Pattern PYTHON_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** Python's keywords, and {@code self}, which the generated methods use. */
    private static final Set<String> KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert", "async",
            "await", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from",
            "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return",
            "try", "while", "with", "yield", "self");

    /**
     * The public members of {@code nn.Module} in PyTorch 1.13 to 2.x (members starting with "_" are refused
     * as a group): a layer of that name would replace them.
     */
    private static final Set<String> MODULE_MEMBERS = Set.of("T_destination", "add_module", "apply", "bfloat16",
            "buffers", "call_super_init", "children", "compile", "cpu", "cuda", "double", "dump_patches", "eval",
            "extra_repr", "float", "forward", "get_buffer", "get_extra_state", "get_parameter", "get_submodule",
            "half", "ipu", "load_state_dict", "modules", "mtia", "named_buffers", "named_children", "named_modules",
            "named_parameters", "parameters", "register_backward_hook", "register_buffer", "register_forward_hook",
            "register_forward_pre_hook", "register_full_backward_hook", "register_full_backward_pre_hook",
            "register_load_state_dict_post_hook", "register_load_state_dict_pre_hook", "register_module",
            "register_parameter", "register_state_dict_post_hook", "register_state_dict_pre_hook", "requires_grad_",
            "set_extra_state", "set_submodule", "share_memory", "state_dict", "to", "to_empty", "train", "training",
            "type", "xpu", "zero_grad");

    @Override
    public Optional<String> refusal(Node node, NodeReport report) {
        Optional<String> byId = idRefusal(node.id());
        if (byId.isPresent()) {
            return byId;
        }
        return switch (node.kind()) {
            case INPUT, OUTPUT, DENSE, FLATTEN, RESHAPE, DROPOUT, EMBEDDING, CONV1D, CONV2D, MAX_POOL2D, AVG_POOL2D,
                    GLOBAL_AVG_POOL2D, BATCH_NORM, LAYER_NORM, SIMPLE_RNN, LSTM, GRU, SELF_ATTENTION,
                    TRANSFORMER_ENCODER, POSITIONAL_ENCODING, ADD, CONCATENATE, RELU, LEAKY_RELU, ELU, GELU, SIGMOID,
                    TANH, SOFTMAX -> Optional.empty();
        };
    }

    private static Optional<String> idRefusal(String id) {
        String fix = " Give the layer an id of letters, digits and _ that starts with a letter, such as \"layer1\","
                + " in the project file.";
        if (!PYTHON_NAME.matcher(id).matches()) {
            return Optional.of("its id \"" + id + "\" is not a Python name, and the exported module names the layer"
                    + " and its weights by its id." + fix);
        }
        if (KEYWORDS.contains(id)) {
            return Optional.of("its id \"" + id + "\" is a word Python reserves for itself." + fix);
        }
        if (id.startsWith("_") || MODULE_MEMBERS.contains(id)) {
            return Optional.of("its id \"" + id + "\" is the name of something every PyTorch module already has,"
                    + " which the layer would replace." + fix);
        }
        return Optional.empty();
    }
}
