package org.layerloom.engine.imports.code;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The arguments of one call matched to a {@link Signature}, with typed accessors that fail with a
 * student-readable {@link ImportFailure} when a value has the wrong type. One per call; not thread-safe.
 */
final class BoundArgs {

    private final Signature signature;
    private final SourcePos callPos;
    private final Map<String, CodeValue> values = new HashMap<>();
    private final Map<String, SourcePos> positions = new HashMap<>();
    private final List<String> ignored = new ArrayList<>();

    private BoundArgs(Signature signature, SourcePos callPos) {
        this.signature = signature;
        this.callPos = callPos;
    }

    static BoundArgs bind(Signature signature, List<CodeValue> args, List<CodeValue.Keyword> keywords, SourcePos pos) {
        BoundArgs bound = new BoundArgs(signature, pos);
        if (args.size() > signature.positional().size()) {
            throw new ImportFailure(pos, signature.display() + "(...) takes at most " + signature.positional().size()
                    + " positional argument" + (signature.positional().size() == 1 ? "" : "s") + ", but "
                    + args.size() + " are given.", "Name the extra arguments, for example units=64.");
        }
        for (int i = 0; i < args.size(); i++) {
            bound.values.put(signature.positional().get(i), args.get(i));
            bound.positions.put(signature.positional().get(i), pos);
        }
        for (CodeValue.Keyword keyword : keywords) {
            if (signature.ignored().contains(keyword.name())) {
                bound.ignored.add(keyword.name());
                continue;
            }
            if (!signature.knows(keyword.name())) {
                throw new ImportFailure(keyword.pos(), signature.display() + "(...) has no argument '" + keyword.name()
                        + "' that LayerLoom can import.", "Remove it" + knownList(signature) + ".");
            }
            if (bound.values.containsKey(keyword.name())) {
                throw new ImportFailure(keyword.pos(), signature.display() + "(...) is given '" + keyword.name()
                        + "' twice.", "Give each argument once.");
            }
            bound.values.put(keyword.name(), keyword.value());
            bound.positions.put(keyword.name(), keyword.pos());
        }
        return bound;
    }

    private static String knownList(Signature signature) {
        List<String> names = new ArrayList<>(signature.positional());
        signature.keywords().stream().sorted().forEach(names::add);
        return names.isEmpty() ? "" : "; LayerLoom reads " + String.join(", ", names);
    }

    /** The keywords that were given but are ignored (names, initialisers). */
    List<String> ignored() {
        return ignored;
    }

    boolean has(String name) {
        CodeValue value = values.get(name);
        return value != null && !(value instanceof CodeValue.NoneValue);
    }

    SourcePos pos(String name) {
        return positions.getOrDefault(name, callPos);
    }

    SourcePos callPos() {
        return callPos;
    }

    String display() {
        return signature.display();
    }

    Optional<CodeValue> raw(String name) {
        return Optional.ofNullable(values.get(name));
    }

    int integer(String name, int fallback) {
        return has(name) ? integer(name) : fallback;
    }

    int integer(String name) {
        CodeValue value = required(name);
        if (value instanceof CodeValue.Num num && num.integral() && Math.abs(num.value()) <= Integer.MAX_VALUE) {
            return (int) num.value();
        }
        throw wrongType(name, value, "a whole number such as 64");
    }

    double real(String name, double fallback) {
        return has(name) ? real(name) : fallback;
    }

    double real(String name) {
        CodeValue value = required(name);
        if (value instanceof CodeValue.Num num) {
            return num.value();
        }
        throw wrongType(name, value, "a number such as 0.5");
    }

    boolean flag(String name, boolean fallback) {
        if (!has(name)) {
            return fallback;
        }
        CodeValue value = values.get(name);
        if (value instanceof CodeValue.Bool bool) {
            return bool.value();
        }
        throw wrongType(name, value, "True or False");
    }

    /** A string such as {@code 'relu'}, or the name of a function such as {@code tf.nn.relu}, in lower case. */
    Optional<String> text(String name) {
        if (!has(name)) {
            return Optional.empty();
        }
        CodeValue value = values.get(name);
        if (value instanceof CodeValue.Text text) {
            return Optional.of(text.value().toLowerCase(Locale.ROOT));
        }
        if (value instanceof CodeValue.Symbol symbol && symbol.dotted().contains(".")) {
            String dotted = symbol.dotted();
            return Optional.of(dotted.substring(dotted.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
        }
        throw wrongType(name, value, "a string such as 'relu'");
    }

    /** A size given as {@code 3} or {@code (3, 3)}; a window that is not square is refused. */
    int square(String name, int fallback) {
        if (!has(name)) {
            return fallback;
        }
        CodeValue value = values.get(name);
        if (value instanceof CodeValue.Items items) {
            List<Integer> sizes = new ArrayList<>();
            for (CodeValue item : items.items()) {
                if (!(item instanceof CodeValue.Num num) || !num.integral()) {
                    throw wrongType(name, value, "a whole number or a pair such as (3, 3)");
                }
                sizes.add((int) num.value());
            }
            if (sizes.isEmpty() || sizes.stream().distinct().count() != 1) {
                throw new ImportFailure(pos(name), display() + "(...) has " + name + "=" + describe(value)
                        + ", but LayerLoom's windows are square.", "Use the same size on every axis, such as "
                        + name + "=" + (sizes.isEmpty() ? 3 : sizes.get(0)) + ".");
            }
            return sizes.get(0);
        }
        return integer(name);
    }

    /** A shape such as {@code (28, 28, 1)}. */
    List<Integer> dims(String name) {
        CodeValue value = required(name);
        List<CodeValue> items = value instanceof CodeValue.Items list ? list.items() : List.of(value);
        List<Integer> dims = new ArrayList<>();
        for (CodeValue item : items) {
            if (item instanceof CodeValue.NoneValue) {
                throw new ImportFailure(pos(name), display() + "(...) leaves a size of " + name + " open (None),"
                        + " but a LayerLoom network needs every size.", "Write the size, such as (100,) for"
                        + " sequences of 100 tokens.");
            }
            if (!(item instanceof CodeValue.Num num) || !num.integral() || num.value() < 1 || num.value() > 1e9) {
                throw wrongType(name, value, "a tuple of positive whole numbers such as (28, 28, 1)");
            }
            dims.add((int) num.value());
        }
        if (dims.isEmpty()) {
            throw wrongType(name, value, "a tuple of positive whole numbers such as (28, 28, 1)");
        }
        return dims;
    }

    private CodeValue required(String name) {
        CodeValue value = values.get(name);
        if (value == null || value instanceof CodeValue.NoneValue) {
            throw new ImportFailure(callPos, display() + "(...) needs '" + name + "'.",
                    "Give it, for example " + display() + "(" + name + "=...).");
        }
        return value;
    }

    private ImportFailure wrongType(String name, CodeValue value, String expected) {
        if (value instanceof CodeValue.Symbol symbol && !symbol.dotted().contains(".")) {
            return new ImportFailure(pos(name), "The name '" + symbol.dotted() + "' is not given a value in the pasted"
                    + " code.", "Write the value itself, or paste the line that sets " + symbol.dotted() + ".");
        }
        if (value instanceof CodeValue.Unknown unknown) {
            return new ImportFailure(pos(name), "The value of '" + name + "' comes from " + unknown.what()
                    + ", which is only known when Python runs.", "Write the number itself.");
        }
        return new ImportFailure(pos(name), display() + "(...) needs " + expected + " for '" + name + "', not "
                + describe(value) + ".", "Write " + expected + ".");
    }

    static String describe(CodeValue value) {
        if (value instanceof CodeValue.Num num) {
            return num.integral() ? String.valueOf((long) num.value()) : String.valueOf(num.value());
        }
        if (value instanceof CodeValue.Text text) {
            return "'" + text.value() + "'";
        }
        if (value instanceof CodeValue.Bool bool) {
            return bool.value() ? "True" : "False";
        }
        if (value instanceof CodeValue.NoneValue) {
            return "None";
        }
        if (value instanceof CodeValue.Items items) {
            return "(" + String.join(", ", items.items().stream().map(BoundArgs::describe).toList()) + ")";
        }
        if (value instanceof CodeValue.Symbol symbol) {
            return symbol.dotted();
        }
        if (value instanceof CodeValue.Unknown unknown) {
            return unknown.what();
        }
        if (value instanceof CodeValue.LayerCall call) {
            return call.dotted() + "(...)";
        }
        return "a " + value.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }
}
