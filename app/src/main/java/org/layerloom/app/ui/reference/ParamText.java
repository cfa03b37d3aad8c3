package org.layerloom.app.ui.reference;

import java.util.stream.Collectors;
import org.layerloom.engine.graph.ChoiceOption;
import org.layerloom.engine.graph.ParamSpec;
import org.layerloom.engine.graph.ParamType;
import org.layerloom.engine.graph.ParamValue;

/** How a layer parameter's default and allowed values read in the reference. Stateless; any thread. */
final class ParamText {

    private ParamText() {
    }

    /** The default as a student sees it; for a choice, the option's label. */
    static String defaultValue(ParamSpec spec) {
        if (spec.type() == ParamType.CHOICE && spec.defaultValue() instanceof ParamValue.Choice choice) {
            return spec.choice(choice.value()).map(ChoiceOption::label).orElse(choice.value());
        }
        return spec.defaultValue().display();
    }

    /** E.g. "between 1 and 100,000", "yes or no", or the options of a choice. */
    static String allowed(ParamSpec spec) {
        return switch (spec.type()) {
            case INTEGER -> spec.range().describe(true);
            case REAL -> spec.range().describe(false);
            case FLAG -> "yes or no";
            case CHOICE -> spec.choices().stream().map(c -> "• " + c.label()).collect(Collectors.joining("\n"));
            case DIMS -> "1 to " + ParamSpec.MAX_RANK + " sizes, each " + spec.range().describe(true);
        };
    }
}
