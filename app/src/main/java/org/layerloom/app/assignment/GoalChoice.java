package org.layerloom.app.assignment;

import java.util.Locale;
import java.util.Optional;
import org.layerloom.engine.assignment.Goal;
import org.layerloom.engine.graph.LayerKind;

/**
 * The goal kinds a teacher picks from, each making its {@link Goal} from the text typed beside it, or saying in a
 * sentence what is wrong with that text. Immutable; any thread.
 */
public enum GoalChoice {
    MIN_TEST_ACCURACY("Test accuracy at least", "0.90"),
    MIN_VALIDATION_ACCURACY("Best validation accuracy at least", "0.90"),
    MAX_PARAMETERS("Parameters at most", "50000"),
    MAX_EPOCHS("Epochs at most", "10"),
    USES_LAYER("Uses a layer of kind", "Conv2D"),
    MAX_DENSE_UNITS("No Dense layer wider than", "128"),
    VALIDATION_LOSS_NOT_RISING("Validation loss not rising, tolerance", "0.05");

    private final String label;
    private final String example;

    GoalChoice(String label, String example) {
        this.label = label;
        this.example = example;
    }

    /** A value a teacher might type, shown as the field's prompt. */
    public String example() {
        return example;
    }

    @Override
    public String toString() {
        return label;
    }

    /** The goal with {@code text} as its value, or the reason {@code text} does not fit. */
    public Result parse(String text) {
        String t = text.strip();
        try {
            return switch (this) {
                case MIN_TEST_ACCURACY -> ok(new Goal.MinTestAccuracy(fraction(t)));
                case MIN_VALIDATION_ACCURACY -> ok(new Goal.MinValidationAccuracy(fraction(t)));
                case MAX_PARAMETERS -> ok(new Goal.MaxParameters(Long.parseLong(t.replace(",", "").replace("_", ""))));
                case MAX_EPOCHS -> ok(new Goal.MaxEpochs(Integer.parseInt(t)));
                case MAX_DENSE_UNITS -> ok(new Goal.MaxDenseUnits(Integer.parseInt(t)));
                case VALIDATION_LOSS_NOT_RISING -> ok(new Goal.ValidationLossNotRising(
                        t.isEmpty() ? Goal.ValidationLossNotRising.DEFAULT_TOLERANCE : Double.parseDouble(t)));
                case USES_LAYER -> LayerKind.fromId(t).map(k -> ok(new Goal.UsesLayer(k)))
                        .orElseGet(() -> problem("\"" + t + "\" is not a layer kind; write one as the palette names it,"
                                + " like Conv2D or Dense."));
            };
        } catch (NumberFormatException e) {
            return problem("\"" + t + "\" is not a number; " + toString().toLowerCase(Locale.ROOT) + " takes a value"
                    + " like " + example + ".");
        } catch (IllegalArgumentException e) {
            return problem(Character.toUpperCase(e.getMessage().charAt(0)) + e.getMessage().substring(1) + ".");
        }
    }

    /** An accuracy as a fraction: "0.9", or "90 %" read as 0.9. */
    private static double fraction(String t) {
        if (t.endsWith("%")) {
            return Double.parseDouble(t.substring(0, t.length() - 1).strip()) / 100;
        }
        return Double.parseDouble(t);
    }

    private static Result ok(Goal goal) {
        return new Result(Optional.of(goal), "");
    }

    private static Result problem(String why) {
        return new Result(Optional.empty(), why);
    }

    /** A goal, or the sentence saying why there is none. */
    public record Result(Optional<Goal> goal, String problem) {
    }
}
