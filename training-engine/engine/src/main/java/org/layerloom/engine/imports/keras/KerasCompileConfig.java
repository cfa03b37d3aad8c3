package org.layerloom.engine.imports.keras;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Optional;
import org.layerloom.engine.project.OptimizerKind;
import org.layerloom.engine.project.OptimizerSettings;
import org.layerloom.engine.project.TrainingSettings;

/**
 * How a Keras model was compiled, as far as LayerLoom uses it: the loss (its name in snake case, e.g.
 * {@code categorical_crossentropy}, and whether it takes logits) and the optimizer, read from a {@code .keras}
 * file's {@code compile_config} (Keras 3) or a legacy {@code training_config} ({@code optimizer_config}).
 * Immutable; any thread.
 */
record KerasCompileConfig(String loss, boolean fromLogits, OptimizerSettings optimizer) {

    static Optional<KerasCompileConfig> of(JsonNode compile, ImportLog log) {
        if (compile == null || !compile.isObject()) {
            return Optional.empty();
        }
        JsonNode lossNode = compile.path("loss");
        String loss = "";
        boolean fromLogits = false;
        if (lossNode.isTextual()) {
            loss = snake(lossNode.asText());
        } else if (lossNode.isObject()) {
            loss = snake(lossNode.path("class_name").asText(lossNode.path("config").path("name").asText("")));
            fromLogits = lossNode.path("config").path("from_logits").asBoolean(false);
        }
        JsonNode opt = compile.has("optimizer_config") ? compile.get("optimizer_config") : compile.path("optimizer");
        return Optional.of(new KerasCompileConfig(loss, fromLogits, optimizer(opt, log)));
    }

    /** The default training settings with this optimizer. */
    TrainingSettings training() {
        return TrainingSettings.defaults().withOptimizer(optimizer);
    }

    private static OptimizerSettings optimizer(JsonNode opt, ImportLog log) {
        String name = opt.isTextual() ? opt.asText() : opt.path("class_name").asText(opt.path("config")
                .path("name").asText("adam"));
        JsonNode c = opt.path("config");
        double rate = rate(c, log);
        OptimizerSettings adam = OptimizerSettings.adam(rate);
        String key = name.toLowerCase(Locale.ROOT).replace("_", "");
        OptimizerSettings settings = switch (key) {
            case "sgd" -> new OptimizerSettings(OptimizerKind.SGD, c.path("learning_rate").isNumber() ? rate : 0.01,
                    c.path("momentum").asDouble(0), c.path("nesterov").asBoolean(false), 0.9, 0.999, 1e-7, 0, 0);
            case "adamw" -> new OptimizerSettings(OptimizerKind.ADAMW, rate, 0.9, false,
                    c.path("beta_1").asDouble(0.9), c.path("beta_2").asDouble(0.999), c.path("epsilon").asDouble(1e-7),
                    c.path("weight_decay").asDouble(0.004), 0);
            case "rmsprop" -> new OptimizerSettings(OptimizerKind.RMSPROP, rate, c.path("momentum").asDouble(0), false,
                    0.9, c.path("rho").asDouble(0.9), c.path("epsilon").asDouble(1e-7), 0, 0);
            case "adagrad" -> new OptimizerSettings(OptimizerKind.ADAGRAD, c.path("learning_rate").isNumber() ? rate
                    : 0.001, 0.9, false, 0.9, 0.999, c.path("epsilon").asDouble(1e-7), 0, 0);
            case "adam" -> new OptimizerSettings(OptimizerKind.ADAM, rate, 0.9, false, c.path("beta_1").asDouble(0.9),
                    c.path("beta_2").asDouble(0.999), c.path("epsilon").asDouble(1e-7), 0, 0);
            default -> {
                log.note("The model was compiled with the optimizer " + name + ", which LayerLoom does not have;"
                        + " the suggested training uses Adam with learning rate " + rate + " instead.");
                yield adam;
            }
        };
        double clip = c.path("global_clipnorm").asDouble(c.path("clipnorm").asDouble(0));
        return clip > 0 ? new OptimizerSettings(settings.kind(), settings.learningRate(), settings.momentum(),
                settings.nesterov(), settings.beta1(), settings.beta2(), settings.epsilon(), settings.weightDecay(),
                clip) : settings;
    }

    private static double rate(JsonNode c, ImportLog log) {
        JsonNode rate = c.has("learning_rate") ? c.get("learning_rate") : c.path("lr");
        if (rate.isNumber() && rate.asDouble() > 0) {
            return rate.asDouble();
        }
        if (rate.isObject()) {
            log.note("The model was compiled with a learning-rate schedule (" + rate.path("class_name").asText()
                    + "); the suggested training starts from a fixed learning rate of "
                    + rate.path("config").path("initial_learning_rate").asDouble(0.001) + ".");
            return rate.path("config").path("initial_learning_rate").asDouble(0.001);
        }
        return 0.001;
    }

    /** {@code CategoricalCrossentropy} → {@code categorical_crossentropy}; snake-case names stay. */
    static String snake(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    boolean isCategorical() {
        return loss.equals("categorical_crossentropy") || loss.equals("sparse_categorical_crossentropy");
    }

    boolean isBinary() {
        return loss.equals("binary_crossentropy");
    }

    boolean isAbsoluteError() {
        return loss.equals("mae") || loss.equals("mean_absolute_error");
    }
}
