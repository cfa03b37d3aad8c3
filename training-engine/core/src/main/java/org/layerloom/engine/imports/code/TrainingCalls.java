package org.layerloom.engine.imports.code;

import java.util.List;
import java.util.Optional;

/**
 * The calls of pasted code that set how the model trains: Keras's {@code compile(optimizer=..., loss=...)} and
 * {@code fit(epochs=..., batch_size=..., validation_split=...)}, a PyTorch optimizer or loss assigned to a name,
 * and {@code DataLoader(batch_size=...)}. Keeps the loss and the training changes, with a note for each.
 * One per import; not thread-safe.
 */
final class TrainingCalls {

    private final List<String> notes;
    private CodeValue.Loss loss;
    private TrainingChanges training = TrainingChanges.none();

    TrainingCalls(List<String> notes) {
        this.notes = notes;
    }

    Optional<CodeValue.Loss> loss() {
        return Optional.ofNullable(loss);
    }

    TrainingChanges training() {
        return training;
    }

    void setLoss(CodeValue.Loss value) {
        loss = value;
    }

    void dataLoader(List<CodeValue.Keyword> keywords, SourcePos pos) {
        keywords.stream().filter(k -> k.name().equals("batch_size")).findFirst().ifPresent(k -> {
            training = training.withBatchSize(positive(k, 1_000_000));
            notes.add("line " + pos.line() + ": DataLoader(batch_size=...) set the batch size to "
                    + training.batchSize().getAsInt() + ".");
        });
    }

    void compile(List<CodeValue.Keyword> keywords, SourcePos pos) {
        for (CodeValue.Keyword keyword : keywords) {
            CodeValue value = keyword.value();
            switch (keyword.name()) {
                case "optimizer" -> {
                    if (value instanceof CodeValue.Text text) {
                        CodeValue.Optimizer optimizer = Optimizers.kerasByName(text.value())
                                .map(s -> new CodeValue.Optimizer(s, "'" + text.value() + "'", keyword.pos()))
                                .orElseThrow(() -> new ImportFailure(keyword.pos(), "LayerLoom has no optimizer '"
                                        + text.value() + "'.", "Use 'adam', 'adamw', 'sgd', 'rmsprop' or 'adagrad'."));
                        setOptimizer(optimizer);
                    } else if (value instanceof CodeValue.Optimizer optimizer) {
                        setOptimizer(optimizer);
                    } else {
                        throw new ImportFailure(keyword.pos(), "LayerLoom cannot tell which optimizer this is.",
                                "Write optimizer='adam' or optimizer=keras.optimizers.Adam(learning_rate=0.001).");
                    }
                }
                case "loss" -> {
                    loss = kerasLoss(value, keyword.pos());
                    if (loss.description().replace("_", "").toLowerCase(java.util.Locale.ROOT)
                            .matches(".*(?<!sparse)categoricalcrossentropy.*")) {
                        notes.add("line " + keyword.pos().line() + ": " + loss.description() + " reads one-hot labels;"
                                + " LayerLoom's datasets give class numbers, with the same loss.");
                    }
                }
                case "metrics", "weighted_metrics", "run_eagerly", "jit_compile", "steps_per_execution" -> {
                }
                default -> throw new ImportFailure(keyword.pos(), "compile(...) has no argument '" + keyword.name()
                        + "' that LayerLoom can import.", "Remove it.");
            }
        }
        if (keywords.isEmpty()) {
            notes.add("line " + pos.line() + ": compile() names no optimizer or loss; the project's stay.");
        }
    }

    private static CodeValue.Loss kerasLoss(CodeValue value, SourcePos pos) {
        if (value instanceof CodeValue.Loss given) {
            return given;
        }
        String name = value instanceof CodeValue.Text text ? text.value()
                : value instanceof CodeValue.Symbol symbol ? symbol.dotted().substring(symbol.dotted().lastIndexOf('.') + 1)
                : "";
        return Losses.kerasByName(name, pos).orElseThrow(() -> new ImportFailure(pos, "LayerLoom has no loss "
                + (name.isEmpty() ? "like this" : "'" + name + "'") + ".", "Use 'sparse_categorical_crossentropy',"
                + " 'categorical_crossentropy', 'binary_crossentropy', 'mse' or 'mae'."));
    }

    void fit(List<CodeValue.Keyword> keywords) {
        for (CodeValue.Keyword keyword : keywords) {
            switch (keyword.name()) {
                case "epochs" -> training = training.withEpochs(positive(keyword, 100_000));
                case "batch_size" -> training = training.withBatchSize(positive(keyword, 1_000_000));
                case "validation_split" -> {
                    if (!(keyword.value() instanceof CodeValue.Num num) || num.value() < 0 || num.value() >= 1) {
                        throw new ImportFailure(keyword.pos(), "validation_split must be a fraction below 1.",
                                "Write validation_split=0.1.");
                    }
                    training = training.withValidationSplit(num.value());
                }
                default -> {
                }
            }
        }
        keywords.stream().filter(k -> k.name().equals("epochs")).findFirst().ifPresent(k -> notes.add("line "
                + k.pos().line() + ": fit(...) set training to " + training.epochs().getAsInt() + " epochs."));
        keywords.stream().filter(k -> k.name().equals("batch_size")).findFirst().ifPresent(k -> notes.add("line "
                + k.pos().line() + ": fit(...) set the batch size to " + training.batchSize().getAsInt() + "."));
    }

    static int positive(CodeValue.Keyword keyword, int max) {
        if (keyword.value() instanceof CodeValue.Num num && num.integral() && num.value() >= 1 && num.value() <= max) {
            return (int) num.value();
        }
        throw new ImportFailure(keyword.pos(), keyword.name() + " must be a whole number from 1 to " + max + ", not "
                + BoundArgs.describe(keyword.value()) + ".", "Write " + keyword.name() + "=10.");
    }

    void setOptimizer(CodeValue.Optimizer optimizer) {
        training = training.withOptimizer(optimizer.settings());
        notes.add("line " + optimizer.pos().line() + ": the optimizer " + optimizer.description() + " became "
                + Optimizers.describe(optimizer.settings()) + ".");
    }

}
