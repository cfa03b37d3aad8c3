package org.layerloom.engine.imports.code;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keras's and PyTorch's losses as the Output's loss, with what each expects from the last layer (Keras's
 * string losses want probabilities; PyTorch's {@code CrossEntropyLoss} wants raw scores). Constant data;
 * any thread.
 */
final class Losses {

    static final String SOFTMAX_CE = "softmax_cross_entropy";
    static final String SIGMOID_BCE = "sigmoid_binary_cross_entropy";
    static final String MSE = "mse";
    static final String L1 = "l1";

    /** Keras losses by their string or function name, lower case without underscores. */
    private static final Map<String, String> KERAS = Map.ofEntries(
            Map.entry("sparsecategoricalcrossentropy", SOFTMAX_CE), Map.entry("categoricalcrossentropy", SOFTMAX_CE),
            Map.entry("binarycrossentropy", SIGMOID_BCE), Map.entry("mse", MSE), Map.entry("meansquarederror", MSE),
            Map.entry("mae", L1), Map.entry("meanabsoluteerror", L1));

    private static final Map<String, String> TORCH = Map.of("CrossEntropyLoss", SOFTMAX_CE, "NLLLoss", SOFTMAX_CE,
            "BCEWithLogitsLoss", SIGMOID_BCE, "BCELoss", SIGMOID_BCE, "MSELoss", MSE, "L1Loss", L1);

    private Losses() {
    }

    private static String key(String name) {
        return name.replace("_", "").toLowerCase(Locale.ROOT);
    }

    static boolean isKerasLoss(String name) {
        return KERAS.containsKey(key(name)) && Character.isUpperCase(name.charAt(0));
    }

    static boolean isTorchLoss(String name) {
        return TORCH.containsKey(name);
    }

    /** A Keras loss named by a string or a function, such as {@code 'sparse_categorical_crossentropy'}. */
    static Optional<CodeValue.Loss> kerasByName(String name, SourcePos pos) {
        String id = KERAS.get(key(name));
        return Optional.ofNullable(id).map(i -> new CodeValue.Loss(i, expectsOf(i, false), "'" + name + "'", pos));
    }

    static Signature kerasSignature(String name) {
        return new Signature(name, List.of(), Set.of("from_logits", "reduction", "label_smoothing"), Set.of("name", "axis",
                "ignore_class", "dtype"));
    }

    static CodeValue.Loss keras(String name, BoundArgs a) {
        if (a.real("label_smoothing", 0) != 0) {
            throw new ImportFailure(a.pos("label_smoothing"), "LayerLoom's losses have no label smoothing.",
                    "Remove label_smoothing.");
        }
        String id = KERAS.get(key(name));
        boolean logits = a.flag("from_logits", false);
        return new CodeValue.Loss(id, expectsOf(id, logits), name + "(from_logits=" + (logits ? "True" : "False")
                + ")", a.callPos());
    }

    static Signature torchSignature(String name) {
        return new Signature("nn." + name, List.of(), Set.of("reduction", "label_smoothing", "weight", "pos_weight",
                "ignore_index"), Set.of("size_average", "reduce"));
    }

    static CodeValue.Loss torch(String name, BoundArgs a) {
        for (String unsupported : List.of("weight", "pos_weight")) {
            if (a.has(unsupported)) {
                throw new ImportFailure(a.pos(unsupported), "LayerLoom's losses weigh every class the same.",
                        "Remove " + unsupported + ".");
            }
        }
        if (a.real("label_smoothing", 0) != 0) {
            throw new ImportFailure(a.pos("label_smoothing"), "LayerLoom's losses have no label smoothing.",
                    "Remove label_smoothing.");
        }
        if (!a.text("reduction").orElse("mean").equals("mean")) {
            throw new ImportFailure(a.pos("reduction"), "LayerLoom averages the loss over the batch.",
                    "Remove reduction=....");
        }
        String id = TORCH.get(name);
        CodeValue.Expects expects = switch (name) {
            case "NLLLoss" -> CodeValue.Expects.LOG_PROBABILITIES;
            case "BCELoss" -> CodeValue.Expects.PROBABILITIES;
            default -> expectsOf(id, true);
        };
        return new CodeValue.Loss(id, expects, "nn." + name + "()", a.callPos());
    }

    private static CodeValue.Expects expectsOf(String id, boolean logits) {
        if (id.equals(MSE) || id.equals(L1)) {
            return CodeValue.Expects.VALUES;
        }
        return logits ? CodeValue.Expects.RAW_SCORES : CodeValue.Expects.PROBABILITIES;
    }
}
