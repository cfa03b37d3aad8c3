package org.layerloom.engine.imports.code;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.layerloom.engine.project.OptimizerKind;
import org.layerloom.engine.project.OptimizerSettings;

/**
 * Keras's and PyTorch's optimizers with their own defaults, as LayerLoom's {@link OptimizerSettings}:
 * {@code 'adam'} and {@code Adam(learning_rate=...)} in Keras, {@code optim.Adam(model.parameters(), lr=...)}
 * in PyTorch. Constant data; any thread.
 */
final class Optimizers {

    private static final Map<String, OptimizerKind> KINDS = Map.of("adam", OptimizerKind.ADAM, "sgd", OptimizerKind.SGD,
            "adamw", OptimizerKind.ADAMW, "rmsprop", OptimizerKind.RMSPROP, "adagrad", OptimizerKind.ADAGRAD);

    private static final Set<String> KERAS_IGNORED = Set.of("name", "amsgrad", "use_ema", "ema_momentum",
            "ema_overwrite_frequency", "jit_compile", "global_clipnorm", "clipvalue", "decay", "loss_scale_factor",
            "gradient_accumulation_steps", "centered", "initial_accumulator_value");
    private static final Set<String> TORCH_IGNORED = Set.of("amsgrad", "foreach", "maximize", "capturable",
            "differentiable", "fused", "dampening", "centered", "lr_decay", "initial_accumulator_value");

    private Optimizers() {
    }

    static boolean isOptimizer(String name) {
        return KINDS.containsKey(name.toLowerCase(Locale.ROOT)) && !name.equals(name.toLowerCase(Locale.ROOT));
    }

    /** Keras's optimizer named by a string, such as {@code 'adam'}, with Keras's defaults. */
    static Optional<OptimizerSettings> kerasByName(String name) {
        OptimizerKind kind = KINDS.get(name.toLowerCase(Locale.ROOT));
        return Optional.ofNullable(kind).map(k -> settings(k, kerasRate(k), 0, false, 0.9, kerasBeta2(k), 1e-7,
                k == OptimizerKind.ADAMW ? 0.004 : 0, 0));
    }

    static Signature signature(String name, boolean torch) {
        OptimizerKind kind = KINDS.get(name.toLowerCase(Locale.ROOT));
        if (torch) {
            return new Signature("optim." + name, List.of("params", "lr"), Set.of("momentum", "nesterov", "betas",
                    "eps", "weight_decay", "alpha"), TORCH_IGNORED);
        }
        List<String> positional = kind == OptimizerKind.SGD ? List.of("learning_rate", "momentum", "nesterov")
                : List.of("learning_rate");
        return new Signature(name, positional, Set.of("lr", "momentum", "nesterov", "beta_1", "beta_2", "rho",
                "epsilon", "weight_decay", "clipnorm"), KERAS_IGNORED);
    }

    static OptimizerSettings keras(String name, BoundArgs a) {
        OptimizerKind kind = KINDS.get(name.toLowerCase(Locale.ROOT));
        double rate = a.has("learning_rate") ? a.real("learning_rate") : a.real("lr", kerasRate(kind));
        double beta2 = kind == OptimizerKind.RMSPROP ? a.real("rho", 0.9) : a.real("beta_2", 0.999);
        return settings(kind, rate, a.real("momentum", 0), a.flag("nesterov", false), a.real("beta_1", 0.9), beta2,
                a.real("epsilon", 1e-7), a.real("weight_decay", kind == OptimizerKind.ADAMW ? 0.004 : 0),
                a.real("clipnorm", 0));
    }

    static OptimizerSettings torch(String name, BoundArgs a) {
        OptimizerKind kind = KINDS.get(name.toLowerCase(Locale.ROOT));
        double defaultRate = switch (kind) {
            case SGD -> -1;
            case RMSPROP, ADAGRAD -> 0.01;
            default -> 0.001;
        };
        double rate = a.real("lr", defaultRate);
        if (rate < 0) {
            throw new ImportFailure(a.callPos(), "optim.SGD(...) needs a learning rate.", "Add lr=0.01.");
        }
        double beta1 = 0.9;
        double beta2 = kind == OptimizerKind.RMSPROP ? a.real("alpha", 0.99) : 0.999;
        if (a.has("betas")) {
            List<CodeValue> betas = a.raw("betas").get() instanceof CodeValue.Items items ? items.items() : List.of();
            if (betas.size() != 2 || !(betas.get(0) instanceof CodeValue.Num b1)
                    || !(betas.get(1) instanceof CodeValue.Num b2)) {
                throw new ImportFailure(a.pos("betas"), "betas must be two numbers.", "Write betas=(0.9, 0.999).");
            }
            beta1 = b1.value();
            beta2 = b2.value();
        }
        double epsilon = a.real("eps", kind == OptimizerKind.ADAGRAD ? 1e-10 : 1e-8);
        return settings(kind, rate, a.real("momentum", 0), a.flag("nesterov", false), beta1, beta2, epsilon,
                a.real("weight_decay", kind == OptimizerKind.ADAMW ? 0.01 : 0), 0);
    }

    private static double kerasRate(OptimizerKind kind) {
        return kind == OptimizerKind.SGD ? 0.01 : 0.001;
    }

    private static double kerasBeta2(OptimizerKind kind) {
        return kind == OptimizerKind.RMSPROP ? 0.9 : 0.999;
    }

    private static OptimizerSettings settings(OptimizerKind kind, double rate, double momentum, boolean nesterov,
                                              double beta1, double beta2, double epsilon, double weightDecay,
                                              double clip) {
        return new OptimizerSettings(kind, rate, momentum, nesterov, beta1, beta2, epsilon, weightDecay, clip);
    }

    /** Short words for a note: {@code Adam, learning rate 0.001}. */
    static String describe(OptimizerSettings settings) {
        return settings.kind().id() + ", learning rate " + Decimals.format(settings.learningRate());
    }
}
