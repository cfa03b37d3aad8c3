package org.layerloom.engine.imports.code;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.ParamValue;

/**
 * Keras's layers as LayerLoom reads them: each one's signature with Keras's defaults, and what it becomes.
 * Keras's channels-last shapes and {@code padding='same'} are translated here; what cannot be expressed is
 * refused with a reason. Constant data; any thread.
 */
final class KerasSignatures {

    /** Keywords every Keras layer accepts that say nothing about what it computes. */
    private static final Set<String> IGNORED = Set.of("name", "dtype", "trainable", "kernel_initializer",
            "bias_initializer", "kernel_regularizer", "bias_regularizer", "activity_regularizer", "kernel_constraint",
            "bias_constraint", "recurrent_initializer", "recurrent_regularizer", "recurrent_constraint",
            "embeddings_initializer", "embeddings_regularizer", "embeddings_constraint", "beta_initializer",
            "gamma_initializer", "moving_mean_initializer", "moving_variance_initializer", "seed", "unroll");
    /** Keywords any Keras layer may carry when it comes first in a Sequential. */
    private static final Set<String> INPUT = Set.of("input_shape", "input_dim", "batch_input_shape");

    private static final Map<String, LayerEntry> LAYERS = createLayers();

    private KerasSignatures() {
    }

    static Optional<LayerEntry> layer(String name) {
        return Optional.ofNullable(LAYERS.get(name));
    }

    static boolean isLayer(String name) {
        return LAYERS.containsKey(name);
    }

    /** Keras's channels-last image shape (H, W, C) as LayerLoom's (C, H, W); other shapes as they are. */
    static List<Integer> channelsFirst(List<Integer> shape) {
        if (shape.size() != 3) {
            return shape;
        }
        return List.of(shape.get(2), shape.get(0), shape.get(1));
    }

    private static Map<String, LayerEntry> createLayers() {
        Map<String, LayerEntry> layers = new HashMap<>();
        add(layers, "Dense", List.of("units", "activation", "use_bias"), Set.of(), (a, notes) -> Translation.of(
                Activations.after(step(LayerKind.DENSE, a).with("units", intValue(a.integer("units")))
                        .with("bias", new ParamValue.Flag(a.flag("use_bias", true))), a.text("activation"), a)
                        .toArray(LayerStep[]::new)));
        add(layers, "Conv2D", List.of("filters", "kernel_size", "strides", "padding", "data_format", "dilation_rate",
                "groups", "activation", "use_bias"), Set.of(), (a, notes) -> conv(LayerKind.CONV2D, a, notes));
        add(layers, "Conv1D", List.of("filters", "kernel_size", "strides", "padding", "data_format", "dilation_rate",
                "groups", "activation", "use_bias"), Set.of(), (a, notes) -> conv(LayerKind.CONV1D, a, notes));
        for (String name : List.of("MaxPooling2D", "MaxPool2D")) {
            add(layers, name, List.of("pool_size", "strides", "padding", "data_format"), Set.of(),
                    (a, notes) -> pool(LayerKind.MAX_POOL2D, a));
        }
        for (String name : List.of("AveragePooling2D", "AvgPool2D")) {
            add(layers, name, List.of("pool_size", "strides", "padding", "data_format"), Set.of(),
                    (a, notes) -> pool(LayerKind.AVG_POOL2D, a));
        }
        for (String name : List.of("GlobalAveragePooling2D", "GlobalAvgPool2D")) {
            add(layers, name, List.of("data_format", "keepdims"), Set.of(), (a, notes) -> {
                channelsLast(a);
                if (a.flag("keepdims", false)) {
                    throw new ImportFailure(a.pos("keepdims"), "LayerLoom's global average pooling gives one number"
                            + " per channel; it cannot keep the height and width axes.", "Remove keepdims=True.");
                }
                return Translation.of(step(LayerKind.GLOBAL_AVG_POOL2D, a));
            });
        }
        add(layers, "Flatten", List.of("data_format"), Set.of(), (a, notes) -> {
            channelsLast(a);
            return Translation.of(step(LayerKind.FLATTEN, a));
        });
        add(layers, "Dropout", List.of("rate", "noise_shape"), Set.of(), (a, notes) -> {
            if (a.has("noise_shape")) {
                throw new ImportFailure(a.pos("noise_shape"), "LayerLoom's Dropout drops single values, not whole"
                        + " axes.", "Remove noise_shape.");
            }
            return Translation.of(step(LayerKind.DROPOUT, a).with("rate", new ParamValue.Real(a.real("rate"))));
        });
        add(layers, "BatchNormalization", List.of("axis", "momentum", "epsilon", "center", "scale"), Set.of(),
                (a, notes) -> {
                    affine(a);
                    double momentum = a.real("momentum", 0.99);
                    double converted = Decimals.oneMinus(momentum);
                    notes.add(line(a) + "BatchNormalization(momentum=" + Decimals.format(momentum) + ") became"
                            + " momentum " + Decimals.format(converted) + ": Keras gives the weight of the old"
                            + " average, LayerLoom (like PyTorch) the weight of the new batch.");
                    return Translation.of(step(LayerKind.BATCH_NORM, a)
                            .with("momentum", new ParamValue.Real(converted))
                            .with("epsilon", new ParamValue.Real(a.real("epsilon", 0.001))));
                });
        add(layers, "LayerNormalization", List.of("axis", "epsilon", "center", "scale"), Set.of(), (a, notes) -> {
            affine(a);
            return Translation.of(step(LayerKind.LAYER_NORM, a)
                    .with("epsilon", new ParamValue.Real(a.real("epsilon", 0.001))));
        });
        add(layers, "Embedding", List.of("input_dim", "output_dim"), Set.of("input_length", "mask_zero"),
                (a, notes) -> {
                    if (a.flag("mask_zero", false)) {
                        throw new ImportFailure(a.pos("mask_zero"), "LayerLoom's Embedding does not mask padding"
                                + " tokens.", "Remove mask_zero=True; the network then also reads the padding.");
                    }
                    Optional<List<Integer>> length = a.has("input_length")
                            ? Optional.of(List.of(a.integer("input_length"))) : Optional.empty();
                    return Translation.of(step(LayerKind.EMBEDDING, a)
                                    .with("vocabulary", intValue(a.integer("input_dim")))
                                    .with("dimension", intValue(a.integer("output_dim"))))
                            .withInput(length, true);
                });
        for (String name : List.of("LSTM", "GRU", "SimpleRNN")) {
            add(layers, name, List.of("units", "activation", "recurrent_activation", "use_bias"),
                    Set.of("return_sequences", "return_state", "go_backwards", "stateful", "dropout",
                            "recurrent_dropout", "reset_after", "unit_forget_bias"),
                    (a, notes) -> recurrent(name, a));
        }
        add(layers, "Activation", List.of("activation"), Set.of(), (a, notes) -> new Translation(
                Activations.asLayer(a.text("activation").orElse("linear"), a.callPos(), a), Optional.empty(), false));
        add(layers, "ReLU", List.of(), Set.of(), (a, notes) -> Translation.of(step(LayerKind.RELU, a)));
        add(layers, "LeakyReLU", List.of("negative_slope"), Set.of("alpha"), (a, notes) -> Translation.of(
                step(LayerKind.LEAKY_RELU, a).with("alpha", new ParamValue.Real(
                        a.has("alpha") ? a.real("alpha") : a.real("negative_slope", 0.3)))));
        add(layers, "ELU", List.of("alpha"), Set.of(), (a, notes) -> Translation.of(
                step(LayerKind.ELU, a).with("alpha", new ParamValue.Real(a.real("alpha", 1.0)))));
        add(layers, "Softmax", List.of("axis"), Set.of(), (a, notes) -> {
            if (a.integer("axis", -1) != -1) {
                throw new ImportFailure(a.pos("axis"), "LayerLoom's Softmax works over the last axis.",
                        "Remove axis=....");
            }
            return Translation.of(new LayerStep(LayerKind.SOFTMAX, org.layerloom.engine.graph.Parameters.empty(),
                    "Softmax", a.callPos()));
        });
        add(layers, "Reshape", List.of("target_shape"), Set.of(), (a, notes) -> {
            List<Integer> target = a.dims("target_shape");
            List<Integer> converted = channelsFirst(target);
            if (!converted.equals(target)) {
                notes.add(line(a) + "Reshape(" + target + ") became " + converted
                        + ": LayerLoom keeps images channels first (C, H, W).");
            }
            return Translation.of(step(LayerKind.RESHAPE, a).with("target", new ParamValue.Dims(converted)));
        });
        return Map.copyOf(layers);
    }

    private static void add(Map<String, LayerEntry> layers, String name, List<String> positional, Set<String> keywords,
                            LayerRecipe recipe) {
        Set<String> all = new java.util.HashSet<>(keywords);
        all.addAll(INPUT);
        layers.put(name, new LayerEntry(new Signature(name, positional, all, IGNORED), (a, notes) -> {
            Translation translation = recipe.translate(a, notes);
            if (!a.ignored().isEmpty()) {
                notes.add(line(a) + name + ": ignored " + String.join(", ", a.ignored()) + ".");
            }
            return translation.withInput(inputShape(a, notes), false);
        }));
    }

    private static Optional<List<Integer>> inputShape(BoundArgs a, List<String> notes) {
        List<Integer> shape;
        if (a.has("input_shape")) {
            shape = a.dims("input_shape");
        } else if (a.has("batch_input_shape")) {
            List<CodeValue> items = ((CodeValue.Items) a.raw("batch_input_shape").orElseThrow()).items();
            shape = new ArrayList<>();
            for (CodeValue item : items.subList(1, items.size())) {
                if (!(item instanceof CodeValue.Num num)) {
                    throw new ImportFailure(a.pos("batch_input_shape"), "Every size after the batch must be given.",
                            "Write input_shape=(...) without the batch size.");
                }
                shape.add((int) num.value());
            }
        } else if (a.has("input_dim") && !a.display().equals("Embedding")) {
            shape = List.of(a.integer("input_dim"));
        } else {
            return Optional.empty();
        }
        List<Integer> converted = channelsFirst(shape);
        if (!converted.equals(shape)) {
            notes.add(line(a) + "input_shape " + shape + " (height, width, channels) became " + converted
                    + ": LayerLoom keeps images channels first (C, H, W).");
        }
        return Optional.of(converted);
    }

    private static Translation conv(LayerKind kind, BoundArgs a, List<String> notes) {
        channelsLast(a);
        if (a.square("dilation_rate", 1) != 1) {
            throw new ImportFailure(a.pos("dilation_rate"), "LayerLoom's convolutions are not dilated.",
                    "Remove dilation_rate, or use a larger kernel.");
        }
        if (a.integer("groups", 1) != 1) {
            throw new ImportFailure(a.pos("groups"), "LayerLoom's convolutions connect every channel (groups=1).",
                    "Remove groups.");
        }
        int kernel = a.square("kernel_size", -1);
        if (kernel < 0) {
            throw new ImportFailure(a.callPos(), a.display() + "(...) needs 'kernel_size'.",
                    "Give it, for example " + a.display() + "(32, 3).");
        }
        int padding = padding(a, kernel, notes);
        LayerStep step = step(kind, a).with("filters", intValue(a.integer("filters")))
                .with("kernel", intValue(kernel)).with("stride", intValue(a.square("strides", 1)))
                .with("padding", intValue(padding)).with("bias", new ParamValue.Flag(a.flag("use_bias", true)));
        return Translation.of(Activations.after(step, a.text("activation"), a).toArray(LayerStep[]::new));
    }

    private static Translation pool(LayerKind kind, BoundArgs a) {
        channelsLast(a);
        int pool = a.square("pool_size", 2);
        int stride = a.square("strides", pool);
        String padding = a.text("padding").orElse("valid");
        if (!padding.equals("valid")) {
            throw new ImportFailure(a.pos("padding"), a.display() + " with padding='" + padding + "' pads one side"
                    + " more than the other, which LayerLoom's pooling cannot do.", "Use padding='valid' (the default).");
        }
        return Translation.of(step(kind, a).with("pool", intValue(pool)).with("stride", intValue(stride)));
    }

    private static int padding(BoundArgs a, int kernel, List<String> notes) {
        String padding = a.text("padding").orElse("valid");
        if (padding.equals("valid")) {
            return 0;
        }
        if (!padding.equals("same")) {
            throw new ImportFailure(a.pos("padding"), "LayerLoom cannot pad '" + padding + "'.",
                    "Use padding='valid' or padding='same'.");
        }
        if (kernel % 2 == 0) {
            throw new ImportFailure(a.pos("padding"), "padding='same' with the even kernel " + kernel
                    + " pads one side more than the other, which LayerLoom's convolutions cannot do.",
                    "Use an odd kernel such as " + (kernel + 1) + ", or padding='valid'.");
        }
        int converted = (kernel - 1) / 2;
        notes.add(line(a) + a.display() + "(padding='same') became padding " + converted + ": with a " + kernel
                + "-wide kernel it keeps the size.");
        return converted;
    }

    private static Translation recurrent(String name, BoundArgs a) {
        for (String flag : List.of("return_state", "go_backwards", "stateful")) {
            if (a.flag(flag, false)) {
                throw new ImportFailure(a.pos(flag), "LayerLoom's " + name + " cannot " + flag.replace('_', ' ')
                        + ".", "Remove " + flag + "=True.");
            }
        }
        for (String rate : List.of("dropout", "recurrent_dropout")) {
            if (a.real(rate, 0) != 0) {
                throw new ImportFailure(a.pos(rate), "LayerLoom's " + name + " has no " + rate.replace('_', ' ')
                        + " inside.", "Remove " + rate + " and add a Dropout layer after it.");
            }
        }
        if (!a.flag("use_bias", true)) {
            throw new ImportFailure(a.pos("use_bias"), "LayerLoom's " + name + " always has biases.",
                    "Remove use_bias=False.");
        }
        LayerKind kind = name.equals("LSTM") ? LayerKind.LSTM : name.equals("GRU") ? LayerKind.GRU : LayerKind.SIMPLE_RNN;
        LayerStep step = step(kind, a).with("units", intValue(a.integer("units")))
                .with("return_sequences", new ParamValue.Flag(a.flag("return_sequences", false)));
        String activation = a.text("activation").orElse("tanh");
        if (kind == LayerKind.SIMPLE_RNN && (activation.equals("tanh") || activation.equals("relu"))) {
            step = step.with("nonlinearity", new ParamValue.Choice(activation));
        } else if (!activation.equals("tanh")) {
            throw new ImportFailure(a.pos("activation"), "LayerLoom's " + name + " uses tanh inside.",
                    "Remove activation='" + activation + "'.");
        }
        String gate = a.text("recurrent_activation").orElse("sigmoid");
        if (!gate.equals("sigmoid")) {
            throw new ImportFailure(a.pos("recurrent_activation"), "LayerLoom's " + name + " uses sigmoid gates.",
                    "Remove recurrent_activation='" + gate + "'.");
        }
        return Translation.of(step);
    }

    private static void channelsLast(BoundArgs a) {
        String format = a.text("data_format").orElse("channels_last");
        if (!format.equals("channels_last")) {
            throw new ImportFailure(a.pos("data_format"), "LayerLoom converts Keras's channels-last images itself.",
                    "Remove data_format='" + format + "'.");
        }
    }

    private static void affine(BoundArgs a) {
        if (!a.flag("center", true) || !a.flag("scale", true)) {
            throw new ImportFailure(a.callPos(), "LayerLoom's normalisation layers always learn a scale and an offset.",
                    "Remove center=False and scale=False.");
        }
        if (a.has("axis") && a.integer("axis") != -1) {
            throw new ImportFailure(a.pos("axis"), "LayerLoom normalises over the channels (the last axis in Keras).",
                    "Remove axis=....");
        }
    }

    private static LayerStep step(LayerKind kind, BoundArgs a) {
        return LayerStep.of(kind, a.callPos(), a.display());
    }

    private static ParamValue intValue(int value) {
        return new ParamValue.Int(value);
    }

    static String line(BoundArgs a) {
        return "line " + a.callPos().line() + ": ";
    }
}
