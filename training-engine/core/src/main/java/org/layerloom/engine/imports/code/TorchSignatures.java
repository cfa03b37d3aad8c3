package org.layerloom.engine.imports.code;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.ParamValue;

/**
 * PyTorch's {@code torch.nn} layers as LayerLoom reads them inside {@code nn.Sequential}: each one's
 * signature with PyTorch's defaults, and what it becomes. Recurrent layers are refused: they return a
 * tuple, which {@code nn.Sequential} cannot pass on. Constant data; any thread.
 */
final class TorchSignatures {

    private static final Set<String> IGNORED = Set.of("device", "dtype", "inplace", "padding_mode");

    private static final Map<String, LayerEntry> LAYERS = createLayers();

    private TorchSignatures() {
    }

    static Optional<LayerEntry> layer(String name) {
        return Optional.ofNullable(LAYERS.get(name));
    }

    static boolean isLayer(String name) {
        return LAYERS.containsKey(name);
    }

    private static Map<String, LayerEntry> createLayers() {
        Map<String, LayerEntry> layers = new HashMap<>();
        add(layers, "Linear", List.of("in_features", "out_features", "bias"), (a, notes) -> new Translation(
                List.of(step(LayerKind.DENSE, a).with("units", intValue(a.integer("out_features")))
                        .with("bias", new ParamValue.Flag(a.flag("bias", true)))),
                Optional.of(List.of(a.integer("in_features"))), false));
        add(layers, "Conv2d", List.of("in_channels", "out_channels", "kernel_size", "stride", "padding", "dilation",
                "groups", "bias"), (a, notes) -> conv(LayerKind.CONV2D, a, notes));
        add(layers, "Conv1d", List.of("in_channels", "out_channels", "kernel_size", "stride", "padding", "dilation",
                "groups", "bias"), (a, notes) -> {
                    notes.add(line(a) + "Conv1d: LayerLoom reads sequences as (steps, features), where PyTorch's"
                            + " Conv1d reads (channels, steps); the layer is the same, the data is turned.");
                    return conv(LayerKind.CONV1D, a, notes);
                });
        add(layers, "MaxPool2d", List.of("kernel_size", "stride", "padding", "dilation", "return_indices", "ceil_mode"),
                (a, notes) -> pool(LayerKind.MAX_POOL2D, a));
        add(layers, "AvgPool2d", List.of("kernel_size", "stride", "padding", "ceil_mode", "count_include_pad"),
                (a, notes) -> pool(LayerKind.AVG_POOL2D, a));
        add(layers, "AdaptiveAvgPool2d", List.of("output_size"), (a, notes) -> {
            if (a.square("output_size", 1) != 1) {
                throw new ImportFailure(a.pos("output_size"), "LayerLoom averages each channel to a single value.",
                        "Use AdaptiveAvgPool2d(1).");
            }
            notes.add(line(a) + "AdaptiveAvgPool2d(1) became a global average pooling, which gives one number per"
                    + " channel directly (no Flatten needed).");
            return Translation.of(step(LayerKind.GLOBAL_AVG_POOL2D, a));
        });
        add(layers, "Flatten", List.of("start_dim", "end_dim"), (a, notes) -> {
            if (a.integer("start_dim", 1) != 1 || a.integer("end_dim", -1) != -1) {
                throw new ImportFailure(a.callPos(), "LayerLoom's Flatten flattens everything but the batch.",
                        "Use nn.Flatten().");
            }
            return Translation.of(step(LayerKind.FLATTEN, a));
        });
        add(layers, "Dropout", List.of("p"), (a, notes) -> Translation.of(
                step(LayerKind.DROPOUT, a).with("rate", new ParamValue.Real(a.real("p", 0.5)))));
        for (String name : List.of("BatchNorm1d", "BatchNorm2d")) {
            add(layers, name, List.of("num_features", "eps", "momentum", "affine", "track_running_stats"),
                    (a, notes) -> {
                        a.integer("num_features");
                        affine(a, "affine");
                        return Translation.of(step(LayerKind.BATCH_NORM, a)
                                .with("momentum", new ParamValue.Real(a.real("momentum", 0.1)))
                                .with("epsilon", new ParamValue.Real(a.real("eps", 1e-5))));
                    });
        }
        add(layers, "LayerNorm", List.of("normalized_shape", "eps", "elementwise_affine", "bias"), (a, notes) -> {
            a.dims("normalized_shape");
            affine(a, "elementwise_affine");
            return Translation.of(step(LayerKind.LAYER_NORM, a)
                    .with("epsilon", new ParamValue.Real(a.real("eps", 1e-5))));
        });
        add(layers, "Embedding", List.of("num_embeddings", "embedding_dim", "padding_idx", "max_norm"),
                (a, notes) -> {
                    if (a.has("padding_idx") || a.has("max_norm")) {
                        throw new ImportFailure(a.callPos(), "LayerLoom's Embedding has no padding index or maximum"
                                + " norm.", "Remove padding_idx and max_norm.");
                    }
                    return new Translation(List.of(step(LayerKind.EMBEDDING, a)
                            .with("vocabulary", intValue(a.integer("num_embeddings")))
                            .with("dimension", intValue(a.integer("embedding_dim")))), Optional.empty(), true);
                });
        add(layers, "ReLU", List.of(), (a, notes) -> Translation.of(step(LayerKind.RELU, a)));
        add(layers, "LeakyReLU", List.of("negative_slope"), (a, notes) -> Translation.of(step(LayerKind.LEAKY_RELU, a)
                .with("alpha", new ParamValue.Real(a.real("negative_slope", 0.01)))));
        add(layers, "ELU", List.of("alpha"), (a, notes) -> Translation.of(step(LayerKind.ELU, a)
                .with("alpha", new ParamValue.Real(a.real("alpha", 1.0)))));
        add(layers, "GELU", List.of("approximate"), (a, notes) -> {
            if (!a.text("approximate").orElse("none").equals("none")) {
                throw new ImportFailure(a.pos("approximate"), "LayerLoom's GELU is the exact one.",
                        "Remove approximate=....");
            }
            return Translation.of(step(LayerKind.GELU, a));
        });
        add(layers, "Sigmoid", List.of(), (a, notes) -> Translation.of(step(LayerKind.SIGMOID, a)));
        add(layers, "Tanh", List.of(), (a, notes) -> Translation.of(step(LayerKind.TANH, a)));
        add(layers, "Softmax", List.of("dim"), (a, notes) -> Translation.of(lastAxis(a, LayerKind.SOFTMAX)));
        add(layers, "LogSoftmax", List.of("dim"), (a, notes) -> Translation.of(lastAxis(a, LayerKind.SOFTMAX)));
        add(layers, "Identity", List.of(), (a, notes) -> new Translation(List.of(), Optional.empty(), false));
        for (String name : List.of("LSTM", "GRU", "RNN")) {
            add(layers, name, List.of("input_size", "hidden_size", "num_layers", "nonlinearity", "bias", "batch_first",
                    "dropout", "bidirectional", "proj_size"), (a, notes) -> {
                throw new ImportFailure(a.callPos(), "nn." + name + " returns (output, state), which nn.Sequential"
                        + " cannot pass to the next layer.", "Build recurrent networks with Keras code, or add the "
                        + name + " in LayerLoom's editor.");
            });
        }
        return Map.copyOf(layers);
    }

    private static void add(Map<String, LayerEntry> layers, String name, List<String> positional, LayerRecipe recipe) {
        layers.put(name, new LayerEntry(new Signature("nn." + name, positional, Set.of(), IGNORED), recipe));
    }

    private static Translation conv(LayerKind kind, BoundArgs a, List<String> notes) {
        if (a.square("dilation", 1) != 1 || a.integer("groups", 1) != 1) {
            throw new ImportFailure(a.callPos(), "LayerLoom's convolutions are neither dilated nor grouped.",
                    "Remove dilation and groups.");
        }
        int kernel = a.square("kernel_size", -1);
        if (kernel < 0) {
            throw new ImportFailure(a.callPos(), a.display() + "(...) needs 'kernel_size'.",
                    "Give it, for example " + a.display() + "(1, 32, 3).");
        }
        int padding;
        if (a.raw("padding").orElse(null) instanceof CodeValue.Text text) {
            padding = textPadding(a, text.value(), kernel, notes);
        } else {
            padding = a.square("padding", 0);
        }
        a.integer("in_channels");
        return Translation.of(step(kind, a).with("filters", intValue(a.integer("out_channels")))
                .with("kernel", intValue(kernel)).with("stride", intValue(a.square("stride", 1)))
                .with("padding", intValue(padding)).with("bias", new ParamValue.Flag(a.flag("bias", true))));
    }

    private static int textPadding(BoundArgs a, String padding, int kernel, List<String> notes) {
        if (padding.equals("valid")) {
            return 0;
        }
        if (padding.equals("same") && kernel % 2 == 1 && a.square("stride", 1) == 1) {
            notes.add(line(a) + a.display() + "(padding='same') became padding " + (kernel - 1) / 2 + ".");
            return (kernel - 1) / 2;
        }
        throw new ImportFailure(a.pos("padding"), "padding='" + padding + "' with a " + kernel + "-wide kernel"
                + " cannot be written as one padding on every side.", "Give the padding as a number, such as "
                + (kernel - 1) / 2 + ".");
    }

    private static Translation pool(LayerKind kind, BoundArgs a) {
        if (a.flag("ceil_mode", false) || a.flag("return_indices", false) || a.square("dilation", 1) != 1
                || !a.flag("count_include_pad", true)) {
            throw new ImportFailure(a.callPos(), "LayerLoom's pooling has no ceil mode, indices, dilation or"
                    + " padding exclusion.", "Keep only kernel_size, stride and padding.");
        }
        int pool = a.square("kernel_size", -1);
        if (pool < 0) {
            throw new ImportFailure(a.callPos(), a.display() + "(...) needs 'kernel_size'.",
                    "Give it, for example " + a.display() + "(2).");
        }
        return Translation.of(step(kind, a).with("pool", intValue(pool))
                .with("stride", intValue(a.square("stride", pool))).with("padding", intValue(a.square("padding", 0))));
    }

    private static LayerStep lastAxis(BoundArgs a, LayerKind kind) {
        if (a.has("dim") && a.integer("dim") != -1 && a.integer("dim") != 1) {
            throw new ImportFailure(a.pos("dim"), "LayerLoom's " + a.display().substring(3)
                    + " works over the last axis.", "Use dim=-1 or dim=1.");
        }
        return step(kind, a);
    }

    private static void affine(BoundArgs a, String flag) {
        if (!a.flag(flag, true) || !a.flag("track_running_stats", true) || !a.flag("bias", true)) {
            throw new ImportFailure(a.callPos(), "LayerLoom's normalisation layers always learn a scale and an"
                    + " offset and keep running statistics.", "Remove " + flag + "=False.");
        }
    }

    private static LayerStep step(LayerKind kind, BoundArgs a) {
        return LayerStep.of(kind, a.callPos(), a.display().substring(3));
    }

    private static ParamValue intValue(int value) {
        return new ParamValue.Int(value);
    }

    private static String line(BoundArgs a) {
        return "line " + a.callPos().line() + ": ";
    }
}
