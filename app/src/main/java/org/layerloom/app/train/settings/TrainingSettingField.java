package org.layerloom.app.train.settings;

import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import org.layerloom.engine.graph.Range;
import org.layerloom.engine.project.DeviceChoice;
import org.layerloom.engine.project.OptimizerKind;
import org.layerloom.engine.project.ScheduleKind;
import org.layerloom.engine.project.TrainingSettings;
import org.layerloom.engine.text.Numbers;

/**
 * One value of a project's training settings as the settings panel shows it: its group, its name, a one-line
 * explanation, the values it may take (a range for numbers, a list for choices), how to read it from the settings,
 * how to make settings with another value, and when it matters (momentum only for SGD and RMSProp). Reads and checks
 * typed text with the project file's own ranges. Immutable; any thread.
 *
 * @param id      a stable id ("batch-size"), also the id of its editor
 * @param choices the choices of a {@link Kind#CHOICE} (enum constants), empty otherwise
 */
public record TrainingSettingField(String id, String category, String name, String help, Kind kind, Range range,
                                   List<?> choices, Function<TrainingSettings, Object> getter,
                                   BiFunction<TrainingSettings, Object, TrainingSettings> setter,
                                   Predicate<TrainingSettings> shown) {

    /** How a value is typed: a whole number, a real number, a choice among a list, or on/off. */
    public enum Kind { WHOLE, REAL, CHOICE, FLAG }

    public TrainingSettingField {
        Objects.requireNonNull(id, "id");
        choices = List.copyOf(choices);
    }

    /** The value in {@code settings}: an Integer, Long, Double, Boolean or enum constant. */
    public Object valueIn(TrainingSettings settings) {
        return getter.apply(settings);
    }

    /** {@code settings} with this field at {@code value} (already checked). */
    public TrainingSettings with(TrainingSettings settings, Object value) {
        return setter.apply(settings, value);
    }

    /** Whether the field matters for {@code settings} (its optimizer, its schedule). */
    public boolean isShownFor(TrainingSettings settings) {
        return shown.test(settings);
    }

    /** The value as the student reads it: "0.001", "64", "42". */
    public String format(Object value) {
        return switch (kind) {
            case WHOLE -> value instanceof Long l && (l > 1e15 || l < -1e15) ? Long.toString(l)
                    : Numbers.count(((Number) value).longValue());
            case REAL -> Numbers.rate(((Number) value).doubleValue());
            case CHOICE -> choiceName(value);
            case FLAG -> Boolean.TRUE.equals(value) ? "on" : "off";
        };
    }

    /** A choice as the student reads it: "Adam", "Cosine decay", "CPU". */
    public static String choiceName(Object choice) {
        if (choice instanceof OptimizerKind kind) {
            return switch (kind) {
                case SGD -> "SGD";
                case ADAM -> "Adam";
                case ADAMW -> "AdamW";
                case RMSPROP -> "RMSProp";
                case ADAGRAD -> "Adagrad";
            };
        }
        if (choice instanceof ScheduleKind kind) {
            return switch (kind) {
                case FIXED -> "Fixed";
                case STEP -> "Step decay";
                case COSINE -> "Cosine decay";
                case WARMUP -> "Warm-up";
            };
        }
        if (choice instanceof DeviceChoice device) {
            return switch (device) {
                case AUTO -> "Automatic";
                case CPU -> "CPU";
                case GPU -> "GPU";
            };
        }
        return String.valueOf(choice);
    }

    /** The allowed values in words, e.g. "1 to 65,536" or "0 (off) up to 0.99". */
    public String rangeText() {
        if (range == null) {
            return kind == Kind.WHOLE ? "Any whole number" : "";
        }
        String text = allowed();
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** "between 1 and 65,536", "at least 0" (no upper limit), "greater than 0 and at most 10". */
    private String allowed() {
        if (Double.isInfinite(range.max())) {
            return (range.minOpen() ? "greater than " : "at least ") + format(kind == Kind.WHOLE
                    ? (Object) (long) range.min() : (Object) range.min());
        }
        return range.describe(kind == Kind.WHOLE);
    }

    /** What the student typed as a value, or a sentence saying what is wrong with it. */
    public Parsed parse(String text) {
        String typed = text.strip().replace(",", "").replace('_', ' ').replace(" ", "");
        if (kind == Kind.REAL) {
            typed = text.strip().replace(',', '.');
        }
        try {
            Object value = switch (kind) {
                case WHOLE -> range == null ? (Object) Long.parseLong(typed) : (Object) Integer.parseInt(typed);
                case REAL -> Double.parseDouble(typed);
                default -> throw new IllegalStateException("only numbers are typed");
            };
            double number = ((Number) value).doubleValue();
            if (range != null && (!Double.isFinite(number) || !range.contains(number))) {
                return Parsed.problem(name + " must be " + allowed() + ".");
            }
            return new Parsed(value, null);
        } catch (NumberFormatException e) {
            return Parsed.problem("\"" + text.strip() + "\" is not "
                    + (kind == Kind.WHOLE ? "a whole number" : "a number") + "; "
                    + name.toLowerCase(java.util.Locale.ROOT) + " must be "
                    + (range == null ? "a whole number" : allowed()) + ".");
        }
    }

    /** The name of the undo step that sets this field to {@code value}: "Set batch size to 64". */
    public String stepName(Object value) {
        return "Set " + name.toLowerCase(java.util.Locale.ROOT) + " to " + format(value);
    }

    /** A value read from typed text, or the problem with the text. */
    public record Parsed(Object value, String problem) {

        static Parsed problem(String text) {
            return new Parsed(null, text);
        }

        public boolean ok() {
            return problem == null;
        }
    }
}
