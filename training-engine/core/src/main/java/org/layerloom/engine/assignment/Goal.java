package org.layerloom.engine.assignment;

import java.util.Locale;
import java.util.Objects;
import org.layerloom.engine.graph.LayerKind;

/**
 * One goal of an assignment. Structural goals are judged on the network alone, before any training; run
 * goals on a finished run. {@link GoalCheck} judges them. Immutable; any thread.
 */
public sealed interface Goal {

    /** The goal's kind as project files name it, such as {@code "minTestAccuracy"}. */
    String kind();

    /** The goal for a student: "Test accuracy ≥ 0.98". */
    String describe();

    /** Whether the network alone decides this goal. */
    boolean structural();

    /** The test accuracy (0 to 1) is at least {@code min}. */
    record MinTestAccuracy(double min) implements Goal {
        public static final String KIND = "minTestAccuracy";

        public MinTestAccuracy {
            requireFraction(min, "test accuracy");
        }

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public String describe() {
            return "Test accuracy ≥ " + fraction(min);
        }

        @Override
        public boolean structural() {
            return false;
        }
    }

    /** The best validation accuracy (0 to 1) of the run is at least {@code min}. */
    record MinValidationAccuracy(double min) implements Goal {
        public static final String KIND = "minValidationAccuracy";

        public MinValidationAccuracy {
            requireFraction(min, "validation accuracy");
        }

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public String describe() {
            return "Best validation accuracy ≥ " + fraction(min);
        }

        @Override
        public boolean structural() {
            return false;
        }
    }

    /** The network has at most {@code max} trainable parameters. */
    record MaxParameters(long max) implements Goal {
        public static final String KIND = "maxParameters";

        public MaxParameters {
            if (max < 1) {
                throw new IllegalArgumentException("the most parameters must be at least 1, not " + max);
            }
        }

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public String describe() {
            return "At most " + whole(max) + " parameters";
        }

        @Override
        public boolean structural() {
            return true;
        }
    }

    /** The run trains for at most {@code max} epochs. */
    record MaxEpochs(int max) implements Goal {
        public static final String KIND = "maxEpochs";

        public MaxEpochs {
            if (max < 1) {
                throw new IllegalArgumentException("the most epochs must be at least 1, not " + max);
            }
        }

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public String describe() {
            return "At most " + max + (max == 1 ? " epoch" : " epochs");
        }

        @Override
        public boolean structural() {
            return false;
        }
    }

    /** The network uses at least one layer of {@code layer}'s kind. */
    record UsesLayer(LayerKind layer) implements Goal {
        public static final String KIND = "usesLayer";

        public UsesLayer {
            Objects.requireNonNull(layer, "layer");
        }

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public String describe() {
            return "Uses a " + layer.id() + " layer";
        }

        @Override
        public boolean structural() {
            return true;
        }
    }

    /** No Dense layer has more than {@code max} units. */
    record MaxDenseUnits(int max) implements Goal {
        public static final String KIND = "maxDenseUnits";

        public MaxDenseUnits {
            if (max < 1) {
                throw new IllegalArgumentException("the widest Dense layer must have at least 1 unit, not " + max);
            }
        }

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public String describe() {
            return "No Dense layer wider than " + whole(max) + " units";
        }

        @Override
        public boolean structural() {
            return true;
        }
    }

    /**
     * The validation loss is not rising at the end of the run: the last epoch's is at most
     * {@code tolerance} (a fraction, 0.05 for 5 %) above the lowest of the run.
     */
    record ValidationLossNotRising(double tolerance) implements Goal {
        public static final String KIND = "validationLossNotRising";
        public static final double DEFAULT_TOLERANCE = 0.05;

        public ValidationLossNotRising {
            if (!(tolerance >= 0 && tolerance <= 10)) {
                throw new IllegalArgumentException("the tolerance must lie between 0 and 10, not " + tolerance);
            }
        }

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public String describe() {
            return "Validation loss not rising (last epoch within " + percent(tolerance) + " of the lowest)";
        }

        @Override
        public boolean structural() {
            return false;
        }
    }

    private static void requireFraction(double value, String what) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("the " + what + " must lie between 0 and 1, not " + value);
        }
    }

    /** 0.98 → "0.98", 0.9 → "0.90", 0.973 → "0.973". */
    static String fraction(double value) {
        String three = String.format(Locale.ROOT, "%.3f", value);
        return three.endsWith("0") ? three.substring(0, three.length() - 1) : three;
    }

    /** 50000 → "50,000". */
    static String whole(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** 0.05 → "5 %". */
    static String percent(double fraction) {
        double p = fraction * 100;
        return (p == Math.rint(p) ? String.valueOf((long) p) : String.format(Locale.ROOT, "%.1f", p)) + " %";
    }
}
