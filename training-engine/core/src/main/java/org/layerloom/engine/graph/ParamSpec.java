package org.layerloom.engine.graph;

import java.util.List;
import java.util.Optional;

/**
 * The definition of one layer parameter: its name in files, its label and help for students, its
 * type, default and allowed values. Immutable; any thread.
 *
 * @param name stable key in project files
 * @param label what the property sheet shows
 * @param type the kind of value
 * @param defaultValue the value of a freshly added layer
 * @param range allowed numbers (integers, reals, and each axis of a shape); null for others
 * @param choices the options of a choice parameter; empty for others
 * @param help one or two sentences for students
 */
public record ParamSpec(String name, String label, ParamType type, ParamValue defaultValue,
                        Range range, List<ChoiceOption> choices, String help) {

    /** The most axes a typed shape may have. */
    public static final int MAX_RANK = 4;

    public ParamSpec {
        choices = List.copyOf(choices);
    }

    public static ParamSpec integer(String name, String label, int defaultValue, int min, int max, String help) {
        return new ParamSpec(name, label, ParamType.INTEGER, new ParamValue.Int(defaultValue),
                Range.closed(min, max), List.of(), help);
    }

    public static ParamSpec real(String name, String label, double defaultValue, Range range, String help) {
        return new ParamSpec(name, label, ParamType.REAL, new ParamValue.Real(defaultValue), range, List.of(), help);
    }

    public static ParamSpec flag(String name, String label, boolean defaultValue, String help) {
        return new ParamSpec(name, label, ParamType.FLAG, new ParamValue.Flag(defaultValue), null, List.of(), help);
    }

    public static ParamSpec choice(String name, String label, String defaultId, List<ChoiceOption> options,
                                   String help) {
        return new ParamSpec(name, label, ParamType.CHOICE, new ParamValue.Choice(defaultId), null, options, help);
    }

    public static ParamSpec dims(String name, String label, ParamValue.Dims defaultValue, int maxAxis, String help) {
        return new ParamSpec(name, label, ParamType.DIMS, defaultValue, Range.closed(1, maxAxis), List.of(), help);
    }

    /** Whether {@code value} is of this parameter's type (the range is not checked). */
    public boolean accepts(ParamValue value) {
        return switch (type) {
            case INTEGER -> value instanceof ParamValue.Int;
            case REAL -> value instanceof ParamValue.Real;
            case FLAG -> value instanceof ParamValue.Flag;
            case CHOICE -> value instanceof ParamValue.Choice;
            case DIMS -> value instanceof ParamValue.Dims;
        };
    }

    /**
     * Why {@code value} is not allowed, in a student's words (without the layer's name), or empty
     * when it is allowed.
     */
    public Optional<String> reasonToReject(ParamValue value) {
        if (!accepts(value)) {
            return Optional.of(label + " must be " + typeDescription() + ", not \"" + value.display() + "\"");
        }
        switch (type) {
            case INTEGER: {
                int v = ((ParamValue.Int) value).value();
                return range.contains(v) ? Optional.empty()
                        : Optional.of(label + " must be " + range.describe(true) + "; it is " + Range.format(v, true));
            }
            case REAL: {
                double v = ((ParamValue.Real) value).value();
                return range.contains(v) ? Optional.empty()
                        : Optional.of(label + " must be " + range.describe(false) + "; it is " + value.display());
            }
            case CHOICE: {
                String id = ((ParamValue.Choice) value).value();
                return choice(id).isPresent() ? Optional.empty()
                        : Optional.of(label + " must be one of " + choiceList() + "; it is \"" + id + "\"");
            }
            case DIMS: {
                List<Integer> dims = ((ParamValue.Dims) value).value();
                if (dims.isEmpty() || dims.size() > MAX_RANK) {
                    return Optional.of(label + " needs 1 to " + MAX_RANK + " sizes, like (1, 28, 28); it has "
                            + dims.size());
                }
                for (int d : dims) {
                    if (!range.contains(d)) {
                        return Optional.of("every size in " + label + " must be " + range.describe(true)
                                + "; " + value.display() + " has " + Range.format(d, true));
                    }
                }
                return Optional.empty();
            }
            default:
                return Optional.empty();
        }
    }

    /** The allowed value nearest to {@code value}, used by one-click fixes. */
    public ParamValue nearestAllowed(ParamValue value) {
        if (!accepts(value)) {
            return defaultValue;
        }
        return switch (type) {
            case INTEGER -> new ParamValue.Int((int) range.clamp(((ParamValue.Int) value).value(), true));
            case REAL -> new ParamValue.Real(range.clamp(((ParamValue.Real) value).value(), false));
            case CHOICE -> choice(((ParamValue.Choice) value).value()).isPresent() ? value : defaultValue;
            case DIMS -> {
                List<Integer> dims = ((ParamValue.Dims) value).value();
                if (dims.isEmpty() || dims.size() > MAX_RANK) {
                    yield defaultValue;
                }
                yield new ParamValue.Dims(dims.stream().map(d -> (int) range.clamp(d, true)).toList());
            }
            default -> value;
        };
    }

    public Optional<ChoiceOption> choice(String id) {
        return choices.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    private String choiceList() {
        return String.join(", ", choices.stream().map(c -> "\"" + c.id() + "\"").toList());
    }

    private String typeDescription() {
        return switch (type) {
            case INTEGER -> "a whole number";
            case REAL -> "a number";
            case FLAG -> "yes or no";
            case CHOICE -> "one of " + choiceList();
            case DIMS -> "a list of sizes like (1, 28, 28)";
        };
    }
}
