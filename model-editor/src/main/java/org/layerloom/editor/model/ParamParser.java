package org.layerloom.editor.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.layerloom.engine.graph.ChoiceOption;
import org.layerloom.engine.graph.ParamSpec;
import org.layerloom.engine.graph.ParamValue;

/**
 * Reads what a student typed into a parameter editor: a value of the parameter's type within its
 * range, or the reason it is refused, in plain words. Stateless; any thread.
 */
public final class ParamParser {

    /** A parsed value or the reason there is none. */
    public record Result(Optional<ParamValue> value, Optional<String> reason) {

        static Result ok(ParamValue value) {
            return new Result(Optional.of(value), Optional.empty());
        }

        static Result refused(String reason) {
            return new Result(Optional.empty(), Optional.of(reason));
        }

        public boolean isValid() {
            return value.isPresent();
        }
    }

    private ParamParser() {
    }

    public static Result parse(ParamSpec spec, String text) {
        String t = text == null ? "" : text.strip();
        try {
            ParamValue value = switch (spec.type()) {
                case INTEGER -> new ParamValue.Int(Integer.parseInt(t.replace(",", "").replace("_", "")));
                case REAL -> new ParamValue.Real(Double.parseDouble(t.replace(",", "")));
                case FLAG -> new ParamValue.Flag(parseFlag(t));
                case CHOICE -> new ParamValue.Choice(choiceId(spec, t));
                case DIMS -> new ParamValue.Dims(parseDims(t));
            };
            return check(spec, value);
        } catch (NumberFormatException e) {
            return Result.refused(spec.label() + " must be " + expected(spec) + "; \"" + t + "\" is not.");
        } catch (IllegalArgumentException e) {
            return Result.refused(e.getMessage());
        }
    }

    /** Checks an already typed value against the parameter's range. */
    public static Result check(ParamSpec spec, ParamValue value) {
        Optional<String> reason = spec.reasonToReject(value);
        return reason.map(r -> Result.refused(capitalise(r) + "."))
                .orElseGet(() -> Result.ok(value));
    }

    private static boolean parseFlag(String t) {
        return switch (t.toLowerCase(Locale.ROOT)) {
            case "yes", "true", "on", "1" -> true;
            case "no", "false", "off", "0" -> false;
            default -> throw new IllegalArgumentException("Please answer yes or no.");
        };
    }

    private static String choiceId(ParamSpec spec, String t) {
        for (ChoiceOption option : spec.choices()) {
            if (option.id().equalsIgnoreCase(t) || option.label().equalsIgnoreCase(t)) {
                return option.id();
            }
        }
        return t;
    }

    private static List<Integer> parseDims(String t) {
        String inner = t.replace("(", " ").replace(")", " ").replace("[", " ").replace("]", " ");
        List<Integer> dims = new ArrayList<>();
        for (String part : inner.split("[,×x*\\s]+")) {
            if (!part.isBlank()) {
                dims.add(Integer.parseInt(part));
            }
        }
        return dims;
    }

    private static String expected(ParamSpec spec) {
        return switch (spec.type()) {
            case INTEGER -> "a whole number " + spec.range().describe(true);
            case REAL -> "a number " + spec.range().describe(false);
            case DIMS -> "a list of sizes like (1, 28, 28)";
            default -> "a valid value";
        };
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
